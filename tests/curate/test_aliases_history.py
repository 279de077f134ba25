"""Country names in any language, and how record versions are described."""

from __future__ import annotations

from newsfuse.curate.aliases import country_canonical, country_code
from newsfuse.curate.history import describe, diff_versions, record_changes


def test_every_name_of_a_country_gives_its_code():
    assert {country_code(n) for n in ("Türkiye", "Turkey", "Turkiye", "Turquía", "turquie", "Türkei", "TR")} == {"TR"}
    assert country_code("Japón") == country_code("Japan") == "JP"
    assert country_code("Ankara") is None  # a city is not a country
    assert country_canonical("TR") == "Turkey"


def test_changes_between_versions_read_as_counts():
    old = {"headline": "A", "sources": [{"article_id": "a1"}], "claims": [{"id": "k1", "q": []}], "places": []}
    new = {
        "headline": "B",
        "sources": [{"article_id": "a1"}, {"article_id": "a2"}, {"article_id": "a3"}],
        "claims": [{"id": "k1", "q": ["confirmed"]}],
        "places": [],
    }
    changes = record_changes(old, new)
    assert changes["reports_added"] == ["a2", "a3"] and changes["claims_changed"] == ["k1"]
    assert describe(changes) == "2 reports added, 1 claim changed, headline changed"
    assert describe(record_changes(None, new)) == "created from 3 reports"
    assert diff_versions(old, new)["fields"]["headline"] == {"old": "A", "new": "B"}
