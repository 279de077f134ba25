-- Articles, their full-text index, and the ingest batches that wrote them.
CREATE TABLE ingest_batches (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    article_count INTEGER NOT NULL,
    committed_at TEXT NOT NULL
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    external_id TEXT,
    url TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    language TEXT,
    published TEXT,
    published_via TEXT NOT NULL DEFAULT 'unknown',
    dateline TEXT,
    ingested_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    batch_id INTEGER NOT NULL REFERENCES ingest_batches(id)
);
CREATE INDEX articles_external_id ON articles(external_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_batch ON articles(batch_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
