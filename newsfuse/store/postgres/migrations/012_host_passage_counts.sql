-- Boilerplate is read per batch as the passages a host repeats in at least N articles: an index on the
-- count makes that read proportional to the repeated passages, not to every passage ever seen (the
-- table keeps a row per host and distinct passage, so it grows with the store).
CREATE INDEX IF NOT EXISTS host_passages_by_count ON host_passages (articles);
