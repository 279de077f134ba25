-- Event identity: the passages each outlet (host) repeats across its articles (boilerplate, learned
-- as the store grows), each article's content status, storyline links between events, and input ids
-- skipped as already stored (so exports still list them).
CREATE TABLE host_passages (
    host TEXT NOT NULL,
    passage INTEGER NOT NULL,       -- hash of the normalised line or sentence
    articles INTEGER NOT NULL,      -- articles of this host holding it
    PRIMARY KEY (host, passage)
) WITHOUT ROWID;

CREATE TABLE host_articles (        -- articles already counted into host_passages (counted once)
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    host TEXT NOT NULL
);

CREATE TABLE article_content (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    status TEXT NOT NULL CHECK (status IN ('ok', 'boilerplate-only', 'paywalled', 'truncated')),
    content_words INTEGER NOT NULL, -- content words left once the host's boilerplate is removed
    boilerplate_chars INTEGER NOT NULL
);

CREATE TABLE event_storylines (     -- a later event about the same named participants as an earlier one
    event_id TEXT NOT NULL,         -- the earlier event
    related_id TEXT NOT NULL,       -- the later event (arrest, hearing, plea, funeral, anniversary)
    score REAL NOT NULL,
    shared TEXT NOT NULL DEFAULT '[]',  -- JSON list of the specifics both name
    PRIMARY KEY (event_id, related_id)
);
CREATE INDEX event_storylines_related ON event_storylines(related_id);

CREATE TABLE input_copies (         -- an input id whose content was already stored under another id
    external_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id)
);
