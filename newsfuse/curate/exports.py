"""Exports for the analyst's tools: a graph of events, entities and outlets as GEXF or GraphML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from newsfuse.records.claims import EventRecord

GRAPH_FORMATS = ("gexf", "graphml")


def graph_of(records: Iterable[EventRecord]) -> tuple[dict[str, dict], list[tuple[str, str, str]]]:
    """Nodes (id -> label, kind) and edges (source, target, relation): events link to their participants
    (``involves``) and to the outlets that reported them (``reported_by``)."""
    nodes: dict[str, dict] = {}
    edges: list[tuple[str, str, str]] = []
    for record in records:
        nodes[record.id] = {"label": record.headline, "kind": "event", "detail": record.time.start or ""}
        for participant in record.participants:
            node = f"entity:{participant.entity_id}"
            nodes.setdefault(node, {"label": participant.name, "kind": "entity", "detail": participant.label})
            edges.append((record.id, node, "involves"))
        for outlet in dict.fromkeys(s.outlet or "unnamed outlet" for s in record.sources):
            node = f"source:{outlet}"
            nodes.setdefault(node, {"label": outlet, "kind": "source", "detail": ""})
            edges.append((record.id, node, "reported_by"))
    return nodes, list(dict.fromkeys(edges))


def write_graph(records: Iterable[EventRecord], path: Path, graph_format: str) -> tuple[int, int]:
    """Write the graph as GEXF 1.3 or GraphML; returns (nodes, edges)."""
    nodes, edges = graph_of(records)
    tree = _gexf(nodes, edges) if graph_format == "gexf" else _graphml(nodes, edges)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return len(nodes), len(edges)


def _gexf(nodes: dict[str, dict], edges: list[tuple[str, str, str]]) -> ET.ElementTree:
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    attributes = ET.SubElement(graph, "attributes", {"class": "node"})
    ET.SubElement(attributes, "attribute", {"id": "kind", "title": "kind", "type": "string"})
    ET.SubElement(attributes, "attribute", {"id": "detail", "title": "detail", "type": "string"})
    edge_attributes = ET.SubElement(graph, "attributes", {"class": "edge"})
    ET.SubElement(edge_attributes, "attribute", {"id": "relation", "title": "relation", "type": "string"})
    node_list = ET.SubElement(graph, "nodes")
    for node_id, node in nodes.items():
        element = ET.SubElement(node_list, "node", {"id": node_id, "label": node["label"]})
        values = ET.SubElement(element, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "kind", "value": node["kind"]})
        ET.SubElement(values, "attvalue", {"for": "detail", "value": node["detail"]})
    edge_list = ET.SubElement(graph, "edges")
    for number, (source, target, relation) in enumerate(edges):
        element = ET.SubElement(edge_list, "edge", {"id": str(number), "source": source, "target": target})
        ET.SubElement(ET.SubElement(element, "attvalues"), "attvalue", {"for": "relation", "value": relation})
    return ET.ElementTree(root)


def _graphml(nodes: dict[str, dict], edges: list[tuple[str, str, str]]) -> ET.ElementTree:
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    for key, target in (("label", "node"), ("kind", "node"), ("detail", "node"), ("relation", "edge")):
        ET.SubElement(root, "key", {"id": key, "for": target, "attr.name": key, "attr.type": "string"})
    graph = ET.SubElement(root, "graph", {"id": "newsfuse", "edgedefault": "undirected"})
    for node_id, node in nodes.items():
        element = ET.SubElement(graph, "node", {"id": node_id})
        for key in ("label", "kind", "detail"):
            ET.SubElement(element, "data", {"key": key}).text = node[key]
    for source, target, relation in edges:
        element = ET.SubElement(graph, "edge", {"source": source, "target": target})
        ET.SubElement(element, "data", {"key": "relation"}).text = relation
    return ET.ElementTree(root)
