"""Plain-text reader: the seed format's three shapes and ordinary text files."""

from __future__ import annotations

from newsfuse.ingest.text import parse_text, read_text
from newsfuse.records import DateSource, RawDocument, Skipped

BODY = "The port authority said on Monday that grain shipments resumed after a two-week halt.\n\nA second paragraph."


def test_date_header_with_title_then_dateline_line():
    doc = next(read_text(f" date 2024-03-04 Grain shipments resume at Odesa port\n\nODESA\n\n{BODY}", "a.txt"))
    assert isinstance(doc, RawDocument)
    assert doc.published == "2024-03-04"
    assert doc.published_via is DateSource.HEADER
    assert doc.title == "Grain shipments resume at Odesa port"
    assert doc.dateline == "ODESA"
    assert doc.text == BODY
    assert doc.source == ""


def test_date_header_with_source_credit_and_inline_dateline():
    raw = f" date 2024-03-05 AFP - Le Monde) ODESA, - {BODY}\n\nLast line."
    doc = next(read_text(raw, "b.txt"))
    assert doc.published == "2024-03-05"
    assert doc.source == "AFP - Le Monde"
    assert doc.dateline == "ODESA"
    assert doc.title == ""
    assert doc.text.startswith("The port authority said")
    assert doc.text.endswith("Last line.")


def test_title_and_dateline_without_date_header():
    doc = next(read_text(f"Grain shipments resume at Odesa port\nODESA\n\nODESA – {BODY}", "c.txt"))
    assert doc.published is None
    assert doc.published_via is DateSource.UNKNOWN
    assert doc.title == "Grain shipments resume at Odesa port"
    assert doc.dateline == "ODESA"
    assert doc.text.startswith("ODESA – The port authority")


def test_inline_dateline_with_agency_and_date_details():
    header = parse_text(" date 2024-03-05 Reuters) NEW YORK, March 5 (Reuters) - Stocks rose on Tuesday.\nMore.")
    assert header.dateline == "NEW YORK"
    assert header.body.startswith("Stocks rose on Tuesday.")


def test_invalid_header_date_is_not_a_header():
    header = parse_text(" date 2024-02-30 Something odd happened here\nbody text that follows it.")
    assert header.published is None


def test_long_first_sentence_is_body_not_title():
    sentence = "The port authority said on Monday that grain shipments resumed after a halt " * 3 + "and more."
    header = parse_text(sentence.strip() + "\nSecond line of the story.")
    assert header.title == ""
    assert header.body.startswith("The port authority")


def test_single_line_text_has_no_title():
    header = parse_text("Only one line of text in this file, which is the whole report.")
    assert header.title == ""
    assert header.body == "Only one line of text in this file, which is the whole report."


def test_windows_line_endings():
    doc = next(read_text("Grain shipments resume\r\nODESA\r\n\r\nThe port reopened today after repairs.", "d.txt"))
    assert doc.title == "Grain shipments resume"
    assert doc.dateline == "ODESA"
    assert doc.text == "The port reopened today after repairs."


def test_header_only_is_skipped():
    [item] = read_text(" date 2024-03-04 A title and nothing else\n\n", "e.txt")
    assert isinstance(item, Skipped)
    assert item.input == "e.txt"
