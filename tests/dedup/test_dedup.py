"""Dedup stage against a real SQLite store: exact copies, syndicated near-copies, rewrites, idempotence."""

from __future__ import annotations

import random

from dedup_texts import QUAKE, REHAB, TRADE, article

from newsfuse import dedup
from newsfuse.eval.dedup import syndicate
from newsfuse.records.relations import DerivationLink, DuplicateKind, DuplicateLink


def test_exact_copy_differing_only_in_case_spacing_and_title_is_linked(store):
    original = article(QUAKE, "Quake hits Qeshm")
    copy = article("  " + QUAKE.upper().replace(". ", ".   "), "IRAN QUAKE")
    store.add_articles([original, copy])
    links = dedup.update(store, [original.id, copy.id])
    assert links == [DuplicateLink(copy.id, original.id, DuplicateKind.EXACT, 1.0)]


def test_syndicated_copy_is_a_near_duplicate_with_evidence_offsets_into_both_texts(store):
    original = article(QUAKE, published="2024-03-01")
    text = (
        "By Tom Becker, Associated Press Writer\nDUBAI (AP) - "
        + QUAKE.replace("said", "stated").rsplit(". ", 2)[0]
        + "."
    )
    copy = article(text + "\nCopyright 2024 The Associated Press. All rights reserved.", published="2024-03-02")
    store.add_articles([copy, original])
    links = dedup.update(store, [copy.id, original.id])
    assert len(links) == 1 and isinstance(links[0], DuplicateLink)
    link = links[0]
    assert (link.article_id, link.duplicate_of, link.kind) == (copy.id, original.id, DuplicateKind.NEAR)
    assert 0.5 <= link.score < 1.0
    assert link.evidence
    for passage in link.evidence:
        mine = copy.text[passage.start : passage.end]
        theirs = original.text[passage.other_start : passage.other_end]
        assert set(mine.lower().split()) & set(theirs.lower().split())


def test_different_stories_are_not_linked(store):
    items = [article(QUAKE), article(REHAB), article(TRADE)]
    store.add_articles(items)
    assert dedup.update(store, [a.id for a in items]) == []


def test_update_is_idempotent_and_resumes_from_the_store(store):
    original = article(TRADE)
    store.add_articles([original])
    assert dedup.update(store, [original.id]) == []
    assert dedup.update(store, [original.id]) == []
    # a later run compares new articles with what earlier runs indexed
    copy_text, _ = syndicate(TRADE, random.Random(3))
    copy = article(copy_text)
    store.add_articles([copy])
    links = dedup.update(store, [original.id, copy.id])
    assert [(link.article_id, link.target) for link in links] == [(copy.id, original.id)]
    assert dedup.update(store, [copy.id]) == []
    assert [link.target for link in store.links_for([copy.id])] == [original.id]


def test_seeds_rewrite_is_derived_from_its_source_and_the_independent_report_is_not(store, shared_dir):
    from newsfuse.ingest import ingest

    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    report = ingest([str(p) for p in seeds], store)
    by_name = {a.origin.rsplit("/", 1)[-1][:3]: a for a in store.get_articles(list(report.new))}
    links = dedup.update(store, list(report.new))
    derived = [link for link in links if isinstance(link, DerivationLink)]
    assert [(link.article_id, link.derived_from) for link in derived] == [(by_name["001"].id, by_name["000"].id)]
    assert not store.links_for([by_name["002"].id])
    assert len(derived[0].evidence) >= 3
    starts = [p.other_start for p in derived[0].evidence]
    assert starts == sorted(starts)  # the order of facts is kept
