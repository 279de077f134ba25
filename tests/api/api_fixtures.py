"""Small news reports written for the service tests, and helpers to serve them.

Two happenings (a port reopening after a storm, reported three times, once as a rewrite; a city
council vote, reported twice) and one hostile report whose every field carries a payload that
would set ``window.__pwned`` if it ever ran in a browser.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.records import Article, DateSource, content_id

PAYLOAD_FLAG = "__pwned"
TOKEN = "test-token-7f3a"  # the bearer token of writable test apps

REPORTS = [
    {
        "title": "Port of Valdoria reopens after storm damage",
        "source": "Harbour Times",
        "url": "https://harbour.example/valdoria-reopens",
        "published": "2025-03-11",
        "text": (
            "VALDORIA\n\nThe Port of Valdoria reopened on Monday after a storm closed it for four days, "
            "harbour master Ilse Brandt said.\n\nBrandt said repairs to the northern breakwater would cost "
            "about 12 million euros and would be finished by June. Shipping lines Marecorp and Nordline "
            "resumed calls at the container terminal on Tuesday."
        ),
    },
    {
        "title": "Valdoria port back in business after four-day storm closure",
        "source": "Coastal Wire",
        "url": "https://coastal.example/2025/03/11/valdoria",
        "published": "2025-03-11",
        "text": (
            "VALDORIA\n\nThe Port of Valdoria reopened on Monday after a storm closed it for four days, "
            "harbour master Ilse Brandt told reporters.\n\nRepairs to the northern breakwater will cost "
            "about 12 million euros and be finished by June, Brandt said. Marecorp and Nordline resumed "
            "calls at the container terminal on Tuesday."
        ),
    },
    {
        "title": "Storm shut Valdoria harbour for five days, unions say",
        "source": "Baltic Daily",
        "url": "https://baltic.example/news/valdoria-harbour",
        "published": "2025-03-12",
        "text": (
            "Dock workers' unions said on Wednesday the storm had shut the Port of Valdoria for five days, "
            "not four, and that cranes at the container terminal were still idle.\n\nThe harbour authority "
            "has put the repair bill for the breakwater at 15 million euros, the union said."
        ),
    },
    {
        "title": "Rivermark council approves tram line budget",
        "source": "Rivermark Courier",
        "url": "https://courier.example/rivermark-tram",
        "published": "2025-05-02",
        "text": (
            "RIVERMARK\n\nRivermark city council voted 31 to 12 on Thursday to approve 240 million euros for "
            "a new tram line, mayor Tomas Weller said. Construction is planned to start in 2026."
        ),
    },
    {
        "title": "Tram plan wins council vote in Rivermark",
        "source": "Metro Ledger",
        "url": "https://ledger.example/tram-vote",
        "published": "2025-05-02",
        "text": (
            "The Rivermark council backed the tram line on Thursday by 31 votes to 12. Mayor Tomas Weller "
            "said the 240 million euro project would connect the old town with the university campus."
        ),
    },
]

HOSTILE = {
    "title": f'<script>window.{PAYLOAD_FLAG}=1</script>Hostile <img src=x onerror="window.{PAYLOAD_FLAG}=1"> report',
    "source": f'<svg onload="window.{PAYLOAD_FLAG}=1">Evil Outlet</svg>',
    "url": f"javascript:window.{PAYLOAD_FLAG}=1",
    "published": "2025-06-01",
    "text": (
        f"Rivermark officials said on Sunday <script>window.{PAYLOAD_FLAG}=1;alert(1)</script> that the tram "
        f'depot <img src="x" onerror="window.{PAYLOAD_FLAG}=1"> would open in 2027. '
        f'<a href="javascript:window.{PAYLOAD_FLAG}=1">Read more</a> '
        f'<iframe src="javascript:window.{PAYLOAD_FLAG}=1"></iframe> <body onload="window.{PAYLOAD_FLAG}=1">'
    ),
}


def make_article(report: dict, number: int) -> Article:
    return Article(
        id=content_id(report["title"], report["text"]),
        text=report["text"],
        title=report["title"],
        url=report["url"],
        source=report["source"],
        external_id=f"test-{number}",
        language="en",
        published=report["published"],
        published_via=DateSource.FEED,
        ingested_at="2025-06-02T00:00:00+00:00",
        origin=f"tests:{number}",
    )


def all_articles(*, hostile: bool = True) -> list[Article]:
    reports = REPORTS + ([HOSTILE] if hostile else [])
    return [make_article(report, number) for number, report in enumerate(reports, start=1)]


def fill_store(store, *, hostile: bool = True) -> list[Article]:
    """Store the test reports; returns them in the order written."""
    articles = all_articles(hostile=hostile)
    store.add_articles(articles, run_id="tests")
    return articles


def store_path(tmp_path: Path) -> Path:
    return tmp_path / "service.db"
