"""``DedupIndex``: exact, near-duplicate and rewrite detection against everything seen before.

Candidates come from MinHash LSH (datasketch), never from comparing all pairs; each candidate is
then verified on the texts themselves. Exact copies share a normalised-body hash. Near-duplicates
share most word 4-shingles of the shorter text (syndication trims, adds bylines and boilerplate,
rewords lightly). Rewrites share fewer shingles but keep the source's sentences in order.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfuse.dedup.bands import NewestFirstLSH
from newsfuse.dedup.passages import IndexedSentences, align, in_order, indexed
from newsfuse.dedup.specifics import compare, lead_of, specifics_of
from newsfuse.dedup.text import SentenceSpan, body_hash, containment, content_words, sentences, shingles
from newsfuse.records.article import Article
from newsfuse.records.relations import DerivationLink, DuplicateKind, DuplicateLink, Link
from newsfuse.store.relations import DedupState


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds of the dedup stage (general to news text, not tuned per corpus)."""

    num_perm: int = 128
    shingle_size: int = 4
    near_candidate_jaccard: float = 0.3  # LSH threshold on shingle sets (recall side)
    near_containment: float = 0.5  # share of the shorter text's shingles found in the longer
    near_length_ratio: float = 0.2  # a two-line brief inside a long feature is not a copy of it
    rewrite_candidate_jaccard: float = 0.2  # LSH threshold on content-word sets
    sentence_overlap: float = 0.4  # content words a sentence must share with its counterpart
    rewrite_min_sentences: int = 3  # aligned sentences, in order, needed to call a text a rewrite
    rewrite_min_share: float = 0.2  # ... as a share of the rewrite's sentences
    rewrite_min_shingles: float = 0.08  # verbatim 4-gram reuse a rewrite keeps (quotes, phrases)
    max_evidence: int = 12
    max_rewrite_candidates: int = 32  # sources verified per article (LSH can return many on one story)


_SCHEME = "affine32"
# Rewrite candidates read per article, as a multiple of the sources verified: copies of one source
# collapse into it, so the newest few hundred candidates hold the newest sources to verify.
_REWRITE_WINDOW = 8
T = TypeVar("T")


# Stable across processes (signatures are stored) and far cheaper than the default SHA-1; passed
# as is (no Python wrapper): it is called once per shingle.
_crc32 = zlib.crc32


class _Signer:
    """Makes MinHash signatures with one shared set of permutations (creating them is costly)."""

    def __init__(self, num_perm: int) -> None:
        self.num_perm = num_perm
        self.permutations = MinHash(num_perm=num_perm, hashfunc=_crc32, scheme=_SCHEME).permutations
        self.dtype = MinHash(num_perm=num_perm, hashfunc=_crc32, scheme=_SCHEME).hashvalues.dtype

    def __call__(self, tokens: set[str]) -> MinHash:
        signature = MinHash(num_perm=self.num_perm, hashfunc=_crc32, permutations=self.permutations, scheme=_SCHEME)
        if tokens:
            signature.update_batch([t.encode() for t in tokens])
        return signature

    def restore(self, hashvalues: bytes) -> MinHash:
        values = np.frombuffer(hashvalues, dtype=self.dtype)
        return MinHash(
            num_perm=self.num_perm, hashfunc=_crc32, permutations=self.permutations, hashvalues=values, scheme=_SCHEME
        )

    def dump(self, signature: MinHash) -> bytes:
        return np.asarray(signature.hashvalues, dtype=self.dtype).tobytes()


