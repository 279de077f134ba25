"""SQL for the ``articles`` table, its FTS5 index and ingest batches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newsfuse.records import Article, DateSource
from newsfuse.store.sqlite import SQLiteConnection

_COLUMNS = "id, external_id, url, source, title, text, language, published, published_via, dateline, ingested_at, origin, extra"


@dataclass(frozen=True, slots=True)
class StoredBatch:
    new: tuple[str, ...]
    already_stored: tuple[str, ...]
    revised: tuple[str, ...] = ()  # stored articles that got a new version (same URL or GUID, other text)


def row_to_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        external_id=row["external_id"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        text=row["text"],
        language=row["language"],
        published=row["published"],
        published_via=DateSource(row["published_via"]),
        dateline=row["dateline"],
        ingested_at=row["ingested_at"],
        origin=row["origin"],
        extra=json.loads(row["extra"] or "{}"),
    )


def fts_query(text: str) -> str:
    """Turn free user text into a safe FTS5 query: every word must appear (quoted, so no syntax)."""
    words = [w.replace('"', '""') for w in text.split() if w.strip()]
    return " ".join(f'"{w}"' for w in words)


class ArticleTable:
    db: SQLiteConnection

    def add_articles(self, articles: Sequence[Article], run_id: str = "", *, revisions: bool = False) -> StoredBatch:
        """Store one batch in one transaction; content already stored is left untouched.

        With ``revisions`` (the watcher), new text under a stored URL or GUID becomes a new version of
        that article (``store/versions.py``); a corpus may hold different reports under one URL, so
        plain ingest stores each as given.
        """
        new: list[str] = []
        existing: list[str] = []
        revised: list[str] = []
        with self.db.transaction() as conn:
            now = datetime.now(UTC).isoformat(timespec="seconds")
            cursor = conn.execute(
                "INSERT INTO ingest_batches (run_id, article_count, committed_at) VALUES (?, 0, ?)", (run_id, now)
            )
            batch_id = cursor.lastrowid
            for article in articles:
                if revisions and (version := self.store_as_version(conn, article)) is not None:
                    (revised if version.revised else existing).append(version.article_id)
                    continue
                cursor = conn.execute(
                    # ON CONFLICT(id) rather than OR IGNORE: only "same content" is passed over; a row that
                    # breaks another constraint must fail (and roll back its batch), not pass as already stored.
                    f"INSERT INTO articles ({_COLUMNS}, batch_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(id) DO NOTHING",
                    (
                        article.id,
                        article.external_id,
                        article.url,
                        article.source,
                        article.title,
                        article.text,
                        article.language,
                        article.published,
                        article.published_via.value,
                        article.dateline,
                        article.ingested_at or now,
                        article.origin,
                        json.dumps(dict(article.extra), ensure_ascii=False),
                        batch_id,
                    ),
                )
                (new if cursor.rowcount == 1 else existing).append(article.id)
            if new:
                conn.execute("UPDATE ingest_batches SET article_count = ? WHERE id = ?", (len(new), batch_id))
            else:
                conn.execute("DELETE FROM ingest_batches WHERE id = ?", (batch_id,))
        return StoredBatch(tuple(new), tuple(existing), tuple(dict.fromkeys(revised)))

    def has_articles(self, ids: Sequence[str]) -> set[str]:
        return {r[0] for r in self.db.query_in("SELECT id FROM articles WHERE id IN ({marks})", ids)}

    def get_article(self, key: str) -> Article | None:
        """By id, by external id, or by a unique id prefix of at least 6 characters."""
        rows = self.db.query(f"SELECT {_COLUMNS} FROM articles WHERE id = ? OR external_id = ? LIMIT 2", (key, key))
        if not rows and len(key) >= 6:
            rows = self.db.query(
                f"SELECT {_COLUMNS} FROM articles WHERE id LIKE ? LIMIT 2", (key.replace("%", "") + "%",)
            )
        return row_to_article(rows[0]) if len(rows) == 1 else None

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        rows = self.db.query_in(f"SELECT {_COLUMNS} FROM articles WHERE id IN ({{marks}})", ids)
        out = [row_to_article(r) for r in rows]
        order = {article_id: i for i, article_id in enumerate(ids)}
        return sorted(out, key=lambda a: order[a.id])

    def iter_articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "published",
    ) -> Iterator[Article]:
        """Articles matching the filters; ``order='published'`` puts undated ones after dated ones, then by ingest."""
        where, params = [], []
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("substr(a.published, 1, ?) <= ?")
            params.extend([len(until), until])
        if source:
            where.append("a.source LIKE ?")
            params.append(f"%{source}%")
        if query:
            where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(query))
        sql = f"SELECT {', '.join('a.' + c.strip() for c in _COLUMNS.split(','))} FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if order == "published":
            sql += " ORDER BY a.published IS NULL, a.published, a.rowid"
        else:
            sql += " ORDER BY a.rowid"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        for row in self.db.connection.execute(sql, params):
            yield row_to_article(row)

    def article_ids(self) -> list[str]:
        """Every stored article id, in ingest order."""
        return [row[0] for row in self.db.query("SELECT id FROM articles ORDER BY rowid")]

    def count_articles(self) -> int:
        return self.db.query("SELECT COUNT(*) FROM articles")[0][0]

    def article_stats(self) -> dict:
        rows = self.db.query(
            "SELECT COUNT(*) AS n, COUNT(published) AS dated, MIN(published) AS first, MAX(published) AS last,"
            " COUNT(DISTINCT source) AS sources FROM articles"
        )
        row = rows[0]
        languages = {
            r[0] or "unknown": r[1]
            for r in self.db.query("SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY 2 DESC")
        }
        batches = self.db.query("SELECT COUNT(*) FROM ingest_batches")[0][0]
        return {
            "articles": row["n"],
            "dated": row["dated"],
            "first_published": row["first"],
            "last_published": row["last"],
            "sources": row["sources"],
            "languages": languages,
            "ingest_batches": batches,
        }
