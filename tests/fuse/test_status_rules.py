"""Statuses read per clause: imminence, belief, participles; tolls per conjunct; titles and place words are no speakers."""

from __future__ import annotations

import pytest
from fuse_fixtures import article, entity, extraction

from newsfuse.fuse.claims import with_entities
from newsfuse.fuse.figures import sentence_figures
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.quotes import quote_claims, title_like
from newsfuse.fuse.status import modality
from newsfuse.records.mentions import Quote


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("The club is about to hire Marta Diaz as its new coach.", "hire", "planned"),
        ("The striker is close to signing a new contract with the club.", "signing", "speculated"),
        ("It is believed that the driver hit the barrier at high speed.", "hit", "speculated"),
        ("Lena Park will lead the new agency, replacing Tom Hale.", "replacing", "planned"),
        ("Lena Park led the agency for years, replacing Tom Hale in 2009.", "replacing", "happened"),
        ("The city offered a reward for information leading to the arrest of the arsonist.", "arrest", "conditional"),
        ("The tip led to the arrest of the arsonist.", "arrest", "happened"),
    ],
)
def test_status_of_the_clause(models, text, word, status):
    doc = models.nlp(text)
    assert modality(next(t for t in doc if t.text == word)) == status


def test_a_number_after_and_takes_its_own_conjunct_type():
    text = "Crash at Rail Depot Leaves Driver Dead and 3 Hurt"
    assert [(v.kind, v.lower) for v in sentence_figures(text, 0, len(text))] == [("injured", 3.0)]


def test_people_shot_are_no_toll_but_the_killed_among_them_are():
    text = "A man suspected of shooting four people, killing two, was arrested."
    assert [(v.kind, v.lower) for v in sentence_figures(text, 0, len(text))] == [("dead", 2.0)]


def test_a_quoted_title_is_not_speech():
    assert title_like("Gone With the Wind Again")
    assert not title_like("We will rebuild the bridge before the winter comes.")


def test_a_place_word_describing_the_subject_is_no_speaker(models):
    text = 'The Ohio native, who once held the state record, was billed as "the fastest woman you will ever see on a track".'
    words = "the fastest woman you will ever see on a track"
    a = article("a1", text, "2024-03-04", "Daily Post")
    start = text.index(words)
    quote = Quote(start, start + len(words), words, "direct", "Ohio", cue="billed")
    x = extraction(a, entities=(entity(text, "Ohio", "GPE", "g_ohio"),), quotes=(quote,))
    doc = with_entities(models.nlp(text), x)
    assert quote_claims(a, x, doc, EntityIndex.build([x])) == []
    named = Quote(start, start + len(words), words, "direct", "Ann Ruiz", cue="said")
    other = extraction(a, entities=(entity(text, "Ohio", "GPE", "g_ohio"),), quotes=(named,))
    assert len(quote_claims(a, other, doc, EntityIndex.build([other]))) == 1
