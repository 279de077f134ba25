-- PostgreSQL: extraction results, canonical entities, entity mention index.
CREATE TABLE extractions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    extractor_version TEXT NOT NULL,
    payload TEXT NOT NULL,
    extracted_at TEXT NOT NULL
);

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,
    label TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    country_code TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX entities_label ON entities(label);
CREATE INDEX entities_canonical ON entities(lower(canonical));

CREATE TABLE entity_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset BIGINT NOT NULL,
    end_offset BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (article_id, start_offset, end_offset)
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
