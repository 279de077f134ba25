"""The analyst corrects the seed event from the CLI: split the wire report out, recluster, merge back, undo;
each change re-fuses the record, is listed by ``corrections`` and kept in ``history``."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from curate_fixtures import wire_report
from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.curate.overlay import statement_anchor
from newsfuse.store import open_store


@pytest.fixture(scope="module")
def app():
    os.environ["NEWSFUSE_USE_EMBEDDINGS"] = "0"
    return build_app()


def run(app, *args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def event_of(path, article_id: str) -> str:
    with open_store(path, readonly=True) as store:
        return store.event_of(article_id)


def sources_of(path, event_id: str) -> list[str]:
    with open_store(path, readonly=True) as store:
        return sorted(s.article_id for s in store.get_event_record(event_id).sources)


def test_split_recluster_merge_history(app, seed_store_path):
    db = str(seed_store_path)
    with open_store(seed_store_path, readonly=True) as store:
        wire = wire_report(store)
        (event,) = store.event_ids()
        members = store.event_members(event)
    assert len(members) == 3

    split = json.loads(
        run(app, "split", event, wire, "--note", "wire copy", "--user", "alice", "--db", db, "--format", "json")
    )
    new_event = event_of(seed_store_path, wire)
    assert new_event != event
    assert sources_of(seed_store_path, event) == sorted(m for m in members if m != wire)  # re-fused at once
    assert sources_of(seed_store_path, new_event) == [wire]

    run(app, "recluster", "--db", db, "--no-embeddings")
    assert event_of(seed_store_path, wire) == new_event  # the split holds
    assert wire not in sources_of(seed_store_path, event_of(seed_store_path, members[0]))

    merge = json.loads(
        run(app, "merge", event, new_event, "--note", "same visit", "--user", "bob", "--db", db, "--format", "json")
    )
    assert event_of(seed_store_path, wire) == event
    assert sources_of(seed_store_path, event) == sorted(members)

    log = json.loads(run(app, "corrections", "--db", db, "--format", "json"))
    assert [(c["id"], c["kind"], c["user"], c["note"]) for c in log] == [
        (split["id"], "split", "alice", "wire copy"),
        (merge["id"], "merge", "bob", "same visit"),
    ]
    history = json.loads(run(app, "history", event, "--db", db, "--format", "json"))
    reasons = [v["reason"] for v in history]
    assert any(split["id"] in r for r in reasons) and any(merge["id"] in r for r in reasons)
    assert history[-1]["changes"]["reports_added"] == [wire]

    run(app, "undo", merge["id"], "--db", db)
    assert event_of(seed_store_path, wire) == new_event  # undoing the merge brings the split back
    assert json.loads(run(app, "corrections", "--db", db, "--format", "json"))[1]["undone_by"] == "c_3"


def test_split_survives_a_fourth_report(app, seed_store_path, fourth_report):
    db = str(seed_store_path)
    with open_store(seed_store_path, readonly=True) as store:
        wire = wire_report(store)
        (event,) = store.event_ids()
    run(app, "split", event, wire, "--db", db)
    new_event = event_of(seed_store_path, wire)
    run(app, "ingest", str(fourth_report), "--db", db)
    with open_store(seed_store_path, readonly=True) as store:
        fourth = next(a.id for a in store.iter_articles() if a.origin.endswith("003_fourth_report.txt"))
        assert store.event_of(fourth) in {event, new_event}  # it joins the happening, founds nothing new
        assert store.event_of(wire) == new_event
        assert store.event_of(wire) not in {store.event_of(m) for m in store.article_ids() if m not in (wire, fourth)}
        shown = {s.article_id for r in store.iter_event_records() for s in r.sources}
    assert fourth in shown  # the new report is fused into a record


def test_pin_claim_outlet_hold_through_refusion(app, seed_store_path):
    db = str(seed_store_path)
    with open_store(seed_store_path, readonly=True) as store:
        (event,) = store.event_ids()
        record = store.get_event_record(event)
    claim = record.claims[0].id
    run(app, "pin", event, "--headline", "Japan's defence minister visits Türkiye", "--db", db)
    run(app, "claim", claim, "--reject", "--note", "misread", "--db", db)
    run(app, "recluster", "--db", db, "--no-embeddings")  # re-fuses every record
    with open_store(seed_store_path, readonly=True) as store:
        record = store.get_event_record(event)
    assert record.headline == "Japan's defence minister visits Türkiye"
    assert claim not in {c.id for c in record.claims}
    run(app, "undo", "c_2", "--db", db)
    with open_store(seed_store_path, readonly=True) as store:
        assert claim in {c.id for c in store.get_event_record(event).claims}
    summary = run(app, "history", event, "--db", db, "--format", "json")
    assert "c_2" in summary and "c_3" in summary


def test_version_and_audit_log_is_append_only(app, seed_store_path):
    assert run(app, "--version").startswith("newsfuse ")
    db = str(seed_store_path)
    with open_store(seed_store_path) as store:
        (event,) = store.event_ids()
    run(app, "pin", event, "--headline", "Pinned", "--db", db)
    with open_store(seed_store_path) as store, pytest.raises(Exception, match="append-only"):
        with store.db.transaction() as conn:
            conn.execute("DELETE FROM corrections")


def test_sources_read_as_sources(app, seed_store_path, tmp_path):
    """An untitled report gets its first sentence as title, marked; an unnamed outlet shows its host until the
    analyst names it."""
    from curate_fixtures import FOURTH_REPORT

    from newsfuse.curate.overlay import UNTITLED

    db = str(seed_store_path)
    with open_store(seed_store_path, readonly=True) as store:
        wire = wire_report(store)
        (event,) = store.event_ids()
        titles = {s.article_id: s.title for s in store.get_event_record(event).sources}
    assert titles[wire].startswith(UNTITLED) and "defence minister" in titles[wire]  # seed 002 has no title
    assert not any(t.startswith(UNTITLED) for a, t in titles.items() if a != wire)

    title, _, body = FOURTH_REPORT.partition("\n\n")
    line = {"id": "sabah-1", "url": "https://www.dailysabah.com/politics/nakatani", "title": title, "text": body,
            "published": "2025-08-21"}  # fmt: skip
    feed = tmp_path / "fourth.jsonl"
    feed.write_text(json.dumps(line) + "\n", encoding="utf-8")
    run(app, "ingest", str(feed), "--db", db)

    def outlets() -> set[str]:
        with open_store(seed_store_path, readonly=True) as store:
            return {s.outlet for r in store.iter_event_records() for s in r.sources}

    assert "dailysabah.com" in outlets()
    run(app, "outlet", "dailysabah.com", "--name", "Daily Sabah", "--db", db)
    assert "Daily Sabah" in outlets() and "dailysabah.com" not in outlets()


FEED_ITEM = """Turkish drone maker Baykar hosted Japanese Defence Minister Gen Nakatani at its Istanbul plant on Friday,
a day after he met his Turkish counterpart Yasar Guler in Ankara. Nakatani inspected the TB2 and Akinci drones.
Tokyo is weighing unmanned aircraft for coastal surveillance, a Japanese defence ministry spokesman said."""


def test_outlet_names_come_from_the_feed_title_and_og_site_name(app, seed_store_path, tmp_path):
    """Reports without an explicit source are credited to the feed's channel title or the page's og:site_name,
    not a bare host; the analyst's own name for the host still wins."""
    from html import escape

    from curate_fixtures import FOURTH_REPORT

    db = str(seed_store_path)
    title, _, body = FOURTH_REPORT.partition("\n\n")
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n") if p.strip())
    page = tmp_path / "nakatani.html"
    page.write_text(
        f"""<!doctype html><html><head><title>{escape(title)}</title>
<meta property="og:site_name" content="Sabah Online Desk">
<link rel="canonical" href="https://www.dailysabah.com/politics/nakatani">
<meta property="article:published_time" content="2025-08-21T10:00:00Z"></head>
<body><nav>Home | Politics</nav><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>""",
        encoding="utf-8",
    )
    feed = tmp_path / "hurriyet.xml"
    feed.write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Hurriyet Daily News - Defence</title>
