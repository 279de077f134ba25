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
