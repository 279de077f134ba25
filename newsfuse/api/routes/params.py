"""Query parameters shared by several routes, validated once here."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from newsfuse.api.pagination import DEFAULT_LIMIT, MAX_LIMIT

# An ISO 8601 date, optionally with a time: "2025", "2025-08", "2025-08-19", "2025-08-19T10:00:00Z".
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$"

Text = Annotated[str | None, Query(max_length=500, description="words that must all appear")]
Since = Annotated[str | None, Query(pattern=ISO_DATE, description="ISO 8601 date or datetime, inclusive")]
Until = Annotated[str | None, Query(pattern=ISO_DATE, description="ISO 8601 date or datetime, inclusive")]
Cursor = Annotated[str | None, Query(max_length=2000, description="next_cursor from the previous page")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]

DEFAULT_PAGE = DEFAULT_LIMIT


def clean_text(value: str | None) -> str | None:
    """Free text with surrounding blanks and NUL characters removed; empty means not given."""
    if value is None:
        return None
    value = value.replace("\x00", " ").strip()
    return value or None
