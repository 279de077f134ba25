"""The watcher: polls every source on its schedule and runs what is new through the whole pipeline.

Models load once and the extraction worker pool, the dedup index and the event index are kept
between batches, so a small batch costs the same early and late in a long run. Every write is a
transaction and every stage is idempotent, so a watcher killed at any point resumes by polling
again (stored content is passed over) and processing whatever was stored but not processed.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from newsfuse.ingest.fetch import Fetcher
from newsfuse.ingest.language import LanguageDetector
from newsfuse.ingest.pipeline import store_articles
from newsfuse.pipeline import PipelineModels, ProcessReport, process, unprocessed_article_ids
from newsfuse.settings import Settings
from newsfuse.store.sources import SourceState
from newsfuse.watch.poll import PollResult, poll
from newsfuse.watch.schedule import Schedule
from newsfuse.watch.snapshot import restore_indexes, snapshot_path, write_indexes
from newsfuse.watch.sources import WatchSource

Tell = Callable[[str], None]
ROBOTS_TTL_S = 86400.0
AfterBatch = Callable[[ProcessReport], None]
SNAPSHOT_EVERY_S = 300.0
SNAPSHOT_SHARE = 20  # seconds between snapshots per second one takes to write


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Watcher:
    """Follows ``sources`` into ``store`` until ``stop()`` (or after one round with ``once``)."""

    def __init__(
        self,
        store,
        sources: Sequence[WatchSource],
        settings: Settings,
        *,
        batch_size: int = 50,
        tell: Tell | None = None,
        after_batch: AfterBatch | None = None,
        on_tick: Callable[[], None] | None = None,
        models: PipelineModels | None = None,
        snapshot: Path | None = None,
        snapshot_every_s: float = SNAPSHOT_EVERY_S,
    ) -> None:
        self.store = store
        self.sources = {s.name: s for s in sources}
        self.settings = settings
        self.batch_size = batch_size
        self.tell = tell or (lambda line: None)
        self.after_batch = after_batch
        self.on_tick = on_tick  # between rounds: alert delivery
        self.models = models or PipelineModels(settings, keep_indexes=True)
        self.schedule = Schedule()
        self.stopping = False
        self.detector: LanguageDetector | None = None
        self._fetcher_born = 0.0
        # The kept indexes are snapshotted after a batch at most this often, and when the watcher stops.
        self.snapshot = snapshot or snapshot_path(settings)
        self.snapshot_every_s = snapshot_every_s
        self._snapshot_at = float("-inf")
        self._snapshot_took = 0.0

    def stop(self) -> None:
        """Ask the loop to end after the batch in flight (safe from a signal handler)."""
        self.stopping = True

    def prepare(self) -> None:
        """Load models, fork the extraction workers (before any thread starts), record the sources."""
        from newsfuse.extract.pipeline import start_workers

        start_workers(self.models.extraction())
        self.detector = LanguageDetector()
        self._restore_indexes()
        start = time.monotonic()
        for source in self.sources.values():
            state = self.store.get_source(source.name) or SourceState(source.name, source.kind, source.interval_s)
            self.store.save_source(replace(state, kind=source.kind, interval_s=source.interval_s))
            self.schedule.start(source.name, start)

    def run(self, *, once: bool = False) -> None:
        """Catch up on what an earlier run stored but did not process, then poll until stopped."""
        from newsfuse.extract.pipeline import stop_workers

        fetcher = Fetcher(self.settings)
        self._fetcher_born = time.monotonic()
        try:
            leftover = list(dict.fromkeys([*self.store.pending_ids(), *unprocessed_article_ids(self.store)]))
            if leftover:
                self.tell(f"resuming: {len(leftover)} stored articles not yet processed")
                self.process(leftover)
            while not self.stopping:
                # ``once`` polls every source now, whatever its schedule says (a cron run, a test).
                due = list(self.sources) if once else self.schedule.ready(time.monotonic())
                if not due:
                    self._tick()
                    self._sleep_until(self.schedule.next_due())
                    continue
                fetcher = self._fresh_fetcher(fetcher)
                fresh: list[str] = []
                for name in due:
                    if self.stopping:
                        break
                    fresh += self.poll_one(name, fetcher)
                self.process(fresh)
                self._tick()
                if once:
                    break
            self._snapshot_indexes(force=True)  # a clean stop: the next start loads what this run built
        finally:
            fetcher.close()
            stop_workers(self.models.extraction())

    def _fresh_fetcher(self, fetcher: Fetcher) -> Fetcher:
        """A new fetcher once a day: its robots.txt answers are cached for its lifetime."""
        if time.monotonic() - self._fetcher_born < ROBOTS_TTL_S:
            return fetcher
        fetcher.close()
        self._fetcher_born = time.monotonic()
        return Fetcher(self.settings)

    def poll_one(self, name: str, fetcher: Fetcher) -> list[str]:
        """Poll one source, store its items and its checkpoint; returns the ids to process."""
        source = self.sources[name]
        state = self.store.get_source(name) or SourceState(name, source.kind, source.interval_s)
        result = poll(state, self.settings, fetcher, self.detector or LanguageDetector(), _now())
        report = store_articles(
            result.articles, self.store, self.settings.batch_size, run_id=uuid.uuid4().hex, revisions=True
        )
        self.store.mark_pending([*report.new, *report.revised])
        state = _checkpoint(state, result, len(result.articles), len(report.new), len(report.revised))
        self.store.save_source(state)
        due = self.schedule.done(name, time.monotonic(), source.interval_s, state.failures)
        self.tell(_status_line(state, result, len(report.new), len(report.revised), due - time.monotonic()))
        for skipped in result.skipped:
            self.tell(f"skipped: {skipped.describe()}")
        return [*report.new, *report.revised]

    def process(self, article_ids: Sequence[str]) -> list[ProcessReport]:
        """The whole pipeline over ``article_ids``, ``batch_size`` at a time, with the kept models."""
        reports = []
        ids = list(dict.fromkeys(article_ids))
        for start in range(0, len(ids), self.batch_size):
            chunk = ids[start : start + self.batch_size]
            began = time.perf_counter()
            report = process(self.store, chunk, self.settings, self.models)
            took = time.perf_counter() - began
            self.store.clear_pending(chunk)
            self.tell(
                f"processed {len(chunk)} articles: {len(report.events_affected)} events,"
                f" {report.records} records in {took:.1f}s"
            )
            for skipped in report.skipped:
                self.tell(f"skipped: {skipped.describe()}")
            if self.after_batch is not None:
                self.after_batch(report)
            reports.append(report)
            self._snapshot_indexes()
        return reports

    def _restore_indexes(self) -> None:
        """Load the last snapshot of the kept indexes, so they are not rebuilt from every stored article."""
        if not self.models.keep_indexes:
            return
        restored = restore_indexes(self.models, self.store, self.snapshot)
        if restored.used:
            self.tell(
                f"indexes: snapshot loaded in {restored.seconds:.1f}s ({restored.added_events} articles added,"
                f" {restored.moved} moved, {restored.added_dedup} dedup states added)"
            )
        elif restored.reason != "no snapshot":
            self.tell(f"indexes: snapshot not used ({restored.reason}); rebuilding from the store")

    def _snapshot_indexes(self, *, force: bool = False) -> None:
        if not self.models.keep_indexes:
            return
        # Writing grows with the store (about 0.5 ms an article): at most a twentieth of the watcher's time.
        wait = max(self.snapshot_every_s, SNAPSHOT_SHARE * self._snapshot_took)
        if not force and time.monotonic() - self._snapshot_at < wait:
            return
        took = write_indexes(self.models, self.snapshot)
        if took is not None:
            self._snapshot_at, self._snapshot_took = time.monotonic(), took
            self.tell(f"indexes: snapshot written in {took:.1f}s")

    def _tick(self) -> None:
        if self.on_tick is not None:
            self.on_tick()

    def _sleep_until(self, due: float | None) -> None:
        # Short naps, so a stop request (a signal handler setting ``stopping``) is seen within 0.2 s.
        while not self.stopping and (due is None or time.monotonic() < due):
            time.sleep(0.2 if due is None else max(0.0, min(0.2, due - time.monotonic())))


def _checkpoint(state: SourceState, result: PollResult, seen: int, new: int, revised: int) -> SourceState:
    now = _now()
    failed = result.status == "error"
    return replace(
        state,
        last_fetch=now,
        last_success=state.last_success if failed else now,
        status=result.status,
        detail=result.detail or (f"{seen} items, {new} new, {revised} revised" if result.status == "ok" else ""),
        etag=result.etag if not failed else state.etag,
        last_modified=result.last_modified if not failed else state.last_modified,
        fingerprint=result.fingerprint if not failed else state.fingerprint,
        failures=state.failures + 1 if failed else 0,
        fetches=state.fetches + 1,
        items_seen=state.items_seen + seen,
        items_new=state.items_new + new,
        items_revised=state.items_revised + revised,
    )


def _status_line(state: SourceState, result: PollResult, new: int, revised: int, wait: float) -> str:
    if result.status == "error":
        return f"{state.name}: error ({state.failures} in a row): {result.detail}; next try in {wait:.0f}s"
    if result.status == "ok":
        return f"{state.name}: {len(result.articles)} items, {new} new, {revised} revised; next poll in {wait:.0f}s"
    return f"{state.name}: {result.status}; next poll in {wait:.0f}s"
