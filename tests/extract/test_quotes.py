"""Direct quotes with speakers and channels; reported claims with sources; anonymous sources."""

from __future__ import annotations

from newsfuse.extract.entities import find_entities
from newsfuse.extract.quotes import find_quotes


def quotes(models, text):
    doc = models.nlp(text)
    return find_quotes(doc, find_entities(doc, models))


def test_direct_quote_with_speaker_after_and_channel(models):
    text = (
        "On Tuesday, Nakatani met his counterpart, Yaşar Güler, in Ankara. “We stand ready to advance our "
        "cooperation with our Japanese friends,” Güler wrote in a post on social media following the talks."
    )
    (quote,) = quotes(models, text)
    assert (quote.kind, quote.speaker, quote.cue, quote.channel) == ("direct", "Güler", "wrote", "social media")
    assert text[quote.start : quote.end] == quote.text


def test_continued_quote_keeps_its_speaker(models):
    text = (
        '"The minister visited our national technology center with his delegation," Baykar posted on NSosyal.\n'
        '"It was our pleasure to host his Excellency."'
    )
    first, second = quotes(models, text)
    assert first.speaker == second.speaker == "Baykar"
    assert first.channel == "NSosyal"


def test_reported_claims_and_anonymous_sources(models):
    text = (
        "Japan's defence minister will hold talks in Turkey on Tuesday, a diplomatic source said. "
        "According to Japanese media reports, drones are the main topic. "
        "The Japan Times reported that Tokyo intends to buy drones."
    )
    found = quotes(models, text)
    by_speaker = {q.speaker: q for q in found}
    assert by_speaker["a diplomatic source"].anonymous
    assert by_speaker["a diplomatic source"].kind == "reported"
    assert by_speaker["Japanese media reports"].cue == "according to"
    assert not by_speaker["Japanese media reports"].anonymous
    assert by_speaker["The Japan Times"].cue == "reported"
    assert not by_speaker["The Japan Times"].anonymous


def test_pronoun_speaker_resolves_to_last_person(models):
    text = 'Steve Jobs spoke at the event. "We are thrilled with the new phone," he said.'
    (quote,) = quotes(models, text)
    assert quote.speaker == "Steve Jobs"


def test_speaker_after_the_cue_is_the_whole_name_with_its_title(models):
    text = "Lawmakers argued for hours. “We will not stand for this at all,” said Rep. Jerry Nadler (D-N.Y.), who leads the panel."
    (quote,) = quotes(models, text)
    assert quote.speaker == "Rep. Jerry Nadler"


def test_outlet_speaker_is_never_cut_to_two_letters(models):
    text = "“The deal was struck late on Sunday night,” said The Post, citing two people."
    (quote,) = quotes(models, text)
    assert quote.speaker == "The Post"


def test_noun_phrase_speaker_between_quote_and_cue(models):
    text = "“There is no agreement on the text yet,” a senior European diplomat told reporters."
    (quote,) = quotes(models, text)
    assert quote.speaker == "a senior European diplomat"


def test_a_clause_that_is_not_a_noun_phrase_gives_no_speaker(models):
    text = (
        "Mr. Lane was defensive when asked about the contractor who said he was never paid. "
        "“That makes me smart, and that is business.” Lane was similarly defensive when pressed, an aide said."
    )
    found = [q for q in quotes(models, text) if q.kind == "direct"]
    assert found and all(q.speaker is None or q.speaker.split()[-1] in {"Lane"} for q in found)


def test_pronoun_speaker_skips_names_of_the_other_gender_and_quoted_names(models):
    text = (
        "Senator Mary Landry met Governor Tom Fisk on Monday. Landry spoke after the meeting.\n\n"
        "“I told Tom Fisk the budget is not finished,” she said."
    )
    (quote,) = quotes(models, text)
    assert quote.speaker == "Mary Landry"


def test_unresolved_pronoun_speaker_is_none(models):
    (quote,) = quotes(models, "“The budget is not finished yet,” she said.")
    assert quote.speaker is None


def test_speaker_introduced_in_the_paragraph_before_with_a_colon(models):
    text = (
        "Senator Greg Walden responded by citing the example of Chicago.\n\nHe said:\n\n"
        "“We have a situation in our inner cities.”"
    )
    (quote,) = quotes(models, text)
    assert quote.speaker == "Greg Walden"


def test_quoted_titles_are_not_speech(models):
    text = "Asked on “Face the Nation,” Senator Alan Berg said “we will hold hearings on the budget next week.”"
    found = [q for q in quotes(models, text) if q.kind == "direct"]
    assert [q.text for q in found] == ["“we will hold hearings on the budget next week.”"]


def test_participle_cue_takes_the_subject_of_its_clause_and_the_channel(models):
    text = (
        "Mayor Anna Lindqvist praised the rescue crews for hours of work in the flooded districts, writing on "
        'social media:\n"We owe every family that slept at home tonight to the people who waded in."'
    )
    [quote] = quotes(models, text)
    assert quote.speaker in {"Anna Lindqvist", "Mayor Anna Lindqvist"}  # the whole name, its title optional
    assert quote.channel == "social media"
