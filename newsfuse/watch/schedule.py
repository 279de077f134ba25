"""When each source is polled next: its interval, with jitter, and exponential backoff after errors."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

MAX_BACKOFF_S = 3600.0
JITTER = 0.1  # +-10%: sources with one interval do not all fire in the same second forever


@dataclass
class Schedule:
    """Due times per source, on a monotonic clock."""

    rng: random.Random = field(default_factory=random.Random)
    due: dict[str, float] = field(default_factory=dict)

    def start(self, name: str, now: float) -> None:
        self.due.setdefault(name, now)

    def delay(self, interval: float, failures: int) -> float:
        """Seconds until the next poll: the interval, doubled per consecutive failure (capped), jittered."""
        base = interval * (2 ** min(failures, 16)) if failures else interval
        base = min(base, max(MAX_BACKOFF_S, interval))
        return max(0.0, base * (1 + self.rng.uniform(-JITTER, JITTER)))

    def done(self, name: str, now: float, interval: float, failures: int) -> float:
        """Record a poll that finished at ``now``; returns its next due time."""
        self.due[name] = now + self.delay(interval, failures)
        return self.due[name]

    def ready(self, now: float) -> list[str]:
        """Sources due by ``now``, the most overdue first."""
        return sorted((n for n, t in self.due.items() if t <= now), key=self.due.__getitem__)

    def next_due(self) -> float | None:
        return min(self.due.values(), default=None)
