"""The rewrite check's LSH: its newest candidates are datasketch's candidates, newest first, cut to the limit."""

from __future__ import annotations

import random

from datasketch import MinHash, MinHashLSH

from newsfuse.dedup.bands import NewestFirstLSH


def _signature(words: set[str]) -> MinHash:
    signature = MinHash(num_perm=128)
    signature.update_batch([w.encode() for w in words])
    return signature


def test_the_newest_candidates_are_the_newest_of_everything_lsh_finds():
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(400)]
    # Many reports of a few similar happenings: each query shares bands with a large part of the index.
    themes = [set(rng.sample(vocabulary, 60)) for _ in range(4)]
    sets = [set(rng.sample(sorted(themes[n % 4]), 45)) | set(rng.sample(vocabulary, 10)) for n in range(600)]
    full, newest = MinHashLSH(threshold=0.2, num_perm=128), NewestFirstLSH(0.2, 128)
    position = {}
    for n, words in enumerate(sets):
        signature = _signature(words)
        full.insert(f"a{n}", signature)
        newest.insert(f"a{n}", signature)
        position[f"a{n}"] = n
    for words in sets[:20]:
        signature = _signature(words)
        everything = sorted(full.query(signature), key=position.__getitem__, reverse=True)
        assert len(everything) > 100  # more candidates than asked for: the limit matters
        for limit in (1, 32, 100, 2000):
            assert newest.newest(signature, limit, position) == everything[:limit]
    assert newest.newest(_signature({"nothing", "alike"}), 32, position) == []
