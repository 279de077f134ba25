"""Alerts: a watch for "Baykar" fires once when the seed event appears, over Atom and a loopback webhook."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from starlette.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.settings import Settings
from newsfuse.store import open_store
from newsfuse.watch.webhook import alert_hooks, deliver_due

ATOM = "{http://www.w3.org/2005/Atom}"


class Hook:
    """A loopback webhook receiver; answers 500 to the first ``fail_first`` posts."""

    def __init__(self, fail_first: int = 0) -> None:
        self.bodies: list[dict] = []
        self.answers: list[int] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = 500 if len(hook.answers) < fail_first else 200
                hook.answers.append(status)
                if status == 200:
                    hook.bodies.append(json.loads(body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_baykar_watch_fires_once_over_atom_and_a_retried_webhook(feed, watcher_for, tmp_path):
    hook = Hook(fail_first=1)
    lines: list[str] = []
    try:
        with open_store(tmp_path / "alerts.db") as store:
            watch = store.add_alert_watch("drones", words="Baykar", webhook=hook.url)
            store.add_alert_watch("three sources", words="Baykar", min_sources=3)
            store.add_alert_watch("unrelated", words="earthquake")
            settings = Settings(db=store.db.path, allow_private=True)
            watcher = watcher_for(store, [feed.url], lines, **alert_hooks(store, settings, lines.append))
            watcher.prepare()
            watcher.run(once=True)

            (event_id,) = store.event_ids()
            fired = store.list_alerts()
            record = store.get_event_record(event_id)
            by_watch = {a.watch_id: a for a in fired}
            assert by_watch[watch.id].event_id == event_id and by_watch[watch.id].reason == "match"
            assert len([a for a in fired if a.watch_id == watch.id]) == 1
            assert record.independent_sources < 3 or len(fired) == 2  # the min-sources watch waits for its third
            assert hook.answers == [500] and not hook.bodies, "the first delivery failed ..."

            time.sleep(2.2)  # ... and is retried after its backoff
            deliver_due(store, settings)
            assert hook.answers == [500, 200]
            (body,) = hook.bodies
            assert body["event_id"] == event_id and body["watch"]["name"] == "drones" and body["reason"] == "match"

            watcher.run(once=True)  # the feed again (304): nothing fires twice, nothing is re-sent
            deliver_due(store, settings)
            assert len(store.list_alerts()) == len(fired) and len(hook.bodies) == 1

            client = TestClient(create_app(store, settings))
            atom = client.get("/api/alerts.atom")
            assert atom.status_code == 200 and atom.headers["content-type"].startswith("application/atom+xml")
            entries = ET.fromstring(atom.content).findall(f"{ATOM}entry")
            drones = [e for e in entries if "drones" in e.findtext(f"{ATOM}summary")]
            assert len(drones) == 1 and drones[0].find(f"{ATOM}link").get("href").endswith(f"/events/{event_id}")
    finally:
        hook.close()


def test_a_loopback_webhook_is_refused_without_allow_private(tmp_path):
    hook = Hook()
    try:
        with open_store(tmp_path / "refuse.db") as store:
            watch = store.add_alert_watch("any", words="Baykar", webhook=hook.url)
            from newsfuse.store.alerts import Alert

            alert = Alert(
                "al_1",
                watch.id,
                "e_1",
                "match",
                "",
                "Baykar",
                1,
                "2025-01-01T00:00:00+00:00",
                hook.url,
                next_attempt_at="2025-01-01T00:00:00+00:00",
            )
            store.record_alert_state(watch.id, "e_1", 1, 0, [alert])
            ((_, outcome),) = deliver_due(store, Settings(allow_private=False))
            assert "non-public address 127.0.0.1" in outcome and not hook.answers
            assert store.alerts_due("9999") == [], "a refused destination is not retried"
    finally:
        hook.close()
