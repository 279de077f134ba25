"""The event page's view model and template, from fused records alone."""

from __future__ import annotations

import re

from api_records import all_records

from newsfuse.web.event_view import event_page_model
from newsfuse.web.pages import make_environment

PORT, TRAM, HOSTILE = (record.to_json() for record in all_records())


def render(record: dict) -> str:
    return make_environment().get_template("event.html").render(title="t", q="", event=event_page_model(record))


def test_claims_carry_chips_per_report_and_evidence_with_the_clause_marked():
    claims = {c["id"]: c for c in event_page_model(PORT)["claims"]}
    reopen = claims["c_reopen"]
    assert [chip["outlet"] for chip in reopen["chips"]] == ["Harbour Times", "Coastal Wire"]
    assert reopen["chips"][1]["relation"] == "derived_from"
    assert reopen["independent_sources"] == 1 and reopen["article_count"] == 2
    first = reopen["evidence"][0]
    assert first["clause"] == "The Port of Valdoria reopened on Monday"
    assert first["before"] + first["clause"] + first["after"] == PORT["claims"][0]["evidence"][0]["text"]


def test_contradicted_claims_are_flagged_with_both_sides():
    model = event_page_model(PORT)
    assert {c["id"] for c in model["claims"] if c["contradicted"]} == {"c_closure", "c_cost"}
    closure = next(c for c in model["contradictions"] if c["claim_id"] == "c_closure")
    assert [side["value"] for side in closure["sides"]] == ["four days", "five days"]
    assert closure["sides"][1]["outlets"] == ["Baltic Daily"]


def test_side_by_side_view_lists_what_each_source_states_and_only_it_states():
    sources = {s["outlet"]: s for s in event_page_model(PORT)["sources"]}
    assert {c["id"] for c in sources["Harbour Times"]["claims"]} == {"c_reopen", "c_closure", "c_cost", "c_resume"}
    assert {c["id"] for c in sources["Baltic Daily"]["claims"]} == {"c_closure", "c_cost"}
    assert sources["Harbour Times"]["unique_claims"] == [
        "Marecorp and Nordline resumed calls at the container terminal on 2025-03-11"
    ]
    assert (
        sources["Coastal Wire"]["relation"] == "derived_from" and sources["Coastal Wire"]["origin"] == "Harbour Times"
    )


def test_timeline_orders_claims_and_reports_by_date():
    timeline = event_page_model(PORT)["timeline"]
    assert [e["when"] for e in timeline] == sorted(e["when"] for e in timeline)
    assert [e["claim_id"] for e in timeline if e["kind"] == "claim"] == ["c_reopen", "c_resume"]
    assert sum(e["kind"] == "report" for e in timeline) == 3


def test_event_page_shows_brief_claims_contradictions_sources_and_timeline():
    html = render(PORT)
    for section in ("claims", "contradictions", "sources", "timeline"):
        assert f'id="{section}"' in html
    assert html.count('class="claim ') == 4
    assert html.count(" contradicted") >= 2
    assert "Ilse Brandt" in html and "harbour master" in html
    assert "<mark>a storm closed it for four days</mark>" in html


def test_hostile_record_renders_as_text():
    html = render(HOSTILE)
    assert "<script>window" not in html
    assert not re.search(r"<(img|svg|iframe)\b|<body [^>]*onload", html)
    assert "javascript:" not in re.sub(r"&[a-z#0-9]+;", "", " ".join(re.findall(r'href="([^"]*)"', html)))
    assert "&lt;script&gt;" in html
