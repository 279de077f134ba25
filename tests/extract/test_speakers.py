"""Speakers by error class seen on held-out attribution data: pronoun chains, salience, surnames, inversion, titles."""

from __future__ import annotations

from newsfuse.extract.entities import find_entities
from newsfuse.extract.quotes import find_quotes
from newsfuse.extract.referents import with_surnames
from newsfuse.records.mentions import EntityMention


def speakers(models, text: str) -> list[str | None]:
    doc = models.nlp(text)
    return [q.speaker for q in find_quotes(doc, find_entities(doc, models)) if q.kind == "direct"]


def test_a_pronoun_speaker_goes_on_as_the_one_before_it(models):
    # "he said" twice, with other men named between as objects only: the story is still following Walter Brandt.
    text = (
        '"We will rebuild the bridge," said Walter Brandt, the county engineer.\n\n'
        "The old bridge was designed in 1950 by a firm founded by George Miller and later sold to Thomas Baker.\n\n"
        "Repairs to the structure were first proposed by Robert Hayes, a former mayor, in 1992.\n\n"
        "The work was delayed for decades by lawsuits brought by Frank Nolan and Steven Price.\n\n"
        "For years the crossing carried more than twelve thousand cars a day, far beyond what its builders had "
        "planned for, and inspectors found cracks in three of its five piers during a survey in the spring.\n\n"
        "Traffic has since been limited to one lane in each direction, and trucks heavier than ten tons must "
        "take a detour of almost twenty miles through two neighbouring towns, a route used by Frank Nolan.\n\n"
        '"It will take two years," he said.\n\n'
        "The county has set aside $4 million for the project, with help from Andrew Collins.\n\n"
        '"Nobody wants to wait longer than that," he said.'
    )
    assert speakers(models, text) == ["Walter Brandt", "Walter Brandt", "Walter Brandt"]


def test_the_name_after_a_verb_of_saying_is_not_its_subject(models):
    # "Laura Finch said Maria Gomez ..." : Maria Gomez is what was said about, not who said it.
    text = (
        "Laura Finch said Maria Gomez had not returned her calls for a week. "
        '"I have tried everything I can think of," she said.'
    )
    assert speakers(models, text) == ["Laura Finch"]


def test_the_subject_of_the_last_sentence_is_the_one_a_pronoun_follows(models):
    text = (
        '"The numbers do not add up," said Karen Wells, a budget analyst. '
        "Councilwoman Diane Ortiz disputed the figures on Monday and called for an audit. "
        '"We need an independent review," she said.'
    )
    assert speakers(models, text)[-1].endswith("Diane Ortiz")


def test_a_surname_the_tagger_missed_is_still_the_person():
    text = "Retired Gen. Norman Ham spoke on Monday. Ham said cuts hurt."
    entities = [EntityMention(15, 25, "Norman Ham", "PERSON")]
    found = with_surnames(entities, text)
    assert [(e.text, e.label) for e in found] == [("Norman Ham", "PERSON"), ("Ham", "PERSON")]


def test_a_surname_tagged_as_a_place_is_the_person():
    entities = [EntityMention(0, 12, "Terry Strada", "PERSON"), EntityMention(30, 36, "Strada", "GPE")]
    assert [e.label for e in with_surnames(entities)] == ["PERSON", "PERSON"]


def test_a_new_sentence_after_a_quote_has_its_own_speaker(models):
    text = (
        'The ministry called the launch "a grave threat to the region." '
        'The Atomic Agency said the test showed "complete disregard" of its demands.'
    )
    assert speakers(models, text)[0] != "The Atomic Agency"


def test_titles_stay_with_the_name(models):
    text = '"This hearing is a waste of time," said Del. Maria Santos of Guam.'
    assert speakers(models, text) == ["Del. Maria Santos"]


def test_demanded_is_a_verb_of_saying(models):
    text = '"Why was nobody told?" Senator Paul Hendricks demanded.'
    assert speakers(models, text) == ["Senator Paul Hendricks"]


def test_according_to_opening_a_sentence(models):
    text = (
        '"We cut the budget," said Mayor Linda Park. According to Governor Alan Reyes, '
        '"the state will cover the rest of the cost."'
    )
    assert speakers(models, text)[-1].endswith("Alan Reyes")


def test_a_comma_aside_between_subject_and_verb(models):
    text = (
        '"The deal is dead," said Thomas Crane. Senator Mary Cole, at a later press conference, said, '
        '"We will not back down on this."'
    )
    assert speakers(models, text)[-1].endswith("Mary Cole")


def test_a_quote_inside_a_sentence_with_its_own_subject(models):
    text = (
        'South Korean President Park Geun-hye said the test was "a reckless act of defiance." '
        'Japan branded the launch "a grave provocation to the whole region."'
    )
    assert speakers(models, text)[-1] == "Japan"


def test_an_organisation_that_opens_a_title_is_not_the_speaker(models):
    text = (
        '"The court got it wrong," the secretary of state said. '
        'Ohio Democratic Party Chairman David Pepper called the ruling "a huge win for every voter in the state."'
    )
    assert speakers(models, text)[-1] == "David Pepper"


def test_a_name_in_apposition_is_the_subject_of_its_verb(models):
    text = (
        "According to Dover police, the shooting happened at noon. "
        "The boy's grandmother, Rosa Harlan, said she ran outside. "
        '"He kept shouting that he was hurt, and there was blood on the porch," she said.'
    )
    assert speakers(models, text) == ["Rosa Harlan"]


def test_a_possessor_is_not_the_subject(models):
    text = (
        '"Nobody saw it coming," said Paul Kerr, a neighbour.\n\n'
        "Megan Tolliver's family released a statement on Saturday, calling her "
        '"the heart and soul of our whole family."'
    )
    assert speakers(models, text)[-1] != "Megan Tolliver"


def test_a_participle_cue_takes_its_clause_subject_not_the_phrase_before_it(models):
    text = 'Maria Lopez resigned in a letter to the Veltra board of directors stating, "I have decided to go."'
    assert speakers(models, text) == ["Maria Lopez"]
