"""``newsfuse extract --workers``: the same JSONL from one process and from worker processes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsfuse.cli.main import build_app

_STORY = (
    "Maria Keller, the chief executive of Helios Energy, said on Monday that the company would invest "
    '${n}.2 billion in Berlin. "We are committed to working with our partners in Germany," Keller told '
    "reporters. The talks with Chancellor Olaf Brandt lasted more than {n} hours, officials said."
)


def test_workers_write_the_same_records_in_input_order(tmp_path):
    articles = tmp_path / "articles.jsonl"
    count = 40  # enough for two workers to take part (smaller inputs stay in one process)
    rows = [
        {
            "id": f"story-{i}",
            "title": f"Helios invests in Berlin ({i})",
            "text": _STORY.format(n=i + 2),
            "published": "2025-08-19",
        }
        for i in range(count)
    ]
    articles.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    runner, app = CliRunner(), build_app()
    outputs = {}
    for workers in ("1", "2"):
        result = runner.invoke(app, ["extract", str(articles), "--format", "jsonl", "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs[workers] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["id"] for r in outputs["2"]] == [row["id"] for row in rows]
    assert outputs["2"] == outputs["1"]
    assert any(e["label"] == "PERSON" for e in outputs["2"][0]["entities"])


def test_a_negative_worker_count_is_refused():
    result = CliRunner().invoke(build_app(), ["extract", "x.jsonl", "--workers", "-1"])
    assert result.exit_code != 0 and "--workers" in result.output
