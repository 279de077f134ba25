"""Boilerplate an outlet repeats across its articles, learned from the store, and each article's content status.

A host's footers, newsletter and notification widgets ("Get email notifications on ..."), cookie and
paywall notices, copyright lines and headline suffixes (" - WMC Action News 5 - Memphis, Tennessee")
recur word for word in many of its articles, while a sentence about one happening recurs only in the
few reports of that happening. So a line or sentence found in ``min_articles`` or more articles of one
host is that host's boilerplate, and one that is boilerplate for two hosts is boilerplate everywhere
(wire copyright lines). Counts live in the store and grow with it, nothing is a fixed list. Removed
text is blanked with spaces, so offsets into the original text (dedup evidence) stay valid.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from newsfuse.records.article import Article

# Lines, and the sentences inside a line (a widget is often glued to the story's last paragraph). A period
# not followed by a space ("U.S.", "12:30 a.m., he") or closing "a.m."/"p.m." ends no sentence: "About 12:30
# a." keyed without its numbers recurs in every report of one outlet and was blanked, hiding the time.
_PASSAGE = re.compile(
    r"(?:[^\n.!?]+|[.!?](?![\s\"'\u201d\u2019)]|$)|(?<=\b[aApP]\.[mM])\.)+(?:[.!?]+[\"'\u201d\u2019)]*|$)",
    re.MULTILINE,
)
_KEEP_LEARNED = 5000  # cleaned articles ``learn`` keeps for its stage, at most
_TITLE_PARTS = re.compile(r"\s+(?:[-|\u2013\u2014:]{1,2})\s+")
_LETTERS = re.compile(r"[^\W\d_]+")  # a passage's key: its words without numbers ("Copyright 2017 KSLA")
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_PAYWALL = re.compile(
    r"\b(?:subscribe|subscription|subscriber|sign in|log in|already a member|to continue reading|premium content)\b",
    re.IGNORECASE,
)
# A video playlist widget: one line per clip, its duration first ("0:24 Police investigate scene of shooting",
# "2:26 Mexico president rejects ..."); a run of such lines is the page's frame, shared by a chain's sites.
_CLIP = re.compile(r"^\d{1,2}:\d{2} (?![aApP]\.?[mM]\b)\S.*$", re.MULTILINE)
_MIN_CLIPS = 3
# A page cut off by its site or scraper: ends on an ellipsis or a "read more" link, or mid-sentence.
_CUT_OFF = re.compile(r"(?:\.\.\.|\u2026|\b(?:read more|continue reading|full story)\W*)$", re.IGNORECASE)


class ContentStatus:
    OK = "ok"
    BOILERPLATE_ONLY = "boilerplate-only"
    PAYWALLED = "paywalled"
    TRUNCATED = "truncated"
    # Pages with these statuses found no event and join none: nothing of their own to compare.
    CONTENTLESS = frozenset({BOILERPLATE_ONLY, PAYWALLED})


@dataclass(frozen=True, slots=True)
class BoilerplateConfig:
    min_articles: int = 3  # articles of one host holding a passage before it counts as that host's boilerplate
    min_hosts: int = 2  # hosts for which a passage is boilerplate before it is boilerplate for every host
    min_content_words: int = 25  # fewer left once boilerplate is gone: the page has no story of its own
    # A short page asking to sign in or subscribe this many times is a login or paywall page, even when no
    # outlet repeated it often enough to be learned (one scraped sign-in widget per host).
    wall_cues: int = 3
    wall_max_words: int = 150


def host_of(article: Article) -> str:
    """The outlet: the URL's host (without ``www.``), else a host-like ``source``; "" when unknown."""
    host = urlsplit(article.url).hostname or "" if article.url else ""
    if not host and "." in article.source and " " not in article.source.strip():
        host = article.source.strip().casefold()
    return host.removeprefix("www.")


def _key(passage: str) -> int | None:
    words = _LETTERS.findall(passage.casefold())
    # The pieces of an abbreviation ("m." of "p.m.", "Jr.") recur in every outlet's copy by chance: a passage
    # needs a word of three letters or more to be anyone's boilerplate (blanking "m." hid every clock time).
    if not any(len(word) >= 3 for word in words):
        return None
    return zlib.crc32(" ".join(words).encode())


def passages(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, key)`` of each line or sentence of ``text`` (key: hash of its normalised words)."""
    out = []
    for match in _PASSAGE.finditer(text):
        key = _key(match.group(0))
        if key is not None:
            out.append((match.start(), match.end(), key))
    return out


def title_parts(title: str) -> list[tuple[int, int, int]]:
    """Each suffix of a headline that starts at a separator (" - Outlet - City"), with the key of that whole
    suffix: an outlet's tail repeats as a whole, a story's own words after a dash do not."""
    out = []
    for match in _TITLE_PARTS.finditer(title):
        key = _key("title " + title[match.end() :])
        if key is not None:
            out.append((match.start(), len(title), key))
    return out


def observed_passages(article: Article) -> set[int]:
    """Every passage key the article contributes to its host's counts (body lines, sentences, headline parts)."""
    return {k for _, _, k in passages(article.text)} | {k for _, _, k in title_parts(article.title)}


@dataclass(frozen=True, slots=True)
class Cleaned:
    """An article with its host's boilerplate blanked out, and what was left."""

    article: Article  # same id and offsets; boilerplate replaced by spaces, headline suffixes dropped
    status: str
    content_words: int
    boilerplate_chars: int

    @property
    def contentless(self) -> bool:
        return self.status in ContentStatus.CONTENTLESS


