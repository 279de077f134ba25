"""HTML article pages: main text with trafilatura, publication date with htmldate (meta first, then the URL)."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError, XMLSyntaxError

from newsfuse.ingest.dates import date_from_url
from newsfuse.records import DateSource, RawDocument, Skipped

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article"}
_BLANK_LINES = re.compile(r"\n\s*\n+")

# trafilatura and htmldate log every page they cannot parse; the skip reason already says so.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def read_html(html: str, origin: str, url: str = "") -> Iterator[RawDocument | Skipped]:
    """The main article of one HTML page; boilerplate (navigation, footers, comments) is dropped."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, XMLSyntaxError, ParserError, RecursionError) as exc:
        yield Skipped(origin, f"unparseable HTML: {exc}")
        return
    if found is None or not (found.text or "").strip():
        yield Skipped(origin, "no article text found in the HTML page")
        return
    title = (found.title or "").strip()
    text = _drop_leading_title(found.text.strip(), title)
    page_url = url or (found.url or "")  # a saved page still names itself in <link rel=canonical> / og:url
    published, via = find_published(html, page_url)
    yield RawDocument(
        text=text,
        origin=origin,
        title=title,
        url=page_url,
        source=(found.sitename or found.hostname or "").strip(),
        language=None,
        published=published,
        published_via=via,
        extra={k: v for k, v in (("author", found.author), ("description", found.description)) if v},
    )


def find_published(html: str, url: str = "") -> tuple[str | None, DateSource]:
    """The page's own publication date (meta tags, JSON-LD, time elements), else a date in its URL."""
    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True)
    except (ValueError, TypeError, XMLSyntaxError, ParserError, RecursionError):
        found = None
    if found:
        return found, DateSource.HTML_META
    from_url = date_from_url(url)
    if from_url:
        return from_url, DateSource.URL
    return None, DateSource.UNKNOWN


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (a feed item's content), one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (XMLSyntaxError, ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return _BLANK_LINES.sub("\n\n", root.text_content()).strip()


def _drop_leading_title(text: str, title: str) -> str:
    # trafilatura keeps the page's <h1>, which repeats the title already stored on its own
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        return rest.strip()
    return text
