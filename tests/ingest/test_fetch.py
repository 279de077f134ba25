"""Fetching over HTTP from a real local server: redirects, caps, retries, robots.txt, private addresses refused."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfuse.errors import FetchError
from newsfuse.ingest import Fetcher, ingest
from newsfuse.ingest.fetch import is_public_address
from newsfuse.records import DateSource
from newsfuse.settings import Settings

ARTICLE = (
    b"<html><head><title>Library reopens</title>"
    b'<meta property="article:published_time" content="2024-02-12T10:00:00Z"></head><body><article>'
    b"<p>The central library reopened on Monday after a two-year renovation that doubled its reading rooms.</p>"
    b"<p>Visitors queued from early morning, and the mayor cut the ribbon at nine o'clock.</p></article></body></html>"
)
FEED = (
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>City Desk</title>"
    b"<item><title>Library reopens</title><link>https://city.example/lib</link>"
    b"<description>The central library reopened on Monday after renovation.</description></item></channel></rss>"
)


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/article": (200, "text/html; charset=utf-8", ARTICLE),
            "/feed": (200, "application/rss+xml", FEED),
            "/private/page": (200, "text/html", ARTICLE),
            "/big": (200, "text/plain", b"x" * 5000),
            "/missing": (404, "text/plain", b"no"),
        }
        if self.path in routes:
            status, content_type, body = routes[self.path]
            return self._send(status, content_type, body)
        if self.path == "/to-article":
            return self._redirect("/article")
        if self.path == "/loop":
            return self._redirect("/loop")
        if self.path == "/to-other-loopback":
            return self._redirect(f"http://127.0.0.2:{self.server.server_address[1]}/article")
        if self.path == "/flaky":  # fails once, then works
            if self.hits[self.path] == 1:
                return self._send(503, "text/plain", b"busy")
            return self._send(200, "text/html", ARTICLE)
        if self.path == "/big-chunked":  # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"y" * 5000)
            return None
        return self._send(404, "text/plain", b"?")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def local(**overrides) -> Settings:
    return Settings(allow_private=True, fetch_timeout=5.0, **overrides)


def test_fetch_follows_redirects_and_reports_final_url(server):
    with Fetcher(local()) as fetcher:
        fetched = fetcher.fetch(f"{server}/to-article")
    assert fetched.final_url == f"{server}/article"
    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert fetched.body == ARTICLE


def test_user_agent_is_sent(server):
    seen = {}

    class Recorder(Handler):
        def do_GET(self) -> None:
            seen["agent"] = self.headers.get("User-Agent")
            self._send(200, "text/plain", b"ok")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with Fetcher(local(respect_robots=False, user_agent="newsfuse-test/9")) as fetcher:
            fetcher.fetch(f"http://127.0.0.1:{httpd.server_address[1]}/x")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert seen["agent"] == "newsfuse-test/9"


def test_redirect_cap(server):
    with Fetcher(local(fetch_max_redirects=3)) as fetcher, pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(f"{server}/loop")


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_size_cap(server, path):
    with Fetcher(local(fetch_max_bytes=1000)) as fetcher, pytest.raises(FetchError, match="1000-byte limit"):
        fetcher.fetch(f"{server}{path}")


def test_robots_txt_disallow_is_honoured_unless_turned_off(server):
    with Fetcher(local()) as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(f"{server}/private/page")
    with Fetcher(local(respect_robots=False)) as fetcher:
        assert fetcher.fetch(f"{server}/private/page").body == ARTICLE


def test_retry_after_server_error(server):
    with Fetcher(local(fetch_retries=2), backoff_seconds=0.01) as fetcher:
        assert fetcher.fetch(f"{server}/flaky").status == 200
    assert Handler.hits["/flaky"] == 2


def test_http_error_and_unreachable(server):
    with Fetcher(local(), backoff_seconds=0.01) as fetcher:
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.fetch(f"{server}/missing")
    with Fetcher(local(respect_robots=False, fetch_retries=1), backoff_seconds=0.01) as fetcher:
        with pytest.raises(FetchError, match="unreachable"):
            fetcher.fetch("http://127.0.0.1:9/")  # discard port: nothing listens


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_loopback_and_link_local_refused_without_allow_private(url):
    with Fetcher(Settings(respect_robots=False)) as fetcher, pytest.raises(FetchError, match="non-public address"):
        fetcher.fetch(url)


def test_public_address_check():
    assert is_public_address("93.184.216.34") and is_public_address("2606:4700::1111")
    assert not any(
        map(is_public_address, ["127.0.0.1", "10.0.0.1", "172.16.5.4", "100.64.0.1", "fe80::1", "224.0.0.1"])
    )


def test_redirect_to_a_private_address_is_refused(server):
    # Treat only 127.0.0.1 as allowed (standing in for a public host); the redirect target 127.0.0.2 is not.
    fetcher = Fetcher(Settings(respect_robots=False), address_allowed=lambda address: address == "127.0.0.1")
    with fetcher, pytest.raises(FetchError, match="127.0.0.2"):
        fetcher.fetch(f"{server}/to-other-loopback")
    with Fetcher(Settings(respect_robots=False), address_allowed=lambda address: address == "127.0.0.1") as fetcher:
        assert fetcher.fetch(f"{server}/to-article").status == 200


def test_non_http_schemes_refused():
    with Fetcher(Settings()) as fetcher, pytest.raises(FetchError, match="only http"):
        fetcher.fetch("file:///etc/passwd")


def test_ingest_urls_html_and_feed(server, store, detector):
    report = ingest([f"{server}/article", f"{server}/feed", f"{server}/missing"], store, local(), detector=detector)
    assert len(report.new) == 2
    [skipped] = report.skipped
    assert skipped.input == f"{server}/missing" and "HTTP 404" in skipped.reason
    page = next(a for a in store.iter_articles() if a.url == f"{server}/article")
    assert page.title == "Library reopens"
    assert (page.published[:10], page.published_via) == ("2024-02-12", DateSource.HTML_META)
    item = next(a for a in store.iter_articles() if a.url == "https://city.example/lib")
    assert item.source == "City Desk"


def test_ingest_refuses_loopback_url_by_default(server, store, detector):
    report = ingest([f"{server}/article"], store, Settings(), detector=detector)
    assert report.new == () and "non-public" in report.skipped[0].reason
