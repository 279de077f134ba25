"""Acceptance: the seed event (../shared/seeds) fused from its three reports states the twelve claims of issue #5.

001 is a rewrite of 000 (the dedup stage finds that link; here it is given), so claims carried by
000 and 001 count as one independent source, and 002 as another.
"""

from __future__ import annotations

import pytest

from newsfuse.fuse.brief import render_brief
from newsfuse.fuse.record import fuse_event
from newsfuse.records import Article
from newsfuse.records.relations import DerivationLink
from newsfuse.resolve.names import name_key


@pytest.fixture(scope="module")
def seed(shared_dir, models):
    from newsfuse.extract import extract_and_resolve, load_models
    from newsfuse.ingest import read_documents

    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    if len(seeds) != 3:
        pytest.skip("the three seed reports are not in ../shared/seeds")
    articles = [a for a in read_documents([str(p) for p in seeds]) if isinstance(a, Article)]
    by_seed = {a.origin.rsplit("/", 1)[-1][:3]: a for a in articles}
    extractions = list(extract_and_resolve(articles, load_models()))
    links = [DerivationLink(by_seed["001"].id, by_seed["000"].id, 0.9)]
    record = fuse_event(articles, extractions, links, models=models, event_id="ev_seed")
    return record, {k: a.id for k, a in by_seed.items()}


def _entity(record, name: str) -> str:
    wanted = name_key(name)
    for p in record.participants:
        if wanted in {name_key(p.name), *(name_key(a) for a in p.aliases)} or wanted in name_key(p.name).split():
            return p.entity_id
    raise AssertionError(f"{name} not among {[p.name for p in record.participants]}")


def _claims(record, predicate: str, *entity_ids: str, qualifier: str | None = None):
    return [
        c
        for c in record.claims
        if c.predicate == predicate
        and set(entity_ids) <= c.entity_ids()
        and (qualifier is None or qualifier in c.qualifiers)
    ]


def _articles(claim, modality: str | None = None) -> set[str]:
    return {e.article_id for e in claim.evidence if modality is None or e.modality == modality}


def test_meeting_in_ankara_on_aug_19_has_two_independent_sources_and_lasted_over_90_minutes(seed):
    record, ids = seed
    nakatani, guler = _entity(record, "Nakatani"), _entity(record, "Güler")
    [meeting] = _claims(record, "meet", nakatani, guler)
    assert meeting.time.value == "2025-08-19"
    assert meeting.place.name == "Ankara" and meeting.place.latitude is not None
    assert meeting.support.independent_sources == 2
    assert {ids["000"], ids["001"]} <= _articles(meeting, "happened")
    assert ids["002"] in _articles(meeting, "planned")
    assert dict(meeting.support.by_modality) == {"happened": 1, "planned": 1}
    [lasted] = [v for v in meeting.values if v.kind == "duration"]
    assert lasted.lower >= 5400 and lasted.qualifier == "at_least"
    assert meeting.value_sources[meeting.values.index(lasted)] == 1


def test_first_official_visit_by_a_japanese_defence_minister(seed):
    record, ids = seed
    [first] = _claims(record, "visit", _entity(record, "Nakatani"), qualifier="first")
    assert {ids["000"], ids["002"]} <= _articles(first)
    assert first.support.independent_sources == 2


def test_visits_to_tusas_on_the_19th_and_to_baykar_on_the_20th(seed):
    record, ids = seed
    nakatani = _entity(record, "Nakatani")
    [tusas] = _claims(record, "visit", nakatani, _entity(record, "Turkish Aerospace Industries"))
    assert tusas.time.value == "2025-08-19"
    [baykar] = _claims(record, "visit", nakatani, _entity(record, "Baykar"))
    assert baykar.time.value == "2025-08-20"
    assert ids["001"] in _articles(baykar, "happened")
    assert {ids["000"], ids["002"]} <= _articles(baykar, "planned")
    [briefing] = _claims(record, "brief", _entity(record, "Selçuk Bayraktar"), _entity(record, "Haluk Bayraktar"))
    assert nakatani in briefing.entity_ids() and _entity(record, "Haluk Görgün") in briefing.entity_ids()


