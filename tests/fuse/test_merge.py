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
