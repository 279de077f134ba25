"""HTML article pages: main text without boilerplate, dates from meta tags, then from the URL."""

from __future__ import annotations

from newsfuse.ingest.html import find_published, html_to_text, read_html
from newsfuse.records import DateSource, RawDocument, Skipped

PARAGRAPHS = (
    "<p>The city council approved the new tram line on Thursday after a debate that lasted most of the night.</p>"
    "<p>Construction is due to start next spring and the line should open within three years, officials said.</p>"
)
PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Council approves tram line | Lakeside Herald</title>
<meta property="og:site_name" content="Lakeside Herald">
<meta property="article:published_time" content="2024-05-16T18:20:00+02:00">
<meta name="author" content="Jo Reporter"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a> Subscribe now for unlimited access</nav>
<article><h1>Council approves tram line</h1>{PARAGRAPHS}</article>
<footer>Copyright Lakeside Herald. All rights reserved. Cookie settings.</footer></body></html>"""


def test_article_text_title_site_and_meta_date():
    [doc] = read_html(PAGE, "tram.html", url="https://herald.example/news/tram")
    assert isinstance(doc, RawDocument)
    assert doc.title == "Council approves tram line"
    assert doc.text.startswith("The city council approved the new tram line")
    assert "Construction is due to start" in doc.text
    assert "Subscribe" not in doc.text and "Copyright" not in doc.text
    assert doc.source == "Lakeside Herald"
    assert doc.published.startswith("2024-05-16")
    assert doc.published_via is DateSource.HTML_META
    assert doc.url == "https://herald.example/news/tram"
    assert doc.extra.get("author") == "Jo Reporter"


def test_date_from_url_when_page_has_none():
    page = f"<html><head><title>Tram</title></head><body><article>{PARAGRAPHS}</article></body></html>"
    published, via = find_published(page, "https://herald.example/2023/11/02/tram-line")
    assert (published, via) == ("2023-11-02", DateSource.URL)
    assert find_published(page, "https://herald.example/news/tram") == (None, DateSource.UNKNOWN)


def test_page_without_text_is_skipped():
    [item] = read_html("<html><head><title>Nothing</title></head><body></body></html>", "empty.html")
    assert isinstance(item, Skipped) and item.input == "empty.html"


def test_html_to_text_keeps_block_breaks():
    assert html_to_text("<p>One.</p><p>Two <b>bold</b>.</p>") == "One.\nTwo bold."
    assert html_to_text("plain") == "plain"