def test_agreement_to_expand_cooperation_and_start_consultations(seed):
    record, ids = seed
    agreements = [
        c for c in record.claims if c.predicate == "agree" and "consultations" in " ".join(e.text for e in c.evidence)
    ]
    assert len(agreements) == 1
    assert {ids["000"], ids["001"]} <= _articles(agreements[0])
    assert "cooperation" in " ".join(e.text for e in agreements[0].evidence)


def test_200_billion_yen_for_drones_attributed_to_the_japan_times(seed):
    record, _ = seed
    [allocation] = [c for c in record.claims if c.predicate == "allocate" and c.values]
    money = allocation.values[0]
    assert money.value == "200000000000 JPY" and 1.3e9 < money.usd < 1.45e9
    assert allocation.time.value == "FY2026"
    assert allocation.modality in {"intended", "planned"}
    assert {e.attribution for e in allocation.evidence} == {"The Japan Times"}


def test_drones_in_the_self_defense_forces_by_the_end_of_fiscal_2027(seed):
    record, _ = seed
    [aim] = _claims(record, "integrate", _entity(record, "Japan Self-Defense Forces"))
    assert aim.time.value == "FY2027" and aim.time.qualifier == "by"
    assert aim.modality == "intended"


def test_drone_options_from_the_united_states_and_australia(seed):
    record, _ = seed
    assert _claims(record, "consider", _entity(record, "United States"), _entity(record, "Australia"))


def test_regional_tour_with_djibouti_and_jordan_from_002_only(seed):
    record, ids = seed
    [tour] = [r for r in record.related if r.kind == "storyline"]
    assert set(tour.places) == {"Djibouti", "Jordan"}
    assert (tour.time.start, tour.time.end) == ("2025-08-17", "2025-08-22")
    assert _articles(record.claim(tour.claim_id)) == {ids["002"]}


def test_guler_statement_is_quoted_and_attributed_to_his_social_media_post(seed):
    record, _ = seed
    [said] = [c for c in record.claims if c.predicate == "say" and _entity(record, "Güler") in c.entity_ids()]
    assert "evolving global security environment" in said.quote
    assert all(e.attribution_kind == "direct" and e.channel == "social media" for e in said.evidence)
    assert said.support.independent_sources == 1


def test_participants_resolved_with_roles(seed):
    record, _ = seed
    people = {p.name: p for p in record.participants}
    nakatani = people[next(n for n in people if "Nakatani" in n)]
    guler = people[next(n for n in people if name_key(n).endswith("guler"))]
    assert nakatani.label == guler.label == "PERSON"
    assert any("minister" in r and "Japan" in r for r in nakatani.roles)
    assert any("minister" in r and ("Turkey" in r or "Türkiye" in r) for r in guler.roles)
    labels = {p.name: p.label for p in record.participants}
    assert labels.get("Baykar") == "ORG" and labels.get("Turkish Aerospace Industries") == "ORG"


def test_brief_reads_as_a_forwardable_summary(seed):
    record, _ = seed
    brief = render_brief(record)
    assert brief.startswith(f"# {record.headline}\n")
    for heading in ("## Summary", "## What the reports say", "## Participants", "## Sources"):
        assert heading in brief
    assert "2 independent" in brief
    assert "derived from S" in brief  # the rewrite is shown counted with its origin


def test_what_only_the_rewrite_states_is_listed_under_the_rewrite(seed):
    record, ids = seed
    sources = {s.article_id: s for s in record.sources}
    for source in sources.values():
        for claim_id in source.unique_claims:
            stating = _articles(record.claim(claim_id))
            assert source.article_id in stating
            assert stating == {source.article_id} or source.origin_id == source.article_id
    baykar = _claims(record, "visit", _entity(record, "Nakatani"), _entity(record, "Baykar"))[0]
    assert dict(baykar.support.by_modality) == {"happened": 1, "planned": 2}
    assert sources[ids["001"]].unique_claims  # 001's own additions are 001's
