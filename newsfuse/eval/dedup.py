"""``newsfuse eval dedup``: a near-duplicate benchmark built from the shared corpora, and its scores.

Every source article (ECB+ and MEANTIME texts, plus any JSONL given) gets one or two syndicated
copies with realistic edits drawn at random (seeded): a new byline, a dateline with an agency
credit, boilerplate appended, truncation, a dropped sentence, light rewording. Originals that are
already copies of one another are reduced to one first (the corpora hold some wire copies), so the
only duplicate pairs are the ones made here; the rest, including different reports of the same
event, are negatives. Scores are over article pairs placed in one duplicate group.
"""

from __future__ import annotations

import itertools
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse import dedup
from newsfuse.records.article import Article, content_id
from newsfuse.records.relations import DuplicateLink
from newsfuse.store import open_store

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
_BYLINES = ("By Staff Reporter", "By {name}, Associated Press Writer", "By {name} | Reuters", "{name}, Correspondent")
_NAMES = ("Anna Kowalski", "James Okafor", "Priya Raman", "Tom Becker", "Lucia Ferri", "Daniel Cho")
_AGENCIES = ("(AP)", "(Reuters)", "(AFP)", "(dpa)", "-- ")
_CITIES = ("NEW YORK", "LONDON", "WASHINGTON", "PARIS", "NEW DELHI", "SYDNEY")
_BOILERPLATE = (
    "Copyright {year} The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Follow us on Twitter and Facebook for the latest updates. Sign up for our daily newsletter.",
    "Reporting by {name}; Editing by {other}",
    "This article was generated from an automated news agency feed without modifications to text.",
    "Related: More stories from our partners. Advertisement.",
)
# Light rewording that keeps meaning: the kind of edits copy desks make.
_SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "after": "following",
    "before": "ahead of",
    "about": "around",
    "people": "persons",
    "killed": "left dead",
    "big": "large",
    "started": "began",
    "also": "additionally",
    "but": "however,",
    "because": "as",
    "many": "numerous",
    "help": "assist",
    "show": "indicate",
    "buy": "purchase",
    "police": "officers",
    "officials": "authorities",
    "near": "close to",
}


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _byline(rng: random.Random, sentences: list[str]) -> list[str]:
    return [rng.choice(_BYLINES).format(name=rng.choice(_NAMES)), *sentences]


def _dateline(rng: random.Random, sentences: list[str]) -> list[str]:
    if not sentences:
        return sentences
    prefix = f"{rng.choice(_CITIES)} {rng.choice(_AGENCIES)} - "
    return [prefix + sentences[0], *sentences[1:]]


def _boilerplate(rng: random.Random, sentences: list[str]) -> list[str]:
    line = rng.choice(_BOILERPLATE).format(
        year=rng.randint(2005, 2024), name=rng.choice(_NAMES), other=rng.choice(_NAMES)
    )
    return [*sentences, line]


def _truncate(rng: random.Random, sentences: list[str]) -> list[str]:
    keep = max(2, round(len(sentences) * rng.uniform(0.6, 0.9)))
    return sentences[:keep]


def _drop(rng: random.Random, sentences: list[str]) -> list[str]:
    if len(sentences) < 4:
        return sentences
    gone = rng.randrange(1, len(sentences))
    return sentences[:gone] + sentences[gone + 1 :]


def _reword(rng: random.Random, sentences: list[str]) -> list[str]:
    out = []
    for sentence in sentences:
        words = sentence.split(" ")
        for i, word in enumerate(words):
            swap = _SYNONYMS.get(word.lower())
            if swap and rng.random() < 0.6:
                words[i] = swap
        out.append(" ".join(words))
    return out


EDITS = {
    "byline": _byline,
    "dateline": _dateline,
    "boilerplate": _boilerplate,
    "truncation": _truncate,
    "dropped_passage": _drop,
    "rewording": _reword,
}