class _Lazy(Generic[T]):
    """A value computed on first use, then kept (an article's sentences: needed by one check or two)."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._value: T | None = None

    def __call__(self) -> T:
        if self._value is None:
            self._value = self._make()
        return self._value


def _other_details(a: list[SentenceSpan], b: Sequence[SentenceSpan]) -> bool:
    """Whether two texts alike in wording name mostly other people, places and numbers: one outlet's template
    filled twice, not a copy. A copy adds a byline or trims a paragraph but keeps most of the details."""
    mine = frozenset().union(*(s.specifics for s in a))
    theirs = frozenset().union(*(s.specifics for s in b))
    for kept in (lambda s: True, str.isdigit):  # all details, then the numbers alone (ages, blocks, times)
        mine_kept, theirs_kept = {s for s in mine if kept(s)}, {s for s in theirs if kept(s)}
        smaller = min(mine_kept, theirs_kept, key=len)
        if len(smaller) >= 2 and len(mine_kept & theirs_kept) < 0.5 * len(smaller):
            return True
    return False


def _other_happening(mine: str, theirs: str) -> bool:
    """Whether two texts give the happening's specifics (victims, streets, ages, times of day) and these
    conflict: two incidents told in one house's words (or under one site's widget), not a copy of each other.
    A copy or rewrite keeps its source's people and places; shared wording alone is not derivation."""
    other = {kind: dict.fromkeys(values, 1) for kind, values in specifics_of(theirs, lead_of(theirs)).items()}
    return bool(compare(specifics_of(mine, lead_of(mine)), other)[1])


