"""``newsfuse eval claims``: cross-document event coreference of fused claims on ECB+-format gold mentions.

The corpus goes through the shipped pipeline (ingest, dedup, cluster, extract, fuse) in a fresh
store, so claims are fused within newsfuse's own events. Each gold event mention is mapped to the
claim whose evidence trigger (or one of its event mentions) overlaps it; unmatched mentions are
singletons. Scored: MUC, B-cubed, CEAF-e, CoNLL F1 and mention coverage, beside the same-lemma
baseline (mentions whose first word has the same lemma, within one gold event) computed in the
same run, and the same baseline within newsfuse's events.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsfuse.errors import InputError
from newsfuse.eval.coref import CorefScores, score_coreference
from newsfuse.records.article import Article
from newsfuse.records.claims import EventRecord
from newsfuse.settings import Settings


@dataclass(frozen=True, slots=True)
class GoldMention:
    key: str  # "<corpus article id>:<m_id>"
    article: str  # the corpus's article id
    start: int
    end: int
    text: str
    instance: str
    topic: int
    subtopic: str


@dataclass
class ClaimsEvalReport:
    articles: int
    mentions: int
    covered: int
    claims: CorefScores
    same_lemma: CorefScores
    same_lemma_system_events: CorefScores
    events: int
    seconds: float
    scope: str = "newsfuse events"
    misses: list[dict] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.mentions if self.mentions else 0.0

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "events": self.events,
            "scope": self.scope,
            "mentions": self.mentions,
            "coverage": round(self.coverage, 4),
            "claims": self.claims.to_json(),
            "baseline_same_lemma_gold_events": self.same_lemma.to_json(),
            "baseline_same_lemma_newsfuse_events": self.same_lemma_system_events.to_json(),
            "seconds": round(self.seconds, 1),
        }

    def table_rows(self) -> list[tuple[str, str, str, str, str, str]]:
        rows = []
        for name, scores in (
            ("claims", self.claims),
            ("same lemma (gold events)", self.same_lemma),
            ("same lemma (newsfuse events)", self.same_lemma_system_events),
        ):
            rows.append(
                (
                    name,
                    f"{scores.muc[2]:.4f}",
                    f"{scores.bcubed[2]:.4f}",
                    f"{scores.ceafe[2]:.4f}",
                    f"{scores.conll_f1:.4f}",
                    f"{self.coverage:.4f}" if name == "claims" else "",
                )
            )
        return rows


def parse_topics(value: str | None) -> set[int] | None:
    """ "1-35" or "1,3,5-7" -> topic numbers; None: every topic."""
    if not value:
        return None
    topics: set[int] = set()
    for part in value.split(","):
        first, _, last = part.strip().partition("-")
        try:
            topics.update(range(int(first), int(last or first) + 1))
        except ValueError as exc:
            raise InputError("--topics", f"not a topic list: {value!r}", part) from exc
    return topics


def read_mentions(path: str | Path, topics: set[int] | None, validated_only: bool = True) -> list[GoldMention]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                m = json.loads(line)
                if validated_only and not m.get("validated"):
                    continue
                if topics is not None and int(m["topic"]) not in topics:
                    continue
                out.append(
                    GoldMention(
                        f"{m['id']}:{m['m_id']}", m["id"], m["start"], m["end"], m["text"],
                        m["instance"], int(m["topic"]), str(m["subtopic"]),
                    )
                )  # fmt: skip
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(str(path), f"not an ECB+ mention line: {exc}", f"line {number}") from exc
    return out


def claim_spans(record: EventRecord) -> Iterator[tuple[str, int, int, str]]:
    """(article id, start, end, claim id) of every event word a record's claims rest on."""
    for claim in record.claims:
        for evidence in claim.evidence:
            if evidence.trigger_start is not None and evidence.trigger_end is not None:
                yield evidence.article_id, evidence.trigger_start, evidence.trigger_end, claim.id
        for mention in getattr(claim, "mentions", ()):
            yield mention.article_id, mention.start, mention.end, claim.id


