"""The event page's drawings: the world map from the packaged TopoJSON, and the coverage chart."""

from __future__ import annotations

from newsfuse.web.coverage_chart import coverage_chart
from newsfuse.web.worldmap import country_shapes, event_map


def test_map_shades_the_countries_named_and_dots_the_places():
    shapes = country_shapes()
    assert len(shapes) > 170 and {"TR", "JP", "PE"} <= {code for code, _, _ in shapes}
    drawn = event_map([{"name": "Ankara", "country_code": "TR", "latitude": 39.93, "longitude": 32.86}])
    assert [c["code"] for c in drawn["countries"] if c["marked"]] == ["TR"]
    assert drawn["dots"] == [{"x": 212.9, "y": 45.1, "name": "Ankara"}]
    turkey = next(d for code, _, d in shapes if code == "TR")
    xs = [float(p.split(",")[0]) for p in turkey.replace("M", " ").replace("Z", " ").split()]
    assert 205 < min(xs) < max(xs) < 226  # Türkiye lies between 26°E and 45°E
    assert event_map([{"name": "somewhere"}]) is None


def test_coverage_rows_per_outlet_on_one_time_axis():
    chart = coverage_chart(
        [
            {"outlet": "Daily Sabah", "published": "2025-08-19"},
            {"outlet": "Daily Sabah", "published": "2025-08-21T10:00:00+00:00"},
            {"outlet": "Mint", "published": None},
            {"outlet": "Mint", "published": "2025-08-20"},
        ]
    )
    rows = {r["outlet"]: r for r in chart["rows"]}
    assert [m["x"] for m in rows["Daily Sabah"]["marks"]] == [0, 600]
    assert rows["Mint"]["marks"][0]["x"] == 300 and rows["Mint"]["undated"] == 1
    assert (chart["first"], chart["last"]) == ("2025-08-19", "2025-08-21")
    assert coverage_chart([{"outlet": "x", "published": None}]) is None
