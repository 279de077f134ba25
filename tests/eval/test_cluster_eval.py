"""Clustering metrics against hand-computed values, and ``eval cluster`` end to end on a small corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsfuse.errors import InputError
from newsfuse.eval.cluster import evaluate_clusters, read_gold
from newsfuse.eval.metrics import bcubed, pairwise, score_clusters
from newsfuse.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cluster"))
from cluster_texts import MERGER, QUAKE, REHAB  # noqa: E402


def test_pairwise_and_bcubed_on_a_worked_example():
    predicted = ["x", "x", "x", "y", "y"]
    gold = ["a", "a", "b", "b", "b"]
    # predicted pairs: 3 + 1 = 4; gold pairs: 1 + 3 = 4; shared: (0,1) and (3,4) = 2
    assert pairwise(predicted, gold) == pytest.approx((0.5, 0.5, 0.5))
    # B-cubed precision: items 0,1: 2/3; item 2: 1/3; items 3,4: 1 -> (2/3+2/3+1/3+1+1)/5
    p, r, _ = bcubed(predicted, gold)
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert r == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)


def test_perfect_and_all_in_one_clusterings():
    gold = {"1": "a", "2": "a", "3": "b", "4": "b"}
    perfect = score_clusters({"1": "p", "2": "p", "3": "q", "4": "q"}, gold)
    assert perfect.pairwise_f1 == perfect.bcubed_f1 == perfect.ari == perfect.v_measure == pytest.approx(1.0)
    lumped = score_clusters({k: "one" for k in gold}, gold)
    assert lumped.pairwise_precision == pytest.approx(2 / 6) and lumped.pairwise_recall == 1.0
    assert lumped.ari == pytest.approx(0.0)
    missing = score_clusters({}, gold)  # unclustered items count as singletons
    assert missing.pairwise_recall == 0.0 and missing.predicted_clusters == 4


@pytest.fixture
def corpus(tmp_path):
    articles, gold = tmp_path / "articles.jsonl", tmp_path / "gold.jsonl"
    rows, labels = [], []
    for label, texts in (("quake", QUAKE), ("rehab", REHAB), ("merger", MERGER)):
        for n, text in enumerate(texts):
            rows.append({"id": f"{label}-{n}", "title": "", "text": text})
            labels.append({"id": f"{label}-{n}", "topic": 1, "subtopic": label})
    articles.write_text("".join(json.dumps(r) + "\n" for r in rows))
    gold.write_text("".join(json.dumps(r) + "\n" for r in labels))
    return articles, gold


def test_evaluate_clusters_scores_every_order(corpus):
    report = evaluate_clusters(*corpus, Settings(use_embeddings=False), None, orders=3)
    assert [r.seed for r in report.runs] == [None, 1, 2]
    assert all(r.scores.items == 9 and r.scores.gold_clusters == 3 for r in report.runs)
    assert all(r.scores.pairwise_f1 == pytest.approx(1.0) for r in report.runs)
    assert report.to_json()["pairwise_f1_spread"] == 0.0


def test_gold_file_errors_name_the_line(tmp_path, corpus):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "subtopic": "a"}\n{"id": "y"}\n')
    with pytest.raises(InputError) as caught:
        read_gold(bad)
    assert "line 2" in str(caught.value)


def test_eval_cluster_command_prints_json(corpus):
    from newsfuse.cli.cluster_commands import register

    app, eval_app = typer.Typer(), typer.Typer()
    register(app, eval_app, typer.Typer())
    app.add_typer(eval_app, name="eval")
    articles, gold = corpus
    result = CliRunner().invoke(
        app,
        ["eval", "cluster", "--articles", str(articles), "--gold", str(gold), "--format", "json", "--no-embeddings"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    run = data["runs"][0]
    assert {"pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1", "ari", "v_measure"} <= set(run)
    assert run["pairwise_f1"] == 1.0


@pytest.mark.slow
def test_ecbplus_pairwise_f1(shared_dir):
    """The issue's quality figure on ECB+ (lexical signals, input order): reported, with a floor."""
    folder = shared_dir / "data" / "ecbplus"
    if not (folder / "articles.jsonl").is_file():
        pytest.skip("ECB+ not present")
    report = evaluate_clusters(folder / "articles.jsonl", folder / "gold.jsonl", Settings(use_embeddings=False), None)
    assert report.runs[0].scores.pairwise_f1 >= 0.8


def test_eval_cluster_scores_several_corpora_beside_the_fixed_tfidf_baseline(corpus, tmp_path):
    from typer.testing import CliRunner

    from newsfuse.cli.main import build_app

    second = tmp_path / "second"
    second.mkdir()
    for path in corpus:
        (second / path.name).write_text(path.read_text())
    result = CliRunner().invoke(
        build_app(),
        ["eval", "cluster", "--corpus", str(corpus[0].parent), "--corpus", str(second), "--no-embeddings"]
        + ["--format", "json"],
    )
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    assert len(reports) == 2
    for report in reports:
        assert report["baseline"]["method"] == "tfidf-average-link" and report["baseline"]["threshold"] == 0.25
        assert report["baseline"]["items"] == 9
        assert report["runs"][0]["cross_links"] == {"duplicate_of": 0, "derived_from": 0}


def test_each_run_is_also_scored_on_the_gold_clusters_of_two_reports_or_more(corpus):
    """The curated-corpus shape (few singletons): the same run, its single-report gold clusters left out."""
    articles, gold = corpus
    lone = "A lighthouse keeper on Skerrin rock retired after forty years, the harbour board said on Friday."
    with articles.open("a") as handle:
        handle.write(json.dumps({"id": "lone", "title": "", "text": lone}) + "\n")
    with gold.open("a") as handle:
        handle.write(json.dumps({"id": "lone", "topic": 2, "subtopic": "lighthouse"}) + "\n")
    report = evaluate_clusters(articles, gold, Settings(use_embeddings=False), None)
    run = report.runs[0]
    assert run.scores.items == 10 and run.multi.items == 9 and run.multi.gold_clusters == 3
    assert report.to_json()["runs"][0]["multi_report_clusters"]["pairwise_f1"] == 1.0
