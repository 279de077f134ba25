"""JSONL/NDJSON and JSON readers: known fields, unknown fields kept, bad lines named by number."""

from __future__ import annotations

import io
import json

from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.records import DateSource, RawDocument, Skipped


def lines(*objects) -> io.BytesIO:
    return io.BytesIO(b"".join((o if isinstance(o, bytes) else json.dumps(o).encode()) + b"\n" for o in objects))


def test_known_fields_and_unknown_fields_kept():
    record = {
        "id": 42,
        "url": "https://news.example/a",
        "title": "Port reopens",
        "text": "The port reopened on Monday.",
        "published": "2024-03-04T08:00:00Z",
        "source": "Example News",
        "language": "en-GB",
        "topic": "shipping",
    }
    [doc] = read_jsonl(lines(record), "f.jsonl", 10_000)
    assert isinstance(doc, RawDocument)
    assert doc.external_id == "42"
    assert doc.url == "https://news.example/a"
    assert doc.title == "Port reopens"
    assert doc.source == "Example News"
    assert doc.language == "en-GB"
    assert doc.published == "2024-03-04T08:00:00+00:00"
    assert doc.published_via is DateSource.FEED
    assert doc.extra == {"topic": "shipping"}
    assert doc.origin == "f.jsonl:1"


def test_synonyms_and_nested_source():
    [doc] = read_jsonl(lines({"body": "Text of it.", "headline": "H", "source": {"name": "Wire"}}), "f.jsonl", 10_000)
    assert (doc.text, doc.title, doc.source) == ("Text of it.", "H", "Wire")


def test_malformed_line_is_named_and_the_rest_goes_on():
    stream = lines({"text": "first article body"}, b'{"text": "broken', b"", {"text": "third article body"})
    items = list(read_jsonl(stream, "feed.jsonl", 10_000))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Skipped", "RawDocument"]
    assert items[1].position == "line 2"
    assert items[1].input == "feed.jsonl"
    assert "malformed JSON" in items[1].reason
    assert items[2].origin == "feed.jsonl:4"


def test_non_object_and_textless_lines_are_skipped():
    items = list(read_jsonl(lines([1, 2], {"title": "no text"}), "f.jsonl", 10_000))
    assert all(isinstance(i, Skipped) for i in items)
    assert "expected a JSON object" in items[0].reason
    assert '"text"' in items[1].reason


def test_unparseable_date_is_kept_raw_not_guessed():
    [doc] = read_jsonl(lines({"text": "Body here.", "published": "last Tuesday"}), "f.jsonl", 10_000)
    assert doc.published is None
    assert doc.published_via is DateSource.UNKNOWN
    assert doc.extra["published_raw"] == "last Tuesday"


def test_overlong_line_is_skipped():
    items = list(read_jsonl(lines({"text": "x" * 500}, {"text": "short body"}), "f.jsonl", 100))
    assert isinstance(items[0], Skipped) and "limit" in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_undecodable_line_is_skipped_with_its_number():
    items = list(read_jsonl(io.BytesIO(b'{"text": "ok body"}\n\x00\x01\x02\xff\xfe\n'), "f.jsonl", 1000))
    assert isinstance(items[1], Skipped) and items[1].position == "line 2"


def test_json_array_and_single_object():
    items = list(read_json(json.dumps([{"text": "one"}, {"nope": 1}]), "a.json"))
    assert isinstance(items[0], RawDocument) and items[0].origin == "a.json#1"
    assert isinstance(items[1], Skipped) and items[1].position == "record 2"
    [single] = read_json(json.dumps({"text": "only"}), "b.json")
    assert single.text == "only"


def test_malformed_json_file():
    [item] = read_json('{"text": ', "c.json")
    assert isinstance(item, Skipped) and "malformed JSON" in item.reason
