"""``eval claims``: coreference metrics on known cases, mention mapping, and the command on a small corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.eval.claims import GoldMention, map_mentions, parse_topics
from newsfuse.eval.coref import ceafe, muc, score_coreference


def test_perfect_response_scores_one_everywhere():
    key = {"a": 1, "b": 1, "c": 2, "d": 3}
    scores = score_coreference(key, {"a": "x", "b": "x", "c": "y", "d": "z"})
    assert scores.conll_f1 == pytest.approx(1.0)


def test_muc_counts_links_and_ceafe_aligns_clusters():
    key = {"a": 1, "b": 1, "c": 1, "d": 2}
    response = {"a": "x", "b": "x", "c": "y", "d": "y"}
    precision, recall, _ = muc(key, response)
    assert recall == pytest.approx(0.5) and precision == pytest.approx(0.5)
    p, r, _ = ceafe(key, response)
    # {a,b,c} ~ {a,b}: 2*2/5; {d} ~ {c,d}: 2*1/3
    assert p == pytest.approx((0.8 + 2 / 3) / 2) and r == pytest.approx((0.8 + 2 / 3) / 2)


def test_unmatched_mentions_are_singletons():
    key = {"a": 1, "b": 1}
    assert score_coreference(key, {}).muc[1] == 0.0


def test_topics_and_mapping():
    assert parse_topics("1-3,7") == {1, 2, 3, 7}
    mention = GoldMention("d1:1", "d1", 10, 18, "shooting", "i1", 1, "1ecb")
    spans = [("a_1", 0, 5, "c_far"), ("a_1", 12, 15, "c_near"), ("a_2", 10, 18, "c_other")]
    assert map_mentions([mention], spans, {"d1": "a_1"}) == {"d1:1": "c_near"}


ARTICLES = [
    ("1_1ecb", "Gunman kills two in Omaha mall", "A gunman shot dead two people at a mall in Omaha on Friday. The shooting shocked the city."),
    ("1_2ecb", "Omaha mall shooting", "Police said the shooting at the Omaha mall left two people dead. The gunman shot himself."),
]  # fmt: skip


def test_eval_claims_command_scores_a_small_corpus(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": i, "title": t, "text": x}) + "\n" for i, t, x in ARTICLES))
    lines = []
    for article_id, _, text in ARTICLES:
        for n, word in enumerate(("shot", "shooting")):
            start = text.index(word)
            lines.append(
                {"id": article_id, "start": start, "end": start + len(word), "text": word, "instance": "1_shoot",
                 "sentence": 0, "topic": 1, "subtopic": "1ecb", "tag": "ACTION_OCCURRENCE", "m_id": str(n),
                 "tokens": [word], "discontinuous": False, "validated": True}
            )  # fmt: skip
    mentions = tmp_path / "mentions.jsonl"
    mentions.write_text("".join(json.dumps(m) + "\n" for m in lines))
    args = ["eval", "claims", "--mentions", str(mentions), "--articles", str(articles), "--format", "json"]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["mentions"] == 4 and report["coverage"] >= 0.75
    # the shooting's words of both reports land in one claim: at least two of the three links are found
    assert report["claims"]["muc"]["recall"] >= 2 / 3
    assert report["baseline_same_lemma_gold_events"]["muc"]["recall"] < 1.0


def test_meantime_event_mentions_are_clustered_by_their_cross_document_instance():
    from newsfuse.eval.claims import meantime_mentions

    root = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "meantime"
    if not root.is_dir():
        pytest.skip("../shared/data/meantime is absent")
    mentions, articles = meantime_mentions(root)
    texts = {a.external_id: a.text for a in articles}
    assert all(texts[m.article][m.start : m.end] == m.text for m in mentions)
    by_instance: dict[str, set[str]] = {}
    for m in mentions:
        by_instance.setdefault(m.instance, set()).add(m.article)
    assert any(len(docs) > 1 for docs in by_instance.values())  # the same event in several reports
    assert {m.subtopic for m in mentions} == {"corpus_airbus", "corpus_apple"}


def test_meantime_events_without_a_cross_document_id_stay_in_their_own_document():
    from newsfuse.eval.claims import meantime_mentions

    root = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "meantime"
    if not root.is_dir():
        pytest.skip("../shared/data/meantime is absent")
    mentions, _ = meantime_mentions(root)
    documents: dict[str, set[str]] = {}
    for m in mentions:
        documents.setdefault(m.instance, set()).add(m.article)
    # an instance with no instance_id is one document's chain, not a cluster of the whole sub-corpus
    assert not {"corpus_airbus:", "corpus_apple:"} & set(documents)
    assert max(len(d) for d in documents.values()) < 20
