"""Exports of fused records: JSON/JSONL documents (event.schema.json), or events, claims and evidence as tables (CSV, Parquet)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from newsfuse.fuse.values import describe
from newsfuse.records.claims import Claim, EventRecord, Evidence

TABLES = ("events", "claims", "evidence")


def table_rows(records: Iterable[EventRecord]) -> dict[str, list[dict]]:
    """Three flat tables joined by ``event_id`` and ``claim_id``."""
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for record in records:
        tables["events"].append(_event_row(record))
        for claim in record.claims:
            tables["claims"].append(_claim_row(record, claim))
            tables["evidence"].extend(_evidence_row(record.id, claim.id, e) for e in claim.evidence)
    return tables


def _event_row(record: EventRecord) -> dict:
    return {
        "event_id": record.id,
        "headline": record.headline,
        "time_start": record.time.start,
        "time_end": record.time.end,
        "time_derived_from": record.time.derived_from,
        "places": "; ".join(p.name for p in record.places),
        "participants": "; ".join(p.name for p in record.participants if p.label in {"PERSON", "ORG"}),
        "independent_sources": record.independent_sources,
        "articles": len(record.sources),
        "claims": len(record.claims),
        "contradictions": len(record.contradictions),
        "first_seen": record.first_seen,
        "last_updated": record.last_updated,
    }


def _claim_row(record: EventRecord, claim: Claim) -> dict:
    support = claim.support
    return {
        "event_id": record.id,
        "claim_id": claim.id,
        "predicate": claim.predicate,
        "statement": claim.statement,
        "subjects": "; ".join(a.text for a in claim.subjects),
        "objects": "; ".join(a.text for a in claim.objects),
        "time": claim.time.value if claim.time else None,
        "place": claim.place.name if claim.place else None,
        "values": "; ".join(f"{v.kind}: {describe(v)}" for v in claim.values),
        "modality": claim.modality,
        "independent_sources": support.independent_sources if support else 1,
        "articles": len(support.articles) if support else 1,
        "outlets": "; ".join(support.outlets) if support else "",
    }


def _evidence_row(event_id: str, claim_id: str, evidence: Evidence) -> dict:
    return {
        "event_id": event_id,
        "claim_id": claim_id,
        "article_id": evidence.article_id,
        "source": evidence.source,
        "published": evidence.published,
        "sentence_start": evidence.sentence_start,
        "sentence_end": evidence.sentence_end,
        "start": evidence.start,
        "end": evidence.end,
        "modality": evidence.modality,
        "attribution": evidence.attribution,
        "attribution_kind": evidence.attribution_kind,
        "text": evidence.text,
    }


def write_json(records: Iterable[EventRecord], stream: TextIO, lines: bool) -> int:
    count = 0
    if lines:
        for record in records:
            stream.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            count += 1
        return count
    payload = [r.to_json() for r in records]
    stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return len(payload)


def write_tables(records: Iterable[EventRecord], directory: Path, file_format: str, bom: bool = False) -> list[Path]:
    """``events``, ``claims`` and ``evidence`` as CSV or Parquet files in ``directory``; ``bom`` starts each CSV
    file with a UTF-8 byte-order mark, so that Excel reads "Yaşar Güler" as UTF-8."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in table_rows(records).items():
        path = directory / f"{name}.{file_format}"
        if file_format == "csv":
            _write_csv(path, name, rows, bom)
        elif file_format == "parquet":
            _write_parquet(path, rows)
        else:
            raise ValueError(f"unknown table format {file_format!r} (csv or parquet)")
        written.append(path)
    return written


def _write_csv(path: Path, name: str, rows: list[dict], bom: bool) -> None:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else _EMPTY_COLUMNS[name])
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(path: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)


_EMPTY_COLUMNS = {
    "events": ["event_id", "headline", "time_start", "time_end", "independent_sources", "articles", "claims"],
    "claims": ["event_id", "claim_id", "predicate", "statement", "modality", "independent_sources"],
    "evidence": ["event_id", "claim_id", "article_id", "start", "end", "modality", "attribution", "text"],
}
