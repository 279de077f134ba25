-- Fused event records (one per event; the record id is the event id) and the lookup tables the listing filters use.
CREATE TABLE event_records (
    id TEXT PRIMARY KEY,
    headline TEXT NOT NULL,
    time_start TEXT,
    time_end TEXT,
    independent_sources INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    claim_count INTEGER NOT NULL,
    first_seen TEXT,
    last_updated TEXT,
    fused_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL,  -- hash of the member articles and their extractions: unchanged means no re-fusion
    record TEXT NOT NULL        -- EventRecord.to_json(), described by newsfuse/fuse/schema/event.schema.json
);
CREATE INDEX event_records_time ON event_records(time_start);
CREATE INDEX event_records_sources ON event_records(independent_sources);

CREATE TABLE event_record_entities (
    event_id TEXT NOT NULL REFERENCES event_records(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,  -- folded name, for matching "Yasar Guler" to "Yaşar Güler"
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

CREATE VIRTUAL TABLE event_records_fts USING fts5(
    id UNINDEXED, headline, body, tokenize='unicode61 remove_diacritics 2'
);
