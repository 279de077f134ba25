"""An SVG world map of an event's places, drawn on the server from Natural Earth's 1:110m countries
(``data/countries-110m.json`` from the world-atlas package; licence beside it). Countries the event
names are shaded; places with coordinates get a dot. Equirectangular: x = longitude, y = -latitude."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

ATLAS = Path(__file__).parent / "data" / "countries-110m.json"
WIDTH, HEIGHT = 360, 170  # degrees of longitude, and latitude from 85°N to 85°S


def _arcs(topology: Mapping[str, Any]) -> list[list[tuple[float, float]]]:
    """Quantised, delta-encoded arcs back to longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(arcs: list[list[tuple[float, float]]], indexes: Iterable[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]  # a negative index walks the arc backwards
        points.extend(arc if not points else arc[1:])
    return points


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        # Points that round to the one before add bytes, not shape.
        coords = list(dict.fromkeys(f"{lon + 180:.1f},{85 - lat:.1f}" for lon, lat in ring))
        if len(coords) >= 3:
            parts.append("M" + " ".join(coords) + "Z")
    return "".join(parts)


@cache
def country_shapes() -> tuple[tuple[str, str, str], ...]:
    """(ISO alpha-2 code or "", name, SVG path) for every country, decoded once (the data never changes)."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        country = pycountry.countries.get(numeric=str(geometry.get("id", "")).zfill(3)) if geometry.get("id") else None
        name = geometry.get("properties", {}).get("name", "")
        shapes.append((country.alpha_2 if country else "", name, _path(rings)))
    return tuple(shapes)


def event_map(places: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    """What the template draws: every country (the event's marked), and a dot per place with coordinates."""
    places = list(places)
    codes = {p.get("country_code") for p in places if p.get("country_code")}
    dots = [
        {
            "x": round(float(p["longitude"]) + 180, 1),
            "y": round(85 - float(p["latitude"]), 1),
            "name": p.get("name", ""),
        }
        for p in places
        if p.get("latitude") is not None and p.get("longitude") is not None
    ]
    if not codes and not dots:
        return None
    countries = [{"code": code, "name": name, "d": d, "marked": code in codes} for code, name, d in country_shapes()]
    return {"width": WIDTH, "height": HEIGHT, "countries": countries, "dots": dots, "marked": sorted(codes)}
