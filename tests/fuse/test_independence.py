"""Independent sources: copies and rewrites count once with the article they come from."""

from __future__ import annotations

from fuse_fixtures import article

from newsfuse.fuse.independence import fused_status, origin_groups, support
from newsfuse.records.claims import Evidence
from newsfuse.records.relations import DerivationLink, DuplicateKind, DuplicateLink


def evidence(article_id: str, modality: str = "happened", source: str = "") -> Evidence:
    return Evidence(article_id, source, None, 0, 1, 0, 1, "x", modality)


def test_chains_of_copies_and_rewrites_form_one_group_named_by_the_earliest():
    articles = [
        article("late", "t", "2024-01-03", "C"),
        article("first", "t", "2024-01-01", "A"),
        article("copy", "t", "2024-01-02", "B"),
        article("alone", "t", None, "D"),
    ]
    links = [DuplicateLink("copy", "first", DuplicateKind.NEAR, 0.95), DerivationLink("late", "copy", 0.7)]
    origins = origin_groups(articles, links)
    assert origins == {"late": "first", "first": "first", "copy": "first", "alone": "alone"}
    counted = support(
        [evidence("late", source="C"), evidence("first", source="A"), evidence("alone", "planned", "D")], origins
    )
    assert counted.independent_sources == 2
    assert dict(counted.by_modality) == {"happened": 1, "planned": 1}
    assert counted.outlets == ("C", "A", "D")


def test_links_to_articles_outside_the_event_are_ignored():
    articles = [article("a", "t", "2024-01-01", "A"), article("b", "t", "2024-01-01", "B")]
    origins = origin_groups(articles, [("a", "elsewhere", "derived_from"), ("b", "a", "cites")])
    assert origins == {"a": "a", "b": "b"}


def test_a_negation_or_an_allegation_is_never_corroboration_of_the_fact():
    origins = {k: k for k in "abcd"}
    # "No arrest has been made" two weeks before two reports of the arrest, and a lawyer's allegation
    found = support([evidence("a", "negated"), evidence("b"), evidence("c"), evidence("d", "alleged")], origins)
    assert found.independent_sources == 2  # the two reports of the arrest
    assert dict(found.by_modality) == {"happened": 2, "alleged": 1, "negated": 1}
    assert set(found.origins) == set("abcd")  # every report is still listed


def test_a_plan_tells_the_same_happening_and_a_denial_counts_under_its_own_status():
    origins = {k: k for k in "abc"}
    assert support([evidence("a"), evidence("b", "planned")], origins).independent_sources == 2
    denied = support([evidence("a", "denied"), evidence("b", "denied"), evidence("c", "negated")], origins)
    assert fused_status([evidence("a", "denied"), evidence("b", "denied"), evidence("c", "negated")]) == "denied"
    assert denied.independent_sources == 2
