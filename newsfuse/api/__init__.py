"""The REST API over the event store: ``create_app(store, settings)`` returns the FastAPI app (API and web UI)."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the web package reads ``newsfuse.api`` submodules, and the app imports the web package.
    if name == "create_app":
        from newsfuse.api.app import create_app

        return create_app
    raise AttributeError(f"module 'newsfuse.api' has no attribute {name!r}")
