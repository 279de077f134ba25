"""Exports for spreadsheets and network tools, from the processed seed store."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.store import open_store


def run(*args: str) -> None:
    result = CliRunner().invoke(build_app(), list(args))
    assert result.exit_code == 0, result.output


def test_csv_with_and_without_bom(seed_store_path, tmp_path):
    run("export", "csv", "--db", str(seed_store_path), "--output", str(tmp_path / "bom"), "--bom")
    run("export", "csv", "--db", str(seed_store_path), "--output", str(tmp_path / "plain"))
    with_bom = (tmp_path / "bom" / "events.csv").read_bytes()
    plain = (tmp_path / "plain" / "events.csv").read_bytes()
    assert with_bom.startswith(b"\xef\xbb\xbf") and not plain.startswith(b"\xef\xbb\xbf")
    assert with_bom[3:] == plain
    with (tmp_path / "bom" / "events.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["event_id"] for r in rows] == _event_ids(seed_store_path)
    assert "Türkiye" in (tmp_path / "bom" / "evidence.csv").read_text(encoding="utf-8-sig")


def _event_ids(path) -> list[str]:
    with open_store(path, readonly=True) as store:
        return [r.id for r in store.iter_event_records()]


def test_graph_exports_events_entities_and_outlets(seed_store_path, tmp_path):
    (event,) = _event_ids(seed_store_path)
    run("export", "graph", "--db", str(seed_store_path), "--format", "graphml", "--output", str(tmp_path / "g.graphml"))
    run("export", "graph", "--db", str(seed_store_path), "--format", "gexf", "--output", str(tmp_path / "g.gexf"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graphml = ET.parse(tmp_path / "g.graphml").getroot()
    nodes = {n.get("id") for n in graphml.iterfind(".//g:node", ns)}
    assert event in nodes
    assert any(n.startswith("entity:") for n in nodes) and any(n.startswith("source:") for n in nodes)
    edges = [(e.get("source"), e.get("target")) for e in graphml.iterfind(".//g:edge", ns)]
    assert all(a in nodes and b in nodes for a, b in edges) and edges
    gexf = ET.parse(tmp_path / "g.gexf").getroot()
    gexf_nodes = {n.get("id") for n in gexf.iterfind(".//{http://gexf.net/1.3}node")}
    assert gexf_nodes == nodes
