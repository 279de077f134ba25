"""Dedup stage: exact copies, near-duplicates (``duplicate_of``) and rewrites (``derived_from``).

Entry point: ``update(store, article_ids, settings) -> list[Link]``. Articles are taken in
publication order (input order when undated); each is compared with every article processed
before it, in this run or an earlier one, through MinHash LSH. Articles already processed are
skipped, so calling ``update`` twice on the same ids adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.dedup.boilerplate import Boilerplate, contentless, learn
from newsfuse.dedup.index import DedupConfig, DedupIndex
from newsfuse.records.relations import Link
from newsfuse.settings import Settings

_BATCH = 500


class StoredTexts:
    """Bodies of indexed articles for verification (boilerplate blanked): recent ones from memory, older ones
    from the store."""

    def __init__(self, store, boilerplate: Boilerplate | None = None, keep: int = 5000) -> None:
        self.store = store
        self.boilerplate = boilerplate
        self.keep = keep
        self.recent: dict[str, str] = {}

    def remember(self, article_id: str, text: str) -> None:
        if len(self.recent) >= self.keep:
            self.recent.pop(next(iter(self.recent)))  # oldest first: dicts keep insertion order
        self.recent[article_id] = text

    def __call__(self, article_id: str) -> str | None:
        text = self.recent.get(article_id)
        if text is None:
            found = self.store.get_articles([article_id])
            if found and self.boilerplate is not None:
                found = [self.boilerplate.clean(found[0]).article]
            text = found[0].text if found else None
        return text


def build_index(store, config: DedupConfig | None = None, texts: StoredTexts | None = None) -> DedupIndex:
    """An index holding every article the store has already deduplicated."""
    index = DedupIndex(config or DedupConfig(), texts or StoredTexts(store))
    for state in store.iter_dedup_state():
        index.restore(state)
    return index


def update(
    store,
    article_ids: Sequence[str],
    settings: Settings | None = None,
    config: DedupConfig | None = None,
    *,
    index: DedupIndex | None = None,
) -> list[Link]:
    """Deduplicate ``article_ids`` against the store; returns the new links (already saved).

    Pass the same ``index`` (from ``build_index``) to successive calls to skip rebuilding it each time.
    """
    pending = store.stream_order(article_ids)
    done = store.dedup_processed(pending)
    pending = [i for i in pending if i not in done]
    if not pending:
        return []
    boilerplate = learn(store, pending)
    empty = contentless(store, pending)
    if index is None:
        index = build_index(store, config, StoredTexts(store, boilerplate))
    texts = index.text_of if isinstance(index.text_of, StoredTexts) else StoredTexts(store, boilerplate)
    texts.boilerplate = boilerplate  # a kept index reads older texts with what the store has learned since
    links: list[Link] = []
    for start in range(0, len(pending), _BATCH):
        articles = [boilerplate.clean(a).article for a in store.get_articles(pending[start : start + _BATCH])]
        states = []
        batch_links: list[Link] = []
        for article in articles:
            if article.id in empty:  # a page of boilerplate copies nothing and is copied by nothing
                states.append(index.unindexed(article))
                continue
            texts.remember(article.id, article.text)
            state, found = index.add(article)
            states.append(state)
            batch_links.extend(found)
        store.save_dedup(states, batch_links)
        links.extend(batch_links)
    return links


__all__ = ["Boilerplate", "DedupConfig", "DedupIndex", "StoredTexts", "build_index", "update"]
