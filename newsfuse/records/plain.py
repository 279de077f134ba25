"""``dataclasses.asdict`` for the record types, without its per-value overhead: the same dicts, much faster.

Fusion turns each event record (thousands of nested claims, spans and values) into JSON on every
re-fusion, and extraction each article's mentions; ``asdict`` spent a large share of that time
checking every string and number. Field names are read once per class, and plain values (str,
int, float, bool, None) are passed through; anything else is handled exactly as ``asdict`` does.
"""

from __future__ import annotations

import dataclasses
from typing import Any

_FIELDS: dict[type, tuple[str, ...]] = {}
_ATOMS = frozenset({str, int, float, bool, type(None)})


def plain(record: Any) -> dict[str, Any]:
    """``dataclasses.asdict(record)``: a dataclass instance as nested dicts, tuples and lists."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    return {name: _value(getattr(record, name)) for name in names}


def _value(value: Any) -> Any:
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind in _FIELDS or dataclasses.is_dataclass(kind):
        return plain(value)
    if kind is tuple or kind is list:
        return kind(_value(v) for v in value)
    if kind is dict:
        return {_value(k): _value(v) for k, v in value.items()}
    return dataclasses._asdict_inner(value, dict)  # subclasses, named tuples, others: as asdict has them
