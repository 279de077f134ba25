"""What one claim is and says: happening nouns against object nouns, word senses, statuses, speakers, sentences."""

from __future__ import annotations

import pytest
from fuse_fixtures import article, entity, extraction

from newsfuse.fuse.actions import is_event_word, normal_lemma, word_key
from newsfuse.fuse.claims import with_entities
from newsfuse.fuse.disputes import between_sources
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.quotes import quote_claims
from newsfuse.fuse.statement import line_bounds
from newsfuse.fuse.status import modality
from newsfuse.records.claims import ClaimValue, Contradiction, ContradictionSide, Evidence
from newsfuse.records.mentions import Quote


def _token(models, text: str, word: str, occurrence: int = 0):
    return [t for t in models.nlp(text) if t.text == word][occurrence]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The man was found dead in his apartment on Monday.", "apartment"),
        ("A spokesman for the department declined to comment.", "department"),
        ("The government sent more troops to the region.", "government"),
        ("The ruling party chose a new leader.", "party"),
        ("Both parties agreed to resume the talks.", "parties"),
    ],
)
def test_a_noun_naming_a_thing_a_place_or_a_body_is_no_event_word(models, text, word):
    assert not is_event_word(_token(models, text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The shooting left two people dead.", "shooting"),
        ("The election was held on Sunday.", "election"),
        ("The explosion shattered windows across the street.", "explosion"),
        ("The settlement was reached after months of talks.", "settlement"),
        ("Guests danced at the party until dawn.", "party"),
    ],
)
def test_a_noun_made_of_a_verb_names_a_happening(models, text, word):
    assert is_event_word(_token(models, text, word))


def test_a_word_of_a_street_name_is_no_action(models):
    # untagged, in running text: "Floral Avenue" is a street, "Fire" in "Fire Lane" no blaze
    assert not is_event_word(_token(models, "Police were called to 1915 Floral Avenue around 7:40 pm.", "Floral"))
    assert not is_event_word(_token(models, "The car stopped on Fire Lane near the school.", "Fire"))
    # a title-case headline keeps its verbs
    assert is_event_word(_token(models, "Gunman Kills Two In Mall Shooting", "Kills"))


def test_a_team_name_in_the_plural_is_no_charge_or_blaze():
    assert normal_lemma("chargers") != "charge"
    assert normal_lemma("blazers") != "blaze"
    assert normal_lemma("charges") == "charge" and normal_lemma("dies") == "die"


def test_a_bullet_entering_a_body_is_no_admission_to_a_clinic(models):
    # the hospital is where it happened, not what was entered
    text = "Three bullets entered his chest outside Kings County Hospital on Saturday."
    doc = models.nlp(text)
    start = text.index("Kings")
    doc.ents = [doc.char_span(start, start + len("Kings County Hospital"), label="FAC")]
    assert word_key(next(t for t in doc if t.text == "entered")) != "admit"
    assert word_key(_token(models, "The singer entered a treatment program in Malibu.", "entered")) == "admit"


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("No one has been arrested in the shooting.", "shooting", "happened"),
        ("No one has been arrested in the shooting.", "arrested", "negated"),
        ("Nobody was injured in the fire.", "injured", "negated"),
        ("No one was in custody.", "custody", "negated"),
        ("It was unclear whether anyone was arrested.", "arrested", "speculated"),
        ("According to prosecutors, he stole the money from the church.", "stole", "alleged"),
        ("Prosecutors said he stole the money from the church.", "stole", "alleged"),
        ("Prosecutors said he stole the money from the church.", "said", "happened"),
        ("Police allege Eric Kirkpatrick, 61, opened fire at the office.", "opened", "alleged"),
        ("The two sides have yet to agree on a deal.", "agree", "negated"),
    ],
)
def test_status_of_negations_and_allegations(models, text, word, status):
    assert modality(_token(models, text, word)) == status


def _quote_claim(models, text: str, quoted: str, speaker: str, names: list[tuple[str, str]]):
    a = article("q1", text, "2024-05-01", "Wire Q")
    start = text.index(quoted)
    quote = Quote(start, start + len(quoted), quoted, "direct", speaker, cue="said")
    x = extraction(a, entities=[entity(text, name, "PERSON", key) for name, key in names], quotes=[quote])
    doc = with_entities(models.nlp(text), x)
    return quote_claims(a, x, doc, EntityIndex.build([x]))


