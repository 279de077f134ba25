-- Analyst control: the append-only audit log of corrections, every version of each event record, and users.
CREATE TABLE corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,          -- "c_" + number, shown to the analyst
    kind TEXT NOT NULL,               -- split, merge, move, pin, claim, outlet, undo
    target TEXT NOT NULL,             -- event id, article id, claim id, host, or the undone correction's id
    payload TEXT NOT NULL DEFAULT '{}',  -- JSON: what the correction needs to be replayed and undone
    user TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
-- Rows are never changed or removed: an undo is a new row naming the correction it reverts.
CREATE TRIGGER corrections_append_only_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'the corrections log is append-only'); END;
CREATE TRIGGER corrections_append_only_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'the corrections log is append-only'); END;

CREATE TABLE event_record_versions (
    event_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    record TEXT NOT NULL,             -- EventRecord.to_json() as it was stored
    reason TEXT NOT NULL DEFAULT '',  -- "correction c_2 (split)", or empty for a re-fusion
    changes TEXT NOT NULL DEFAULT '{}',  -- JSON: what changed from the version before
    stored_at TEXT NOT NULL,
    PRIMARY KEY (event_id, version)
);

CREATE TABLE users (
    token_hash TEXT PRIMARY KEY,      -- sha256 of the token; the token itself is never stored
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('read', 'write', 'admin')),
    created_at TEXT NOT NULL
);
