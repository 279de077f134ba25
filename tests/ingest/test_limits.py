"""Field limits at ingest: what is changed is changed for a reason, and the reason is kept with the article."""

from __future__ import annotations

from datetime import UTC, datetime

from newsfuse.ingest.decode import decode_flagged
from newsfuse.ingest.limits import MAX_TITLE_CHARS, NOTES, implausible_date, within_limits
from newsfuse.records import DateSource, RawDocument

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def test_control_characters_and_long_titles():
    raw = RawDocument(text="Storm\x00 hits \x1b[31mthe\x7f port.\n\tTabs stay.", origin="x", title="word " * 1000)
    out = within_limits(raw, NOW)
    assert out.text == "Storm hits [31mthe port.\n\tTabs stay."
    assert len(out.title) <= MAX_TITLE_CHARS and not out.title.endswith(" ")
    assert any("control characters" in n for n in out.extra[NOTES])
    assert any("title of 5000 characters" in n for n in out.extra[NOTES])


def test_lone_surrogates_are_removed():
    out = within_limits(RawDocument(text="a \ud800 b", origin="x"), NOW)
    out.text.encode("utf-8")  # storable


def test_dates_outside_the_window_become_unknown_with_the_reason():
    assert implausible_date("0001-01-01", NOW) == "before 1800"
    assert implausible_date("2025-06-02T20:00:00", NOW) is None  # a few hours ahead: time zones
    assert implausible_date("2025-06-03", NOW) == "more than a day in the future"
    assert implausible_date("1850-01-01", NOW) is None
    out = within_limits(RawDocument(text="t", origin="x", published="0001-01-01", published_via=DateSource.FEED), NOW)
    assert (out.published, out.published_via) == (None, DateSource.UNKNOWN)
    assert out.extra[NOTES] == ["published '0001-01-01' stored as unknown: before 1800"]


def test_clean_documents_pass_unchanged():
    raw = RawDocument(text="Fine text.", origin="x", title="Fine", published="2025-01-01")
    assert within_limits(raw, NOW) is raw


def test_decoding_says_when_text_may_be_garbled():
    assert decode_flagged("café au lait".encode(), "x") == ("café au lait", None)
    text, note = decode_flagged(b"The minister said caf\xc3\xa9 and \xc3\xa9t\xc3\xa9 but \xff here.", "x")
    assert "\ufffd" in text and "invalid UTF-8" in note
    _, note = decode_flagged(b"The minister said \xe9 here, nothing else.", "x")
    assert "low confidence" in note
    french = "Le ministre a déclaré que l'économie française était à la hausse après une période difficile."
    assert decode_flagged(french.encode("cp1252"), "x")[1] is None  # a confident guess is not flagged
