"""Webhook delivery of fired alerts: POST JSON, retried with exponential backoff, public addresses only.

Deliveries are queued in the store (``alerts.next_attempt_at``), so a restart resumes them and no
thread is needed: the watcher calls ``deliver_due`` between rounds. Loopback and private targets
are refused unless ``allow_private`` is set, as for fetching.
"""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx

from newsfuse.ingest.fetch import is_public_address
from newsfuse.settings import Settings
from newsfuse.watch.alerts import alert_json, evaluate

MAX_ATTEMPTS = 8
FIRST_RETRY_S = 2.0
MAX_RETRY_S = 3600.0


def destination_refused(url: str, allow_private: bool) -> str | None:
    """Why a webhook URL may not be called (None: it may)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "only http:// and https:// webhooks can be called"
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot resolve host {parts.hostname}: {exc}"
    for info in infos:
        if not is_public_address(str(info[4][0])):
            return f"refused: {parts.hostname} resolves to non-public address {info[4][0]} (hint: --allow-private)"
    return None


def retry_delay(attempts: int) -> float:
    return min(FIRST_RETRY_S * 2**attempts, MAX_RETRY_S)


def deliver_due(store, settings: Settings, client: httpx.Client | None = None) -> list[tuple[str, str]]:
    """POST every alert whose delivery is due; returns (alert id, outcome) pairs."""
    now = datetime.now(UTC)
    due = store.alerts_due(now.isoformat(timespec="seconds"))
    if not due:
        return []
    watches = {w.id: w for w in store.alert_watches()}
    outcomes = []
    own = client is None
    client = client or httpx.Client(timeout=10.0, follow_redirects=False, headers={"User-Agent": settings.user_agent})
    try:
        for alert in due:
            refused = destination_refused(alert.webhook, settings.allow_private)
            if refused:  # permanent: retrying cannot help
                store.record_delivery(alert.id, delivered=False, error=refused, retry_at=None)
                outcomes.append((alert.id, refused))
                continue
            error = _post(client, alert.webhook, alert_json(alert, watches.get(alert.watch_id)))
            if error is None:
                store.record_delivery(alert.id, delivered=True)
                outcomes.append((alert.id, "delivered"))
                continue
            retry = None
            if alert.attempts + 1 < MAX_ATTEMPTS:
                retry = (now + timedelta(seconds=retry_delay(alert.attempts))).isoformat(timespec="seconds")
            store.record_delivery(alert.id, delivered=False, error=error, retry_at=retry)
            outcomes.append((alert.id, f"{error}; " + (f"retry at {retry}" if retry else "giving up")))
    finally:
        if own:
            client.close()
    return outcomes


def _post(client: httpx.Client, url: str, body: dict) -> str | None:
    try:
        response = client.post(url, content=json.dumps(body), headers={"Content-Type": "application/json"})
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"


def alert_hooks(store, settings: Settings, tell) -> dict:
    """A ``Watcher``'s ``after_batch`` (check the watches) and ``on_tick`` (deliver webhooks) callbacks."""

    def after_batch(report) -> None:
        for alert in evaluate(store, report.events_affected):
            tell(f"alert {alert.id} ({alert.reason}): {alert.headline} [{alert.independent_sources} sources]")

    def on_tick() -> None:
        for alert_id, outcome in deliver_due(store, settings):
            tell(f"webhook for {alert_id}: {outcome}")

    return {"after_batch": after_batch, "on_tick": on_tick}
