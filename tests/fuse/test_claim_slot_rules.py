"""What a claim says, rule by rule on small texts: whose account it is, beliefs, who acted, and weights in pounds."""

from __future__ import annotations

from fuse_fixtures import article, entity, extraction, money, span

from newsfuse.fuse.claims import with_entities
from newsfuse.fuse.frames import find_frames
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.record import fuse_event
from newsfuse.fuse.roles import entity_tokens, roles
from newsfuse.fuse.status import modality
from newsfuse.fuse.values import money_in_text
from newsfuse.records.mentions import EntityMention, Quote


def _status(models, text: str, word: str) -> str:
    doc = models.nlp(text)
    return modality(next(t for t in doc if t.text == word))


def _claims(models, text: str, names: dict[str, str], **mentions):
    a = article("a", text, "2024-05-01", "Outlet a")
    found = [entity(text, name, label, f"id_{name}") for name, label in names.items()]
    return fuse_event([a], [extraction(a, entities=found, **mentions)], [], models=models, event_id="ev").claims


# status: whose account, and what is only believed


def test_a_suspects_account_is_claimed_by_one_side(models):
    assert _status(models, "The suspect told police that Smith attacked him first.", "attacked") == "claimed"


def test_a_defence_lawyers_account_is_claimed_by_one_side(models):
    assert _status(models, "His attorney said Smith attacked the man first.", "attacked") == "claimed"
    assert _status(models, "My client was at his house, he was attacked by five people.", "attacked") == "claimed"


def test_a_district_attorney_is_the_prosecution(models):
    assert _status(models, "The district attorney said Smith attacked the man first.", "attacked") == "alleged"


def test_what_someone_thinks_happened_is_no_happening(models):
    text = "A medic pulled into the driveway, thinking that he had happened upon a car-crash scene."
    assert _status(models, text, "crash") == "speculated"
    text = "Hamad told police that he believed Brian Hendrickson was responsible for damage to a car."
    assert _status(models, text, "damage") == "speculated"
    # a happening in the setting of the belief is taken as given: the fall happened, the death is presumed
    assert _status(models, "Mark Vinar has been presumed dead after falling from Mount Cook.", "falling") == "happened"


def test_the_content_of_an_allegation_is_alleged(models):
    assert _status(models, "The talk turned to allegations that Hamad stole items from him.", "stole") == "alleged"


def test_what_someone_is_urged_to_do_is_not_done(models):
    text = "Chancellor Angela Merkel urged parliament to quickly pass the bailout, and called on the banks for help."
    assert _status(models, text, "pass") == "intended"
    assert _status(models, "Merkel urged calm after the attack in Athens.", "attack") == "happened"
    assert _status(models, "Subryan was ordered held on $200,000 bail on Monday.", "bail") == "happened"


def test_setting_fire_is_done(models):
    assert _status(models, "They then set fire to the vehicle before fleeing in another car.", "fire") == "happened"
    assert _status(models, "The talks are set to resume in Geneva on Monday.", "resume") == "planned"


# slots: who acted


def test_a_place_modifying_the_subject_is_not_the_actor(models):
    claims = _claims(models, "A Texas inmate escaped from a prison van near Houston on Monday.", {"Texas": "GPE"})
    escape = next(c for c in claims if c.action == "escape")
    assert all(a.text != "Texas" for a in escape.subjects)
    # before an institution the place stands for it: "Howland police charged"
    claims = _claims(
        models, "Howland police charged Nasser Hamad with murder.", {"Howland": "GPE", "Nasser Hamad": "PERSON"}
    )
    charge = next(c for c in claims if c.action == "charge")
    assert [a.text for a in charge.subjects] == ["Howland"]


def _actors(models, text: str, word: str, names: dict[str, str]) -> list[str]:
    a = article("a", text, "2024-05-01", "Outlet a")
    x = extraction(a, entities=[entity(text, name, label, f"id_{name}") for name, label in names.items()])
    doc = with_entities(models.nlp(text), x)
    token = next(t for t in doc if t.text == word)
    actors, _ = roles(token, entity_tokens(doc, x.entities), EntityIndex.build([x]))
    return [actor.text for actor in actors]


def test_a_place_does_not_escape_but_may_sue(models):
    assert _actors(models, "Texas escaped on Monday.", "escaped", {"Texas": "GPE"}) == []
    assert _actors(models, "Texas sued Google on Monday.", "sued", {"Texas": "GPE", "Google": "ORG"}) == ["Texas"]


