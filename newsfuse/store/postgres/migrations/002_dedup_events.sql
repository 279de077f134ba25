-- PostgreSQL: dedup state, copy/rewrite links, events, members, aliases, and article vectors.
CREATE TABLE dedup_state (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    body_hash TEXT NOT NULL,
    signature BYTEA NOT NULL,
    word_signature BYTEA NOT NULL,
    seq BIGINT NOT NULL
);
CREATE INDEX dedup_state_body_hash ON dedup_state(body_hash);

CREATE TABLE article_links (
    article_id TEXT NOT NULL REFERENCES articles(id),
    relation TEXT NOT NULL CHECK (relation IN ('duplicate_of', 'derived_from')),
    target_id TEXT NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL DEFAULT '',
    score DOUBLE PRECISION NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, relation, target_id)
);
CREATE INDEX article_links_target ON article_links(target_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    founded_by TEXT NOT NULL REFERENCES articles(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE event_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    event_id TEXT NOT NULL REFERENCES events(id),
    score DOUBLE PRECISION NOT NULL,
    founded BIGINT NOT NULL DEFAULT 0,
    seq BIGINT NOT NULL
);
CREATE INDEX event_members_event ON event_members(event_id);

CREATE TABLE event_aliases (
    alias_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    bridge_article_id TEXT,
    score DOUBLE PRECISION NOT NULL,
    merged_at TEXT NOT NULL
);
CREATE INDEX event_aliases_event ON event_aliases(event_id);

-- float32 little-endian bytes, as in SQLite (exact round trips); with pgvector installed the same vector
-- is kept in "embedding" too, for nearest-neighbour queries in the database.
CREATE TABLE article_vectors (
    article_id TEXT NOT NULL REFERENCES articles(id),
    model TEXT NOT NULL,
    vector BYTEA NOT NULL,
    PRIMARY KEY (article_id, model)
);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        CREATE EXTENSION IF NOT EXISTS vector;
        ALTER TABLE article_vectors ADD COLUMN embedding vector;
    END IF;
END $$;
