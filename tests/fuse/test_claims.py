"""Claims from single sentences: modality, attribution, and the parts of a frame."""

from __future__ import annotations

import pytest
from fuse_fixtures import article, date, entity, extraction

from newsfuse.fuse.claims import build_claims
from newsfuse.fuse.participants import EntityIndex


def claims_of(models, text: str, names: dict[str, tuple[str, str]], dates: dict[str, str] | None = None):
    a = article("x1", text, "2024-06-03", "Wire")
    ex = extraction(
        a,
        entities=[entity(text, name, label, key) for name, (label, key) in names.items()],
        dates=[date(text, phrase, value) for phrase, value in (dates or {}).items()],
    )
    return build_claims(a, ex, models, EntityIndex.build([ex]))


PEOPLE = {"Ana Silva": ("PERSON", "p_silva"), "Omar Haddad": ("PERSON", "p_haddad")}


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Ana Silva met Omar Haddad in Rome.", "happened"),
        ("Ana Silva will meet Omar Haddad in Rome.", "planned"),
        ("Ana Silva is scheduled to meet Omar Haddad in Rome.", "planned"),
        ("Ana Silva is expected to meet Omar Haddad in Rome.", "planned"),
        ("Ana Silva intends to meet Omar Haddad in Rome.", "intended"),
        ("Ana Silva may meet Omar Haddad in Rome.", "speculated"),
        ("Ana Silva did not meet Omar Haddad in Rome.", "negated"),
        ("Ana Silva and Omar Haddad have yet to meet in Rome.", "negated"),
        ("Officials denied that Ana Silva met Omar Haddad in Rome.", "denied"),
        ("Prosecutors allege that Ana Silva met Omar Haddad in Rome.", "alleged"),
        ("Her rivals claimed that Ana Silva met Omar Haddad in Rome.", "claimed"),
        ("Ana Silva will meet Omar Haddad in Rome if the weather allows.", "conditional"),
    ],
)
def test_modality_of_a_meeting(models, sentence, modality):
    found = [c for c in claims_of(models, sentence, PEOPLE) if c.predicate == "meet"]
    assert len(found) == 1
    assert found[0].modality == modality
    assert found[0].entity_ids() == {"p_silva", "p_haddad"}


def test_talks_that_will_be_held_support_the_plan_not_the_outcome(models):
    text = "Talks between Ana Silva and Omar Haddad will be held in Rome on Friday."
    [talks] = [c for c in claims_of(models, text, PEOPLE, {"Friday": "2024-06-07"}) if c.predicate == "meet"]
    assert talks.modality == "planned"
    assert talks.time.value == "2024-06-07"


def test_reported_speech_names_its_source(models):
    text = "Ana Silva met Omar Haddad in Rome, a senior official said."
    [meeting] = [c for c in claims_of(models, text, PEOPLE) if c.predicate == "meet"]
    assert meeting.evidence[0].attribution == "a senior official"
    assert meeting.evidence[0].anonymous


def test_according_to_names_its_source(models):
    names = {**PEOPLE, "Reuters": ("ORG", "o_reuters")}
    text = "According to Reuters, Ana Silva met Omar Haddad in Rome."
    [meeting] = [c for c in claims_of(models, text, names) if c.predicate == "meet"]
    assert meeting.evidence[0].attribution == "Reuters"


def test_pronoun_subject_is_the_person_named_before(models):
    names = {"Ana Silva": ("PERSON", "p_silva"), "Acme Corp": ("ORG", "o_acme")}
    text = "Ana Silva arrived in Rome on Monday. She visited Acme Corp on Tuesday."
    claims = claims_of(models, text, names, {"Tuesday": "2024-06-04"})
    [visit] = [c for c in claims if c.predicate == "visit" and "o_acme" in c.entity_ids()]
    assert [s.entity_id for s in visit.subjects] == ["p_silva"]
    assert visit.time.value == "2024-06-04"


def test_evidence_points_into_the_text(models):
    text = "Ana Silva met Omar Haddad in Rome."
    [meeting] = [c for c in claims_of(models, text, PEOPLE) if c.predicate == "meet"]
    evidence = meeting.evidence[0]
    assert text[evidence.trigger_start : evidence.trigger_end] == "met"
    assert text[evidence.sentence_start : evidence.sentence_end].strip() == evidence.text


@pytest.mark.parametrize(
    ("sentence", "not_class"),
    [
        ("Ana Silva spent the rest of the round on the ropes against Omar Haddad.", "allocate"),
        ("Ana Silva hosted Omar Haddad's awards show in Rome in 2007.", "meet"),
        ("Ana Silva talked to reporters about the loss of Omar Haddad in Rome.", "meet"),
    ],
)
def test_spending_hosting_and_talking_are_their_own_actions(models, sentence, not_class):
    trigger = {"allocate": "spen", "meet": "host" if "host" in sentence else "talk"}[not_class]
    found = [c for c in claims_of(models, sentence, PEOPLE) if c.trigger.startswith(trigger[:4])]
    assert found and all(c.predicate != not_class for c in found), [(c.trigger, c.predicate) for c in found]


def test_talks_held_are_still_a_meeting(models):
    found = claims_of(models, "Ana Silva held talks with Omar Haddad in Rome.", PEOPLE)
    assert any(c.predicate == "meet" for c in found)
