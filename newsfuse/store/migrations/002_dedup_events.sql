-- Dedup and clustering: copy/rewrite links between articles, events and their members, aliases of
-- merged events, and per-article state (MinHash signatures, embeddings) so later runs resume.
CREATE TABLE dedup_state (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    body_hash TEXT NOT NULL,
    signature BLOB NOT NULL,        -- MinHash of word shingles (near-duplicates)
    word_signature BLOB NOT NULL,   -- MinHash of content words (rewrite candidates)
    seq INTEGER NOT NULL            -- processing order
);
CREATE INDEX dedup_state_body_hash ON dedup_state(body_hash);

CREATE TABLE article_links (
    article_id TEXT NOT NULL REFERENCES articles(id),
    relation TEXT NOT NULL CHECK (relation IN ('duplicate_of', 'derived_from')),
    target_id TEXT NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL DEFAULT '',  -- exact | near for duplicates
    score REAL NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]',  -- JSON list of shared passages (offsets into both texts)
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
    score REAL NOT NULL,
    founded INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL            -- processing order, so a resumed run streams on from here
);
CREATE INDEX event_members_event ON event_members(event_id);

CREATE TABLE event_aliases (
    alias_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    bridge_article_id TEXT,
    score REAL NOT NULL,
    merged_at TEXT NOT NULL
);
CREATE INDEX event_aliases_event ON event_aliases(event_id);

CREATE TABLE article_vectors (
    article_id TEXT NOT NULL REFERENCES articles(id),
    model TEXT NOT NULL,
    vector BLOB NOT NULL,           -- float32, little-endian
    PRIMARY KEY (article_id, model)
);
