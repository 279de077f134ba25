"""``newsfuse eval quotes``: quotes and attributions against PolNeAR-format gold (source, cue, content spans).

Gold: every attribution of an article; it is *direct* when quotation-marked stretches make up at
least half of its content characters (PolNeAR marks paraphrase and quotes alike). Predictions:
``Quote`` records from ``extract_and_resolve``, as ``newsfuse extract`` makes them.

Matching: a predicted quote matches a gold attribution when at least half of the predicted
span lies inside the gold content spans; each gold attribution is matched at most once per
predicted quote and counts as found when any predicted quote matches it. Content precision is
the share of predicted quotes that match (direct quotes against direct gold, all quotes
against all gold), recall the share of gold attributions found.

Speakers, on matched direct quotes: the predicted speaker is right when, words compared case-
and punctuation-insensitively, it equals the gold source or one contains the other and both
end on the same word (the head: "Pat Caddell" for "longtime Democratic pollster Pat Caddell"),
the gold source also read without its parentheses and appositions ("Rep. Jim Clyburn" for
"Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus"). A handful of gold
sources are the cue itself ("said"); those quotes are not scored for their speaker.
A gold pronoun source ("he") stands for the person it refers to: the nearest preceding gold
source in the article that names someone (a capitalised word past its first: "Mr. Clarke",
"The Post", not "environmentalists") is accepted as well as the pronoun itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.records import Article
from newsfuse.records.mentions import ArticleExtraction, Quote

_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that"}
_CUE_ONLY = re.compile(r"said|says|told|added|wrote", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    source: str  # the source spans' words, "" where the annotator gave none
    source_start: int
    direct: bool
    referent: str | None = None  # for a pronoun source: the nearest preceding named source


@dataclass
class PRF:
    matched_predicted: int = 0
    predicted: int = 0
    found_gold: int = 0
    gold: int = 0

    def to_json(self) -> dict:
        precision = self.matched_predicted / self.predicted if self.predicted else 0.0
        recall = self.found_gold / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }


@dataclass
class QuoteReport:
    documents: int = 0
    direct: PRF = field(default_factory=PRF)
    every: PRF = field(default_factory=PRF)
    speaker_matched: int = 0
    speaker_correct: int = 0
    speaker_missing: int = 0
    speaker_short: int = 0  # speakers of two letters or fewer: fragments, never names
    errors: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "direct": self.direct.to_json(),
            "all_attributions": self.every.to_json(),
            "speakers": {
                "matched_quotes": self.speaker_matched,
                "correct": self.speaker_correct,
                "accuracy": round(self.speaker_correct / self.speaker_matched, 4) if self.speaker_matched else 0.0,
                "missing": self.speaker_missing,
                "two_letters_or_fewer": self.speaker_short,
            },
            "errors": self.errors,
        }


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]


def _is_direct(text: str, spans: list[dict]) -> bool:
    content = sum(s["end"] - s["start"] for s in spans)
    quoted = sum(len(m.group()) for s in spans for m in _QUOTED.finditer(text[s["start"] : s["end"]]))
    return content > 0 and quoted >= 0.5 * content


def gold_attributions(text: str, record: dict) -> list[GoldAttribution]:
    """One article's gold attributions, pronoun sources linked to the nearest preceding named source."""
    found = []
    for item in record["attributions"]:
        if not item["content"]:
            continue
        sources = sorted(item["source"], key=lambda s: s["start"])
        source = " ".join(s["text"] for s in sources)
        start = sources[0]["start"] if sources else -1
        content = tuple((s["start"], s["end"]) for s in item["content"])
        found.append(GoldAttribution(content, source, start, _is_direct(text, item["content"])))
    named = sorted((a.source_start, a.source) for a in found if _names_someone(a.source))
    linked = []
    for attribution in found:
        referent = None
        if _is_pronoun(attribution.source):
            before = [s for start, s in named if start < attribution.source_start]
            referent = before[-1] if before else None
        linked.append(
            GoldAttribution(
                attribution.content, attribution.source, attribution.source_start, attribution.direct, referent
            )
        )
    return linked


