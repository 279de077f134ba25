"""Fetching URLs safely with httpx: timeouts, size and redirect caps, retries, robots.txt, no private addresses.

Addresses are checked after DNS resolution, again against the address actually connected to
(so a DNS answer that changes between check and connect is still caught), and on every redirect.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsfuse.errors import FetchError
from newsfuse.settings import Settings

_RETRY_STATUS = {429, 500, 502, 503, 504}
_REDIRECT_STATUS = {301, 302, 303, 307, 308}
_ROBOTS_MAX_BYTES = 512_000


@dataclass(frozen=True, slots=True)
class FetchedDocument:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type without parameters, lower case
    charset: str | None
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # validators (ETag, Last-Modified) for the next GET


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses; loopback, private, link-local and reserved are not."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class Fetcher:
    """One HTTP client for a run; robots.txt answers are cached per site."""

    def __init__(
        self,
        settings: Settings,
        *,
        backoff_seconds: float = 0.5,
        address_allowed: Callable[[str], bool] = is_public_address,
    ) -> None:
        self.settings = settings
        self.backoff_seconds = backoff_seconds
        self.address_allowed = address_allowed  # the policy for when allow_private is off
        self._client = httpx.Client(
            timeout=settings.fetch_timeout,
            follow_redirects=False,  # followed by hand, so every hop is checked
            headers={"User-Agent": settings.user_agent},
        )
        self._robots: dict[str, RobotFileParser] = {}

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> FetchedDocument:
        """GET ``url`` following at most ``fetch_max_redirects`` redirects; raises ``FetchError``.

        ``headers`` are sent with the request (e.g. ``If-None-Match``): a ``304`` comes back as a
        document with status 304 and an empty body.
        """
        current = url
        for _hop in range(self.settings.fetch_max_redirects + 1):
            self._check_destination(current)  # before robots.txt, so a refusal names the real reason
            if self.settings.respect_robots and not self._robots_allow(current):
                raise FetchError(url, f"disallowed by robots.txt of {_site(current)}", hint="--no-robots to ignore")
            status, answer, body = self._get(current, self.settings.fetch_max_bytes, headers)
            if status in _REDIRECT_STATUS and answer.get("location"):
                current = urljoin(current, answer["location"])
                continue
            if status >= 400:
                raise FetchError(url, f"HTTP {status} from {current}")
            media_type, charset = _content_type(answer.get("content-type", ""))
            validators = {k: answer[k] for k in ("etag", "last-modified") if k in answer}
            return FetchedDocument(url, current, status, media_type, charset, body, validators)
        raise FetchError(url, f"more than {self.settings.fetch_max_redirects} redirects")

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _get(
        self, url: str, max_bytes: int, headers: Mapping[str, str] | None = None
    ) -> tuple[int, httpx.Headers, bytes]:
        """One request (no redirects), retried with exponential backoff on transient failures."""
        attempts = self.settings.fetch_retries + 1
        for attempt in range(attempts):
            self._check_destination(url)
            try:
                status, answer, body = self._get_once(url, max_bytes, headers)
            except httpx.TransportError as exc:
                if attempt + 1 >= attempts:
                    raise FetchError(url, f"unreachable: {type(exc).__name__}: {exc}") from exc
                self._sleep(attempt, None)
                continue
            if status in _RETRY_STATUS and attempt + 1 < attempts:
                self._sleep(attempt, answer.get("retry-after"))
                continue
            return status, answer, body
        raise AssertionError("unreachable")  # the loop always returns or raises

    def _get_once(
        self, url: str, max_bytes: int, headers: Mapping[str, str] | None = None
    ) -> tuple[int, httpx.Headers, bytes]:
        with self._client.stream("GET", url, headers=headers) as response:
            self._check_peer(url, response)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, f"response of {declared} bytes exceeds the {max_bytes}-byte limit")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"response exceeds the {max_bytes}-byte limit")
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)

    def _check_destination(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "only http:// and https:// URLs can be fetched")
        if self.settings.allow_private:
            return
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(url, f"cannot resolve host {parts.hostname}: {exc}") from exc
        for info in infos:
            address = str(info[4][0])
            if not self.address_allowed(address):
                raise FetchError(
                    url, f"refused: {parts.hostname} resolves to non-public address {address}", hint="--allow-private"
                )

    def _check_peer(self, url: str, response: httpx.Response) -> None:
        if self.settings.allow_private:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and not self.address_allowed(str(peer[0])):
            raise FetchError(url, f"refused: connected to non-public address {peer[0]}", hint="--allow-private")

    def _robots_allow(self, url: str) -> bool:
        site = _site(url)
        parser = self._robots.get(site)
        if parser is None:
            parser = self._load_robots(site)
            self._robots[site] = parser
        return parser.can_fetch(_agent_token(self.settings.user_agent), url)

    def _load_robots(self, site: str) -> RobotFileParser:
        # RFC 9309: a 4xx robots.txt means no rules; a server error or no answer means "crawl nothing".
        parser = RobotFileParser()
        try:
            status, _headers, body = self._get(f"{site}/robots.txt", _ROBOTS_MAX_BYTES)
        except FetchError:
            parser.disallow_all = True
            return parser
        if 400 <= status < 500 or status in _REDIRECT_STATUS:
            parser.allow_all = True
        elif status >= 500:
            parser.disallow_all = True
        else:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _sleep(self, attempt: int, retry_after: str | None) -> None:
        delay = self.backoff_seconds * (2**attempt)
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), 30.0))
        time.sleep(delay)


def _site(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _agent_token(user_agent: str) -> str:
    return user_agent.split("/")[0].split()[0]


def _content_type(value: str) -> tuple[str, str | None]:
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset" and raw.strip():
            charset = raw.strip().strip("\"'")
    return media_type.strip().lower(), charset
