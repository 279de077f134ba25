"""RSS 0.9x/1.0/2.0 and Atom feeds, and malformed XML."""

from __future__ import annotations

from newsfuse.ingest.feed import read_feed
from newsfuse.records import DateSource, RawDocument, Skipped

RSS2 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><language>en-us</language>
<item><title>Port reopens after storm</title><link>https://gazette.example/2024/03/04/port</link>
<guid>gz-1</guid><pubDate>Mon, 04 Mar 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The port reopened on Monday.&lt;/p&gt;&lt;p&gt;Ships queued overnight.&lt;/p&gt;</description></item>
<item><title>Undated item</title><link>https://gazette.example/2024/03/05/ferry</link>
<description>Ferries run again between the islands.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Desk</title><id>urn:wire</id><updated>2024-03-06T00:00:00Z</updated>
<entry><title>Zölle steigen</title><id>urn:wire:1</id><link href="https://wire.example/z"/>
<updated>2024-03-06T12:00:00+01:00</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Die Regierung erhöht die Zölle auf Stahl deutlich.&lt;/p&gt;</content></entry>
</feed>""".encode()

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://old.example/"><title>Old Times</title><link>https://old.example/</link><description>d</description></channel>
<item rdf:about="https://old.example/1"><title>Bridge opens</title><link>https://old.example/1</link>
<description>The new bridge opened to traffic this morning.</description><dc:date>2003-05-06T10:00:00Z</dc:date></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Tiny</title><link>https://t.example</link>
<description>x</description><item><title>Fair opens</title><link>https://t.example/f</link>
<description>The county fair opened with record crowds.</description></item></channel></rss>"""


def test_rss2_items_with_dates_html_and_feed_title():
    first, second = read_feed(RSS2, "gazette.xml")
    assert first.title == "Port reopens after storm"
    assert first.text == "The port reopened on Monday.\nShips queued overnight."
    assert first.source == "Harbour Gazette"
    assert first.external_id == "gz-1"
    assert first.published == "2024-03-04T09:30:00+00:00"
    assert first.published_via is DateSource.FEED
    assert first.extra["feed_language"] == "en"
    assert first.origin == "gazette.xml#item-1"
    # no pubDate: the date in the link's path is used, and said to come from the URL
    assert second.published == "2024-03-05"
    assert second.published_via is DateSource.URL


def test_atom_prefers_full_content_and_converts_to_utc():
    [entry] = read_feed(ATOM, "wire.atom")
    assert entry.text == "Die Regierung erhöht die Zölle auf Stahl deutlich."
    assert entry.title == "Zölle steigen"
    assert entry.url == "https://wire.example/z"
    assert entry.published == "2024-03-06T11:00:00+00:00"
    assert entry.source == "Wire Desk"


def test_rss1_rdf_and_rss091():
    [rdf] = read_feed(RSS1, "old.rdf")
    assert rdf.title == "Bridge opens" and rdf.published.startswith("2003-05-06")
    [old] = read_feed(RSS091, "tiny.xml")
    assert old.text == "The county fair opened with record crowds."
    assert old.published is None


def test_malformed_xml_is_skipped_with_reason():
    [item] = read_feed(b"<rss><channel><title>Broken</title><item><title>x</ite", "broken.xml")
    assert isinstance(item, Skipped)
    assert item.input == "broken.xml"
    assert "malformed XML" in item.reason


def test_feed_without_items():
    [item] = read_feed(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>', "e.xml"
    )
    assert isinstance(item, Skipped) and item.reason == "feed has no items"


def test_item_without_text_is_skipped_others_kept():
    feed = RSS2.replace(b"<description>Ferries run again between the islands.</description>", b"")
    first, second = read_feed(feed, "g.xml")
    assert isinstance(first, RawDocument)
    assert isinstance(second, Skipped) and second.position == "item 2"