def test_a_possessor_of_the_subject_is_not_the_actor(models):
    claims = _claims(models, "Kafoury's loved ones attended Wednesday's arraignment.", {"Kafoury": "PERSON"})
    attended = next(c for c in claims if c.trigger == "attend")
    assert all(a.entity_id != "id_Kafoury" for a in attended.subjects)


def test_a_name_qualifying_the_subjects_noun_is_not_the_actor(models):
    text = "Oscar organizers unveiled Hugh Jackman as the host of the gala on Friday."
    claims = _claims(models, text, {"Oscar": "EVENT", "Hugh Jackman": "PERSON"})
    assert claims and all(a.text != "Oscar" for c in claims for a in c.subjects)
    text = "Microsoft engineers released a patch for the flaw on Friday."
    claims = _claims(models, text, {"Microsoft": "ORG"})
    assert any(a.text == "Microsoft" for c in claims for a in c.subjects)


def test_who_died_is_no_actor(models):
    claims = _claims(models, "Josh Haber died at the scene on Saturday.", {"Josh Haber": "PERSON"})
    death = next(c for c in claims if c.trigger == "die")
    assert not death.subjects and [a.text for a in death.objects] == ["Josh Haber"]


def test_a_reduced_passive_takes_no_actor_from_the_clause_above(models):
    text = "The prime minister denounced the murder of three bank workers killed when the bank was torched."
    sentence = next(models.nlp(text).sents)
    killed = next(f for f in find_frames(sentence) if sentence.doc[f.trigger].text == "killed")
    assert killed.agent is None  # not "The prime minister", who denounced it


def test_who_is_urged_to_act_is_the_actor(models):
    sentence = next(models.nlp("Chancellor Angela Merkel urged parliament to quickly pass the bailout.").sents)
    passing = next(f for f in find_frames(sentence) if sentence.doc[f.trigger].text == "pass")
    assert sentence.doc[passing.agent].text == "parliament"


def test_a_time_phrase_is_no_subject(models):
    text = "Nasser Hamad appeared for another hearing, but this time signed a waiver on Thursday."
    claims = _claims(models, text, {"Nasser Hamad": "PERSON"})
    signing = next(c for c in claims if c.trigger == "sign")
    assert [a.text for a in signing.subjects] == ["Nasser Hamad"]


def test_a_frame_claim_shows_the_sense_of_its_word(models):
    text = "This is not the first time police dealt with an issue between Nasser Hamad and the children."
    claims = _claims(models, text, {"Nasser Hamad": "PERSON"})
    assert all(c.action != "agree" for c in claims if c.trigger == "deal")


# values


def test_pounds_after_weighing_are_a_weight():
    text = "He is described as six feet tall and weighing approximately 200 pounds."
    assert money_in_text(text, money(text, "approximately 200 pounds", 200, "GBP", 250.0, "approximate")) is None
    text = "The fine was 200 pounds, the court said."
    assert money_in_text(text, money(text, "200 pounds", 200, "GBP", 250.0)) is not None


def test_a_thousands_group_split_by_a_space_belongs_to_the_amount():
    text = "Rewards totaling $30, 000 are offered for information."
    value = money_in_text(text, money(text, "$30", 30, "USD", 30.0))
    assert value is not None and value.lower == 30000 and value.text == "$30, 000"


# speakers


def test_a_speaker_bearing_a_place_name_is_no_place(models):
    text = "The Netherlands won the match on Sunday.\n“It went down the block from the school, near my house,” said Holland."
    a = article("a", text, "2024-05-01", "Outlet a")
    start = text.index("It went")
    quote = Quote(start, text.index("”"), text[start : text.index("”")], "direct", "Holland")
    found = [
        entity(text, "Netherlands", "GPE", "g_nl"),
        EntityMention(*span(text, "Holland"), "Holland", "GPE", "g_nl"),
    ]
    record = fuse_event([a], [extraction(a, entities=found, quotes=[quote])], [], models=models, event_id="ev")
    said = next(c for c in record.claims if c.quote)
    assert [s.text for s in said.subjects] == ["Holland"] and not said.subjects[0].entity_id


def test_a_speakers_name_ends_at_a_glued_sentence_end(models):
    text = "“We want justice for him and for this whole street,” said community activist Shirlene Moore.She left."
    a = article("a", text, "2024-05-01", "Outlet a")
    start, end = span(text, "We want justice for him and for this whole street,")
    quote = Quote(start, end, text[start:end], "direct", "community activist Shirlene Moore.She")
    record = fuse_event([a], [extraction(a, quotes=[quote])], [], models=models, event_id="ev")
    said = next(c for c in record.claims if c.quote)
    assert [s.text for s in said.subjects] == ["community activist Shirlene Moore"]
