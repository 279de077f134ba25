"""The seed reports as items of the loopback feed server the watch tests poll."""

from __future__ import annotations

from pathlib import Path

from newsfuse.bench.feedserver import FeedServer, Item
from newsfuse.ingest import read_documents
from newsfuse.records import Article

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

__all__ = ["SEEDS", "FeedServer", "Item", "seed_items"]


def seed_items(seeds: Path = SEEDS) -> list[Item]:
    """The seed reports as feed items, read by newsfuse's own text reader."""
    articles = [a for a in read_documents([str(seeds)]) if isinstance(a, Article)]
    return [Item(f"seed-{n}", a.title, a.text, a.published) for n, a in enumerate(articles)]
