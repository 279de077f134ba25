"""Disputed tolls: independent sources whose leads give one toll differently are flagged; revisions, tolerances,
one source's own figures and some victims named are not."""

from __future__ import annotations

from fuse_fixtures import article, entity, extraction

from newsfuse.fuse.figures import sentence_figures
from newsfuse.fuse.record import fuse_event


def _record(models, texts: dict[str, tuple[str, str | None]], names: dict[str, tuple[str, str]] | None = None):
    articles = [article(i, text, published, f"Outlet {i}") for i, (text, published) in texts.items()]
    found = [[entity(a.text, k, label, e) for k, (label, e) in (names or {}).items() if k in a.text] for a in articles]
    extractions = [extraction(a, entities=ents) for a, ents in zip(articles, found, strict=True)]
    return fuse_event(articles, extractions, [], models=models, event_id="ev")


def _tolls(record, kind: str):
    return [c for c in record.contradictions if c.slot == kind]


def test_two_sources_giving_different_tolls_of_one_quake_are_a_typed_dispute_with_both_sides(models):
    record = _record(
        models,
        {
            "a": ("Quake hits island off south Iran, five hurt. The tremor struck near Dargahan.", None),
            "b": ("State television says a magnitude 5.2 quake has injured three people on Qeshm island.", None),
        },
    )
    disputes = _tolls(record, "injured")
    assert len(disputes) == 1, [(c.slot, [s.value.text for s in c.sides]) for c in record.contradictions]
    sides = {s.value.lower: {e.article_id for e in s.evidence} for s in disputes[0].sides}
    assert sides == {5.0: {"a"}, 3.0: {"b"}}
    assert all(s.independent_sources == 1 for s in disputes[0].sides)
    assert record.claim(disputes[0].claim_id) is not None


def test_a_toll_falling_in_a_later_report_is_disputed(models):
    record = _record(
        models,
        {
            "a": ("A gunman killed 24 people at a market on Monday, police said.", "2024-05-01T08:00:00"),
            "b": ("The shooting at the market on Monday killed five people, the hospital said.", "2024-05-02T09:00:00"),
        },
    )
    assert {s.value.lower for d in _tolls(record, "dead") for s in d.sides} == {24.0, 5.0}


def test_a_toll_rising_over_later_reports_is_a_revision_shown_as_a_range_not_a_dispute(models):
    record = _record(
        models,
        {
            "a": ("Police found two people dead at a home in Houston early Friday.", "2017-04-07"),
            "b": ("A woman shot four people dead at three homes in Houston on Friday, police said.", "2017-04-07"),
            "c": ("Four people were killed Friday after a woman opened fire on her family in Houston.", "2017-04-08"),
        },
    )
    assert not _tolls(record, "dead")
    assert "2 to 4 dead" in [f.text for f in record.key_figures]


def test_approximate_and_bounded_tolls_agree_with_the_exact_one(models):
    record = _record(
        models,
        {
            "a": ("A powerful earthquake hit southern Iran, killing at least three people and injuring dozens.", None),
            "b": ("The quake hit southern Iran on Sunday, killing 10 people and injuring about 50.", None),
            "c": ("An earthquake in southern Iran killed 10 people and injured 52 on Sunday, officials said.", None),
        },
    )
    assert not _tolls(record, "dead") and not _tolls(record, "injured")


def test_two_tolls_in_one_report_are_no_dispute(models):
    record = _record(
        models,
        {
            "a": (
                "A gunman killed two people at a bar on Friday. A gunman killed three people at a bar on Friday.",
                None,
            ),
            "b": ("The shooting at the bar on Friday left the town in shock, the mayor said.", None),
        },
    )
    assert not _tolls(record, "dead")


def test_a_number_after_a_comma_takes_its_own_type_and_named_victims_are_no_toll():
    text = "1 dead, 2 hurt in office shooting"
    assert sorted((v.kind, v.lower) for v in sentence_figures(text, 0, len(text))) == [("dead", 1.0), ("injured", 2.0)]
    named = "Police released the identities of three victims killed by the gunman at the airport."
    part = "Three of those killed were vacationing with their spouses."
    address = "Four people were killed at a home in the 3800 block of Main Street."
    assert [(v.kind, v.lower) for v in sentence_figures(address, 0, len(address))] == [("dead", 4.0)]
    for text in (named, part):
        assert not [v for v in sentence_figures(text, 0, len(text)) if v.kind == "dead"], text


def test_a_quoted_denial_in_other_words_disputes_whether_the_accused_happening_took_place(models):
    texts = {
        "a": ("Sudan bombed the Yida camp on Thursday, the United Nations said.", "2024-05-01"),
        "b": ("\"We didn't bomb any camps,\" Sudan's army spokesman said on Friday.", "2024-05-02"),
    }
    record = _record(models, texts, {"Sudan": ("GPE", "g_sudan"), "Yida": ("GPE", "g_yida")})
    disputes = [c for c in record.contradictions if c.slot == "status"]
    assert len(disputes) == 1
    sides = {s.value.value: {e.article_id for e in s.evidence} for s in disputes[0].sides}
    assert sides == {"happened": {"a"}, "not happened": {"b"}}


def test_an_act_only_intended_in_one_report_is_no_dispute_with_another_saying_it_is_not_done(models):
    texts = {
        "a": ("The city of Palmer was negotiating to purchase the Mat Maid property, the mayor said.", "2024-05-01"),
        "b": ("The city of Palmer had not purchased the Mat Maid property, the safety director said.", "2024-05-02"),
    }
    record = _record(models, texts, {"Palmer": ("GPE", "g_palmer"), "Mat Maid": ("ORG", "o_matmaid")})
    assert not [c for c in record.contradictions if c.slot == "status"]
