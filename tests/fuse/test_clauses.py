"""Claim text and status per clause, quotes bounded by their line, quoted happenings folded, ranking, disputes."""

from __future__ import annotations

from fuse_fixtures import article, entity, extraction

from newsfuse.fuse.claims import build_claims
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.quoted import fold_quoted
from newsfuse.fuse.quotes import quote_claims
from newsfuse.fuse.record import fuse_event
from newsfuse.fuse.statement import furniture, statement
from newsfuse.fuse.summary import informative
from newsfuse.records.claims import Claim, ClaimArgument


def _claims(models, text, *entities):
    a = article("a1", text, "2024-03-04", "Daily Post")
    x = extraction(a, entities=tuple(entities))
    index = EntityIndex.build([x])
    doc = models.nlp(text)
    return a, x, doc, build_claims(a, x, models, index, doc=doc)


def _mayor_claims(models, text):
    people = ("Anna Berg", "PERSON", "p_berg"), ("Kiel", "GPE", "g_kiel"), ("Rostock", "GPE", "g_rostock")
    return _claims(models, text, *(entity(text, *p) for p in people))[3]


def test_a_done_and_a_planned_clause_of_one_sentence_are_each_stated_by_their_own_clause(models):
    text = "Mayor Anna Berg visited the harbour in Kiel on Monday and was slated to tour the shipyard in Rostock on Tuesday."
    claims = _mayor_claims(models, text)
    texts = {c.modality: statement(c) for c in claims if c.predicate == "visit"}
    assert "was slated" not in texts["happened"] and "visited the harbour" in texts["happened"]
    assert "visited" not in texts["planned"] and "slated to tour" in texts["planned"]


def test_a_subordinate_as_clause_does_not_give_the_main_claim_its_text(models):
    text = "The foreign minister will hold talks in Oslo on Friday, as Norway expands its fishing fleet in the Arctic."
    _, _, _, claims = _claims(
        models, text, entity(text, "Oslo", "GPE", "g_oslo"), entity(text, "Norway", "GPE", "g_norway")
    )
    [talks] = [c for c in claims if c.trigger == "talks"]
    assert talks.modality == "planned"
    assert "expands" not in statement(talks)


def test_a_purpose_infinitive_is_no_clause_boundary(models):
    text = "Boxer Jan Kowal stopped Lee Brandt in the ninth round to retain his title at the arena in Lodz."
    _, _, _, claims = _claims(
        models, text, entity(text, "Jan Kowal", "PERSON", "p_k"), entity(text, "Lee Brandt", "PERSON", "p_b")
    )
    assert all(statement(c) == text for c in claims if "stop" in c.trigger)


def test_a_quote_claim_never_runs_over_a_line_break(models):
    text = '"It was an honour to welcome the delegation to our plant."\nThe company chairman Piet Vos wrote on X.'
    a = article("a1", text, "2024-03-04", "Daily Post")
    x = extraction(a, entities=(entity(text, "Piet Vos", "PERSON", "p_vos"),))
    claims = quote_claims(a, x, models.nlp(text), EntityIndex.build([x]))
    assert claims and all("\n" not in c.evidence[0].text and "chairman" not in c.evidence[0].text for c in claims)


def test_a_partial_quote_framed_by_expected_to_is_planned(models):
    text = 'The two ministers are expected to "discuss ways to expand trade in farm products and machinery", an official said.'
    a = article("a1", text, "2024-03-04", "Daily Post")
    x = extraction(a)
    [claim] = quote_claims(a, x, models.nlp(text), EntityIndex.build([x]))
    assert claim.evidence[0].modality == "planned"


def test_a_happening_told_only_inside_a_quote_folds_into_the_say_claim(models):
    text = '"We decided to fire the coach because the team was not improving at all," said club owner Ines Roth.'
    a = article("a1", text, "2024-03-04", "Daily Post")
    x = extraction(a, entities=(entity(text, "Ines Roth", "PERSON", "p_roth"),))
    record = fuse_event([a], [x], models=models, event_id="e1")
    quoted = [c for c in record.claims if c.quote]
    assert len(quoted) == 1
    assert not [c for c in record.claims if not c.quote and "We decided" in c.statement]


