"""What to watch: feed and page URLs, directories and files, or a file listing them (one a line, or OPML)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import InputError

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_LIST_SUFFIXES = {".opml", ".list", ".sources", ".urls"}
_LIST_MAX_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class WatchSource:
    name: str  # the URL, or the path as given
    kind: str  # url | path
    interval_s: float


def parse_sources(specs: list[str], every: float) -> list[WatchSource]:
    """The sources named by ``specs``, in order, each once; a listing file contributes what it lists.

    A file is a listing when it is OPML, has a listing suffix (``.opml``, ``.list``, ``.urls``,
    ``.sources``), or every line that is not blank or a ``#`` comment is a URL: a news text never is.
    A listing line may end with an interval in seconds (``https://example.com/rss 300``).
    """
    out: dict[str, WatchSource] = {}
    for spec in specs:
        for source in _expand(spec.strip(), every):
            out.setdefault(source.name, source)
    if not out:
        raise InputError("sources", "nothing to watch")
    return list(out.values())


def _expand(spec: str, every: float) -> list[WatchSource]:
    if _URL.match(spec):
        return [WatchSource(spec, "url", every)]
    path = Path(spec)
    if not path.exists():
        raise InputError(spec, "no such file or directory, and not an http(s) URL")
    if path.is_file() and (listed := _listing(path, every)) is not None:
        return listed
    return [WatchSource(spec, "path", every)]


def _listing(path: Path, every: float) -> list[WatchSource] | None:
    """The sources a listing file names, or None when the file is not a listing (a feed, a text...)."""
    if path.stat().st_size > _LIST_MAX_BYTES:
        return None
    data = path.read_bytes()
    head = data[:512].lstrip().lower()
    if head.startswith(b"<?xml") and b"<opml" in data[:2048].lower() or head.startswith(b"<opml"):
        return _opml(data, str(path), every)
    if path.suffix.lower() == ".opml":
        return _opml(data, str(path), every)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line and not line.startswith("#")]
    if not lines:
        return [] if path.suffix.lower() in _LIST_SUFFIXES else None
    if path.suffix.lower() not in _LIST_SUFFIXES and not all(_URL.match(line.split()[0]) for _, line in lines):
        return None
    return [_listed(line, n, path, every) for n, line in lines]


def _listed(line: str, number: int, listing: Path, every: float) -> WatchSource:
    parts = line.split()
    interval = every
    if len(parts) > 1:
        try:
            interval = float(parts[1])
        except ValueError:
            raise InputError(
                str(listing), f"interval {parts[1]!r} is not a number of seconds", f"line {number}"
            ) from None
    target = parts[0]
    if _URL.match(target):
        return WatchSource(target, "url", interval)
    resolved = (listing.parent / target) if not Path(target).is_absolute() else Path(target)
    if not resolved.exists():
        raise InputError(str(listing), f"{target}: no such file or directory", f"line {number}")
    return WatchSource(str(resolved), "path", interval)


def _opml(data: bytes, name: str, every: float) -> list[WatchSource]:
    try:
        root = ET.fromstring(data)  # OPML from a user's own file; no external entities are resolved
    except ET.ParseError as exc:
        raise InputError(name, f"malformed OPML: {exc}") from exc
    urls = [o.get("xmlUrl") or o.get("url") for o in root.iter("outline")]
    return [WatchSource(u.strip(), "url", every) for u in urls if u and _URL.match(u.strip())]
