"""Sentences of one event telling the same happening, or two happenings that share an action word."""

from __future__ import annotations

from newsfuse.fuse.likeness import Likeness, comparable_sides, names
from newsfuse.records.claims import ClaimValue, ContradictionSide, Evidence

FIGHT = [
    "Klitschko stopped Rahman in the seventh round of the heavyweight title fight in Mannheim.",
    "Klitschko beat Rahman in the seventh round to keep his heavyweight titles.",
    "Rahman was stopped by Klitschko in round seven of their heavyweight fight.",
    "Klitschko retained his heavyweight belts against Rahman in Mannheim.",
]


def test_a_shared_action_word_and_the_story_topic_are_not_one_happening():
    like = Likeness(FIGHT + ["Riddick Bowe stepped into the ring in the heavyweight round."])
    referee = "Referee Tony Weeks stepped in to end the heavyweight fight in the seventh round."
    bowe = "Riddick Bowe stepped into the ring in the heavyweight round."
    assert not like.same(referee, bowe, ["stepped"])


def test_two_tellings_of_one_happening_share_its_specifics():
    like = Likeness(["The 14-month-old was hit in the arm and upper chest area.", "The gun hit the baby."])
    assert like.same(
        "The 14-month-old was hit in the arm and upper chest area.",
        "Police say the gun accidentally went off and hit the baby in the upper torso Tuesday night.",
        ["hit"],
    )


def test_sentences_naming_different_people_tell_different_happenings():
    like = Likeness([])
    assert not like.same(
        "Takiya Holmes died Tuesday morning from wounds suffered in a shooting on Saturday afternoon.",
        "A man and a boy were killed Tuesday afternoon in a shooting on Chicago's West Side.",
        ["died", "killed"],
    )


def test_a_title_case_headline_names_nothing_in_particular():
    assert names("Five Wounded By Quake In Southern Iran") == set()
    assert names("The tremor struck the town of Dargahan on Qeshm island.") == {"darga", "qeshm"}


def _side(text: str, modality: str = "happened") -> ContradictionSide:
    evidence = Evidence("a", "a", None, 0, len(text), 0, len(text), text, modality)
    return ContradictionSide(ClaimValue("money", text, text), (evidence,), 1)


def test_values_of_other_actors_or_another_status_are_no_dispute():
    red_sox = _side("The Red Sox offered Teixeira an eight-year deal worth $184 million.")
    orioles = _side("The Orioles offered Teixeira a seven-year deal worth $140 million.")
    assert comparable_sides([red_sox, orioles]) == [red_sox]
    planned = _side("DeGeneres will host the Oscars next year.", "planned")
    past = _side("DeGeneres hosted the Oscars in 2007.")
    assert comparable_sides([planned, past]) == [planned]


def test_two_tolls_of_one_attack_stay_a_dispute():
    five = _side("Sudan bombed the Yida camp, killing 5 people.")
    many = _side("Sudan bombed the Yida camp, killing 24 people.")
    assert comparable_sides([five, many]) == [five, many]
