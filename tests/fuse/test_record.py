"""fuse_event on small events written for the test: merging, independent sources, modality, contradictions."""

from __future__ import annotations

from fuse_fixtures import article, entity, extraction, meeting_event, money

from newsfuse.fuse.record import fuse_event


def _meeting(record):
    found = [c for c in record.claims if c.predicate == "meet" and {"p_lopez", "p_wang"} <= c.entity_ids()]
    assert len(found) == 1, [c.statement for c in record.claims]
    return found[0]


def test_rewrite_counts_once_with_its_origin_and_the_plan_counts_separately(models):
    articles, extractions, links = meeting_event()
    record = fuse_event(articles, extractions, links, models=models, event_id="ev_lima")
    meeting = _meeting(record)
    assert meeting.time.value == "2024-03-04"
    assert meeting.place.name == "Lima" and meeting.place.country_code == "PE"
    assert meeting.modality == "happened"
    assert set(meeting.support.articles) == {"a1", "b1", "c1"}
    assert meeting.support.independent_sources == 2
    assert dict(meeting.support.by_modality) == {"happened": 1, "planned": 1}
    planned = [e for e in meeting.evidence if e.modality == "planned"]
    assert [e.article_id for e in planned] == ["c1"]
    assert planned[0].attribution == "a government source" and planned[0].anonymous
    assert record.independent_sources == 2
    assert {s.article_id: s.relation for s in record.sources}["b1"] == "derived_from"


def test_durations_within_tolerance_merge_with_their_own_support(models):
    articles, extractions, links = meeting_event()
    meeting = _meeting(fuse_event(articles, extractions, links, models=models))
    durations = [v for v in meeting.values if v.kind == "duration"]
    assert len(durations) == 1 and durations[0].lower == 7200
    assert meeting.value_sources[meeting.values.index(durations[0])] == 1  # only a1 and its rewrite say so
    assert not [
        c for c in fuse_event(articles, extractions, links, models=models).contradictions if c.slot == "duration"
    ]


def test_different_dates_are_a_contradiction_with_both_sides(models):
    articles, extractions, links = meeting_event(with_d=True)
    record = fuse_event(articles, extractions, links, models=models)
    meeting = _meeting(record)
    conflicts = [c for c in record.contradictions if c.claim_id == meeting.id and c.slot == "time"]
    assert len(conflicts) == 1
    sides = {s.value.value: {e.article_id for e in s.evidence} for s in conflicts[0].sides}
    assert sides["2024-03-06"] == {"d1"}
    assert {"a1", "b1"} <= sides["2024-03-04"]
    assert meeting.time.value == "2024-03-04"  # the side more independent sources report as done


def test_record_is_the_same_whatever_the_input_order(models):
    articles, extractions, links = meeting_event()
    first = fuse_event(articles, extractions, links, models=models, event_id="ev")
    second = fuse_event(articles[::-1], extractions[::-1], links, models=models, event_id="ev")
    assert first.to_json() == second.to_json()


def test_money_in_other_currencies_agrees_within_tolerance_and_flags_a_different_figure(models):
    t1 = "Japan will allocate 200 billion yen to buy drones, the finance ministry said."
    t2 = "Japan will allocate $1.4 billion to buy drones, officials said."
    t3 = "Japan will allocate $3 billion to buy drones, a lawmaker said."
    arts = [
        article("m1", t1, "2025-08-19", "One"),
        article("m2", t2, "2025-08-19", "Two"),
        article("m3", t3, "2025-08-20", "Three"),
    ]
    exs = [
        extraction(
            arts[0],
            entities=[entity(t1, "Japan", "GPE", "g_jp")],
            money=[money(t1, "200 billion yen", 2e11, "JPY", 1.354e9)],
        ),
        extraction(
            arts[1],
            entities=[entity(t2, "Japan", "GPE", "g_jp")],
            money=[money(t2, "$1.4 billion", 1.4e9, "USD", 1.4e9)],
        ),
        extraction(
            arts[2], entities=[entity(t3, "Japan", "GPE", "g_jp")], money=[money(t3, "$3 billion", 3e9, "USD", 3e9)]
        ),
    ]
    record = fuse_event(arts, exs, [], models=models)
    allocation = next(c for c in record.claims if c.predicate == "allocate")
    assert allocation.modality == "planned"
    assert allocation.support.independent_sources == 3
    conflict = next(c for c in record.contradictions if c.claim_id == allocation.id and c.slot == "money")
    sides = sorted((len(s.evidence), {e.article_id for e in s.evidence}) for s in conflict.sides)
    assert sides == [(1, {"m3"}), (2, {"m1", "m2"})]
    assert allocation.values[0].usd < 2e9  # the agreeing pair wins


def test_attributed_and_quoted_statements_keep_their_source(models):
    text = (
        "The Daily Star reported that Maria Lopez met Wang Li in Lima. "
        '"We have agreed to deepen our trade relations for the next decade," Lopez wrote on social media.'
    )
    a = article("q1", text, "2024-03-05", "Wire Q")
    ex = extraction(
        a,
        entities=[
            entity(text, "The Daily Star", "ORG", "o_star"),
            entity(text, "Maria Lopez", "PERSON", "p_lopez"),
            entity(text, "Wang Li", "PERSON", "p_wang"),
            entity(text, "Lopez", "PERSON", "p_lopez", 1),
        ],
    )
    record = fuse_event([a], [ex], [], models=models)
    meeting = _meeting(record)
    assert meeting.evidence[0].attribution == "The Daily Star"
    said = next(c for c in record.claims if c.predicate == "say")
    assert said.quote.startswith("We have agreed to deepen")
    assert said.subjects[0].entity_id == "p_lopez"
    assert said.evidence[0].channel == "social media"


def test_given_parses_are_the_ones_read(models):
    """The parses passed in (stored ones, made by extraction's workers) are used; nothing is parsed again."""
    import spacy

    from newsfuse.fuse.claims import FusionModels

    articles, extractions, links = meeting_event()
    docs = list(models.nlp.pipe(a.text for a in articles))
    parsed = fuse_event(articles, extractions, links, models=models, event_id="ev", docs=docs)
    # A pipeline that cannot parse: a record as good as the parser's shows the given parses were read.
    blank = FusionModels(spacy.blank("en"))
    given = fuse_event(articles, extractions, links, models=blank, event_id="ev", docs=docs)
    assert [c.statement for c in given.claims] == [c.statement for c in parsed.claims]
    assert _meeting(given).support.independent_sources == 2
