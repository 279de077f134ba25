"""Entity mentions: sides in sports results lines, companies with legal suffixes."""

from __future__ import annotations

from newsfuse.extract.entities import find_entities


def test_results_lines_name_clubs_and_national_sides(models):
    text = "Results of Dutch first division matches on Sunday:\nAjax 2 Feyenoord 1\nJapan 2 Syria 1\n"
    found = {(m.text, m.label) for m in find_entities(models.nlp(text), models, text)}
    assert {("Ajax", "ORG"), ("Feyenoord", "ORG"), ("Japan", "GPE"), ("Syria", "GPE")} <= found


def test_company_suffix_completes_the_organisation(models):
    text = "Shares of Siemens AG fell while BHP Billiton Ltd gained."
    found = {(m.text, m.label) for m in find_entities(models.nlp(text), models, text)}
    assert {("Siemens AG", "ORG"), ("BHP Billiton Ltd", "ORG")} <= found