class DedupIndex:
    """Everything processed so far, queryable for copies and sources of a new article.

    ``text_of(article_id)`` returns the body of an article already in the index (from the store);
    the index keeps signatures only, so memory stays small.
    """

    def __init__(self, config: DedupConfig, text_of: Callable[[str], str | None]) -> None:
        self.config = config
        self.text_of = text_of
        self.near = MinHashLSH(threshold=config.near_candidate_jaccard, num_perm=config.num_perm)
        # Rewrites verify the newest candidates only: this index reads them off its buckets' ends (``bands``).
        self.words = NewestFirstLSH(config.rewrite_candidate_jaccard, config.num_perm)
        self.sign = _Signer(config.num_perm)
        self._shingles: dict[str, set[str]] = {}  # recent articles' shingle sets, oldest first
        self._sentences: dict[str, IndexedSentences] = {}  # recent evidence targets' sentences, oldest first
        self.by_hash: dict[str, str] = {}
        self.canonical: dict[str, str] = {}  # duplicate -> the first copy it was matched to
        # Processing order of indexed articles. LSH answers with a set, whose order changes with
        # Python's string hashing from run to run; candidates are ordered by this instead, so ties
        # and the rewrite-candidate cut give the same links in every run.
        self.position: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.by_hash) + len(self.canonical)

    def restore(self, state: DedupState) -> None:
        """Re-add an article processed in an earlier run, from its stored signatures."""
        near = self.sign.restore(state.signature)
        word = self.sign.restore(state.word_signature)
        self._insert(state.article_id, state.body_hash, near, word)

    def add(self, article: Article) -> tuple[DedupState, list[Link]]:
        """Compare ``article`` with everything indexed, then index it. Returns its state and links."""
        digest = body_hash(article.text)
        grams = shingles(article.text, self.config.shingle_size)
        near = self.sign(grams)
        word = self.sign(content_words(article.text))
        links: list[Link] = []
        original = self.by_hash.get(digest)
        if original is not None:
            links.append(DuplicateLink(article.id, original, DuplicateKind.EXACT, 1.0))
        else:
            own = _Lazy(lambda: sentences(article.text))
            duplicate = self._near_duplicate(article, grams, near, own)
            if duplicate is not None:
                links.append(duplicate)
            else:
                rewrite = self._rewrite(article, grams, word, own)
                if rewrite is not None:
                    links.append(rewrite)
        if links and isinstance(links[0], DuplicateLink):
            self.canonical[article.id] = links[0].duplicate_of
        self._insert(article.id, digest, near, word)
        self._remember(article.id, grams)
        state = DedupState(article.id, digest, self.sign.dump(near), self.sign.dump(word))
        return state, links

    def unindexed(self, article: Article) -> DedupState:
        """The state of an article kept out of the index (nothing of its own to compare)."""
        empty = self.sign(set())
        return DedupState(article.id, body_hash(article.text), self.sign.dump(empty), self.sign.dump(empty))

    def _insert(self, article_id: str, digest: str, near: MinHash, word: MinHash) -> None:
        if article_id in self.near.keys:
            return
        self.by_hash.setdefault(digest, article_id)
        self.position[article_id] = len(self.position)
        self.near.insert(article_id, near)
        self.words.insert(article_id, word)

    def _remember(self, article_id: str, grams: set[str], keep: int = 4000) -> None:
        if len(self._shingles) >= keep:
            self._shingles.pop(next(iter(self._shingles)))
        self._shingles[article_id] = grams

    def shingles_of(self, article_id: str) -> tuple[set[str], str | None]:
        """Shingles of an indexed article (cached for recent ones) and, when it had to be read, its text."""
        grams = self._shingles.get(article_id)
        if grams is not None:
            return grams, None
        text = self.text_of(article_id)
        grams = shingles(text, self.config.shingle_size) if text else set()
        self._remember(article_id, grams)
        return grams, text

    def sentences_of(self, article_id: str, text: str | None = None, keep: int = 1000) -> IndexedSentences:
        """Sentences of an indexed article (``text``: its body, when already read).

        Cached: the copies and rewrites of one story are all compared with the same earlier articles.
        """
        found = self._sentences.get(article_id)
        if found is None:
            if len(self._sentences) >= keep:
                self._sentences.pop(next(iter(self._sentences)))
            found = self._sentences[article_id] = indexed(sentences(text or self.text_of(article_id) or ""))
        return found

    def _near_duplicate(
        self, article: Article, grams: set[str], near: MinHash, own: _Lazy[list[SentenceSpan]]
    ) -> DuplicateLink | None:
        best: tuple[float, str] | None = None
        for candidate in sorted(self.near.query(near), key=self.position.__getitem__):  # ties: the earliest copy
            other, _ = self.shingles_of(candidate)
            if (
                not grams
                or not other
                or min(len(grams), len(other)) / max(len(grams), len(other)) < self.config.near_length_ratio
            ):
                continue
            score = containment(grams, other) if len(grams) <= len(other) else containment(other, grams)
            if score >= self.config.near_containment and (best is None or score > best[0]):
                best = (score, candidate)
        if best is None:
            return None
        score, candidate = best
        target = self.canonical.get(candidate, candidate)
        theirs = self.sentences_of(target)
        if _other_details(own(), theirs.spans) or _other_happening(article.text, self.text_of(target) or ""):
            return None
        evidence = align(own(), theirs, self.config.sentence_overlap)
        return DuplicateLink(
            article.id, target, DuplicateKind.NEAR, round(score, 4), tuple(evidence[: self.config.max_evidence])
        )

    def _rewrite(
        self, article: Article, grams: set[str], word: MinHash, lazy_own: _Lazy[list[SentenceSpan]]
    ) -> DerivationLink | None:
        own = lazy_own()
        if len(own) < self.config.rewrite_min_sentences:
            return None
        best: DerivationLink | None = None
        # Newest first: a rewrite follows its source within the news cycle, so when LSH returns more
        # candidates than are verified, the recent ones are kept.
        candidates = self.words.newest(word, _REWRITE_WINDOW * self.config.max_rewrite_candidates, self.position)
        sources = dict.fromkeys(self.canonical.get(c, c) for c in candidates)
        for source in list(sources)[: self.config.max_rewrite_candidates]:
            other, text = self.shingles_of(source)
            if containment(grams, other) < self.config.rewrite_min_shingles:
                continue
            text = text or self.text_of(source)
            if not text:
                continue
            theirs = self.sentences_of(source, text)
            if _other_details(own, theirs.spans):  # house style filled with another happening's details
                continue
            if _other_happening(article.text, text):
                continue
            kept = in_order(align(own, theirs, self.config.sentence_overlap))
            share = len(kept) / len(own)
            if len(kept) >= self.config.rewrite_min_sentences and share >= self.config.rewrite_min_share:
                if best is None or share > best.score:
                    best = DerivationLink(article.id, source, round(share, 4), tuple(kept[: self.config.max_evidence]))
        return best