def _names_someone(source: str) -> bool:
    """A source a he/she/it can refer back to: one with a name in it ("Mr. Clarke", "The Post"), not
    "environmentalists" or "The party's existing rules"."""
    words = source.split()
    return bool(words) and not _is_pronoun(source) and any(w[:1].isupper() for w in words[1:] or words)


def _is_pronoun(source: str) -> bool:
    return " ".join(_words(source)) in _PRONOUNS


def _inside(quote: Quote, spans: Iterable[tuple[int, int]]) -> bool:
    overlap = sum(max(0, min(quote.end, end) - max(quote.start, start)) for start, end in spans)
    return overlap * 2 >= quote.end - quote.start


def same_speaker(predicted: str | None, gold: str) -> bool:
    """Equal words, or one within the other ending on the same head word."""
    said, wanted = _words(predicted), _words(gold)
    if not said or not wanted:
        return False
    if said == wanted:
        return True
    shorter, longer = (said, wanted) if len(said) <= len(wanted) else (wanted, said)
    if shorter[-1] != longer[-1]:
        return False
    return any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))


def _head(source: str) -> str:
    """A source without its parentheses and appositions: "Rep. Jim Clyburn (D-S.C.), the assistant leader"
    -> "Rep. Jim Clyburn"; "Joseph, who has four children" -> "Joseph"."""
    return re.split(r",|\s+who\s", re.sub(r"\([^)]*\)", " ", source), maxsplit=1)[0]


def _speaker_right(quote: Quote, gold: GoldAttribution) -> bool:
    return any(
        same_speaker(quote.speaker, form) or same_speaker(quote.speaker, _head(form))
        for form in (gold.source, gold.referent or "")
    )


def score_article(report: QuoteReport, article: Article, extraction: ArticleExtraction, record: dict) -> None:
    golds = gold_attributions(article.text, record)
    for kind, prf, pool in (("direct", report.direct, [g for g in golds if g.direct]), ("all", report.every, golds)):
        predicted = [q for q in extraction.quotes if kind == "all" or q.kind == "direct"]
        found: set[int] = set()
        for quote in predicted:
            hits = [i for i, g in enumerate(pool) if _inside(quote, g.content)]
            prf.matched_predicted += bool(hits)
            found.update(hits)
            if kind == "direct" and hits:
                _score_speaker(report, article, quote, pool[hits[0]])
        prf.predicted += len(predicted)
        prf.found_gold += len(found)
        prf.gold += len(pool)


def _score_speaker(report: QuoteReport, article: Article, quote: Quote, gold: GoldAttribution) -> None:
    if not gold.source or _CUE_ONLY.fullmatch(gold.source.strip()):
        return  # the annotator named no source (or marked the cue as the source): nothing to compare with
    report.speaker_matched += 1
    right = _speaker_right(quote, gold)
    report.speaker_correct += right
    report.speaker_missing += quote.speaker is None
    report.speaker_short += quote.speaker is not None and len(quote.speaker.strip()) <= 2
    if not right:
        report.errors.append(
            {
                "doc": article.id,
                "start": quote.start,
                "quote": quote.text[:80],
                "gold": gold.source,
                "referent": gold.referent,
                "predicted": quote.speaker,
            }
        )


def read_polnear(articles_path: Path, gold_path: Path) -> list[tuple[Article, dict]]:
    """The articles as a user would ingest them (title as the first line of the text), each with its gold."""
    gold = {}
    with gold_path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                gold[record["id"]] = record
    pairs = []
    with articles_path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            if item["id"] in gold:
                article = Article(
                    id=item["id"],
                    text=item["text"],
                    title=item.get("title", ""),
                    language=item.get("language"),
                    published=item.get("published"),
                    origin=f"{articles_path}:{item['id']}",
                )
                pairs.append((article, gold[item["id"]]))
    return pairs


def evaluate_quotes(articles_path: Path, gold_path: Path, models) -> QuoteReport:
    from newsfuse.extract import extract_and_resolve

    pairs = read_polnear(Path(articles_path), Path(gold_path))
    by_id = {article.id: (article, record) for article, record in pairs}
    report = QuoteReport(documents=len(pairs))
    for extraction in extract_and_resolve([a for a, _ in pairs], models):
        article, record = by_id[extraction.article_id]
        score_article(report, article, extraction, record)
    return report
