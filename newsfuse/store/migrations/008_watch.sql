-- Continuous monitoring: watched sources and their fetch checkpoints, article versions (revisions of
-- one URL or GUID), saved alert watches and the alerts they fired (recorded once, delivered later).
CREATE TABLE watch_sources (
    name TEXT PRIMARY KEY,          -- the URL or path as given
    kind TEXT NOT NULL,             -- url | path
    interval_s REAL NOT NULL,
    last_fetch TEXT,                -- ISO 8601 UTC of the last attempt
    last_success TEXT,
    status TEXT NOT NULL DEFAULT 'new',  -- ok | not-modified | error | new
    detail TEXT NOT NULL DEFAULT '',     -- the last error, or what the last fetch brought
    etag TEXT,
    last_modified TEXT,
    fingerprint TEXT,               -- hash of the last body (or of a path's file sizes and times)
    failures INTEGER NOT NULL DEFAULT 0, -- consecutive errors: the backoff exponent
    fetches INTEGER NOT NULL DEFAULT 0,
    items_seen INTEGER NOT NULL DEFAULT 0,
    items_new INTEGER NOT NULL DEFAULT 0,
    items_revised INTEGER NOT NULL DEFAULT 0
);

-- Articles the watcher stored (or revised) and has not yet seen through the whole pipeline: a watcher
-- killed mid-batch finishes them on restart, fusion included.
CREATE TABLE watch_pending (
    article_id TEXT PRIMARY KEY REFERENCES articles(id)
);

CREATE TABLE article_versions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    version INTEGER NOT NULL,       -- 1 is the text first stored
    content_id TEXT NOT NULL,       -- the content hash this version would have had as an article id
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
);
CREATE UNIQUE INDEX article_versions_content ON article_versions(content_id);
CREATE INDEX articles_url ON articles(url);

CREATE TABLE alert_watches (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    words TEXT NOT NULL DEFAULT '',     -- every word must appear in the event record
    entity TEXT NOT NULL DEFAULT '',    -- a participant's name (folded match)
    place TEXT NOT NULL DEFAULT '',     -- a place's name or country code
    min_sources INTEGER NOT NULL DEFAULT 1,
    webhook TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- What each watch last saw of each matching event: a threshold crossing or a new contradiction is
-- judged against it.
CREATE TABLE alert_seen (
    watch_id TEXT NOT NULL REFERENCES alert_watches(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    sources INTEGER NOT NULL,
    contradictions INTEGER NOT NULL,
    PRIMARY KEY (watch_id, event_id)
);

CREATE TABLE alerts (
    id TEXT PRIMARY KEY,                -- hash of watch, event, reason and detail: fired once
    watch_id TEXT NOT NULL REFERENCES alert_watches(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    reason TEXT NOT NULL,               -- match | threshold | contradiction
    detail TEXT NOT NULL DEFAULT '',
    headline TEXT NOT NULL,
    independent_sources INTEGER NOT NULL,
    fired_at TEXT NOT NULL,
    webhook TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,               -- NULL: nothing (more) to deliver
    delivered_at TEXT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alerts_fired ON alerts(fired_at);
CREATE INDEX alerts_pending ON alerts(next_attempt_at);
