"""The look-up attribute matcher finds exactly the matches of spaCy's attribute ruler, and the same attributes."""

from __future__ import annotations

import pytest
import spacy

from newsfuse.extract.fast_attributes import FastAttributeMatcher, fast_attribute_ruler
from newsfuse.fuse.parse import SPACY_MODEL

TEXTS = [
    "There is a plan. We're gonna win, y'all, and I ain't got nothin' to lose, let's go.",
    "She gets what she wants; he got the job.  Come on!\n\nThat which remains was sold.",
    "The minister, who had been appointed in May, said on Tuesday that the drone was delivered.",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(SPACY_MODEL, exclude=["ner"])


def test_same_matches_as_the_attribute_ruler(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeMatcher(ruler)
    docs = list(nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer"]))
    for doc in docs:
        assert fast(doc) == ruler.match(doc)
    widths = {end - start for doc in docs for _, _, start, end in fast(doc)}
    assert widths == {1, 2}  # the several-token rules ("gon na", "let 's", "There is") are found too


def test_same_tags_lemmas_and_morphology(nlp):
    expected = [[(t.pos_, t.lemma_, str(t.morph)) for t in doc] for doc in nlp.pipe(TEXTS)]
    fast_attribute_ruler(nlp)
    assert [[(t.pos_, t.lemma_, str(t.morph)) for t in doc] for doc in nlp.pipe(TEXTS)] == expected
