"""Continuous monitoring: follow feeds, pages and directories, keep the store current, fire alerts.

Entry points: ``parse_sources(specs, every)`` and ``Watcher(store, sources, settings).run()``.
"""

from newsfuse.watch.runner import Watcher
from newsfuse.watch.sources import WatchSource, parse_sources

__all__ = ["WatchSource", "Watcher", "parse_sources"]
