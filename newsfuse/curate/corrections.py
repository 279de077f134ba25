"""Corrections an analyst makes: each is checked, written to the audit log, applied at once (memberships
replayed, affected records re-fused) and kept in force for later clustering; ``undo`` reverts one."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from typing import Any

from newsfuse.curate import constraints
from newsfuse.curate.overlay import statement_anchor
from newsfuse.errors import InputError, NotFoundError
from newsfuse.records.corrections import Correction
from newsfuse.settings import Settings
from newsfuse.store.corrections import change_reason

MEMBERSHIP_KINDS = ("split", "merge", "move")


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Curator:
    """Makes corrections on one store as one user; fusion models are loaded on the first re-fusion."""

    def __init__(self, store, settings: Settings | None = None, user: str | None = None, models=None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self.user = user or default_user()
        self.models = models

    # -- lookups -----------------------------------------------------------------------------------------
    def event_id(self, given: str) -> str:
        """An event by id, merged-away id or unique id prefix, or the event an article (id or prefix) is in."""
        found = self.store.resolve_event_id(given)
        if found is None:
            record = self.store.get_event_record(given)  # a unique id prefix
            found = record.id if record is not None else None
        if found is None:
            article = self.store.get_article(given)
            found = self.store.event_of(article.id) if article is not None else None
        if found is None or not self.store.event_members(found):
            raise NotFoundError(f"no event {given!r} in {self.store.location}")
        return found

    def article_id(self, given: str) -> str:
        article = self.store.get_article(given)
        if article is None:
            raise NotFoundError(f"no article {given!r} in {self.store.location}")
        return article.id

    # -- corrections -------------------------------------------------------------------------------------
    def split(self, event: str, articles: Sequence[str], note: str = "") -> Correction:
        """The articles leave ``event`` into a new event of their own (cannot-link with those staying)."""
        event_id = self.event_id(event)
        members = self.store.event_members(event_id)
        leaving = sorted({self.article_id(a) for a in articles})
        if not leaving:
            raise InputError("split", "name at least one article to split out")
        strangers = [a for a in leaving if a not in members]
        if strangers:
            raise InputError("split", f"{', '.join(strangers)} not in event {event_id}")
        staying = [m for m in members if m not in leaving]
        if not staying:
            raise InputError("split", f"that would take every article out of {event_id}; nothing left to split from")
        op = {"op": "split", "articles": leaving, "rest": staying, "event": event_id}
        return self._record("split", event_id, {"op": op, "new_event": constraints.split_event_id(leaving)}, note)

    def merge(self, events: Sequence[str], note: str = "") -> Correction:
        """Every member of the events joins the first one (must-link)."""
        ids = list(dict.fromkeys(self.event_id(e) for e in events))
        if len(ids) < 2:
            raise InputError("merge", "name two different events or more")
        groups = [self.store.event_members(e) for e in ids]
        op = {"op": "merge", "groups": groups, "events": ids}
        return self._record("merge", ids[0], {"op": op}, note)

    def move(self, article: str, event: str, note: str = "") -> Correction:
        article_id, event_id = self.article_id(article), self.event_id(event)
        old = self.store.event_of(article_id)
        if old == event_id:
            raise InputError("move", f"{article_id} is already in {event_id}")
        anchors = [m for m in self.store.event_members(event_id) if m != article_id]
        old_anchors = [m for m in self.store.event_members(old) if m != article_id] if old else []
        op = {"op": "move", "article": article_id, "anchors": anchors, "event": event_id}
        payload = {"op": op, "from_event": old, "from_anchors": old_anchors}
        return self._record("move", article_id, payload, note)

    def pin(self, event: str, headline: str, note: str = "") -> Correction:
        headline = " ".join(headline.split())
        if not headline:
            raise InputError("pin", "the headline is empty")
        return self._record("pin", self.event_id(event), {"headline": headline}, note)

    def claim_id(self, given: str) -> str:
        """A claim id, or ``EVENT#N``: the N-th claim (from 1) of the event's record as listed."""
        event, mark, number = given.rpartition("#")
        if not mark:
            return given
        record = self.store.get_event_record(self.event_id(event))
        if record is None or not number.isdigit() or not 1 <= int(number) <= len(record.claims):
            raise NotFoundError(f"no claim {given!r}: the event has {len(record.claims) if record else 0} claims")
        return record.claims[int(number) - 1].id

    def claim(self, claim_id: str, verdict: str, note: str = "") -> Correction:
        if verdict not in ("reject", "confirm"):
            raise InputError("claim", f"verdict {verdict!r}: use reject or confirm")
        claim_id = self.claim_id(claim_id)
        event_id = self.store.event_with_claim(claim_id)
        if event_id is None:
            raise NotFoundError(f"no claim {claim_id!r} in any stored event record")
        record = self.store.get_event_record(event_id)
        claim = record.claim(claim_id) if record is not None else None
        # Re-fusion after a later report can give the claim a new id; the verdict follows its statement.
        anchor = statement_anchor(claim) if claim is not None else None
        payload = {"verdict": verdict, "event": event_id, "predicate": claim.predicate if claim else None}
        return self._record("claim", claim_id, {**payload, "anchor": anchor}, note)

    def outlet(self, host: str, name: str, note: str = "") -> Correction:
        host, name = host.strip().lower().removeprefix("www."), " ".join(name.split())
        if not host or not name:
            raise InputError("outlet", "give a host and a name")
        return self._record("outlet", host, {"name": name}, note)

    def undo(self, correction_id: str, note: str = "") -> Correction:
        target = self.store.get_correction(correction_id)
        if target is None:
            raise NotFoundError(f"no correction {correction_id!r} in {self.store.location}")
        if target.kind == "undo" or target.undone_by:
            raise InputError("undo", f"{correction_id} is {'an undo' if target.kind == 'undo' else 'already undone'}")
        return self._record("undo", correction_id, {"kind": target.kind, "inverse": inverse_op(target)}, note)

    # -- applying ----------------------------------------------------------------------------------------
    def _record(self, kind: str, target: str, payload: dict[str, Any], note: str) -> Correction:
        correction = self.store.add_correction(kind, target, payload, self.user, note)
        with change_reason(f"correction {correction.id} ({kind if kind != 'undo' else 'undo of ' + target})"):
            self._apply(correction)
        return correction

    def _apply(self, correction: Correction) -> None:
        from newsfuse import fuse

        inverse = correction.payload.get("inverse")
        affected = constraints.replay(self.store, [inverse]) if inverse else set()
        affected |= constraints.enforce(self.store)
        affected |= set(self._records_touched(correction))
        self.store.forget_fingerprints(sorted(affected))
        if self.models is None:
            from newsfuse.fuse.claims import FusionModels

            self.models = FusionModels.load()
        fuse.update(self.store, sorted(affected), self.settings, models=self.models)

    def _records_touched(self, correction: Correction) -> list[str]:
        """Events whose record changes without any membership moving (pins, verdicts, outlet names)."""
        kind, payload = correction.kind, correction.payload
        if kind == "undo":
            undone = self.store.get_correction(correction.target)
            return self._records_touched(undone) if undone is not None else []
        if kind == "pin":
            return [correction.target]
        if kind == "claim":
            found = self.store.resolve_event_id(payload["event"])
            return [found] if found else []
        if kind == "outlet":
            return self.store.events_with_host(correction.target)
        return []


def inverse_op(correction: Correction) -> dict[str, Any] | None:
    """The one-off membership operation that reverts a split, merge or move (None for the other kinds)."""
    payload = correction.payload
    if correction.kind == "split":
        op = payload["op"]
        return {"op": "merge", "groups": [op["rest"], op["articles"]]}
    if correction.kind == "merge":
        op = payload["op"]
        return {"op": "assign", "assign": {a: e for e, g in zip(op["events"], op["groups"], strict=True) for a in g}}
    if correction.kind == "move":
        op = payload["op"]
        if payload.get("from_anchors"):
            return {"op": "move", "article": op["article"], "anchors": payload["from_anchors"]}
        return {"op": "assign", "assign": {op["article"]: payload.get("from_event") or "e_" + op["article"][2:]}}
    return None
