"""WARC and WARC.gz: HTML responses become documents; other records are passed over; corruption is reported."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest.warc import read_warc
from newsfuse.records import RawDocument, Skipped

ARTICLE = (
    b"<html><head><title>Flood warning lifted</title></head><body><article>"
    b"<p>The flood warning for the river valley was lifted on Sunday as water levels fell steadily.</p>"
    b"<p>Residents were allowed back into their homes, the regional authority said in a statement.</p>"
    b"</article></body></html>"
)


def make_warc(gzip: bool, records: list[tuple[str, str, str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, status, content_type, body in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


RECORDS = [
    ("https://valley.example/2024/04/07/flood", "200 OK", "text/html; charset=utf-8", ARTICLE),
    ("https://valley.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("https://valley.example/missing", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
    ("https://valley.example/notes.txt", "200 OK", "text/plain", b"Water levels are falling across the whole valley."),
]


def test_gzipped_warc_html_and_text_responses():
    items = list(read_warc(io.BytesIO(make_warc(True, RECORDS)), "crawl.warc.gz", 1_000_000))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    html_doc, text_doc = items
    assert html_doc.url == "https://valley.example/2024/04/07/flood"
    assert html_doc.title == "Flood warning lifted"
    assert html_doc.text.startswith("The flood warning for the river valley")
    assert html_doc.published == "2024-04-07"
    assert html_doc.origin == "crawl.warc.gz#record-1"
    assert text_doc.url == "https://valley.example/notes.txt"


def test_plain_warc():
    items = list(read_warc(io.BytesIO(make_warc(False, RECORDS[:1])), "crawl.warc", 1_000_000))
    assert len(items) == 1 and isinstance(items[0], RawDocument)


def test_oversized_record_is_skipped():
    items = list(read_warc(io.BytesIO(make_warc(True, RECORDS[:1])), "crawl.warc.gz", 100))
    assert isinstance(items[0], Skipped) and items[0].position == "record 1"


def test_corrupt_gzip_is_reported_after_good_records():
    data = make_warc(True, RECORDS[:1])
    items = list(read_warc(io.BytesIO(data + b"\x1f\x8b\x08\x00garbage-not-deflate" * 4), "bad.warc.gz", 1_000_000))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Skipped) and items[-1].input == "bad.warc.gz"


def test_not_a_warc():
    items = list(read_warc(io.BytesIO(b"hello, this is not an archive"), "x.warc", 1_000_000))
    assert len(items) == 1 and isinstance(items[0], Skipped)
