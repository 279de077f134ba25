"""newsfuse: news reports in, deduplicated and corroborated event records with provenance out.

The Python API is ``Newsfuse`` (see ``newsfuse.library``); stages are importable on their own:
``newsfuse.ingest``, ``newsfuse.dedup``, ``newsfuse.cluster``, ``newsfuse.extract``, ``newsfuse.fuse``.
"""

__version__ = "0.1.0"

from newsfuse.library import Newsfuse  # noqa: E402
from newsfuse.settings import Settings, load_settings  # noqa: E402
from newsfuse.store import open_store  # noqa: E402

__all__ = ["Newsfuse", "Settings", "load_settings", "open_store", "__version__"]
