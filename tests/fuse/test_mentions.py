"""Words that may mention a happening beyond the action lexicon, and how they join an event's claims."""

from __future__ import annotations

from fuse_fixtures import article, extraction

from newsfuse.fuse.mentions import mention_word
from newsfuse.fuse.record import fuse_event


def _words(models, text: str) -> dict[str, bool]:
    return {t.text: mention_word(t) for t in models.nlp(text)}


def test_content_verbs_nouns_and_predicative_adjectives_may_mention_a_happening(models):
    words = _words(models, "He was found guilty after a long stint in the news.")
    assert words["found"] and words["guilty"] and words["stint"]  # the verdict, his time there
    assert not words["was"]  # an auxiliary: the happening is the participle's
    assert not _words(models, "The guilty man has left.")["guilty"]  # attributive: it names the man


def test_words_outside_the_lexicon_join_a_claim_of_their_key_as_mentions_not_support(models):
    texts = {
        "a": "The climber fell 200 feet on Mount Cook on Monday, rescuers said.",
        "b": "Hikers saw the fall from the ridge. The climber fell 200 feet on Mount Cook on Monday.",
    }
    articles = [article(k, t, f"2024-05-0{n + 1}", f"Outlet {k}") for n, (k, t) in enumerate(texts.items())]
    record = fuse_event(articles, [extraction(a) for a in articles], [], models=models, event_id="ev")
    fall = next(c for c in record.claims if c.trigger == "fall")
    assert ("b", "fall") in {(m.article_id, m.text) for m in fall.mentions}  # the noun names the same fall
    # ... but the report's support rests on its own statement of it, not on the bare noun
    assert {texts[e.article_id][e.trigger_start : e.trigger_end] for e in fall.evidence} == {"fell"}
