"""Browser test support: the app under uvicorn on 127.0.0.1 in a thread, Chromium settings, screenshots, and a
store filled by the real ingest and pipeline, served."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every browser test module sets ``pytestmark = BROWSER_MARKS`` (plus ``slow`` when it runs the pipeline).
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"),
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "web"


def shot(page, name: str) -> None:
    """A full-page screenshot under ``test-output/web/``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


class LiveServer:
    """Run an ASGI app with uvicorn on 127.0.0.1 and a free port, in a thread of the test process."""

    def __init__(self, app) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="off", server_header=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("uvicorn did not start within 15 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self._socket.close()


@contextmanager
def served_pipeline(inputs: list[str], db: Path) -> Iterator[LiveServer]:
    """Ingest ``inputs`` into a fresh store at ``db``, run the real pipeline over them and serve the app."""
    from newsfuse.api import create_app
    from newsfuse.ingest import ingest
    from newsfuse.pipeline import PipelineModels, process
    from newsfuse.settings import Settings
    from newsfuse.store import open_store

    settings = Settings(db=db)
    with open_store(settings.db) as store:
        report = ingest(inputs, store, settings)
        process(store, list(report.new), settings, PipelineModels(settings))
        with LiveServer(create_app(store, settings)) as server:
            yield server