def test_fold_keeps_a_happening_also_narrated_outside_quotes():
    from newsfuse.records.claims import Evidence

    def ev(start, end, trigger):
        return Evidence("a1", "s", None, 0, 100, start, end, "x", "happened", trigger_start=trigger)

    say = Claim("q", "say", "say", quote="words", evidence=(ev(1, 50, None),))
    inside = Claim("h1", "fire", "fire", evidence=(ev(0, 100, 10),))
    outside = Claim("h2", "fire", "fire", evidence=(ev(0, 100, 10), ev(0, 100, 70)))
    kept, renamed = fold_quoted([say, inside, outside])
    assert [c.id for c in kept] == ["q", "h2"] and renamed == {"h1": "q"}


def test_a_bare_event_word_is_not_informative_but_a_named_happening_is():
    assert not informative(Claim("c1", "season", "season"))
    assert informative(Claim("c2", "fire", "fire", objects=(ClaimArgument("object", "Cheeks", "p_cheeks"),)))
    assert informative(Claim("c3", "shoot", "shoot", action="shoot"))


def test_a_video_playlist_entry_is_furniture_but_a_clock_time_is_not():
    assert furniture("1:52 Barbecue restaurant owner shoots suspected robber")
    assert not furniture("10:30 p.m. officers arrived at the scene")


def test_a_link_to_another_story_and_a_call_for_tips_are_furniture():
    assert furniture("RELATED ARTICLE - 3 hurt in 4 Millford crashes on Sunday")
    assert furniture("Read more: Mayor opens new bridge")
    assert furniture("Anyone with information is asked to call detectives.")
    assert furniture("Tips can be left at (555) 123-4567.")
    assert not furniture("Related charges were filed against the driver on Monday.")


def test_a_clause_cut_from_a_conditional_keeps_its_if(models):
    text = "Mayor Anna Berg resigned in Kiel on Monday, and if convicted in Rostock she could face ten years in prison."
    claims = _mayor_claims(models, text)
    cut = {c.modality: statement(c) for c in claims if c.evidence[0].clause_only}
    assert cut["conditional"].lower().startswith("if convicted")


def test_a_post_telling_a_named_happening_is_that_happening_with_the_post_as_attribution(models):
    text = (
        'Minister Ana Silva toured the plant in Braga on Monday. "Minister Ana Silva and her delegation visited '
        'our plant in Braga," the company Forja posted on social media.'
    )
    a = article("a1", text, "2024-03-04", "Daily Post")
    ents = (
        entity(text, "Ana Silva", "PERSON", "p_silva"),
        entity(text, "Ana Silva", "PERSON", "p_silva", 1),
        entity(text, "Braga", "GPE", "g_braga"),
        entity(text, "Braga", "GPE", "g_braga", 1),
        entity(text, "Forja", "ORG", "o_forja"),
    )
    record = fuse_event([a], [extraction(a, entities=ents)], models=models, event_id="e1")
    assert not [c for c in record.claims if c.quote and "visited" in c.quote]
    told = [e for c in record.claims for e in c.evidence if e.attribution and "visited" in e.text]
    assert told and told[0].channel


def test_an_infinitive_conjunct_is_cut_with_its_planned_clause(models):
    text = "Mayor Anna Berg visited the harbour in Kiel on Monday and was due to tour the docks and meet workers in Rostock on Tuesday."
    claims = _mayor_claims(models, text)
    planned = [statement(c) for c in claims if c.modality == "planned"]
    assert planned and all("visited" not in t for t in planned)


def test_a_bare_past_conjunct_is_not_cut_into_a_fragment(models):
    # the purpose clause "to play" gives the sentence a second status; the "missed" conjunct shares the subject
    text = "Rostock countered with a 7 - 0 run and missed a tying shot by Anna Berg in Kiel with about 10: 00 to play."
    claims = _mayor_claims(models, text)
    assert claims and all(not statement(c)[:1].islower() for c in claims)
