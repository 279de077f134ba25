"""SQL for article versions: a stored URL or GUID arriving with other text is a revision, not a new article.

The article keeps its id (the content hash of its first version) and its place in its event; the
row takes the new text, every version is kept in ``article_versions``, and what was derived from
the old text (extraction, mentions, embedding) is dropped so the pipeline redoes it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from newsfuse.records import Article
from newsfuse.store.sqlite import SQLiteConnection


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    article_id: str
    version: int
    content_id: str
    title: str
    text: str
    published: str | None
    ingested_at: str

    def to_json(self) -> dict:
        return {
            "article_id": self.article_id,
            "version": self.version,
            "content_id": self.content_id,
            "title": self.title,
            "published": self.published,
            "ingested_at": self.ingested_at,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class VersionOutcome:
    article_id: str  # the stored article the incoming one is (a version of)
    revised: bool  # False: that text was already one of its versions


class VersionTable:
    db: SQLiteConnection

    def article_versions(self, article_id: str) -> list[ArticleVersion]:
        """Every version of an article, oldest first; an article never revised has none listed."""
        rows = self.db.query(
            "SELECT article_id, version, content_id, title, text, published, ingested_at FROM article_versions"
            " WHERE article_id = ? ORDER BY version",
            (article_id,),
        )
        return [ArticleVersion(*row) for row in rows]

    def version_owner(self, content_id: str) -> str | None:
        """The article one of whose versions has this content id."""
        rows = self.db.query("SELECT article_id FROM article_versions WHERE content_id = ?", (content_id,))
        return rows[0][0] if rows else None

    def store_as_version(self, conn: sqlite3.Connection, article: Article) -> VersionOutcome | None:
        """Inside ``add_articles``' transaction: handle ``article`` as a version of a stored one, if it is one.

        None: ``article`` is new content at a new URL/GUID (or its id is stored: the insert passes over it).
        """
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            return None
        owner = conn.execute("SELECT article_id FROM article_versions WHERE content_id = ?", (article.id,)).fetchone()
        if owner:  # a text seen before (a feed flipping back and forth): nothing new
            return VersionOutcome(owner[0], False)
        target = _revised_article(conn, article)
        if target is None:
            return None
        _record_revision(conn, target, article)
        return VersionOutcome(target["id"], True)


def _revised_article(conn: sqlite3.Connection, article: Article) -> sqlite3.Row | None:
    """The stored article with the same URL, or the same GUID from the same outlet (GUIDs repeat across feeds)."""
    columns = "id, title, text, published, ingested_at"
    if article.url:
        row = conn.execute(f"SELECT {columns} FROM articles WHERE url = ? ORDER BY rowid LIMIT 1", (article.url,))
        if found := row.fetchone():
            return found
    if article.external_id and article.source:
        row = conn.execute(
            f"SELECT {columns} FROM articles WHERE external_id = ? AND source = ? ORDER BY rowid LIMIT 1",
            (article.external_id, article.source),
        )
        return row.fetchone()
    return None


def _record_revision(conn: sqlite3.Connection, stored: sqlite3.Row, article: Article) -> None:
    article_id = stored["id"]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    latest = conn.execute("SELECT MAX(version) FROM article_versions WHERE article_id = ?", (article_id,))
    version = latest.fetchone()[0]
    if version is None:  # first revision: the text stored so far becomes version 1
        conn.execute(
            "INSERT INTO article_versions VALUES (?, 1, ?, ?, ?, ?, ?)",
            (article_id, article_id, stored["title"], stored["text"], stored["published"], stored["ingested_at"]),
        )
        version = 1
    conn.execute(
        "INSERT INTO article_versions VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            version + 1,
            article.id,
            article.title,
            article.text,
            article.published,
            article.ingested_at or now,
        ),
    )
    conn.execute(
        "UPDATE articles SET title = ?, text = ?, published = COALESCE(?, published), language = COALESCE(?, language)"
        " WHERE id = ?",
        (article.title, article.text, article.published, article.language, article_id),
    )
    # Derived from the old text: the pipeline redoes them (offsets would point into the wrong text).
    for table in ("entity_mentions", "extractions", "article_vectors"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
