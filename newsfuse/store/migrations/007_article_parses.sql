-- Fusion's parse of each article (spaCy DocBin bytes), kept so re-fusing an event parses only its new articles.
CREATE TABLE IF NOT EXISTS article_parses (
    article_id TEXT NOT NULL,
    model TEXT NOT NULL,     -- the parser that made it (a new parser version parses again)
    data BLOB NOT NULL,
    PRIMARY KEY (article_id, model)
);
