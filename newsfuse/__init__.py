"""newsfuse: news reports in, deduplicated and corroborated event records with provenance out.

The Python API is ``Newsfuse`` (see ``newsfuse.library``); stages are importable on their own:
``newsfuse.ingest``, ``newsfuse.dedup``, ``newsfuse.cluster``, ``newsfuse.extract``, ``newsfuse.fuse``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Loaded on first use, so that ``import newsfuse.cli.main`` does not import numpy before the
# command has set up the process (see ``newsfuse.cli.main``).
_LAZY = {
    "Newsfuse": "newsfuse.library",
    "Settings": "newsfuse.settings",
    "load_settings": "newsfuse.settings",
    "open_store": "newsfuse.store",
}

if TYPE_CHECKING:
    from newsfuse.library import Newsfuse
    from newsfuse.settings import Settings, load_settings
    from newsfuse.store import open_store


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")


__all__ = ["Newsfuse", "Settings", "load_settings", "open_store", "__version__"]
