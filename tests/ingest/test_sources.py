"""Inputs as named by the user: files, directories (recursive, hidden skipped), globs, stdin, URLs."""

from __future__ import annotations

from newsfuse.ingest.sources import Source, expand_inputs
from newsfuse.records import Skipped


def test_directories_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b" / "c.jsonl").write_text("c")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / ".git" / "config").write_text("g")
    names = [s.name for s in expand_inputs([str(tmp_path)])]
    assert names == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.jsonl")]


def test_globs_stdin_urls_and_missing(tmp_path):
    (tmp_path / "one.xml").write_text("1")
    (tmp_path / "two.xml").write_text("2")
    (tmp_path / "three.txt").write_text("3")
    items = list(
        expand_inputs(
            [
                str(tmp_path / "*.xml"),
                "-",
                "https://news.example/rss",
                str(tmp_path / "nope.txt"),
                str(tmp_path / "*.md"),
            ]
        )
    )
    assert [(i.name, i.kind) for i in items[:4]] == [
        (str(tmp_path / "one.xml"), "path"),
        (str(tmp_path / "two.xml"), "path"),
        ("-", "stdin"),
        ("https://news.example/rss", "url"),
    ]
    assert isinstance(items[4], Skipped) and items[4].reason == "no such file or directory"
    assert isinstance(items[5], Skipped) and items[5].reason == "no file matches this pattern"


def test_same_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    items = list(expand_inputs([str(tmp_path / "a.txt"), str(tmp_path)]))
    assert items == [Source(str(tmp_path / "a.txt"), "path")]


def test_empty_directory(tmp_path):
    [item] = expand_inputs([str(tmp_path)])
    assert isinstance(item, Skipped) and item.reason == "directory holds no files"
