-- PostgreSQL: dead letters.
CREATE TABLE problems (
    stage TEXT NOT NULL,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('skipped', 'limited')),
    reason TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (stage, item_id)
);
CREATE INDEX problems_item ON problems(item_id);
