"""One folder with every supported format, detected by content and extension, ingested together."""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest import ingest, read_documents
from newsfuse.records import Article
from newsfuse.settings import Settings

SENTENCE = "Fishermen in the bay reported the largest herring catch in a decade, the cooperative said on {day}."
RUSSIAN = "Рыбаки в заливе сообщили о самом большом улове сельди за десять лет, заявили в кооперативе в среду."


def page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>Herring catch</title></head>'
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )


def warc_bytes(body: bytes) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://bay.example/herring", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    return buffer.getvalue()


def test_every_format_in_one_folder(tmp_path, store, detector):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "story.txt").write_text(SENTENCE.format(day="Monday"))
    (folder / "items.ndjson").write_text(json.dumps({"text": SENTENCE.format(day="Tuesday")}) + "\n")
    (folder / "items.json").write_text(json.dumps([{"text": SENTENCE.format(day="Wednesday")}]))
    (folder / "feed.rss").write_text(
        "<rss version='2.0'><channel><title>Bay</title><item><title>Catch</title>"
        f"<description>{SENTENCE.format(day='Thursday')}</description></item></channel></rss>"
    )
    (folder / "feed.atom").write_text(
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>Bay</title><entry><title>Catch</title><id>e1</id>"
        f"<content>{SENTENCE.format(day='Friday')}</content></entry></feed>"
    )
    (folder / "page.htm").write_text(page(SENTENCE.format(day="Saturday")))
    (folder / "ru.html").write_bytes(page(RUSSIAN, "windows-1251").encode("cp1251"))
    (folder / "crawl.warc.gz").write_bytes(warc_bytes(page(SENTENCE.format(day="Sunday")).encode()))
    (folder / "no-extension").write_text(json.dumps({"text": SENTENCE.format(day="Holiday")}) + "\n")

    report = ingest([str(folder)], store, Settings(), detector=detector)
    assert report.skipped == ()
    assert len(report.new) == 9
    texts = " ".join(a.text for a in store.iter_articles())
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Holiday"):
        assert day in texts
    russian = next(a for a in store.iter_articles() if a.origin.endswith("ru.html"))
    assert russian.text.startswith(RUSSIAN) and russian.language == "ru"
    archived = next(a for a in store.iter_articles() if a.url == "https://bay.example/herring")
    assert archived.origin.endswith("crawl.warc.gz#record-1")


class Pipe(io.RawIOBase):
    """A stream that cannot seek, like a shell pipe on stdin."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer) -> int:
        chunk = self._data.read(min(len(buffer), 1000))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_warc_and_gzip_from_a_pipe(detector):
    data = warc_bytes(page(SENTENCE.format(day="Sunday")).encode())
    [article] = read_documents(["-"], Settings(), detector=detector, stdin=io.BufferedReader(Pipe(data)))
    assert isinstance(article, Article) and article.url == "https://bay.example/herring"
    # gzip that is not a WARC is not guessed at
    [skipped] = read_documents(
        ["-"], Settings(), detector=detector, stdin=io.BufferedReader(Pipe(gzip.compress(b"hello " * 50)))
    )
    assert not isinstance(skipped, Article) and "gzip-compressed" in skipped.reason