def syndicate(text: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """A syndicated copy of ``text`` and the names of the edits applied to it."""
    names = tuple(sorted(rng.sample(sorted(EDITS), rng.randint(2, 4))))
    sentences = split_sentences(text)
    for name in ("rewording", "truncation", "dropped_passage", "dateline", "byline", "boilerplate"):
        if name in names:
            sentences = EDITS[name](rng, sentences)
    separator = "\n" if rng.random() < 0.5 else " "
    return separator.join(sentences), names


@dataclass(frozen=True, slots=True)
class SourceText:
    key: str
    title: str
    text: str


@dataclass(slots=True)
class DedupEvalReport:
    sources: int
    copies: int
    articles: int
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    seconds: float
    edits: Counter = field(default_factory=Counter)
    missed_by_edit: Counter = field(default_factory=Counter)
    derivation_links: int = 0

    @property
    def precision(self) -> float:
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {
            "sources": self.sources,
            "copies": self.copies,
            "articles": self.articles,
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "true_pairs": self.true_pairs,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "articles_per_second": round(self.articles / self.seconds, 1) if self.seconds else None,
            "derivation_links": self.derivation_links,
            "edits": dict(self.edits),
            "missed_by_edit": dict(self.missed_by_edit),
        }


def shared_sources(shared: Path) -> list[SourceText]:
    """ECB+ articles and MEANTIME documents under ``shared/data`` (whatever of them is present)."""
    import json

    from newsfuse.eval.meantime import iter_corpus

    out: list[SourceText] = []
    ecb = shared / "data" / "ecbplus" / "articles.jsonl"
    if ecb.is_file():
        for line in ecb.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out.append(SourceText(f"ecbplus:{record['id']}", record.get("title", ""), record["text"]))
    meantime = shared / "data" / "meantime"
    if meantime.is_dir():
        out.extend(SourceText(f"meantime:{doc.doc_id}", doc.title, doc.text) for doc in iter_corpus(meantime))
    return out


def _article(key: str, title: str, text: str) -> Article:
    return Article(id=content_id(title, text), text=text, title=title, external_id=key)


def _groups(links: Iterable[DuplicateLink]) -> dict[str, str]:
    """Article -> representative of its duplicate group (connected components of the links)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[find(link.article_id)] = find(link.duplicate_of)
    return {x: find(x) for x in parent}


def _pairs(group_of: dict[str, str]) -> set[frozenset[str]]:
    members: dict[str, list[str]] = {}
    for item, root in group_of.items():
        members.setdefault(root, []).append(item)
    return {frozenset(p) for group in members.values() for p in itertools.combinations(sorted(group), 2)}


def _distinct_sources(sources: list[SourceText], folder: Path) -> list[SourceText]:
    """Drop originals that dedup itself finds to be copies of an earlier original."""
    articles = {}
    for source in sources:
        article = _article(source.key, source.title, source.text)
        articles.setdefault(article.id, (article, source))
    with open_store(folder / "sources.db") as store:
        store.add_articles([a for a, _ in articles.values()])
        links = dedup.update(store, list(articles))
    copies = {link.article_id for link in links if isinstance(link, DuplicateLink)}
    return [source for article_id, (_, source) in articles.items() if article_id not in copies]


def evaluate_dedup(sources: list[SourceText], seed: int = 13, limit: int | None = None) -> DedupEvalReport:
    """Build the benchmark from ``sources`` (seeded), deduplicate it in a fresh store, score pairs."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="newsfuse-dedup-eval-") as folder:
        distinct = _distinct_sources(sources, Path(folder))
        if limit is not None:
            distinct = rng.sample(distinct, min(limit, len(distinct)))
        articles, gold_group, edits_of = [], {}, {}
        for source in distinct:
            original = _article(source.key, source.title, source.text)
            articles.append(original)
            gold_group[original.id] = original.id
            for n in range(1 if rng.random() < 0.7 else 2):
                text, edits = syndicate(source.text, rng)
                title = source.title if rng.random() < 0.5 else ""
                copy = _article(f"{source.key}#copy{n}", title, text)
                if copy.id in gold_group:
                    continue
                articles.append(copy)
                gold_group[copy.id] = original.id
                edits_of[copy.id] = edits
        rng.shuffle(articles)
        with open_store(Path(folder) / "bench.db") as store:
            store.add_articles(articles)
            started = time.perf_counter()
            links = dedup.update(store, [a.id for a in articles])
            seconds = time.perf_counter() - started
    duplicates = [link for link in links if isinstance(link, DuplicateLink)]
    gold, predicted = _pairs(gold_group), _pairs(_groups(duplicates))
    report = DedupEvalReport(
        len(distinct),
        len(edits_of),
        len(articles),
        len(gold),
        len(predicted),
        len(gold & predicted),
        seconds,
        derivation_links=len(links) - len(duplicates),
    )
    for copy_id, edits in edits_of.items():
        report.edits.update(edits)
        if frozenset((copy_id, gold_group[copy_id])) not in predicted:
            report.missed_by_edit.update(edits)
    return report
