-- PostgreSQL: fused event records, their lookup tables, and their full-text index (tsvector, GIN).
CREATE TABLE event_records (
    id TEXT PRIMARY KEY,
    headline TEXT NOT NULL,
    time_start TEXT,
    time_end TEXT,
    independent_sources BIGINT NOT NULL,
    article_count BIGINT NOT NULL,
    claim_count BIGINT NOT NULL,
    first_seen TEXT,
    last_updated TEXT,
    fused_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX event_records_time ON event_records(time_start);
CREATE INDEX event_records_sources ON event_records(independent_sources);

CREATE TABLE event_record_entities (
    event_id TEXT NOT NULL REFERENCES event_records(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    label TEXT,
    PRIMARY KEY (event_id, entity_id)
);
CREATE INDEX event_record_entities_entity ON event_record_entities(entity_id);
CREATE INDEX event_record_entities_key ON event_record_entities(name_key);

CREATE TABLE event_record_places (
    event_id TEXT NOT NULL REFERENCES event_records(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    country_code TEXT,
    PRIMARY KEY (event_id, name)
);
CREATE INDEX event_record_places_country ON event_record_places(country_code);
CREATE INDEX event_record_places_name ON event_record_places(lower(name));

-- SQLite's FTS5 table becomes a plain table with a generated tsvector named like it ("... MATCH ?").
CREATE TABLE event_records_fts (
    id TEXT NOT NULL,
    headline TEXT NOT NULL,
    body TEXT NOT NULL,
    event_records_fts tsvector GENERATED ALWAYS AS (nf_tsvector(headline || ' ' || body)) STORED
);
CREATE INDEX event_records_fts_id ON event_records_fts(id);
CREATE INDEX event_records_fts_gin ON event_records_fts USING gin(event_records_fts);
