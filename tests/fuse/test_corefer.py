"""Merging one happening's claims across reports: sentence similarity overrules a misread slot, never other people."""

from __future__ import annotations

import pytest

from newsfuse.fuse.corefer import merge_happenings
from newsfuse.records.claims import Claim, ClaimArgument, Evidence


@pytest.fixture(scope="module")
def embed():
    from newsfuse.cluster import load_models

    return load_models(True).embedder.embed


def _claim(article_id: str, sentence: str, subject: tuple[str, str, str]) -> Claim:
    start = sentence.index("died")
    evidence = Evidence(article_id, f"Outlet {article_id}", "2005-12-20", 0, len(sentence), 0, len(sentence),
                        sentence, "happened", trigger_start=start, trigger_end=start + 4)  # fmt: skip
    return Claim(f"k_{article_id}", "kill", "die", subjects=(ClaimArgument("actor", *subject),),
                 evidence=(evidence,), statement=sentence, action="kill")  # fmt: skip


def _merged(claims, embed=None) -> list[Claim]:
    return merge_happenings(claims, [], {c.evidence[0].article_id: c.evidence[0].article_id for c in claims}, embed)[0]


def test_alike_statements_are_one_happening_though_a_slot_was_misread(embed):
    claims = [
        _claim("a", "Mob boss Vincent Gigante died in a federal prison on Monday, officials said.",
               ("Vincent Gigante", "p_gigante", "PERSON")),
        _claim("b", "Mob boss Vincent Gigante died in a federal prison on Monday, New York officials said.",
               ("New York", "g_new_york", "ORG")),  # the tagger's misreading: the city as the one who died
    ]  # fmt: skip
    assert len(_merged(claims)) == 2  # no sentence vectors: the subjects keep them apart
    [death] = _merged(claims, embed)
    assert {e.article_id for e in death.evidence} == {"a", "b"}


def test_other_people_are_other_happenings_however_alike_the_sentences(embed):
    claims = [
        _claim("a", "The climber Duncan Rait died after falling 200 feet on Mount Cook.",
               ("Duncan Rait", "p_rait", "PERSON")),
        _claim("b", "The climber Ben Beckley died after falling 200 feet on Mount Cook.",
               ("Ben Beckley", "p_beckley", "PERSON")),
    ]  # fmt: skip
    assert len(_merged(claims, embed)) == 2