def map_mentions(mentions: Iterable[GoldMention], spans, internal_id: dict[str, str]) -> dict[str, str]:
    """Gold mention key -> claim id, for mentions some claim's trigger overlaps (the closest start wins)."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for article_id, start, end, claim in spans:
        by_article.setdefault(article_id, []).append((start, end, claim))
    out = {}
    for m in mentions:
        found = [
            (abs(s - m.start), claim)
            for s, e, claim in by_article.get(internal_id.get(m.article, ""), ())
            if s < m.end and m.start < e
        ]
        if found:
            out[m.key] = min(found)[1]
    return out


def first_lemmas(articles: list[Article], mentions: list[GoldMention], nlp) -> dict[str, str]:
    """Gold mention key -> the lemma of its first word, from the article's own tagging."""
    by_article: dict[str, list[GoldMention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    wanted = [a for a in articles if a.external_id in by_article]
    out = {}
    for article, doc in zip(wanted, nlp.pipe(a.text for a in wanted), strict=True):
        for m in by_article[article.external_id]:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            out[m.key] = span[0].lemma_.lower() if span is not None and len(span) else m.text.lower()
    return out


def evaluate_claims(
    mentions_path: str | Path,
    articles_path: str | Path,
    settings: Settings | None = None,
    *,
    topics: set[int] | None = None,
    validated_only: bool = True,
) -> ClaimsEvalReport:
    """Run the pipeline over the corpus articles of the chosen topics and score the fused claims."""
    from newsfuse.eval.cluster import read_articles

    settings = settings or Settings()
    mentions = read_mentions(mentions_path, topics, validated_only)
    wanted = {m.article for m in mentions}
    articles = [a for a in read_articles(articles_path, settings) if a.external_id in wanted]
    if not articles:
        raise InputError(str(articles_path), "no article of the chosen topics could be read")
    return score_claims(mentions, articles, settings)


def meantime_mentions(root: str | Path) -> tuple[list[GoldMention], list[Article]]:
    """MEANTIME's event mentions as gold items: clustered by the cross-document EVENT each one REFERS_TO.

    An instance without an ``instance_id`` is the document's own (a within-document chain), never
    one cluster of the whole sub-corpus; a mention without an instance is a singleton; the sub-corpus (airbus, apple) is its topic, and
    the articles are the documents as a user would ingest them (text, headline, creation date).
    """
    from newsfuse.eval.dates import document_article
    from newsfuse.eval.meantime import iter_corpus

    mentions, articles, corpora = [], [], {}
    for doc in iter_corpus(root):
        corpus = Path(doc.path).parent.name
        topic = corpora.setdefault(corpus, len(corpora) + 1)
        article = document_article(doc)
        articles.append(replace(article, external_id=doc.doc_id))
        refers = doc.instance_of()
        for m in doc.by_tag("EVENT_MENTION"):
            instance = refers.get(m.m_id)
            if instance is not None and instance.instance_id:
                name = f"{corpus}:{instance.instance_id}"  # a cross-document instance
            elif instance is not None:
                name = f"{doc.doc_id}:i{instance.m_id}"  # an instance of this document only (no instance_id)
            else:
                name = f"{doc.doc_id}:{m.m_id}"
            mentions.append(
                GoldMention(f"{doc.doc_id}:{m.m_id}", doc.doc_id, m.start, m.end, m.text, name, topic, corpus)
            )
    if not mentions:
        raise InputError(str(root), "no MEANTIME event mention found")
    return mentions, articles


def score_claims(mentions: list[GoldMention], articles: list[Article], settings: Settings) -> ClaimsEvalReport:
    """The pipeline over ``articles``; its claims scored against ``mentions`` beside the same-lemma baselines."""
    started = time.perf_counter()
    records, event_of = _pipeline_records(articles, settings)
    seconds = time.perf_counter() - started
    internal_id = {a.external_id: a.id for a in articles}
    system = map_mentions(mentions, (s for r in records for s in claim_spans(r)), internal_id)
    key = {m.key: m.instance for m in mentions}
    from newsfuse.fuse.parse import load_parser

    lemmas = first_lemmas(articles, mentions, load_parser(parser=False))
    gold_lemma = {m.key: (m.subtopic, lemmas[m.key]) for m in mentions}
    own_lemma = {m.key: (event_of.get(internal_id.get(m.article)), lemmas[m.key]) for m in mentions}
    return ClaimsEvalReport(
        articles=len(articles),
        mentions=len(mentions),
        covered=len(system),
        claims=score_coreference(key, system),
        same_lemma=score_coreference(key, gold_lemma),
        same_lemma_system_events=score_coreference(key, own_lemma),
        events=len(records),
        seconds=seconds,
        misses=[{"text": m.text, "article": m.article} for m in mentions if m.key not in system],
    )


def _pipeline_records(articles: list[Article], settings: Settings) -> tuple[list[EventRecord], dict[str, str]]:
    """The shipped pipeline over ``articles`` in a temporary store: its event records and article -> event."""
    from newsfuse.ingest import store_articles
    from newsfuse.pipeline import process
    from newsfuse.store import open_store

    with tempfile.TemporaryDirectory(prefix="newsfuse-eval-") as folder, open_store(Path(folder) / "eval.db") as store:
        report = store_articles(articles, store, settings.batch_size)
        process(store, list(report.new), settings)
        records = list(store.iter_event_records())
        event_of = {a.id: store.event_of(a.id) for a in articles}
    return records, event_of
