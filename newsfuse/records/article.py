"""Articles as ingested: the first record every stage reads.

Records are frozen, slotted dataclasses. Mentions point into their article's text by Python
string offsets instead of copying it (like spaCy's ``Span`` over ``Doc``). Ids are content
hashes, so every write can be repeated without creating a second row.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

_WHITESPACE = re.compile(r"\s+")


class DateSource(StrEnum):
    """How an article's publication date was learned, most to least trustworthy."""

    HEADER = "header"  # an explicit date line or field in the input itself
    FEED = "feed"  # RSS/Atom item date, or a JSONL ``published`` field
    HTML_META = "html_meta"  # <meta>/JSON-LD found by htmldate
    URL = "url"  # a /2025/08/19/ path segment
    DATELINE = "dateline"  # "ANKARA, Aug 19 (Reuters) -" in the body
    UNKNOWN = "unknown"


def normalise_text(text: str) -> str:
    """Canonical form used for content ids and exact-duplicate checks.

    NFKC folds compatibility characters (ligatures, full-width digits, curly vs straight is
    *not* folded by NFKC, so quotes are mapped explicitly); whitespace runs collapse to one
    space; case is folded so a re-cased headline is still the same content.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTE_FOLD)
    return _WHITESPACE.sub(" ", text).strip().casefold()


_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def content_id(title: str, text: str, prefix: str = "a") -> str:
    """Stable article id: a hash of the normalised title and body."""
    digest = hashlib.sha256(f"{normalise_text(title)}\n{normalise_text(text)}".encode()).hexdigest()
    return f"{prefix}_{digest[:16]}"


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested. ``text`` is the body exactly as given; offsets index it."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""  # outlet or source credit ("Reuters", "MENAFN - Live Mint")
    external_id: str | None = None  # the input's own id, kept verbatim
    language: str | None = None  # ISO 639-1 code
    published: str | None = None  # ISO 8601 date or datetime, as precise as known
    published_via: DateSource = DateSource.UNKNOWN
    dateline: str | None = None  # "ANKARA"
    ingested_at: str = ""  # ISO 8601 UTC timestamp
    origin: str = ""  # where it was read from: "path/file.jsonl:12", a URL, "warc:...#record 3"
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def published_date(self) -> str | None:
        """The ``YYYY-MM-DD`` part of ``published``, when known."""
        return self.published[:10] if self.published else None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader yields before language detection and id assignment."""

    text: str
    origin: str
    title: str = ""
    url: str = ""
    source: str = ""
    external_id: str | None = None
    language: str | None = None
    published: str | None = None
    published_via: DateSource = DateSource.UNKNOWN
    dateline: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input (or one record of it) that could not be read, and why."""

    input: str
    reason: str
    position: str | None = None  # "line 12", "record 3", "byte 4096"

    def describe(self) -> str:
        where = f" ({self.position})" if self.position else ""
        return f"{self.input}{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did."""

    new: tuple[str, ...]
    already_stored: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    revised: tuple[str, ...] = ()  # stored articles given a new version (same URL or GUID, changed text)

    def to_json(self) -> dict[str, Any]:
        return {
            "new": len(self.new),
            "already_stored": len(self.already_stored),
            "revised": len(self.revised),
            "skipped": [{"input": s.input, "position": s.position, "reason": s.reason} for s in self.skipped],
            "new_ids": list(self.new),
        }
