"""Grouping claims across reports (merge.group_claims): the same people on other days are other happenings."""

from __future__ import annotations

from datetime import date

from newsfuse.fuse.merge import group_claims
from newsfuse.records.claims import Claim, ClaimArgument, ClaimValue, Evidence


def _day(iso: str) -> ClaimValue:
    number = date.fromisoformat(iso).toordinal() - 1  # days since 0001-01-01
    return ClaimValue("date", iso, iso, number, number + 1, "day")


def _claim(article_id: str, sentence: str, day: str | None) -> Claim:
    start = sentence.index("appeared")
    evidence = Evidence(article_id, f"Outlet {article_id}", "2011-03-20", 0, len(sentence), 0, len(sentence),
                        sentence, "happened", trigger_start=start, trigger_end=start + 8)  # fmt: skip
    return Claim(f"k_{article_id}", "appear", "appear",
                 subjects=(ClaimArgument("actor", "Mara Quill", "p_quill", "PERSON"),),
                 description="before the district court", time=_day(day) if day else None, evidence=(evidence,),
                 statement=sentence)  # fmt: skip


def test_same_subject_on_days_a_week_apart_stays_two_claims():
    claims = [
        _claim("a", "Mara Quill appeared in court on March 3 to face the charges.", "2011-03-03"),
        _claim("b", "Mara Quill appeared in court on March 10 for a bail hearing.", "2011-03-10"),
    ]
    assert len(group_claims(claims)) == 2


def test_same_subject_on_the_same_day_or_undated_is_one_claim():
    claims = [
        _claim("a", "Mara Quill appeared in court on March 3 to face the charges.", "2011-03-03"),
        _claim("b", "Mara Quill appeared in court on Thursday, her lawyer said.", "2011-03-04"),
        _claim("c", "Mara Quill appeared in court to face the charges.", None),
    ]
    assert len(group_claims(claims)) == 1


def _quote(n: int, words: list[str]) -> Claim:
    return Claim(f"k_q{n}", "say", "say", quote=" ".join(words))


def test_quote_pairs_are_every_pair_that_can_share_enough_words():
    import random

    from newsfuse.fuse.merge import QUOTE_OVERLAP, quote_pairs

    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(30)] + ["the", "and", "we"] * 10  # a few words most quotes use
    claims = [_quote(n, rng.sample(vocabulary, rng.randint(0, 9))) for n in range(120)]
    indexes = list(range(len(claims)))
    words = [set((c.quote or "").split()) for c in claims]
    brute = [
        (i, j)
        for i in indexes
        for j in indexes[i + 1 :]
        if words[i] and words[j] and len(words[i] & words[j]) >= QUOTE_OVERLAP * min(len(words[i]), len(words[j]))
    ]
    found = quote_pairs(claims, indexes)
    assert set(brute) <= set(found)  # nothing ``_same_quote`` could join is left out
    assert len(found) < len(indexes) * (len(indexes) - 1) // 2  # and not every pair is compared


def test_one_quote_told_by_two_reports_is_one_claim_and_another_quote_stays_apart():
    claims = [
        _quote(1, "we will rebuild this town together".split()),
        _quote(2, "we will rebuild this town together, he said".split()),
        _quote(3, "no comment at this time".split()),
    ]
    groups = group_claims(claims)
    assert sorted(len(g) for g in groups) == [1, 2]
