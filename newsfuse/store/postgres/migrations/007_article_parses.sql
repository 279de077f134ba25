-- PostgreSQL: fusion's stored parses.
CREATE TABLE IF NOT EXISTS article_parses (
    article_id TEXT NOT NULL,
    model TEXT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (article_id, model)
);