<link>https://www.hurriyetdailynews.com/</link><description>defence news</description>
<item><title>Nakatani tours Baykar drone plant</title><link>https://www.hurriyetdailynews.com/nakatani-baykar</link>
<pubDate>Fri, 22 Aug 2025 08:00:00 GMT</pubDate><description>{escape(FEED_ITEM)}</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    run(app, "ingest", str(page), str(feed), "--db", db)
    with open_store(seed_store_path, readonly=True) as store:
        sources = {a.url: a.source for a in store.iter_articles()}
    assert sources["https://www.dailysabah.com/politics/nakatani"] == "Sabah Online Desk"
    assert sources["https://www.hurriyetdailynews.com/nakatani-baykar"] == "Hurriyet Daily News - Defence"

    def outlets() -> set[str]:
        with open_store(seed_store_path, readonly=True) as store:
            return {s.outlet for r in store.iter_event_records() for s in r.sources}

    assert {"Sabah Online Desk", "Hurriyet Daily News - Defence"} <= outlets()
    assert not {"dailysabah.com", "hurriyetdailynews.com"} & outlets()
    run(app, "outlet", "dailysabah.com", "--name", "Daily Sabah", "--db", db)
    assert "Daily Sabah" in outlets() and "Sabah Online Desk" not in outlets()


def _renamed_by_refusion(app, seed_store_path, fourth_report, tmp_path):
    """A claim of the seed event that the fourth report's re-fusion gives a new id (its statement kept)."""
    trial = tmp_path / "trial.db"
    shutil.copy(seed_store_path, trial)
    with open_store(trial, readonly=True) as store:
        (event,) = store.event_ids()
        before = store.get_event_record(event).claims
    run(app, "ingest", str(fourth_report), "--db", str(trial))
    with open_store(trial, readonly=True) as store:
        after = [c for r in store.iter_event_records() for c in r.claims]
    ids = {c.id for c in after}
    for claim in before:
        article, sentence = statement_anchor(claim)
        kept = [c for c in after if c.predicate == claim.predicate and _states(c, article, sentence)]
        if claim.id not in ids and kept:
            return claim
    raise AssertionError("the fourth report renames no claim of the seed event: the test needs another fixture")


def _states(claim, article: str, sentence: int) -> bool:
    return any((e.article_id, e.sentence_start) == (article, sentence) for e in claim.evidence)


def test_a_rejected_claim_stays_out_when_a_later_report_refuses_it(app, seed_store_path, fourth_report, tmp_path):
    """A fourth report re-fuses the event and gives the claim a new id; the verdict follows its statement."""
    db = str(seed_store_path)
    rejected = _renamed_by_refusion(app, seed_store_path, fourth_report, tmp_path)
    run(app, "claim", rejected.id, "--reject", "--db", db)
    run(app, "ingest", str(fourth_report), "--db", db)
    article, sentence = statement_anchor(rejected)
    with open_store(seed_store_path, readonly=True) as store:
        claims = [c for r in store.iter_event_records() for c in r.claims]
    assert [c for c in claims if c.predicate == rejected.predicate and _states(c, article, sentence)] == []
