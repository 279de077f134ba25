"""What clustering compares: content terms, names and numbers (a light, spaCy-free NER), and the day.

Names are runs of capitalised words plus numbers of three or more digits ("Tara Reid", "Promises",
"#2013", "#23" is too short and dropped): the participants, places and figures that tell two similar
happenings apart when their vocabulary is the same.

People are found by the news convention of naming someone in full once and by surname after
("Jamal Williams was arrested ... Williams gave a blood sample"): a two- or three-word capitalised
run whose last word also stands alone elsewhere (not after "the", which marks teams and
organisations: "the Chargers"). Two reports of one kind of happening with different protagonists
(two players' arrests, two coaches' firings) share vocabulary and places but not these surnames.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsfuse.cluster import crosslingual
from newsfuse.dedup.boilerplate import host_of
from newsfuse.dedup.specifics import lead_of, specifics_of
from newsfuse.records.article import Article

_WORD = re.compile(r"[^\W\d_][\w'\-]*[^\W_]|[^\W\d_]", re.UNICODE)
# Runs of capitalised words on one line ("Tara Reid", "Promises Treatment Center"); sentence-initial
# words are kept: a capitalised stopword there is dropped by the stopword list.
# Each pattern starts with the character class it needs ("[A-Z]", "\d") and checks what precedes it
# afterwards: a leading lookbehind or \b would be tried at every position of the text, and these
# three scans were most of the cost of clustering features (same matches, 1.3-7x faster; the plain
# forms are in tests/cluster/test_features.py).
# Capitals of every script, not only A-Z: "Öztürk", "Škoda" (names are folded by ``crosslingual.fold``).
_UP = crosslingual.UPPER
_NAME_RUN = re.compile(rf"(?:[{_UP}](?<!\w[{_UP}])[\w'\-]*[^\W_](?:[ \t]+|\b))+")
# A capitalised run for person detection: not after "the" (teams, organisations), initials allowed.
_PERSON_RUN = re.compile(
    r"[A-Z](?<!\w[A-Z])(?<!\bthe [A-Z])(?<!\bThe [A-Z])[\w'\-]*[a-z](?:[ ]+(?:[A-Z]\.[ ]+)?[A-Z][\w'\-]*[a-z])*\b"
)
_STOPWORDS = frozenset(
    "a about above after again against all also although am among an and any are around as at be because been before"
    " being below between both but by can could did do does doing down during each either even ever every few for"
    " from further get got had has have having he her here hers herself him himself his how however i if in into is"
    " it its itself just last least less like made make many may me might more most much must my near neither never"
    " new next no nor not now of off often on once one only or other our ours out over own per put rather said same"
    " say says see seen she should since so some still such than that the their theirs them then there these they"
    " this those though through thus to too two under until up upon us very via was we were what when where whether"
    " which while who whom whose why will with within without would yet you your yours mr mrs ms"
    " monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week month year years"
    " january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Raw term counts (log-scaled) of one article; IDF weighting happens in the index."""

    article_id: str
    terms: dict[str, float]  # content words
    names: dict[str, float]  # capitalised runs, their words, and long numbers
    day: int | None  # proleptic ordinal of the publication date; None when unknown
    vector: np.ndarray | None = None  # unit-length sentence embedding, when embeddings are on
    persons: dict[str, float] = field(default_factory=dict)  # surnames of people named in full, log-scaled
    specifics: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> details (``dedup/specifics.py``)
    ml_vector: np.ndarray | None = None  # unit multilingual-e5 vector, for comparing across languages
    language: str | None = None  # ISO 639-1: content words are compared only within one language
    host: str = ""  # the outlet: what it says in most of its articles is its locality, not a happening's


def article_day(article: Article) -> int | None:
    value = article.published_date
    if not value:
        return None
    try:
        return date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def features_of(
    article: Article, vector: np.ndarray | None = None, ml_vector: np.ndarray | None = None
) -> ArticleFeatures:
    """Features of ``article`` (title and body together)."""
    text = (
        f"{article.title}\n{article.text}"
        if article.title and not article.text.startswith(article.title)
        else article.text
    )
    lead = lead_of(text, 2)
    # Another language's function words would make all its reports look alike (one mega-event).
    language = article.language if article.language and article.language != "en" else None
    stop = _STOPWORDS | crosslingual.stop_words(language) if language else _STOPWORDS
    folded = crosslingual.fold(text) if language else text.casefold()
    lowered = _WORD.findall(folded) + _WORD.findall(crosslingual.fold(lead) if language else lead.casefold())
    terms = Counter(w for w in lowered if len(w) > 2 and w not in stop)
    names: Counter[str] = Counter()
    for run in _NAME_RUN.findall(text) + _NAME_RUN.findall(lead):
        parts = [
            p for p in map(crosslingual.fold, run.split() if not language else crosslingual.stems(run)) if p not in stop
        ]
        names.update(parts)
        if len(parts) > 1:
            names["_".join(parts)] += 1
    # Figures and dates as values, so a translation's "40.000 millones" meets "$40 billion".
    names.update(crosslingual.value_keys(text, article.language))
    names.update(crosslingual.date_keys(text))
    return ArticleFeatures(
        article.id,
        _log_scaled(terms),
        _log_scaled(names),
        article_day(article),
        vector,
        person_surnames(text),
        specifics_of(text, lead_of(text)),  # the happening's own details: headline and first paragraphs
        ml_vector,
        article.language,
        host_of(article),
    )


def person_surnames(text: str) -> dict[str, float]:
    """Surnames of people named in full and then by surname alone, log-scaled by how often they occur."""
    runs = _PERSON_RUN.findall(text)
    alone = Counter(run for run in runs if " " not in run)
    full = Counter(run.split()[-1] for run in runs if 2 <= run.count(" ") + 1 <= 3 and alone[run.split()[-1]])
    counts = Counter({surname.casefold(): n + alone[surname] for surname, n in full.items()})
    for stopword in _STOPWORDS & counts.keys():
        del counts[stopword]
    return _log_scaled(counts)


def _log_scaled(counts: Counter[str]) -> dict[str, float]:
    return {term: 1.0 + math.log(count) for term, count in counts.items()}
