"""The record types every newsfuse stage reads and writes, defined once, one module per stage.

- ``article``: Article, RawDocument, DateSource, Skipped, IngestReport, content ids
- ``relations``: duplicate/derivation links and event assignments (dedup, cluster)
- ``mentions``: entities, dates, money, quantities, quotes, places (extract, resolve)
- ``claims``: claims, evidence and fused event records (fuse)
"""

from newsfuse.records.article import (
    Article,
    DateSource,
    IngestReport,
    RawDocument,
    Skipped,
    content_id,
    normalise_text,
)

__all__ = ["Article", "DateSource", "IngestReport", "RawDocument", "Skipped", "content_id", "normalise_text"]
