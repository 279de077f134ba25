"""Storylines: a later event about the same named participants as an earlier one (arrest, hearing, plea,
funeral, anniversary) is linked to it as a related event, not merged into it and not lost.

Clustering keeps a follow-up weeks or months later apart when time and wording separate it; what ties
it to the original happening is its people: the victim or suspect named with an age or as charged,
identified, arrested (``dedup/specifics.py``, kind ``person``). Two events are in one storyline when they
share such a person whose surname is rare in the store (a common surname alone proves nothing), and
they are not already one event. The earlier event (by first publication day) is the storyline's start.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse.cluster.index import EventIndex, EventState

RARE_SURNAME_SHARE = 0.01  # a surname in more than this share of articles (and more than 3) is too common


def _first_day(event: EventState) -> tuple[int, str]:
    return (min(event.days) if event.days else 1 << 30, event.event_id)


def storyline_links(index: EventIndex, event_ids: Iterable[str]) -> list[tuple[str, str, float, list[str]]]:
    """``(earlier event, later event, score, shared surnames)`` for each of ``event_ids`` and the other events
    naming one of its rare participants."""
    limit = max(3, index.documents * RARE_SURNAME_SHARE)
    by_person: dict[str, list[str]] = {}
    for event in index.events.values():
        for surname in event.specifics.get("person", ()):
            by_person.setdefault(surname, []).append(event.event_id)
    links: dict[tuple[str, str], list[str]] = {}
    for event_id in sorted(set(event_ids)):
        event = index.events.get(event_id)
        if event is None:
            continue
        for surname in event.specifics.get("person", ()):
            if index.name_df.get(surname, 0) > limit:
                continue
            for other_id in by_person.get(surname, ()):
                if other_id == event_id:
                    continue
                pair = sorted((event, index.events[other_id]), key=_first_day)
                links.setdefault((pair[0].event_id, pair[1].event_id), []).append(surname)
    return [(a, b, float(len(set(names))), sorted(set(names))) for (a, b), names in sorted(links.items())]