def test_words_reported_inside_a_witness_account_are_the_utterer_s(models):
    text = (
        'Moments after the shooting, one officer put both hands on his head and said, "Oh God, what did we just do?" '
        "Tina Marsh recalled."
    )
    [claim] = _quote_claim(models, text, "Oh God, what did we just do?", "Tina Marsh", [("Tina Marsh", "p1")])
    assert claim.subjects[0].text == "one officer"


def test_a_shout_introduced_by_its_speaker_is_not_the_next_speaker_s(models):
    text = 'When the driver yelled, "Do not move or I will shoot you now!" it clicked that they were police, she said.'
    [claim] = _quote_claim(models, text, "Do not move or I will shoot you now!", "Tina Marsh", [])
    assert claim.subjects[0].text == "the driver"


def test_a_verb_run_into_a_speaker_s_name_is_cut_off(models):
    text = 'Having Jackman host fits the theme. "I am thrilled to be hosting the show this year," he said.'
    [claim] = _quote_claim(
        models, text, "I am thrilled to be hosting the show this year,", "Having Jackman", [("Having Jackman", "p2")]
    )
    assert claim.subjects[0].text == "Jackman"


def test_a_sentence_split_at_a_title_is_one_statement():
    text = (
        "Gray was killed by police who claim he pointed a gun at Sgt. Mourad Mourad and Officer Jovaniel Cordova "
        "before they opened fire. An autopsy followed."
    )
    start = text.index("Mourad")
    first, last = line_bounds(text, start, text.index("fire.") + 5, start + 2)
    assert text[first:last] == text[: text.index("fire.") + 5]
    end = text.index("Sgt.") + 4
    assert line_bounds(text, 0, end, 3) == (first, last)
    plain = "Gray was hit. He died."
    assert line_bounds(plain, 0, 13, 2) == (0, 13)


def _side(value: float, *places: tuple[str, int]) -> ContradictionSide:
    evidence = tuple(
        Evidence(article_id=a, source=a, published=None, sentence_start=s, sentence_end=s + 9, start=s, end=s + 9,
                 text="x", modality="happened")
        for a, s in places
    )  # fmt: skip
    return ContradictionSide(
        ClaimValue("dead", str(value), str(value), value, value), evidence, len({a for a, _ in places})
    )


def test_a_flag_needs_two_sources_each_stating_one_side_alone():
    origins = {"a": "a", "b": "b", "r": "a"}  # r rewrites a
    one_sentence = Contradiction("c1", "dead", (_side(3, ("a", 0)), _side(5, ("a", 0))))
    one_origin = Contradiction("c1", "dead", (_side(3, ("a", 0)), _side(5, ("r", 40))))
    both_sides = Contradiction("c1", "dead", (_side(3, ("a", 0), ("b", 0)), _side(5, ("b", 50))))
    real = Contradiction("c1", "dead", (_side(3, ("a", 0), ("r", 0)), _side(5, ("b", 0))))
    assert not between_sources(one_sentence, origins)
    assert not between_sources(one_origin, origins)
    assert not between_sources(both_sides, origins)
    assert between_sources(real, origins)


@pytest.mark.parametrize(
    ("text", "word", "key"),
    [
        ("We will stand alongside the families who lost loved ones.", "lost", "lose"),
        ("The Hawks lost the game 3-1.", "lost", "win"),
        ("The protesters launched rocks and petrol bombs at the officers.", "launched", "attack"),
        ("Apple launched a new phone.", "launched", "announce"),
        ("Workers went on strike on Monday.", "strike", "strike"),
        ("An air strike killed ten people.", "strike", "attack"),
        ("A gunman walked in, opened fire and then ran away.", "fire", "shoot"),
        ("The officers returned fire.", "fire", "shoot"),
        ("A fire broke out at the bank.", "fire", "fire"),
        ("Three people were shot, one fatally, on Sunday evening.", "shot", "shoot"),
        ("Smith shot 35 percent from the field.", "shot", "shoot_score"),
    ],
)
def test_the_sense_of_a_word_comes_from_its_object_or_modifier(models, text, word, key):
    assert word_key(_token(models, text, word)) == key


def test_the_introducing_speaker_is_the_whole_subject_and_keeps_a_fuller_name(models):
    text = (
        'One of the men pointed a gun at the driver and said, "Give me your car or I will shoot you now," police said.'
    )
    [claim] = _quote_claim(models, text, "Give me your car or I will shoot you now,", "police", [])
    assert claim.subjects[0].text == "One of the men"
    text = 'Later Mr. Cerar told reporters, "It appears to be a good shooting under the circumstances."'
    [claim] = _quote_claim(
        models, text, "It appears to be a good shooting under the circumstances.", "John C. Cerar", []
    )
    assert claim.subjects[0].text == "John C. Cerar"
