"""What changed between two versions of an event record, in counts an analyst reads at a glance."""

from __future__ import annotations

import json
from typing import Any


def _ids(record: dict[str, Any] | None, key: str, field: str) -> set[str]:
    return {item[field] for item in (record or {}).get(key, [])}


def record_changes(previous: dict[str, Any] | None, current: dict[str, Any]) -> dict[str, Any]:
    """Counts of reports and claims added or removed, and the fields that changed; ``{"created": True}`` first."""
    if previous is None:
        return {"created": True, "reports": len(current.get("sources", [])), "claims": len(current.get("claims", []))}
    out: dict[str, Any] = {}
    for key, field, name in (("sources", "article_id", "reports"), ("claims", "id", "claims")):
        before, after = _ids(previous, key, field), _ids(current, key, field)
        if after - before:
            out[f"{name}_added"] = sorted(after - before)
        if before - after:
            out[f"{name}_removed"] = sorted(before - after)
    before_claims = {c["id"]: _canonical(c) for c in previous.get("claims", [])}
    edited = [c["id"] for c in current.get("claims", []) if before_claims.get(c["id"], _canonical(c)) != _canonical(c)]
    if edited:
        out["claims_changed"] = edited
    changed = [
        k
        for k in ("headline", "time", "places", "independent_sources")
        if _canonical(previous.get(k)) != _canonical(current.get(k))
    ]
    if changed:
        out["fields"] = changed
    return out


def _canonical(value: Any) -> str:
    """A value as comparable text: lists compared as sets of items, since fusion may order them differently."""
    if isinstance(value, list):
        return json.dumps(sorted(json.dumps(v, sort_keys=True) for v in value))
    return json.dumps(value, sort_keys=True)


def describe(changes: dict[str, Any], reason: str = "") -> str:
    """``"2 reports added, 1 claim removed"``: one line for a version."""
    if changes.get("created"):
        return f"created from {_count(changes['reports'], 'report')}" if "reports" in changes else "created"
    parts = []
    for name, noun in (("reports", "report"), ("claims", "claim")):
        for verb in ("added", "removed", "changed"):
            if changes.get(f"{name}_{verb}"):
                parts.append(f"{_count(len(changes[f'{name}_{verb}']), noun)} {verb}")
    parts += [f"{field} changed" for field in changes.get("fields", []) if field != "independent_sources"]
    return ", ".join(parts) or "re-fused, no visible change"


def update_summary(versions: list, corrections: list) -> str:
    """The event page's line: ``"2 reports added, 1 claim corrected"`` since the record was first made."""
    added = sum(len(v.changes.get("reports_added", [])) for v in versions[1:])
    removed = sum(len(v.changes.get("reports_removed", [])) for v in versions[1:])
    claims = sum(1 for c in corrections if c.kind == "claim" and c.undone_by is None)
    other = sum(1 for c in corrections if c.kind in ("split", "merge", "move", "pin") and c.undone_by is None)
    parts = []
    if added:
        parts.append(f"{_count(added, 'report')} added")
    if removed:
        parts.append(f"{_count(removed, 'report')} removed")
    if claims:
        parts.append(f"{_count(claims, 'claim')} corrected")
    if other:
        parts.append(f"{_count(other, 'correction')} by analysts")
    return ", ".join(parts)


def diff_versions(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Field by field: the top-level record fields whose values differ, old and new side by side."""
    changed = {
        key: {"old": old.get(key), "new": new.get(key)}
        for key in sorted(set(old) | set(new))
        if key not in ("sources", "claims") and old.get(key) != new.get(key)
    }
    return {"summary": describe(record_changes(old, new)), **record_changes(old, new), "fields": changed}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
