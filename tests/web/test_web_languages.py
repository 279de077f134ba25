"""The web UI across languages: a seed and a translation written for the test are one event, shown with the
reports' original titles and language tags (on the page and its feed card), and the feed filters events by language (real Chromium)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import BROWSER_MARKS, served_pipeline

pytestmark = [*BROWSER_MARKS, pytest.mark.slow]

SPANISH_TITLE = "El ministro de Defensa japonés visita Baykar mientras Tokio estudia comprar drones turcos"
SPANISH = (
    "ANKARA – El ministro de Defensa de Japón, Gen Nakatani, y su delegación visitaron el miércoles Baykar, el "
    "principal fabricante de vehículos aéreos no tripulados de Türkiye, en medio del creciente interés por la compra "
    "de drones y por ampliar los lazos de defensa entre los dos países. El presidente de Baykar, Selçuk Bayraktar, y "
    "su director general, Haluk Bayraktar, informaron a Nakatani sobre las operaciones de la empresa, en presencia "
    "del secretario de Industrias de Defensa, Haluk Görgün. La visita oficial de Nakatani a Türkiye, que comenzó el "
    "19 de agosto, incluyó conversaciones con el ministro de Defensa Yaşar Güler en Ankara."
)


def test_an_event_in_two_languages_shows_original_titles_with_language_tags_and_filters(
    shared_dir: Path, tmp_path, page
):
    seed = shared_dir / "seeds" / "001_14d3424a56f7dca9.txt"
    if not seed.is_file():
        pytest.skip(f"no seed at {seed}")
    title, body = seed.read_text(encoding="utf-8").split("\n", 1)
    reports = tmp_path / "reports.jsonl"
    lines = [
        {"id": "seed", "title": title, "text": body, "published": "2025-08-20", "language": "en"},
        {"id": "es", "title": SPANISH_TITLE, "text": SPANISH, "published": "2025-08-20", "language": "es"},
    ]
    reports.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    with served_pipeline([str(reports)], tmp_path / "languages.db") as server:
        page.goto(server.url + "/?language=es")
        card = page.locator(".event-card").filter(has_text="2 articles")
        assert card.count() == 1, page.locator("#feed").inner_text()
        assert sorted(card.locator(".languages .lang-tag").all_text_contents()) == ["en", "es"]
        card.locator("h2 a").click()
        page.wait_for_url("**/events/*")
        assert page.locator(".brief .meta .languages").text_content().split() == ["in", "en", "es"]
        spanish = page.locator(".source-title[lang=es]")
        assert spanish.inner_text() == SPANISH_TITLE  # the title as written, not translated
        assert page.locator(".source-column .lang-tag").all_text_contents() == ["en", "es"]
        page.goto(server.url + "/?language=it")
        assert page.locator(".event-card").count() == 0
