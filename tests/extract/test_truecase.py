"""Headline recasing for the NER: same length as the input, body casing for all-caps and Title Case headlines."""

from __future__ import annotations

from newsfuse.extract.truecase import truecase_headlines

BODY = (
    "Japan began the defence of their Asian Cup title with a lucky win against Syria. "
    "China suffered a surprise defeat against Uzbekistan."
)


def test_all_caps_headline_takes_the_body_casing():
    text = "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.\n" + BODY
    recased = truecase_headlines(text)
    assert len(recased) == len(text)
    assert recased.splitlines()[0] == "Soccer - Japan get lucky win, China in surprise defeat."
    assert recased.endswith(BODY)


def test_dateline_place_is_recased():
    text = "AL-AIN, United Arab Emirates 1996-12-06\n" + BODY
    assert truecase_headlines(text).startswith("Al-Ain, United Arab Emirates")


def test_title_case_headline_lowers_words_the_body_writes_in_lower_case():
    text = "Japan Was Lucky to Win Against Syria\n" + BODY
    assert truecase_headlines(text).splitlines()[0] == "Japan was lucky to win against Syria"


def test_sentence_case_text_is_left_alone():
    text = "Boeing rolls out first 787 Dreamliner to go into service\nAugust 08, 2011\n" + BODY
    assert truecase_headlines(text) == text
