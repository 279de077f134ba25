"""Helpers for the analyst's tests: a fourth report of the seed happening, and finding seed 002."""

from __future__ import annotations

from pathlib import Path

FOURTH_REPORT = """Japan and Türkiye agree to deepen defence ties during Nakatani visit

ANKARA, Aug 21 - Japanese Defence Minister Gen Nakatani and Turkish Defence Minister Yasar Guler agreed in Ankara
to expand defence industry cooperation, including talks on Turkish-made drones, officials said on Thursday.

Nakatani, the first Japanese defence minister to make an official trip to Turkey, also toured drone maker Baykar
in Istanbul, where he was shown unmanned aerial vehicles that Tokyo is considering for its armed forces.

Guler said the two NATO and U.S. allies would work on joint projects in the defence industry.
"""


def wire_report(store) -> str:
    """The id of seed 002 (the wire report), found by the file it was read from."""
    return next(a.id for a in store.iter_articles() if Path(a.origin).name.startswith("002_"))
