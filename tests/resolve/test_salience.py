"""Sentence starts for salience: full stops of initials, titles and legal suffixes do not end a sentence."""

from __future__ import annotations

from newsfuse.resolve.salience import sentence_starts


def test_sentences_split_at_full_stops_and_line_breaks_but_not_after_initials():
    text = 'Orlix Inc. hired J. Reyes. The U.S. Navy agreed.\nHeadline here\n"It works." Sales rose.'
    starts = sentence_starts(text)
    assert [text[s : s + 8] for s in starts] == ["Orlix In", "The U.S.", "Headline", '"It work', "Sales ro"]


def test_a_name_before_a_closing_quote_is_a_subject_and_one_before_s_apostrophe_a_possessor():
    from newsfuse.resolve.salience import _is_possessor

    text = "the ``Skylark'' flew; Norvik's jets; Kestrel Jets' order"
    assert not _is_possessor(text, text.index("Skylark"), text.index("Skylark") + 7)
    assert _is_possessor(text, text.index("Norvik"), text.index("Norvik") + 6)
    assert _is_possessor(text, text.index("Kestrel Jets"), text.index("Kestrel Jets") + 12)


def test_the_extractions_sentences_decide_which_subject_it_continues():
    from newsfuse.records.mentions import ArticleExtraction, EntityMention, Sentence
    from newsfuse.resolve.coref import KEY, with_coreferences

    # The parser ends a sentence at the semicolon; the rough splitter (used without sentences) does not.
    text = "Veltra makes drones; Orlix makes jets and it grew."
    names = [EntityMention(0, 6, "Veltra", "ORG"), EntityMention(21, 26, "Orlix", "ORG")]
    bare = ArticleExtraction("a1", "en", None, entities=tuple(names))
    parsed = ArticleExtraction("a1", "en", None, sentences=(Sentence(0, 20), Sentence(21, 50)), entities=tuple(names))

    def referent(extraction):
        return {t: names[i].text for _, _, t, i in with_coreferences(extraction, text).extra[KEY]}["it"]

    assert referent(parsed) == "Orlix"
    assert referent(bare) == "Veltra"
