"""Coverage view: what each independent source reports that the others do not."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsfuse.records.claims import Claim, EventRecord


def unique_claims(claims: Sequence[Claim], origins: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Article id -> ids of the claims only its independent source states.

    A claim one origin group alone states belongs to the article of that group that states it: a
    rewrite counts once with its origin for support, but what only the rewrite says is the rewrite's.
    """
    out: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        groups = {origins.get(e.article_id, e.article_id) for e in claim.evidence}
        if len(groups) == 1:
            stating = {e.article_id for e in claim.evidence}
            out[stating.pop() if len(stating) == 1 else groups.pop()].append(claim.id)
    return {origin: tuple(ids) for origin, ids in out.items()}


def coverage_table(record: EventRecord) -> list[dict]:
    """One row per source: outlet, its origin group, and the statements only it carries."""
    rows = []
    for source in record.sources:
        statements = [record.claim(cid).statement for cid in source.unique_claims if record.claim(cid)]
        rows.append(
            {
                "article_id": source.article_id,
                "outlet": source.outlet,
                "origin_id": source.origin_id,
                "relation": source.relation,
                "unique_claims": list(source.unique_claims),
                "unique_statements": statements,
            }
        )
    return rows
