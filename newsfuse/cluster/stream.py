"""Streaming event assignment: each article joins its best-matching event or founds one.

Event ids are ``"e_"`` + a hash of the founding article's id, so they never change as events grow.
An article that fits two events well bridges them: the younger event is merged into the older and
its id kept as an alias. After a batch, a few re-assignment passes let early articles move to an
event founded later in the same batch, so the result depends less on arrival order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from newsfuse.cluster.features import ArticleFeatures
from newsfuse.cluster.index import EventIndex, WeightedArticle
from newsfuse.cluster.scoring import ClusterConfig, Signals, score_event
from newsfuse.cluster.split import person_similarity, share_participant, spectral_bisect
from newsfuse.records.relations import EventMerge


def event_id_for(founder_article_id: str) -> str:
    return "e_" + hashlib.sha256(founder_article_id.encode()).hexdigest()[:16]


@dataclass(slots=True)
class StreamResult:
    """What one batch changed: final scores of touched articles, merges, and affected events."""

    scores: dict[str, float] = field(default_factory=dict)
    merges: list[EventMerge] = field(default_factory=list)
    affected: set[str] = field(default_factory=set)


class StreamClusterer:
    """Assigns articles to events in an ``EventIndex``, one at a time."""

    def __init__(self, index: EventIndex, config: ClusterConfig, with_embeddings: bool) -> None:
        self.index = index
        self.config = config
        self.threshold = config.threshold(with_embeddings)
        self.created: dict[str, int] = {event_id: n for n, event_id in enumerate(index.events)}
        # Articles whose choice was close (to another event, or to the join threshold): only these are
        # re-assigned by ``refine``; a clear choice rarely changes and re-ranking it doubles the cost.
        self.undecided: set[str] = set()

    def ranked(self, article: WeightedArticle, extra: tuple[str, ...] = ()) -> list[tuple[Signals, str]]:
        """Candidate events scored against ``article``, best first."""
        candidates = dict.fromkeys([*extra, *self.index.candidates(article)])
        scored = [
            (score_event(self.config, article, self.index.events[e]), e) for e in candidates if e in self.index.events
        ]
        scored.sort(key=lambda pair: pair[0].combined, reverse=True)
        return scored

    def assign(self, features: ArticleFeatures, result: StreamResult) -> str:
        """Put one new article in an event; returns the event id."""
        self.index.observe(features)
        article = self.index.weigh(features)
        scored = self.ranked(article)
        self._note_margin(features.article_id, scored)
        if not scored or scored[0][0].combined < self.threshold:
            event_id = event_id_for(features.article_id)
            self.created.setdefault(event_id, len(self.created))
            self.index.add(event_id, article)
            result.scores[features.article_id] = 1.0
            result.affected.add(event_id)
            return event_id
        best_signals, event_id = scored[0]
        self.index.add(event_id, article)
        result.scores[features.article_id] = best_signals.combined
        result.affected.add(event_id)
        bridge = self.threshold + self.config.merge_margin
        for signals, other in scored[1:]:
            if signals.combined >= bridge and best_signals.combined >= bridge and other in self.index.events:
                event_id = self.merge(event_id, other, signals.combined, features.article_id, result)
        return event_id

    def _note_margin(self, article_id: str, scored: list[tuple[Signals, str]]) -> None:
        best = scored[0][0].combined if scored else 0.0
        second = scored[1][0].combined if len(scored) > 1 else 0.0
        # A founder is always undecided: an event founded later in the same update may suit it better.
        if best < self.threshold or min(best - second, best - self.threshold) < self.config.refine_margin:
            self.undecided.add(article_id)

    def merge(self, a: str, b: str, score: float, bridge_article: str, result: StreamResult) -> str:
        """Fold the younger of two events into the older; returns the surviving id."""
        keep, gone = (a, b) if self.created.get(a, 0) <= self.created.get(b, 0) else (b, a)
        state = self.index.drop_event(gone)
        for article in state.members.values():
            self.index.event_of.pop(article.article_id, None)
            self.index.add(keep, article)
            result.scores.setdefault(article.article_id, score)
        result.merges.append(EventMerge(gone, keep, round(score, 4), bridge_article))
        result.affected.discard(gone)
        result.affected.add(keep)
        return keep

    def refine(self, article_ids: list[str], result: StreamResult) -> int:
        """Re-weigh and re-assign the undecided among ``article_ids`` to their best event; returns how many moved."""
        article_ids = [article_id for article_id in article_ids if article_id in self.undecided]
        moved = 0
        for _ in range(self.config.refine_passes):
            moved_this_pass = 0
            for article_id in article_ids:
                current = self.index.event_of.get(article_id)
                if current is None:
                    continue
                old = self.index.remove(article_id)
                article = self.index.weigh(old.features)
                scored = self.ranked(article, extra=(current,))
                target = current
                if scored and scored[0][0].combined >= self.threshold:
                    target = scored[0][1]
                    result.scores[article_id] = scored[0][0].combined
                if target != current:
                    moved_this_pass += 1
                    result.affected.add(target)
                    if current not in self.index.events:  # it left an empty event behind
                        result.merges.append(EventMerge(current, target, round(scored[0][0].combined, 4), article_id))
                        result.affected.discard(current)
                self.index.add(target, article)
            moved += moved_this_pass
            if not moved_this_pass:
                break
        return moved

    def surname_idf(self, surname: str) -> float:
        return self.index.idf(self.index.name_df[surname])

    def split(self, event_ids: set[str], result: StreamResult) -> int:
        """Bisect each of ``event_ids`` (and the halves, in turn) while the halves separate well."""
        queue = sorted(event_ids)
        splits = 0
        while queue:
            event = self.index.events.get(queue.pop())
            if event is None or len(event.members) < self.config.split_min_members:
                continue
            cut = spectral_bisect(list(event.members.values()), self.config.embedding_weight)
            if not self.config.should_split(cut.normalized_cut, person_similarity(cut.a, cut.b, self.surname_idf)):
                continue
            if share_participant(cut.a, cut.b, self.config.time_grace_days):
                continue
            a, b = cut.a, cut.b
            founder_side = a if any(m.article_id == event.founder for m in a) else b
            moving = sorted(b if founder_side is a else a, key=lambda m: self.index.order[m.article_id])
            new_id = event_id_for(moving[0].article_id)
            if new_id in self.index.events:
                continue
            self.created.setdefault(new_id, len(self.created))
            for member in moving:
                self.index.remove(member.article_id)
                self.index.add(new_id, member)
                result.scores.setdefault(member.article_id, 1.0 if member is moving[0] else self.threshold)
            result.affected.update((event.event_id, new_id))
            queue += [event.event_id, new_id]
            splits += 1
        return splits
