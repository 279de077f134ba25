"""Corrections as constraints on clustering: after every clustering the membership corrections in force are
replayed in the order they were made, so a split stays split (cannot-link) and a merge stays merged
(must-link) through later ingests and ``newsfuse recluster``.

Each operation names articles, never event ids alone (ids change when events are re-made), so it applies
to whatever events hold those articles now: a split moves its articles into the event named after them;
a merge moves every member of the events holding its articles into the one holding the first event's
articles; a move puts one article with the articles of the event it was moved to.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any


def split_event_id(article_ids: Iterable[str]) -> str:
    """The id of the event a split makes: the same for the same articles, whenever it is replayed."""
    key = "split:" + ",".join(sorted(article_ids))
    return "e_" + hashlib.sha256(key.encode()).hexdigest()[:16]


class Memberships:
    """article -> event for the events the operations touch, changed in memory and saved once."""

    def __init__(self, store, article_ids: Iterable[str]) -> None:
        self.store = store
        self.where = dict(store.events_of(sorted(set(article_ids))))
        self.where |= store.memberships(sorted(set(self.where.values())))
        self.before = dict(self.where)
        self.aliases: dict[str, str] = {}

    def event_holding(self, article_ids: Sequence[str]) -> str | None:
        """The event holding most of ``article_ids`` (ties: the first one's)."""
        counts = Counter(self.where[a] for a in article_ids if a in self.where)
        return max(counts, key=lambda e: (counts[e], -list(counts).index(e))) if counts else None

    def move(self, article_ids: Iterable[str], event_id: str) -> None:
        for article_id in article_ids:
            if article_id in self.where:
                self.where[article_id] = event_id
        self.aliases.pop(event_id, None)

    def absorb(self, events: Iterable[str], target: str) -> None:
        for event_id in set(events) - {target}:
            self.move([a for a, e in self.where.items() if e == event_id], target)
            self.aliases[event_id] = target

    def apply(self, op: dict[str, Any]) -> None:
        kind = op["op"]
        if kind == "split":
            self.move(op["articles"], split_event_id(op["articles"]))
        elif kind == "merge":
            groups = [g for g in op["groups"] if any(a in self.where for a in g)]
            target = self.event_holding(groups[0]) if groups else None
            if target is not None:
                self.absorb({self.where[a] for g in groups for a in g if a in self.where}, target)
        elif kind == "move":
            target = self.event_holding([a for a in op["anchors"] if a != op["article"]]) or op.get("event")
            if target:
                self.move([op["article"]], target)
        elif kind == "assign":  # undo of a merge: articles back to the ids they had
            for article_id, event_id in op["assign"].items():
                self.move([article_id], event_id)

    def save(self) -> set[str]:
        """Write what moved; returns every event that lost or gained members."""
        moves = {a: e for a, e in self.where.items() if self.before.get(a) != e}
        live = set(self.where.values())
        aliases = {alias: target for alias, target in self.aliases.items() if alias not in live}
        if not moves:
            return set()
        self.store.move_members(moves, aliases)
        return {self.before[a] for a in moves} | set(moves.values())


def articles_named(ops: Iterable[dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    for op in ops:
        out.update(op.get("articles", ()))
        out.update(a for g in op.get("groups", ()) for a in g)
        out.update(op.get("anchors", ()))
        out.update(op.get("assign", {}))
        if "article" in op:
            out.add(op["article"])
    return out


def replay(store, ops: Sequence[dict[str, Any]]) -> set[str]:
    """Apply ``ops`` in order to the stored memberships; returns the events changed."""
    if not ops:
        return set()
    memberships = Memberships(store, articles_named(ops))
    for op in ops:
        memberships.apply(op)
    return memberships.save()


def enforce(store) -> set[str]:
    """Replay every membership correction in force (the cluster stage calls this after each update)."""
    ops = [c.payload["op"] for c in store.active_corrections(("split", "merge", "move"))]
    return replay(store, ops)
