"""Helper processes that end with the process that started them, even when it is killed outright."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(signal_number: int = signal.SIGKILL) -> None:
    """Call first thing in a forked child: send it ``signal_number`` when its parent dies (Linux; elsewhere
    a no-op). SIGTERM lets a child that handles it (the watcher) stop cleanly.

    A pool worker blocks reading its task queue, and a parent killed with SIGKILL runs no cleanup,
    so without this its workers would wait (holding the models' memory) forever.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal_number, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
