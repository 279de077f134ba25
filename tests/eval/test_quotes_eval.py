"""``eval quotes``: PolNeAR-format gold read, direct quotes matched, speakers compared by their words."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.eval.quotes import gold_attributions, same_speaker

TEXT = (
    "Rep. Jerry Nadler spoke on Monday. “We will not stand for this,” he said.\n\n"
    "“The deal is dead in the water,” said a senior aide.\n\n"
    "The committee will meet again, officials said."
)


def _span(text: str, piece: str) -> dict:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece}


def _gold() -> dict:
    return {
        "id": "a1",
        "annotator": "x",
        "attributions": [
            {"source": [_span(TEXT, "he")], "cue": [], "content": [_span(TEXT, "“We will not stand for this,”")]},
            {"source": [_span(TEXT, "Rep. Jerry Nadler")], "cue": [], "content": [_span(TEXT, "spoke")]},
            {
                "source": [_span(TEXT, "a senior aide")],
                "cue": [],
                "content": [_span(TEXT, "“The deal is dead in the water,”")],
            },
            {
                "source": [_span(TEXT, "officials")],
                "cue": [],
                "content": [_span(TEXT, "The committee will meet again")],
            },
        ],
    }


def test_direct_attributions_and_pronoun_referents():
    gold = gold_attributions(TEXT, _gold())
    assert [g.direct for g in gold] == [True, False, True, False]
    assert gold[0].referent == "Rep. Jerry Nadler"


def test_speakers_compare_by_words_and_head():
    assert same_speaker("Pat Caddell", "longtime Democratic pollster Pat Caddell")
    assert same_speaker("the Post", "The Post")
    assert not same_speaker("Re", "Rep. Jerry Nadler")
    assert not same_speaker("Rep. Jerry", "Rep. Jerry Nadler")
    assert not same_speaker(None, "he")


def test_eval_quotes_cli_scores_a_small_corpus(tmp_path):
    articles, gold = tmp_path / "articles.jsonl", tmp_path / "gold.jsonl"
    articles.write_text(json.dumps({"id": "a1", "title": "", "text": TEXT, "published": "2016-09-12"}) + "\n")
    gold.write_text(json.dumps(_gold()) + "\n")
    result = CliRunner().invoke(
        build_app(), ["eval", "quotes", "--articles", str(articles), "--gold", str(gold), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["direct"]["gold"] == 2 and report["direct"]["recall"] == 1.0
    assert report["all_attributions"]["gold"] == 4
    assert report["speakers"]["matched_quotes"] == 2
