"""Source lists (arguments, one-a-line files, OPML) and the polling schedule's backoff and jitter."""

from __future__ import annotations

import random

import pytest

from newsfuse.errors import InputError
from newsfuse.watch import parse_sources
from newsfuse.watch.schedule import Schedule


def test_urls_directories_listing_files_and_opml(tmp_path):
    (tmp_path / "pages").mkdir()
    listing = tmp_path / "feeds.txt"
    listing.write_text("# wires\nhttps://example.com/rss.xml 300\n\nhttps://example.org/atom\n")
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="news">'
        '<outline type="rss" xmlUrl="https://news.example.net/feed"/>'
        '<outline type="rss" xmlUrl="https://example.org/atom"/></outline></body></opml>'
    )
    article = tmp_path / "report.txt"
    article.write_text("ANKARA - A report, not a list: https://example.com is only mentioned.\n")
    found = parse_sources(
        ["https://a.example/feed", str(listing), str(opml), str(tmp_path / "pages"), str(article)], 60
    )
    assert [(s.name, s.kind, s.interval_s) for s in found] == [
        ("https://a.example/feed", "url", 60),
        ("https://example.com/rss.xml", "url", 300.0),
        ("https://example.org/atom", "url", 60),  # listed twice, watched once
        ("https://news.example.net/feed", "url", 60),
        (str(tmp_path / "pages"), "path", 60),
        (str(article), "path", 60),
    ]


def test_a_bad_listing_line_names_the_file_and_line(tmp_path):
    listing = tmp_path / "feeds.list"
    listing.write_text("https://example.com/rss.xml\nhttps://example.com/b often\n")
    with pytest.raises(InputError) as caught:
        parse_sources([str(listing)], 60)
    assert caught.value.position == "line 2" and "often" in caught.value.reason
    with pytest.raises(InputError, match="no such file"):
        parse_sources([str(tmp_path / "missing.opml")], 60)


def test_errors_back_off_exponentially_with_jitter_and_a_success_resets():
    schedule = Schedule(random.Random(7))
    delays = [schedule.delay(60, failures) for failures in range(4)]
    for failures, delay in enumerate(delays):
        assert 0.9 * 60 * 2**failures <= delay <= 1.1 * 60 * 2**failures
    assert schedule.delay(60, 30) <= 1.1 * 3600  # capped
    assert len({round(schedule.delay(60, 0), 6) for _ in range(20)}) > 1  # jittered
    schedule.start("a", 0.0)
    schedule.start("b", 5.0)
    assert schedule.ready(1.0) == ["a"]
    assert schedule.done("a", 1.0, 60, 0) >= 1.0 + 54
    assert schedule.ready(10.0) == ["b"]
