"""Crawl state: which article URLs are archived, in which WARC file, up to which byte.

A table of its own (``crawl_seen``) in ``DATA/state.sqlite``. A URL is marked as
soon as its records are flushed to the open ``.part`` file, with the offset where
they end; when the file is finished it is renamed and the rows follow it. After a
crash or kill the ``.part`` file is cut back to the last marked offset and
finished, so an interrupted crawl resumes without losing or repeating an article.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS crawl_seen (
    url TEXT PRIMARY KEY,       -- canonical URL (requested, redirect hops and final)
    site TEXT NOT NULL,
    warc TEXT NOT NULL,         -- file name under DATA/raw/ (ends in .part while being written)
    end_offset INTEGER NOT NULL,
    fetched_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT
);
CREATE TABLE IF NOT EXISTS crawl_failed (   -- tried and not archived: retried, but never "new" on a listing
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    error TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS crawl_sites (    -- did the site's last crawl reach its end?
    site TEXT PRIMARY KEY,
    complete INTEGER NOT NULL,  -- 0 from the start of a crawl until it finishes without Ctrl-C, kill or --limit
    at TEXT NOT NULL
)
"""


class SeenStore:
    """Thin wrapper over ``crawl_seen``; every write commits at once (one article = one transaction)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def urls(self, site: str | None = None) -> set[str]:
        if site is None:
            return {r[0] for r in self.db.execute("SELECT url FROM crawl_seen")}
        return {r[0] for r in self.db.execute("SELECT url FROM crawl_seen WHERE site=?", (site,))}

    def failed(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT url FROM crawl_failed")}

    def record_failed(self, rows: list[tuple[str, str, str, str]]) -> None:
        """(url, site, error, at) of URLs tried in vain; a later success removes them (``mark``)."""
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany(
            "INSERT INTO crawl_failed VALUES (?,?,?,1,?) ON CONFLICT(url) DO UPDATE SET "
            "error=excluded.error, attempts=attempts+1, last_at=excluded.last_at", rows)
        self.db.execute("COMMIT")

    def validators(self) -> dict[str, tuple[str | None, str | None]]:
        """url -> (ETag, Last-Modified) of archived pages, for conditional re-fetches (--refresh)."""
        rows = self.db.execute("SELECT url, etag, last_modified FROM crawl_seen WHERE etag IS NOT NULL "
                               "OR last_modified IS NOT NULL")
        return {url: (etag, modified) for url, etag, modified in rows}

    def mark(self, urls: list[str], site: str, warc: str, end_offset: int, fetched_at: str,
             etag: str | None, last_modified: str | None) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany(
            "INSERT OR REPLACE INTO crawl_seen VALUES (?,?,?,?,?,?,?)",
            [(u, site, warc, end_offset, fetched_at, etag, last_modified) for u in dict.fromkeys(urls)],
        )
        self.db.executemany("DELETE FROM crawl_failed WHERE url=?", [(u,) for u in urls])
        self.db.execute("COMMIT")

    def complete(self, site: str) -> bool:
        """True when the site's last crawl ran to its end; False after an interruption, a --limit or never."""
        row = self.db.execute("SELECT complete FROM crawl_sites WHERE site=?", (site,)).fetchone()
        return bool(row and row[0])

    def set_complete(self, sites: list[str], complete: bool, at: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO crawl_sites VALUES (?,?,?)",
                            [(site, int(complete), at) for site in sites])

    def rename_warc(self, old: str, new: str) -> None:
        self.db.execute("UPDATE crawl_seen SET warc=? WHERE warc=?", (new, old))

    def last_offset(self, warc: str) -> int:
        row = self.db.execute("SELECT MAX(end_offset) FROM crawl_seen WHERE warc=?", (warc,)).fetchone()
        return int(row[0] or 0)

    def forget_warc(self, warc: str) -> None:
        self.db.execute("DELETE FROM crawl_seen WHERE warc=?", (warc,))
