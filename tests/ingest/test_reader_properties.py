"""Property tests: arbitrary bytes into every reader never raise; they give documents or reasons."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.detect import Format, detect_format
from newsfuse.ingest.feed import read_feed
from newsfuse.ingest.html import read_html
from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.ingest.pipeline import read_source
from newsfuse.ingest.sources import Source
from newsfuse.ingest.text import read_text
from newsfuse.ingest.warc import read_warc
from newsfuse.records import RawDocument, Skipped
from newsfuse.settings import Settings

# Random bytes, plus bytes that start like each format so the parsers get past their first check.
PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08\x00",
    b'{"text": ',
    b"[",
    b"<?xml version='1.0'?><rss>",
    b"<feed>",
    b"<html><body>",
    b" date 2024-01-01 ",
]
inputs = st.builds(lambda prefix, rest: prefix + rest, st.sampled_from(PREFIXES), st.binary(max_size=2048))
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_documents_or_skips(items) -> None:
    for item in items:
        assert isinstance(item, RawDocument | Skipped)


def decoded(data: bytes) -> str | None:
    try:
        return decode_bytes(data, "prop")
    except InputError:
        return None


@QUICK
@given(inputs)
def test_text_reader(data):
    text = decoded(data)
    if text is not None:
        only_documents_or_skips(read_text(text, "prop.txt"))


@QUICK
@given(inputs)
def test_jsonl_and_json_readers(data):
    only_documents_or_skips(read_jsonl(io.BytesIO(data), "prop.jsonl", 1000))
    text = decoded(data)
    if text is not None:
        only_documents_or_skips(read_json(text, "prop.json"))


@QUICK
@given(inputs)
def test_feed_reader(data):
    only_documents_or_skips(read_feed(data, "prop.xml"))


@QUICK
@given(inputs)
def test_html_reader(data):
    text = decoded(data)
    if text is not None:
        only_documents_or_skips(read_html(text, "prop.html", url="https://x.example/2024/01/02/a"))


@QUICK
@given(inputs)
def test_warc_reader(data):
    only_documents_or_skips(read_warc(io.BytesIO(data), "prop.warc", 100_000))


@QUICK
@given(inputs, st.sampled_from([".txt", ".jsonl", ".json", ".xml", ".html", ".warc.gz", ""]))
def test_whole_input_path_through_detection(tmp_path_factory, data, extension):
    assert isinstance(detect_format(f"x{extension}", data[:4096]), Format)
    path = tmp_path_factory.mktemp("prop") / f"input{extension}"
    path.write_bytes(data)
    only_documents_or_skips(read_source(Source(str(path), "path"), Settings(max_document_bytes=1500)))
