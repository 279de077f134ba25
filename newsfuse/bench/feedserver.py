"""A loopback RSS server (the watch tests and the latency benchmark): ETag validators, 304s, editable items."""

from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Item:
    guid: str
    title: str
    text: str
    published: str | None = None

    def xml(self, base: str) -> str:
        body = "".join(f"<p>{html.escape(p.strip())}</p>" for p in self.text.split("\n") if p.strip())
        date = ""
        if self.published:
            when = datetime.fromisoformat(self.published[:10]).replace(tzinfo=UTC)
            date = f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate>"
        return (
            f"<item><title>{html.escape(self.title)}</title><link>{base}/story/{self.guid}</link>"
            f'<guid isPermaLink="false">{self.guid}</guid>{date}'
            f"<description>{html.escape(body)}</description></item>"
        )


class FeedServer:
    """Serves ``/feed.xml`` on 127.0.0.1; records every status it answered."""

    def __init__(self, items: list[Item]) -> None:
        self.items = list(items)
        self.statuses: list[int] = []
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"

    def body(self) -> bytes:
        base = self.url.rsplit("/", 1)[0]
        with self.lock:
            items = "".join(item.xml(base) for item in self.items)
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loopback Wire</title>'
            f"<link>{base}</link><description>test feed</description>{items}</channel></rss>"
        ).encode()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                if self.path != "/feed.xml":
                    self._answer(404, b"not here")
                    return
                body = server.body()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._answer(304, b"", etag)
                    return
                self._answer(200, body, etag, "application/rss+xml")

            def _answer(self, status: int, body: bytes, etag: str | None = None, kind: str = "text/plain") -> None:
                with server.lock:
                    server.statuses.append(status)
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                if status != 304:
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        return Handler

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
