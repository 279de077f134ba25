"""``/api/events`` and ``/api/entities``: fused records, filters, cursors, entity timelines."""

from __future__ import annotations

import jsonschema
import pytest
from api_records import BRANDT, WELLER

from newsfuse.api.openapi import api_event_schema, event_record_schema


def ids(body: dict) -> list[str]:
    return [item["id"] for item in body["items"]]


def test_events_newest_first_with_counts(client):
    body = client.get("/api/events").json()
    assert ids(body) == ["e_hostile", "e_rivermark_tram", "e_port_valdoria"]
    port = body["items"][2]
    assert (port["article_count"], port["independent_sources"]) == (3, 2)
    assert port["places"] == ["Valdoria"] and port["time"] == "2025-03-10"
    assert port["outlets"] == ["Harbour Times", "Coastal Wire", "Baltic Daily"]


def test_cursor_pages_walk_every_event_once(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert ids(first) + ids(second) == ["e_hostile", "e_rivermark_tram", "e_port_valdoria"]
    assert second["next_cursor"] is None


def test_filters(client):
    assert ids(client.get("/api/events", params={"q": "breakwater"}).json()) == ["e_port_valdoria"]
    assert ids(client.get("/api/events", params={"entity": WELLER}).json()) == ["e_rivermark_tram"]
    assert ids(client.get("/api/events", params={"entity": "Ilse Brandt"}).json()) == ["e_port_valdoria"]
    assert ids(client.get("/api/events", params={"place": "Rivermark"}).json()) == ["e_rivermark_tram"]
    assert ids(client.get("/api/events", params={"since": "2025-04-01", "until": "2025-05-31"}).json()) == [
        "e_rivermark_tram"
    ]
    assert set(ids(client.get("/api/events", params={"min_independent_sources": 2}).json())) == {
        "e_rivermark_tram",
        "e_port_valdoria",
    }


def test_one_event_is_the_fused_record(client):
    record = client.get("/api/events/e_port_valdoria").json()
    assert record["schema_version"] == 1
    assert {c["id"] for c in record["claims"]} == {"c_reopen", "c_closure", "c_cost", "c_resume"}
    assert {c["claim_id"] for c in record["contradictions"]} == {"c_closure", "c_cost"}
    assert client.get("/api/events/e_port").json()["id"] == "e_port_valdoria"  # unique prefix


def test_entities_and_an_entity_with_its_events(client):
    names = [e["name"] for e in client.get("/api/entities").json()["items"]]
    assert names == sorted(names, key=str.casefold) and "Ilse Brandt" in names
    assert [e["id"] for e in client.get("/api/entities", params={"q": "Weller"}).json()["items"]] == [WELLER]
    body = client.get(f"/api/entities/{BRANDT}").json()
    assert body["entity"]["name"] == "Ilse Brandt"
    assert [e["id"] for e in body["events"]] == ["e_port_valdoria"]


def test_search_finds_events_and_articles(client):
    body = client.get("/api/search", params={"q": "tram"}).json()
    assert [e["id"] for e in body["events"]] == [
        "e_hostile",
        "e_rivermark_tram",
    ]  # the hostile report is about the tram depot
    assert {a["source"] for a in body["articles"]} >= {"Rivermark Courier", "Metro Ledger"}


def test_entity_cursor_pages(client):
    first = client.get("/api/entities", params={"limit": 2}).json()
    rest = client.get("/api/entities", params={"limit": 50, "cursor": first["next_cursor"]}).json()
    everything = client.get("/api/entities", params={"limit": 50}).json()
    assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in everything["items"]]
    assert rest["next_cursor"] is None and everything["total"] == len(everything["items"])


def test_event_answers_follow_fusions_json_schema(client):
    document = client.get("/api/openapi.json").json()
    answer = document["paths"]["/api/events/{event_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert answer["schema"] == {"$ref": "#/components/schemas/EventRecord"}
    schema = api_event_schema()
    assert document["components"]["schemas"]["EventRecord"]["properties"]["news"]
    for event_id in ("e_port_valdoria", "e_rivermark_tram", "e_hostile"):
        record = client.get(f"/api/events/{event_id}").json()
        jsonschema.validate(record, schema)
        # news is the API's own field: fusion's record schema alone forbids it, the API's schema requires it
        with_news, without = dict(record), {k: v for k, v in record.items() if k != "news"}
        jsonschema.validate(without, event_record_schema())
        for broken in ({**with_news, "news": {**record["news"], "extra": 1}}, without):
            with pytest.raises(jsonschema.ValidationError):
                jsonschema.validate(broken, schema)


def test_one_event_carries_its_news_times_and_precision(client):
    record = client.get("/api/events/e_port_valdoria").json()
    listed = next(e for e in client.get("/api/events").json()["items"] if e["id"] == "e_port_valdoria")
    published = sorted(s["published"] for s in record["sources"] if s["published"])
    assert record["news"] == listed["news"]
    assert (record["news"]["first_reported"], record["news"]["last_reported"]) == (published[0], published[-1])
    assert record["news"]["time_precision"] in {"day", "week", "month", "year", "unknown"}
    assert record["news"]["geo_precision"] in {"exact place", "city", "region", "country", "unknown"}
