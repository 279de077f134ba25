"""A throwaway local PostgreSQL server (Debian's binaries, a temp dir, a unix socket) for tests and benchmarks.

The machine and CI run as root and PostgreSQL refuses to run as root, so initdb and the server run as an
unprivileged user (``nobody`` unless told otherwise). The server is kept small: the machine is shared.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PACKAGED = Path("/usr/lib/postgresql")  # Debian and Ubuntu: /usr/lib/postgresql/<major>/bin
SMALL = ("-c", "shared_buffers=16MB", "-c", "fsync=off", "-c", "synchronous_commit=off",
         "-c", "full_page_writes=off", "-c", "max_connections=60", "-c", "listen_addresses=")  # fmt: skip


def find_bin_dir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are, or None when PostgreSQL's server binaries are not installed."""
    packaged = sorted(PACKAGED.glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    for candidate in (os.environ.get("NEWSFUSE_PG_BIN", ""), *map(str, reversed(packaged))):
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@dataclass
class LocalServer:
    """One running server; ``url(db)`` names a database on it, ``create(db)`` makes a fresh one."""

    root: Path
    bin_dir: Path
    user: str

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@/{database}?host={self.socket_dir}"

    def create(self, database: str) -> str:
        """A new, empty database (the store migrates it when first opened); its URL."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        return self.url(database)

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self._as_user(), str(self.bin_dir / tool), *args], check=True, capture_output=True)

    def _as_user(self) -> list[str]:
        return ["runuser", "-u", self.user, "--"] if os.geteuid() == 0 else []

    def stop(self) -> None:
        subprocess.run(
            [*self._as_user(), str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(user: str | None = None) -> LocalServer:
    """initdb into a fresh temp dir and start a server listening only on a unix socket there."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    if user is None:
        user = "nobody" if os.geteuid() == 0 else os.environ.get("USER") or "postgres"
    root = Path(tempfile.mkdtemp(prefix="newsfuse-pg-"))
    root.chmod(0o755)
    server = LocalServer(root, bin_dir, user)
    (root / "sock").mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, user=user)
        shutil.chown(root / "sock", user=user)
    server._run("initdb", "-D", str(root / "data"), "-U", user, "-A", "trust", "-E", "UTF8", "--no-sync")
    options = " ".join([*SMALL, "-k", str(root / "sock")])
    server._run("pg_ctl", "-D", str(root / "data"), "-o", options, "-l", str(root / "log"), "-w", "start")
    for _ in range(50):  # -w waits for the socket; a loaded machine may still need a moment
        if any((root / "sock").glob(".s.PGSQL.*")):
            break
        time.sleep(0.1)
    return server
