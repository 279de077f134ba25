"""One small exception hierarchy; every error says which input and where."""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base class for errors newsfuse reports to the user as one line."""

    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        text = str(self)
        return f"{text} (hint: {self.hint})" if self.hint else text


class InputError(NewsfuseError):
    """An input, or one record of it, could not be read."""

    def __init__(self, source: str, reason: str, position: str | None = None, hint: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.position = position
        where = f" ({position})" if position else ""
        super().__init__(f"{source}{where}: {reason}", hint)


class FetchError(InputError):
    """A URL could not be fetched, or was refused (private address, robots.txt, too large)."""


class StoreError(NewsfuseError):
    """The store could not be opened or written."""


class NotFoundError(NewsfuseError):
    """An id names nothing in the store."""
