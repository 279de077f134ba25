"""Helpers shared by the watch tests: the watcher as a subprocess, waiting on the store, a later item."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from feedserver import Item

REPO = Path(__file__).resolve().parents[2]

FOLLOW_UP = Item(
    "follow-up-1",
    "Nakatani tours Baykar drone plant near Istanbul",
    "ISTANBUL - Japanese Defense Minister Gen Nakatani toured the Baykar drone factory on Wednesday, the company "
    "said, a day after talks in Ankara with Turkish Defense Minister Yasar Guler on defense industry cooperation.\n"
    "Baykar chairman Selcuk Bayraktar showed Nakatani the Bayraktar TB2 and Akinci production lines. Japan is "
    "weighing the purchase of Turkish-made unmanned aerial vehicles as it expands the role of drones in its "
    "Self-Defense Forces, officials said.\nNakatani is the first Japanese defense minister to make an official "
    "visit to Turkiye.",
    "2025-08-20",
)


class WatchProcess:
    """``newsfuse watch`` as a user runs it, in its own process; stderr kept in a file."""

    def __init__(self, args: list[str], log: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO), NEWSFUSE_WORKERS="1")
        self.log = log
        with log.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "newsfuse.cli.main", "watch", *args],
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )

    def stderr(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self, number: int = signal.SIGKILL, timeout: float = 60) -> int:
        self.proc.send_signal(number)
        return self.proc.wait(timeout=timeout)


def wait_for(check: Callable[[], object], what: str, process: WatchProcess, timeout: float = 120.0):
    """Poll ``check`` until it returns something true; fail with the watcher's stderr otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if process.proc.poll() is not None:
            pytest.fail(f"watch exited ({process.proc.returncode}) before {what}:\n{process.stderr()}")
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}:\n{process.stderr()}")
