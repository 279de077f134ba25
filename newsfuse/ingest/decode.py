"""Bytes to text: BOMs, UTF-8, then charset-normalizer; binary and undecodable input refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsfuse.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, form feed and carriage return: text never has many.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_SAMPLE = 8192
# A guess is trusted when the decoded text is not messy, reads like some language, and rests on
# enough non-ASCII bytes (two stray bytes in English fit any code page equally well).
LOW_CONFIDENCE_CHAOS = 0.1
LOW_CONFIDENCE_COHERENCE = 0.2
FEWEST_EVIDENCE = 4
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first 8 KiB (BOM-marked UTF-16/32 excepted)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` read from ``source``; ``declared`` is a charset named by HTTP or the document.

    Raises ``InputError`` for binary content and for bytes no encoding explains.
    """
    return decode_flagged(data, source, declared)[0]


def decode_flagged(data: bytes, source: str, declared: str | None = None) -> tuple[str, str | None]:
    """``decode_bytes``, and a note when the text may not be what was written: invalid UTF-8 bytes
    replaced, or an encoding guessed with low confidence (so mojibake is flagged, not passed silently)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source), None
    if looks_binary(data):
        raise InputError(source, "binary content, not text", position=_first_nul(data))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared:
        try:
            return data.decode(_canonical(declared) or "utf-8"), None
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall through to detection
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        return text, f"invalid UTF-8: {text.count(chr(0xFFFD))} byte sequences replaced by U+FFFD"
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            source,
            f"undecodable bytes: not UTF-8 ({utf8_error.reason}) and no encoding detected",
            position=f"byte {utf8_error.start}",
        )
    return str(best), _guess_note(data, best)


def _guess_note(data: bytes, best) -> str | None:
    """A note when the detector's guess rests on little: garbled output, no language fits, few non-ASCII bytes."""
    high = sum(1 for b in data if b >= 0x80)
    if best.chaos <= LOW_CONFIDENCE_CHAOS and best.coherence >= LOW_CONFIDENCE_COHERENCE and high >= FEWEST_EVIDENCE:
        return None
    return (
        f"not UTF-8; encoding guessed as {best.encoding} with low confidence "
        f"(mess {best.chaos:.0%}, language fit {best.coherence:.0%}, {high} non-ASCII bytes): text may be garbled"
    )


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few corrupt bytes: legacy 8-bit text almost never forms valid multi-byte sequences."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid >= 2 and invalid <= valid


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"invalid {encoding} despite its byte-order mark", position=f"byte {exc.start}"
        ) from exc


def _canonical(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _first_nul(data: bytes) -> str | None:
    index = data.find(b"\x00", 0, _SAMPLE)
    return f"byte {index}" if index >= 0 else None
