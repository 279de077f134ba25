"""pipeline.py: one record a stage raises on is found, recorded with a fingerprint and skipped; the rest go on.

The stage here is spaCy's own tokenizer over stored texts (a real component that refuses texts over
``nlp.max_length``, the E088 that used to stop extraction), so the failure is a real one.
"""

from __future__ import annotations

import spacy

from newsfuse.pipeline import _isolated, code_version, pending_articles
from newsfuse.records import Article, content_id
from newsfuse.store import open_store
from newsfuse.store.problems import SKIPPED, Problem


def articles(count: int, poisoned: int) -> list[Article]:
    out = []
    for i in range(count):
        text = "x " * 600_000 if i == poisoned else f"Report number {i} about the harbour storm on Monday."
        out.append(Article(id=content_id(f"t{i}", text), text=text, title=f"t{i}", ingested_at="2025-01-01"))
    return out


def test_a_failing_record_is_found_recorded_and_skipped(tmp_path):
    nlp = spacy.blank("en")
    with open_store(tmp_path / "s.db") as store:
        stored = articles(9, poisoned=6)
        store.add_articles(stored)
        ids = [a.id for a in stored]

        def tokenize(chunk: list[str]) -> list[int]:
            return [len(nlp(a.text)) for a in store.get_articles(chunk)]

        found: list[Problem] = []
        counts = _isolated(store, "dedup", ids, tokenize, found)
        assert len(counts) == 8  # every other article went through
        (problem,) = found
        assert (problem.stage, problem.item_id, problem.kind) == ("dedup", ids[6], SKIPPED)
        assert "E088" in problem.reason
        assert problem.fingerprint == f"{code_version('dedup')}:{ids[6]}"
        # the same code and input: not retried; a changed fingerprint (new code): retried
        assert _isolated(store, "dedup", ids, tokenize, []) == counts
        store.record_problems([Problem("dedup", ids[6], SKIPPED, "old", "older-code:" + ids[6])])
        again: list[Problem] = []
        _isolated(store, "dedup", [ids[6]], tokenize, again)
        assert [p.item_id for p in again] == [ids[6]]


def test_pending_articles_leaves_out_what_the_current_code_gave_up_on(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        stored = articles(3, poisoned=-1)
        store.add_articles(stored)
        ids = [a.id for a in stored]
        assert pending_articles(store) == ids  # nothing clustered or extracted yet
        for stage in ("cluster", "extract"):
            store.record_problems([Problem(stage, ids[0], SKIPPED, "boom", f"{code_version(stage)}:{ids[0]}")])
        assert pending_articles(store) == ids[1:]
        store.record_problems([Problem("extract", ids[0], SKIPPED, "boom", "older-code:" + ids[0])])
        assert pending_articles(store) == ids
