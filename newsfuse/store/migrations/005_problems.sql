-- Dead letters: an article (or, for fusion, an event) a stage could not handle, or handled only within a limit.
-- A row whose fingerprint (code version + input) still matches is not retried; a changed one is.
CREATE TABLE problems (
    stage TEXT NOT NULL,          -- ingest | dedup | cluster | extract | fuse
    item_id TEXT NOT NULL,        -- article id, or event id for fuse
    kind TEXT NOT NULL CHECK (kind IN ('skipped', 'limited')),  -- skipped: not processed; limited: processed within a limit
    reason TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (stage, item_id)
);
CREATE INDEX problems_item ON problems(item_id);
