"""What the user named on the command line, expanded: files, directories (recursive), globs, ``-`` (stdin), URLs."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsfuse.records import Skipped

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One readable input: a file path, standard input, or a URL."""

    name: str  # as shown to the user and kept in Article.origin
    kind: str  # "path", "stdin" or "url"

    @property
    def path(self) -> Path:
        return Path(self.name)

    def open(self, stdin: BinaryIO | None = None) -> BinaryIO:
        """A binary stream of a local input (URLs are fetched by ``Fetcher`` instead)."""
        if self.kind == "stdin":
            return stdin if stdin is not None else sys.stdin.buffer
        if self.kind == "path":
            return self.path.open("rb")
        raise ValueError(f"{self.name}: a URL has no local stream; fetch it")


def is_url(text: str) -> bool:
    lowered = text.lower()
    return lowered.startswith("http://") or lowered.startswith("https://")


def expand_inputs(inputs: Sequence[str]) -> Iterator[Source | Skipped]:
    """Every file under each input, in a stable order; a name that matches nothing is skipped with a reason."""
    seen: set[str] = set()
    for given in inputs:
        for item in _expand_one(given):
            if isinstance(item, Source):
                if item.name in seen and item.kind == "path":
                    continue
                seen.add(item.name)
            yield item


def _expand_one(given: str) -> Iterator[Source | Skipped]:
    if given == STDIN:
        yield Source(STDIN, "stdin")
        return
    if is_url(given):
        yield Source(given, "url")
        return
    path = Path(given).expanduser()
    if path.is_dir():
        yield from _directory(path, given)
    elif path.is_file():
        yield Source(str(path), "path")
    elif glob.has_magic(given):
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            yield Skipped(given, "no file matches this pattern")
        for match in matches:
            match_path = Path(match)
            if match_path.is_dir():
                yield from _directory(match_path, match)
            elif match_path.is_file():
                yield Source(match, "path")
    elif path.exists():
        yield Skipped(given, "not a regular file or directory")
    else:
        yield Skipped(given, "no such file or directory")


def _directory(path: Path, given: str) -> Iterator[Source | Skipped]:
    # hidden files and folders (.git, .DS_Store) are never news
    files = sorted(
        p
        for p in path.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if not files:
        yield Skipped(given, "directory holds no files")
    for file in files:
        yield Source(str(file), "path")
