"""Action keys: derivational families, nouns keyed as nouns, light verbs, headline words and phrasal verbs."""

from __future__ import annotations

from newsfuse.fuse.actions import action_key, family, is_event_word, normal_lemma, word_key


def _token(models, text: str, word: str):
    return next(t for t in models.nlp(text) if t.text == word)


def test_a_verb_and_the_noun_made_of_it_share_a_family():
    assert action_key("investigation") == action_key("investigate")
    assert action_key("arrival") == action_key("arrive")
    assert action_key("election") == action_key("elect")
    assert action_key("statement") == action_key("state") == "say"  # the verb's class
    assert family("nation") == "nation"  # too short a stem to cut


def test_a_headline_keeps_its_inflection_yet_names_the_action():
    assert normal_lemma("dies") == "die"
    assert action_key("Dies") == action_key("died") == "kill"


def test_the_noun_fire_is_a_blaze_and_the_verb_a_shot(models):
    assert word_key(_token(models, "The fire destroyed the barn on Monday.", "fire")) == "fire"
    assert word_key(_token(models, "The gunman fired two shots at the crowd.", "fired")) == "shoot"


def test_a_light_verb_takes_its_happening_from_its_object(models):
    made = _token(models, "Police made an arrest in the case on Monday.", "made")
    assert is_event_word(made)
    assert word_key(made) == "arrest"
    assert not is_event_word(_token(models, "She made a cake for the party.", "made"))


def test_a_title_case_headline_verb_with_its_particle(models):
    checks = _token(models, "Lindsay Lohan Checks Into Rehab", "Checks")
    assert word_key(checks) == "admit" == action_key("admit")
    assert is_event_word(checks)


def test_a_noun_outside_the_lexicon_in_a_fixed_adverbial_is_no_event_word(models):
    assert not is_event_word(_token(models, "The suspect was arrested without incident on Friday.", "incident"))
    assert not is_event_word(_token(models, "Bring an umbrella in case it rains tonight.", "case"))
    # the same nouns naming a happening, and lexicon nouns in a prepositional phrase, stay event words
    assert is_event_word(_token(models, "The incident left two people hurt.", "incident"))
    assert is_event_word(_token(models, "Nobody was hurt in the incident at the depot.", "incident"))
    assert is_event_word(_token(models, "The suspect remains in custody.", "custody"))


def test_firing_a_person_is_a_dismissal_and_firing_shots_gunfire(models):
    assert word_key(_token(models, "The club fired its head coach on Monday.", "fired")) == "fire_staff"
    assert word_key(_token(models, "The gunman fired three shots at the van.", "fired")) == "shoot"


def test_shots_of_a_game_and_a_shooting_percentage_are_no_gunfire(models):
    assert word_key(_token(models, "Berg blocked four shots in the first half.", "shots")) != "shoot"
    assert word_key(_token(models, "The Hawks shot 41 percent from the field.", "shot")) != "shoot"
    assert word_key(_token(models, "A man shot two clerks at the store.", "shot")) == "shoot"
    assert word_key(_token(models, "Berg had nine rebounds and four blocked shots.", "shots")) != "shoot"
    assert word_key(_token(models, "A single shot hit the clerk in the chest.", "shot")) == "shoot"


def test_people_are_hanged_while_a_team_hung_on(models):
    assert word_key(_token(models, "The rebel leader was hanged in 1962.", "hanged")) == "kill"
    assert word_key(_token(models, "The Hawks hung with the leaders for an hour.", "hung")) != "kill"


def test_released_information_is_told_and_a_released_patient_freed(models):
    assert word_key(_token(models, "The coroner released the name of the driver.", "released")) == "announce"
    assert word_key(_token(models, "A clerk was treated at a clinic and released.", "released")) != "announce"
    assert word_key(_token(models, "The firm released a security patch on Tuesday.", "released")) == "announce"
    assert word_key(_token(models, "The Hawks cut the lead to three points.", "cut")) != "damage"
    assert word_key(_token(models, "A ship's anchor cut the undersea cable.", "cut")) == "damage"


def test_breaking_out_of_a_jail_is_an_escape_and_a_fire_breaking_out_the_fire(models):
    assert word_key(_token(models, "Two inmates broke out of the county jail.", "broke")) == "escape"
    assert word_key(_token(models, "A fire broke out in the attic on Monday.", "broke")) == "fire"


def test_entering_a_month_or_coping_is_no_admission_or_deal(models):
    assert word_key(_token(models, "Entering March, he had started four games.", "Entering")) != "admit"
    assert word_key(_token(models, "The singer entered a rehab clinic in Utah.", "entered")) == "admit"
    assert word_key(_token(models, "His spin is hard to deal with.", "deal")) != "agree"
    assert word_key(_token(models, "The talk show host joked about it.", "talk")) != "meet"


def test_clitics_and_things_in_ing_are_no_event_words(models):
    # spaced-out copy splits clitics off: "I ’ m lucky", "Carmichael ’ s performance"
    assert not is_event_word(_token(models, "I ’ m lucky to say I watched him.", "m"))
    assert not is_event_word(_token(models, "Police searched late into the evening.", "evening"))
    assert is_event_word(_token(models, "Police investigated the shooting late into the evening.", "shooting"))
    assert is_event_word(_token(models, "Gunman Kills Two In Mall Shooting", "Kills"))
