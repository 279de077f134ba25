"""Decoding: UTF-8, byte-order marks, legacy encodings detected, binary and undecodable input refused."""

from __future__ import annotations

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes, looks_binary

TEXT = "Der Bürgermeister äußerte sich am Dienstag zur Lage: »Wir müssen schneller handeln«, sagte er."


def test_utf8_and_boms():
    assert decode_bytes(TEXT.encode(), "a") == TEXT
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode(), "a") == TEXT
    assert decode_bytes(TEXT.encode("utf-16"), "a") == TEXT


def test_legacy_encoding_detected():
    assert decode_bytes(TEXT.encode("cp1252"), "a") == TEXT


def test_declared_charset_used_when_not_utf8():
    assert decode_bytes("Señora Müller".encode("latin-1"), "a", declared="ISO-8859-1") == "Señora Müller"


def test_binary_refused_with_position():
    with pytest.raises(InputError) as caught:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.png")
    assert caught.value.source == "logo.png"
    assert "binary" in caught.value.reason
    assert caught.value.position == "byte 8"


def test_control_characters_mean_binary():
    assert looks_binary(bytes(range(1, 9)) * 20)
    assert not looks_binary(TEXT.encode())


def test_invalid_bom_content_refused():
    with pytest.raises(InputError):
        decode_bytes(b"\xff\xfe\x00\xd8", "odd.txt")  # UTF-16LE BOM then a lone surrogate
