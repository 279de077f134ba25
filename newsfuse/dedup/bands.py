"""MinHash LSH whose query answers the newest candidates only, in time bounded by how many are asked for.

The rewrite check verifies the newest ``max_rewrite_candidates`` sources LSH returns. datasketch's
query returns every candidate, and on a store of many reports of similar happenings that is a share of
the store: collecting and sorting them grew with the store per article (0.1 s to 1.5 s a batch of 100
between 2k and 20k stored reports). Here each band's bucket keeps its keys in insertion order, so the
newest ``limit`` candidates of the union are the newest ``limit`` of the union of each bucket's newest
``limit`` (any key newer than one of the newest ``limit`` is itself a candidate): the same answer,
read from the buckets' ends. Bands and rows are datasketch's for the threshold, keys equal band values.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from datasketch import MinHash, MinHashLSH


class NewestFirstLSH:
    """Keys banded as ``MinHashLSH(threshold, num_perm)`` bands them; ``newest`` answers the latest inserted."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.ranges = list(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)
        self.buckets: list[dict[bytes, list[Hashable]]] = [{} for _ in self.ranges]

    def insert(self, key: Hashable, minhash: MinHash) -> None:
        """Add ``key``; keys must come in the order ``newest`` ranks them by (each once)."""
        values = minhash.hashvalues
        for (start, end), table in zip(self.ranges, self.buckets, strict=True):
            table.setdefault(values[start:end].tobytes(), []).append(key)

    def newest(self, minhash: MinHash, limit: int, position: Mapping[Hashable, int]) -> list[Hashable]:
        """The ``limit`` latest-inserted keys sharing a band with ``minhash``, newest first."""
        values = minhash.hashvalues
        found: set[Hashable] = set()
        for (start, end), table in zip(self.ranges, self.buckets, strict=True):
            bucket = table.get(values[start:end].tobytes())
            if bucket:
                found.update(bucket[-limit:])
        return sorted(found, key=position.__getitem__, reverse=True)[:limit]
