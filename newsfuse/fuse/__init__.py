"""Fusion: one event record per event, every claim traced to its sentences and its independent sources.

Entry points:
- ``fuse_event(articles, extractions, links, models=...) -> EventRecord``: pure, no store.
- ``update(store, event_ids, settings) -> list[EventRecord]``: re-fuse the affected events, store their records.
- ``render_brief(record) -> str``: the Markdown brief; ``entity_timeline`` / ``storyline_timeline``.
"""

from newsfuse.fuse.brief import render_brief
from newsfuse.fuse.claims import FusionModels
from newsfuse.fuse.record import fuse_event
from newsfuse.fuse.timeline import entity_timeline, storyline_timeline
from newsfuse.fuse.update import update

__all__ = ["FusionModels", "entity_timeline", "fuse_event", "render_brief", "storyline_timeline", "update"]
