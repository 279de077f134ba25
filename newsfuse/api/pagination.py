"""Opaque cursors for paginated listings.

A cursor carries the sort key of the last item a client saw (keyset pagination), plus a digest
of the filters it was issued for, so a cursor reused with other filters is refused instead of
silently returning the wrong page.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from newsfuse.api.errors import ApiError

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    next_cursor: str | None
    total: int | None = None  # matching items over all pages, when known cheaply


def filters_digest(filters: Mapping[str, Any]) -> str:
    canonical = json.dumps({k: v for k, v in sorted(filters.items()) if v not in (None, "")}, default=str)
    return hashlib.blake2b(canonical.encode(), digest_size=6).hexdigest()


def encode_cursor(position: Sequence[Any], filters: Mapping[str, Any]) -> str:
    payload = json.dumps({"after": list(position), "f": filters_digest(filters)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, filters: Mapping[str, Any]) -> list[Any] | None:
    """The position after which the next page starts; ``None`` for the first page."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        position, digest = payload["after"], payload["f"]
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError) as exc:
        raise ApiError(400, "invalid parameter: cursor is not one this service issued") from exc
    if not isinstance(position, list) or digest != filters_digest(filters):
        raise ApiError(400, "invalid parameter: cursor was issued for other filters; start again without it")
    return position


def paginate(items: Sequence[T], sort_key, cursor: str | None, limit: int, filters: Mapping[str, Any]) -> Page[T]:
    """One page of ``items`` (already sorted by ``sort_key``) after ``cursor``.

    ``sort_key(item)`` is a tuple of strings and numbers, unique per item and increasing along
    ``items``, so a page boundary survives inserts before it.
    """
    after = decode_cursor(cursor, filters)
    start = 0 if after is None else _first_after(items, sort_key, after)
    chosen = tuple(items[start : start + limit])
    more = start + limit < len(items)
    next_cursor = encode_cursor(sort_key(chosen[-1]), filters) if chosen and more else None
    return Page(chosen, next_cursor, total=len(items))


def _first_after(items: Sequence[T], sort_key, after: list[Any]) -> int:
    """Binary search for the first item whose key is greater than ``after``."""
    low, high = 0, len(items)
    target = tuple(after)
    while low < high:
        middle = (low + high) // 2
        try:
            seen = tuple(sort_key(items[middle])) <= target
        except TypeError as exc:  # a hand-made cursor whose key types differ from ours
            raise ApiError(400, "invalid parameter: cursor is not one this service issued") from exc
        if seen:
            low = middle + 1
        else:
            high = middle
    return low
