"""``/api/alerts``, ``/api/alerts.atom`` and the live ``/api/stream`` the web feed listens to."""

from __future__ import annotations

import threading
import time
import xml.etree.ElementTree as ET

import httpx
import uvicorn

from newsfuse.api import create_app
from newsfuse.settings import Settings
from newsfuse.store import open_store
from newsfuse.store.alerts import Alert

ATOM = "{http://www.w3.org/2005/Atom}"


def fire(store, watch, event_id: str, headline: str) -> None:
    now = "2026-01-02T03:04:05+00:00"
    store.record_alert_state(
        watch.id, event_id, 2, 0, [Alert(f"al_{event_id}", watch.id, event_id, "match", "", headline, 2, now)]
    )


def test_alerts_as_atom_and_json_and_an_update_event_when_one_fires(tmp_path):
    with open_store(tmp_path / "api.db") as store:
        watch = store.add_alert_watch("drones", words="Baykar")
        fire(store, watch, "e_first", "Japan eyes Baykar drones <& more>")
        app = create_app(store, Settings(db=tmp_path / "api.db"))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
        try:
            atom = httpx.get(f"{base}/api/alerts.atom")
            (entry,) = ET.fromstring(atom.content).findall(f"{ATOM}entry")
            assert entry.findtext(f"{ATOM}title") == "[match] Japan eyes Baykar drones <& more>"
            assert httpx.get(f"{base}/api/alerts").json()["alerts"][0]["event_id"] == "e_first"

            events = []
            with httpx.stream("GET", f"{base}/api/stream", timeout=10) as stream:
                assert stream.headers["content-type"].startswith("text/event-stream")
                lines = stream.iter_lines()
                assert "event: hello" in [next(lines), next(lines)]
                fire(store, watch, "e_second", "Second")  # as a watcher in another process would
                for line in lines:
                    if line.startswith("event:"):
                        events.append(line)
                        break
            assert events == ["event: update"]
            assert len(httpx.get(f"{base}/api/alerts").json()["alerts"]) == 2
        finally:
            server.should_exit = True
            thread.join(timeout=10)
