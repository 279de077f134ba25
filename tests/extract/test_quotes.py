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
