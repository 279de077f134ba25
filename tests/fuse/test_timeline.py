"""Timelines per entity across records, and per storyline (records sharing a stated wider happening)."""

from __future__ import annotations

from dataclasses import replace

from fuse_fixtures import meeting_event

from newsfuse.fuse.record import fuse_event, with_related_events
from newsfuse.fuse.timeline import entity_timeline, storyline_timeline
from newsfuse.records.claims import RelatedEvent, TimeSpan


def test_entity_timeline_orders_claims_across_events(models):
    articles, extractions, links = meeting_event(with_d=True)
    lima = fuse_event(articles[:3], extractions[:3], links, models=models, event_id="ev_a")
    later = fuse_event(articles[3:], extractions[3:], [], models=models, event_id="ev_b")
    entries = entity_timeline([later, lima], "Wang Li")
    assert [e.event_id for e in entries] == ["ev_a", "ev_b"]
    assert [e.date for e in entries] == ["2024-03-04", "2024-03-06"]
    assert entity_timeline([lima], "Nobody") == []
    assert entity_timeline([lima], "p_wang")  # by entity id too


def test_storyline_links_records_that_state_the_same_tour(models):
    articles, extractions, links = meeting_event()
    record = fuse_event(articles, extractions, links, models=models, event_id="ev_leg1")
    tour = RelatedEvent(
        "storyline", "regional tour", TimeSpan("2024-03-01", "2024-03-09", "day", "stated range"), ("Quito",)
    )
    leg1 = replace(record, related=(tour,))
    leg2 = replace(record, id="ev_leg2", time=TimeSpan("2024-03-07", "2024-03-07", "day", "test"), related=(tour,))
    other = replace(record, id="ev_other", related=())
    linked = with_related_events(leg1, [leg2, other])
    assert [r.event_id for r in linked.related if r.kind == "event"] == ["ev_leg2"]
    entries = storyline_timeline([leg2, other, leg1], "regional tour")
    assert [(e.kind, e.event_id if e.kind == "event" else None) for e in entries] == [
        ("storyline", None),
        ("event", "ev_leg1"),
        ("event", "ev_leg2"),
    ]
    assert "Quito" in entries[0].statement
