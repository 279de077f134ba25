"""Format detection: content first, then the HTTP media type, then the file name."""

from __future__ import annotations

import gzip

import pytest

from newsfuse.ingest.detect import Format, detect_format


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("x.bin", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", Format.WARC),
        ("x", gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), Format.WARC),
        ("x.txt", b'{"text": "a"}\n{"text": "b"}\n', Format.JSONL),
        ("x.txt", b'{\n  "text": "pretty printed"\n}\n', Format.JSON),
        ("x", b'[{"text": "a"}]', Format.JSON),
        ("x", b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', Format.FEED),
        ("x", b'<feed xmlns="http://www.w3.org/2005/Atom">', Format.FEED),
        ("x", b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='...'>", Format.FEED),
        ("x.txt", b"<!DOCTYPE html><html><body><p>hi</p>", Format.HTML),
        ("x", b"\xef\xbb\xbf<html><head>", Format.HTML),
        ("x", "<html>".encode("utf-16"), Format.HTML),
        ("seed.txt", b" date 2025-08-20 Title line\n\nBody", Format.TEXT),
        ("story.html", b"Just words, no markup at all.", Format.HTML),
        ("items.jsonl", b"not json at all", Format.JSONL),
        ("noext", b"Just words.", Format.TEXT),
    ],
)
def test_detect(name, head, expected):
    assert detect_format(name, head) is expected


def test_media_type_beats_name_when_content_is_ambiguous():
    assert detect_format("https://x.example/feed", b"plain words", "application/rss+xml") is Format.FEED
    assert detect_format("https://x.example/a.txt", b"plain words", "text/html") is Format.HTML
    assert detect_format("https://x.example/a.html", b"<rss version='2.0'>", "text/html") is Format.FEED
