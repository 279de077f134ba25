"""Configuration in one place: CLI options override ``NEWSFUSE_*`` variables override defaults.

Only this module reads the environment; stages receive a ``Settings`` (or the values they need).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path = Path("newsfuse.db")
    batch_size: int = 200  # articles per ingest transaction
    max_document_bytes: int = 10_000_000  # larger inputs are skipped, not truncated
    min_text_chars: int = 20  # shorter bodies are not news articles
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    fetch_max_redirects: int = 5
    fetch_retries: int = 2
    user_agent: str = "newsfuse/0.1 (+https://github.com/newsfuse/newsfuse)"
    allow_private: bool = False  # fetch from loopback/private/link-local addresses
    respect_robots: bool = True
    token: str | None = None  # bearer token for write endpoints of the REST API
    tokens_file: str | None = None  # named tokens with roles, one "name role token" a line (curate/users.py)
    user: str | None = None  # who the audit log names for corrections made here (default: the login name)
    gazetteers: tuple[Path, ...] = ()  # user-supplied CSV/YAML gazetteer files
    use_embeddings: bool = True  # sentence embeddings as a clustering signal
    english_embeddings: bool = False  # MiniLM for English reports too: off, it lost pair F1 on gva_dev and ECB+ (#19)
    # Statement similarity overruling misread slots when claims are fused across reports. Off by default: on
    # ECB+ 1-35 it gained 0.004 CoNLL F1 for 2.4x the fusion time (NEWSFUSE_FUSION_EMBEDDINGS=1 turns it on).
    fusion_embeddings: bool = False
    workers: int = 0  # extraction worker processes; 0: one per core this process may use
    cache_dir: Path = Path.home() / ".cache" / "newsfuse"  # models built on first use

    def extraction_workers(self) -> int:
        return self.workers if self.workers > 0 else usable_cores()

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given options set; ``None`` means "not given" and is ignored."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given)


def _coerce(value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    if isinstance(default, Path):
        return Path(value)
    if isinstance(default, tuple):
        return tuple(Path(p) for p in value.split(os.pathsep) if p)
    return value


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``NEWSFUSE_<FIELD>`` environment variables, then explicit overrides."""
    environ = os.environ if environ is None else environ
    base = Settings()
    if environ.get("XDG_CACHE_HOME"):
        base = replace(base, cache_dir=Path(environ["XDG_CACHE_HOME"]) / "newsfuse")
    from_env: dict[str, Any] = {}
    for f in fields(Settings):
        raw = environ.get(f"NEWSFUSE_{f.name.upper()}")
        if raw is not None:
            from_env[f.name] = _coerce(raw, getattr(base, f.name))
    return replace(base, **from_env).with_overrides(**overrides)


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity where the platform reports one, else all of them)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