class Boilerplate:
    """The repeated passages of every host, as learned so far."""

    def __init__(self, repeated: dict[str, set[int]], config: BoilerplateConfig | None = None) -> None:
        self.config = config or BoilerplateConfig()
        self.repeated = repeated
        hosts_of: dict[int, int] = {}
        for keys in repeated.values():
            for key in keys:
                hosts_of[key] = hosts_of.get(key, 0) + 1
        self.everywhere = {key for key, n in hosts_of.items() if n >= self.config.min_hosts}
        # What ``learn`` cleaned to save each article's content status, kept until the stage cleans the article
        # itself (once: each is handed out once), so an update cleans each article once, not twice.
        self._learned: dict[str, tuple[str, str, Cleaned]] = {}

    @property
    def learned(self) -> int:
        """Articles cleaned by ``learn`` that the stage has not asked for yet."""
        return len(self._learned)

    def keep(self, article: Article, cleaned: Cleaned) -> None:
        # Bounded: a huge update would otherwise hold all its texts until the stage reaches them; past the bound
        # an article is cleaned again (the stage reads in the order ``learn`` did, so the first are reused).
        if len(self._learned) < _KEEP_LEARNED:
            self._learned[article.id] = (article.text, article.title, cleaned)

    def _is_repeated(self, host: str, key: int) -> bool:
        return key in self.everywhere or key in self.repeated.get(host, ())

    def clean(self, article: Article) -> Cleaned:
        kept = self._learned.pop(article.id, None)
        if kept is not None and kept[0] == article.text and kept[1] == article.title:
            return kept[2]
        host = host_of(article)
        text, removed = article.text, 0
        spans = _playlist(text)
        if self.repeated.get(host) or self.everywhere:
            spans += [(start, end) for start, end, key in passages(text) if self._is_repeated(host, key)]
        if spans:
            chars = list(text)
            for start, end in _union(spans):
                chars[start:end] = " " * (end - start)
                removed += end - start
            text = "".join(chars)
        title = article.title
        for start, _, key in title_parts(article.title):
            if self._is_repeated(host, key):
                title = article.title[:start].rstrip(" -|:\u2013\u2014")
                break
        cleaned = replace(article, text=text, title=title) if removed or title != article.title else article
        # Counting content words is only needed where the page may be short of them (most pages lose nothing).
        words = len(_CONTENT_WORD.findall(text)) if removed or len(text) < 400 else len(text.split())
        return Cleaned(cleaned, self._status(article.text, text, words, removed), words, removed)

    def _status(self, original: str, text: str, words: int, removed: int) -> str:
        # A short page is a short story unless what made it short is boilerplate taken away.
        if words < self.config.min_content_words and (removed or _PAYWALL.search(original[:2000])):
            return ContentStatus.PAYWALLED if _PAYWALL.search(original) else ContentStatus.BOILERPLATE_ONLY
        if words < self.config.wall_max_words and len(_PAYWALL.findall(text)) >= self.config.wall_cues:
            return ContentStatus.PAYWALLED
        last = text.rstrip().rsplit("\n", 1)[-1].strip()
        # A long last line ending in a word or comma stops mid-sentence (short ones are sign-offs, credits).
        if _CUT_OFF.search(last) or (len(last) > 80 and (last[-1].isalpha() or last.endswith(","))):
            return ContentStatus.TRUNCATED
        return ContentStatus.OK


def _playlist(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of a video playlist widget (``_MIN_CLIPS`` or more clip lines); [] for most pages."""
    if ":" not in text:
        return []
    clips = [(m.start(), m.end()) for m in _CLIP.finditer(text)]
    return clips if len(clips) >= _MIN_CLIPS else []


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans merged where they overlap (a clip line is also a passage): each character blanked once."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def learn(store, article_ids: Sequence[str], config: BoilerplateConfig | None = None, batch: int = 500) -> Boilerplate:
    """Count the not-yet-counted of ``article_ids`` into their hosts' passages; the boilerplate known now.

    Every passage of the update is counted before any article is cleaned, so a batch teaches itself
    its outlets' footers. The content status of the articles counted here is saved.
    """
    config = config or BoilerplateConfig()
    seen = store.hosts_observed(article_ids)
    fresh = [i for i in article_ids if i not in seen]
    read: list[Article] = []
    for start in range(0, len(fresh), batch):
        articles = store.get_articles(fresh[start : start + batch])
        store.count_host_passages([(a.id, host_of(a), observed_passages(a) if host_of(a) else ()) for a in articles])
        read.extend(articles)
    boilerplate = Boilerplate(store.repeated_passages(config.min_articles), config)
    rows = []
    for article in read:
        cleaned = boilerplate.clean(article)
        boilerplate.keep(article, cleaned)
        rows.append((article.id, cleaned.status, cleaned.content_words, cleaned.boilerplate_chars))
    store.save_content_status(rows)
    return boilerplate


def known(store, config: BoilerplateConfig | None = None) -> Boilerplate:
    """The boilerplate learned so far, without counting anything (read-only callers: ``explain``)."""
    config = config or BoilerplateConfig()
    return Boilerplate(store.repeated_passages(config.min_articles), config)


def contentless(store, article_ids: Sequence[str]) -> set[str]:
    """Those of ``article_ids`` with nothing of their own (boilerplate-only or paywalled): no event, no links."""
    return {i for i, status in store.content_status(article_ids).items() if status in ContentStatus.CONTENTLESS}
