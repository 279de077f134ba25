"""Background told without a date: 'last year', 'previously', an earlier year; never the past perfect alone."""

from __future__ import annotations

from fuse_fixtures import article, entity, extraction

from newsfuse.fuse.record import fuse_event

NAMES = {"Klitschko": ("PERSON", "p_kl"), "Rahman": ("PERSON", "p_ra"), "Mannheim": ("GPE", "g_ma"),
         "Lewis": ("PERSON", "p_le"), "Kiev": ("GPE", "g_ki")}  # fmt: skip


def _claims(models, text: str):
    a = article("a", text, "2024-05-01", "Outlet a")
    found = [entity(text, name, label, eid) for name, (label, eid) in NAMES.items() if name in text]
    return fuse_event([a], [extraction(a, entities=found)], [], models=models, event_id="ev").claims


def test_an_undated_statement_told_as_earlier_is_background(models):
    for earlier in (
        "Rahman floored Lewis in Kiev last year to win the title.",
        "Rahman floored Lewis in Kiev in 2001 to win the title.",
        "Rahman previously floored Lewis in Kiev to win the title.",
    ):
        claims = _claims(models, f"Klitschko stopped Rahman in Mannheim on Saturday. {earlier}")
        floored = [c for c in claims if c.trigger != "stop"]
        stopped = [c for c in claims if c.trigger == "stop"]
        assert floored and all(c.background for c in floored), [(c.trigger, c.background) for c in claims]
        assert stopped and not any(c.background for c in stopped), earlier


def test_the_past_perfect_alone_is_not_background(models):
    claims = _claims(models, "Klitschko stopped Rahman in Mannheim. Rahman had floored Lewis in Kiev to win the title.")
    assert not any(c.background for c in claims)
