"""Independent sources: duplicates and derived texts count once, together with the article they come from.

Links are ``(article_id, origin_article_id, kind)`` with kind ``duplicate_of`` or ``derived_from``
(dedup's relation records are accepted as they are: see ``as_link``). Articles joined by links,
directly or through a chain, form one origin group, named by its earliest-published member.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from newsfuse.records import Article
from newsfuse.records.claims import MODALITIES, Evidence, Support

LINK_KINDS = {"duplicate_of", "derived_from"}
Link = tuple[str, str, str]


def as_link(value: object) -> Link | None:
    """A link from a tuple or from a relation record with source/target/kind attributes; None for other kinds."""
    if isinstance(value, tuple) and len(value) == 3:
        source, target, kind = value
    else:
        source = _first_attr(value, ("article_id", "source_id", "source", "from_id", "a"))
        target = _first_attr(value, ("target_id", "origin_id", "other_id", "target", "to_id", "b"))
        kind = _first_attr(value, ("relation", "kind", "type"))  # DuplicateLink.kind is exact/near
    kind = getattr(kind, "value", kind)
    if kind not in LINK_KINDS or not source or not target:
        return None
    return str(source), str(target), str(kind)


def _first_attr(value: object, names: Sequence[str]) -> object | None:
    for name in names:
        found = value.get(name) if isinstance(value, Mapping) else getattr(value, name, None)
        if found is not None:
            return found
    return None


def origin_groups(articles: Sequence[Article], links: Iterable[object]) -> dict[str, str]:
    """Article id -> the id of its origin group's representative (earliest published, then first given)."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for raw in links:
        link = as_link(raw)
        if link is None or link[0] not in parent or link[1] not in parent:
            continue
        a, b = find(link[0]), find(link[1])
        if a != b:
            parent[a] = b
    order = {a.id: (a.published is None, a.published or "", i) for i, a in enumerate(articles)}
    members: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        members[find(article.id)].append(article.id)
    origin = {}
    for group in members.values():
        first = min(group, key=order.__getitem__)
        for article_id in group:
            origin[article_id] = first
    return origin


def relation_of(article_id: str, links: Iterable[object]) -> str | None:
    """``derived_from`` or ``duplicate_of`` when the article copies or rewrites another one."""
    for raw in links:
        link = as_link(raw)
        if link is not None and link[0] == article_id:
            return link[2]
    return None


# Statuses that tell the same happening as a fused status, so their sources count for it: a report that it is
# planned and one that it took place both tell the meeting; a denial, a negation ("no arrest has been made"), an
# allegation or a speculation is never corroboration of the fact (each still counts under its own status).
TELLS = {
    "happened": {"happened", "planned", "intended"},
    "planned": {"happened", "planned", "intended"},
    "intended": {"happened", "planned", "intended"},
}


def fused_status(evidence: Iterable[Evidence], origins: Mapping[str, str] | None = None) -> str:
    """The status of a claim stated by ``evidence``: happened when any source says so (a later report of the
    arrest overrules an earlier "no arrest has been made"), else the status most independent sources give."""
    origins = origins or {}
    by_status: dict[str, set[str]] = defaultdict(set)
    for e in evidence:
        by_status[e.modality].add(origins.get(e.article_id, e.article_id))
    if not by_status:
        return "happened"
    if by_status.get("happened"):
        return "happened"
    return max(by_status, key=lambda m: (len(by_status[m]), -MODALITIES.index(m) if m in MODALITIES else -99))


def support(evidence: Iterable[Evidence], origins: Mapping[str, str], status: str | None = None) -> Support:
    """Articles, outlets and independent sources behind a set of evidence, also per modality.

    ``independent_sources`` counts the origin groups stating the claim in its ``status`` (by default
    ``fused_status``) or in one that tells the same happening (``TELLS``); ``origins`` lists every group.
    """
    evidence = list(evidence)
    status = status or fused_status(evidence, origins)
    articles = tuple(dict.fromkeys(e.article_id for e in evidence))
    outlets = tuple(dict.fromkeys(e.source for e in evidence if e.source))
    groups = tuple(dict.fromkeys(origins.get(a, a) for a in articles))
    telling = TELLS.get(status, {status})
    counted = {origins.get(e.article_id, e.article_id) for e in evidence if e.modality in telling}
    by_modality = []
    for modality in MODALITIES:
        stated = {origins.get(e.article_id, e.article_id) for e in evidence if e.modality == modality}
        if stated:
            by_modality.append((modality, len(stated)))
    return Support(articles, outlets, len(counted) if evidence else 0, groups, tuple(by_modality))
