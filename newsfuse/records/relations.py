"""Relations between articles found by dedup and clustering: copies, rewrites and event membership.

``DuplicateLink`` and ``DerivationLink`` carry a score and the evidence for it: the passages the
two texts share, as offsets into each article's ``text`` (nothing is copied). ``EventAssignment``
puts one article in one event; ``EventMerge`` records that an event was folded into another, its
id kept as an alias so links to it keep working.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class DuplicateKind(StrEnum):
    EXACT = "exact"  # same normalised body
    NEAR = "near"  # same story after syndication edits (byline, boilerplate, truncation, light rewording)


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A passage of ``article`` that reappears in ``other``: ``[start, end)`` in each text."""

    start: int
    end: int
    other_start: int
    other_end: int
    similarity: float  # share of the passage's content words found in the other passage

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "other_start": self.other_start,
            "other_end": self.other_end,
            "similarity": round(self.similarity, 4),
        }


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """``article_id`` is a copy of the earlier ``duplicate_of``."""

    article_id: str
    duplicate_of: str
    kind: DuplicateKind
    score: float  # shingle containment of the shorter text in the longer, 1.0 for exact copies
    evidence: tuple[SharedPassage, ...] = ()

    relation = "duplicate_of"

    @property
    def target(self) -> str:
        return self.duplicate_of


@dataclass(frozen=True, slots=True)
class DerivationLink:
    """``article_id`` rewrites ``derived_from``: reuses its passages, quotes and order of facts."""

    article_id: str
    derived_from: str
    score: float  # share of the article's sentences aligned, in order, with the source
    evidence: tuple[SharedPassage, ...] = ()

    relation = "derived_from"

    @property
    def target(self) -> str:
        return self.derived_from


Link = DuplicateLink | DerivationLink


@dataclass(frozen=True, slots=True)
class EventAssignment:
    """One article's event, with the similarity that put it there (1.0 for the article that founded it)."""

    article_id: str
    event_id: str
    score: float
    founded: bool = False


@dataclass(frozen=True, slots=True)
class EventMerge:
    """Event ``alias_id`` was folded into ``event_id``; ``bridge_article_id`` is the article that joined them."""

    alias_id: str
    event_id: str
    score: float
    bridge_article_id: str | None = None


@dataclass(frozen=True, slots=True)
class EventSummary:
    """What ``newsfuse events`` lists for one event."""

    event_id: str
    article_count: int
    first_seen: str | None  # earliest publication date among members (None when none is dated)
    last_updated: str  # when the event last changed (ISO 8601 UTC)
    founded_by: str
    title: str  # the founding article's title

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_count": self.article_count,
            "first_seen": self.first_seen,
            "last_updated": self.last_updated,
            "founded_by": self.founded_by,
            "title": self.title,
        }
