"""The near-duplicate benchmark: syndication edits, pair scoring, and ``eval dedup`` end to end."""

from __future__ import annotations

import json
import random

import pytest
import typer
from typer.testing import CliRunner

from newsfuse.eval.dedup import EDITS, SourceText, evaluate_dedup, split_sentences, syndicate

STORIES = [
    "The city council of Lindholm voted 7 to 2 on Monday to close the old harbour bridge for repairs. Engineers found "
    "corrosion in the steel supports during an inspection in March. The bridge carries 14,000 vehicles a day. Mayor "
    "Karin Dahl said a ferry service would run while the work lasts. Repairs are expected to cost 38 million crowns. "
    "Shop owners near the bridge said they feared losing customers during the closure.",
    "A wildfire forced the evacuation of 2,300 residents from the hill town of Santa Imelda on Thursday. Firefighters "
    "said strong winds pushed the flames toward the reservoir overnight. Two helicopters dropped water on the fire "
    "line. The regional governor declared a state of emergency and opened shelters in three schools. No injuries were "
    "reported, but at least forty homes burned.",
    "The national orchestra of Veloria named Aiko Tanabe as its first female chief conductor. Tanabe, 41, has led the "
    "Osaka Philharmonic since 2019. She will conduct twelve concerts in her first season, starting in September. The "
    "board said her recordings of Sibelius persuaded the selection committee. Musicians welcomed the appointment.",
    "Researchers at the University of Marrow reported a new battery chemistry that lasts twice as long as lithium ion "
    "cells in laboratory tests. The team used sodium and a sulphur cathode. Professor Elena Ruiz said commercial cells "
    "were at least five years away. The work was published in the journal Energy Letters on Wednesday.",
]


def test_syndicate_is_seeded_and_applies_two_to_four_edits():
    first = syndicate(STORIES[0], random.Random(5))
    assert first == syndicate(STORIES[0], random.Random(5))
    for seed in range(20):
        text, edits = syndicate(STORIES[1], random.Random(seed))
        assert 2 <= len(edits) <= 4 and set(edits) <= set(EDITS)
        assert text != STORIES[1]


def test_split_sentences_keeps_every_sentence():
    assert len(split_sentences(STORIES[0])) == 6


def test_benchmark_finds_the_copies_and_nothing_else():
    sources = [SourceText(f"s{i}", "", text) for i, text in enumerate(STORIES)]
    report = evaluate_dedup(sources, seed=2)
    assert report.sources == 4 and report.copies >= 4
    assert report.gold_pairs >= 4
    assert report.precision == 1.0
    assert report.recall >= 0.75


def test_originals_that_copy_each_other_are_reduced_to_one():
    sources = [SourceText("a", "", STORIES[0]), SourceText("b", "", "By Staff Reporter " + STORIES[0])]
    assert evaluate_dedup(sources, seed=1).sources == 1


def test_eval_dedup_command_reads_the_shared_folder(tmp_path):
    from newsfuse.cli.cluster_commands import register

    folder = tmp_path / "shared" / "data" / "ecbplus"
    folder.mkdir(parents=True)
    folder.joinpath("articles.jsonl").write_text(
        "".join(json.dumps({"id": f"d{i}", "title": "", "text": t}) + "\n" for i, t in enumerate(STORIES))
    )
    app, eval_app = typer.Typer(), typer.Typer()
    register(app, eval_app, typer.Typer())
    app.add_typer(eval_app, name="eval")
    result = CliRunner().invoke(app, ["eval", "dedup", "--shared", str(tmp_path / "shared"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"] == 4 and data["precision"] == 1.0
    assert set(data["edits"]) <= set(EDITS)


@pytest.mark.slow
def test_shared_corpora_benchmark_meets_the_targets(shared_dir):
    from newsfuse.eval.dedup import shared_sources

    sources = shared_sources(shared_dir)
    if not sources:
        pytest.skip("no shared corpora")
    report = evaluate_dedup(sources, limit=300)
    assert report.precision >= 0.99 and report.recall >= 0.95
