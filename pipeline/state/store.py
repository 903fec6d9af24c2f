"""Run state in SQLite: what was processed, with which content and extractor version.

The store is also where extraction results live between runs (one JSON payload
per article), so the tables are a pure function of the store: a run killed at any
moment leaves either the old or the new payload of an article (one transaction
per batch), and the next run re-exports the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import StateError

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
        CREATE TABLE records (            -- one row per raw record seen
            raw_ref TEXT PRIMARY KEY,
            body_sha1 TEXT NOT NULL,
            version TEXT NOT NULL,        -- extractor version that processed it
            article_id TEXT,              -- NULL when it failed
            processed_at TEXT NOT NULL
        );
        CREATE TABLE results (            -- one row per article: the rows of every table
            article_id TEXT PRIMARY KEY,
            raw_ref TEXT NOT NULL,
            fetched_at TEXT,
            content_sha1 TEXT NOT NULL,
            year TEXT NOT NULL,           -- Parquet partition (publication year or 'unknown')
            payload TEXT NOT NULL
        );
        CREATE INDEX results_sha1 ON results(content_sha1);
        CREATE TABLE errors (
            source TEXT PRIMARY KEY,
            stage TEXT NOT NULL,
            error TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE dirty (year TEXT PRIMARY KEY);   -- Parquet partitions to rewrite
        """,
    ),
    (
        "0002_append_export",
        """
        ALTER TABLE results ADD COLUMN seq INTEGER;   -- first-seen order: the tables' row order
        CREATE TABLE changed (seq INTEGER PRIMARY KEY);  -- articles whose exported rows changed or went
        CREATE TABLE seen_sources (        -- archive files read to the end with every record processed
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            version TEXT NOT NULL,
            records INTEGER NOT NULL
        )
        """,
    ),
)
# Run after the migration of the same name, in the same transaction: Python, not SQL.
_BACKFILL = "0002_append_export"


def body_hash(body: bytes) -> str:
    return hashlib.sha1(body).hexdigest()


class StateStore:
    """Thin wrapper over the SQLite file; every write method runs inside ``transaction``."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StateError(f"run state {path} is unusable ({exc}); move it away to start afresh") from None

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)")
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in sql.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                if name == _BACKFILL:
                    self._backfill_seq()
                self.db.execute("INSERT INTO migrations VALUES (?)", (name,))
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise

    def _backfill_seq(self) -> None:
        """A state from before sequences numbers its articles in the order its tables had (article_id)."""
        ids = [r[0] for r in self.db.execute("SELECT article_id FROM results ORDER BY article_id")]
        self.db.executemany("UPDATE results SET seq=? WHERE article_id=?", [(n, a) for n, a in enumerate(ids, 1)])
        self.db.execute("CREATE UNIQUE INDEX results_seq ON results(seq)")
        self.db.execute("CREATE INDEX results_year ON results(year, seq)")

    def close(self) -> None:
        self.db.close()

    # --- reads ---------------------------------------------------------------------------

    def needs_processing(self, raw_ref: str, sha1: str, version: str) -> bool:
        row = self.db.execute("SELECT body_sha1, version FROM records WHERE raw_ref=?", (raw_ref,)).fetchone()
        return row is None or row[0] != sha1 or row[1] != version

    def results(self, year: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(article_id, payload) in first-seen order (seq), optionally one partition only."""
        for article_id, _sha1, payload in self.results_with_sha1(year):
            yield article_id, payload

    def results_with_sha1(self, year: str | None = None, after: int = 0) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(article_id, content_sha1, payload) in first-seen order, of one partition and/or after a seq.

        Both filters read through an index (seq, or year+seq): an update's export reads what is new.
        """
        sql = "SELECT article_id, content_sha1, payload FROM results WHERE seq > ?"
        args: tuple[Any, ...] = (after,)
        if year is not None:
            sql += " AND year=?"
            args = (after, year)
        for article_id, sha1, payload in self.db.execute(sql + " ORDER BY seq", args):
            yield article_id, sha1, json.loads(payload)

    def years_after(self, seq: int) -> list[str]:
        """Partitions that hold articles first seen after ``seq``."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT year FROM results WHERE seq > ? ORDER BY year", (seq,))]

    def canonical_copy(self, article_id: str, sha1: str) -> str | None:
        """The earliest copy of this article's text when it is a later copy (a duplicate), else None."""
        first = self.db.execute(
            "SELECT article_id FROM results WHERE content_sha1=? ORDER BY COALESCE(fetched_at, ''), article_id "
            "LIMIT 1", (sha1,)
        ).fetchone()
        return first[0] if first and first[0] != article_id else None

    def last_seq(self) -> int:
        return int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM results").fetchone()[0])

    def changed_since(self, seq: int) -> bool:
        """Whether an article exported up to ``seq`` has changed or gone since: the export must compact."""
        return self.db.execute("SELECT 1 FROM changed WHERE seq <= ? LIMIT 1", (seq,)).fetchone() is not None

    def seen_source(self, path: str, size: int, mtime_ns: int, version: str) -> int | None:
        """The record count of an archive file already read whole at this size, time and version, else None."""
        row = self.db.execute("SELECT size, mtime_ns, version, records FROM seen_sources WHERE path=?",
                              (path,)).fetchone()
        if row and (row[0], row[1], row[2]) == (size, mtime_ns, version):
            return int(row[3])
        return None

    def canonical_copies(self) -> dict[str, str]:
        """article_id -> article_id of the earliest copy, for articles whose text is a duplicate."""
        out: dict[str, str] = {}
        rows = self.db.execute(
            "SELECT content_sha1, article_id FROM results WHERE content_sha1 IN "
            "(SELECT content_sha1 FROM results GROUP BY content_sha1 HAVING COUNT(*) > 1) "
            "ORDER BY content_sha1, COALESCE(fetched_at, ''), article_id"
        )
        first: dict[str, str] = {}
        for sha1, article_id in rows:
            if sha1 in first:
                out[article_id] = first[sha1]
            else:
                first[sha1] = article_id
        return out

    def years(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT year FROM results ORDER BY year")]

    def dirty_years(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT year FROM dirty ORDER BY year")]

    def errors(self) -> list[tuple[str, str, str, str]]:
        return list(self.db.execute("SELECT source, stage, error, at FROM errors ORDER BY source, stage"))

    def counts(self) -> dict[str, int]:
        n_results = self.db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        n_errors = self.db.execute("SELECT COUNT(*) FROM errors").fetchone()[0]
        return {"articles": n_results, "errors": n_errors}

    # --- writes ----------------------------------------------------------------------------

    def commit_batch(
        self,
        done: Iterable[tuple[str, str, str, str | None, str]],
        results: Iterable[tuple[str, str, str | None, str, str, dict[str, Any]]],
        errors: Iterable[tuple[str, str, str, str]],
    ) -> None:
        """Record a batch atomically: processed raw records, their results and failures.

        ``done``: (raw_ref, body_sha1, version, article_id|None, processed_at);
        ``results``: (article_id, raw_ref, fetched_at, content_sha1, year, payload);
        ``errors``: (source, stage, error, at).
        A source that now succeeds loses its old error row.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for article_id, raw_ref, fetched_at, sha1, year, payload in results:
                text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
                old = self.db.execute(
                    "SELECT year, content_sha1, seq, raw_ref, fetched_at, payload FROM results WHERE article_id=?",
                    (article_id,),
                ).fetchone()
                if old and old[3:] == (raw_ref, fetched_at, text) and old[:2] == (year, sha1):
                    continue  # processed again (new record, same bytes out): nothing to export
                if old:
                    seq = old[2]
                    self._mark_dirty(old[0])
                    self._mark_dirty_sha1(old[1])
                    self._mark_changed_sha1(old[1])  # its copies' duplicate_of may change with it
                    self.db.execute("INSERT OR IGNORE INTO changed VALUES (?)", (seq,))
                else:
                    seq = self.last_seq() + 1
                    if self._becomes_canonical(article_id, fetched_at, sha1):
                        self._mark_changed_sha1(sha1)  # an earlier copy turned up: the first one is a duplicate now
                self.db.execute(
                    "INSERT OR REPLACE INTO results (article_id, raw_ref, fetched_at, content_sha1, year, payload, seq)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (article_id, raw_ref, fetched_at, sha1, year, text, seq),
                )
                self._mark_dirty(year)
                self._mark_dirty_sha1(sha1)
            for raw_ref, sha1, version, article_id, processed_at in done:
                self._drop_stale_result(raw_ref, article_id)
                self.db.execute(
                    "INSERT OR REPLACE INTO records VALUES (?,?,?,?,?)",
                    (raw_ref, sha1, version, article_id, processed_at),
                )
                if article_id is not None:
                    # an error row's source is the raw_ref, maybe followed by " (original URL or file)"
                    self.db.execute("DELETE FROM errors WHERE source=? OR substr(source, 1, ?)=?",
                                    (raw_ref, len(raw_ref) + 2, raw_ref + " ("))
            for source, stage, error, at in errors:
                self.db.execute(
                    "INSERT INTO errors VALUES (?,?,?,?) ON CONFLICT(source) DO UPDATE SET "
                    "stage=excluded.stage, error=excluded.error, "
                    "at=CASE WHEN errors.error=excluded.error THEN errors.at ELSE excluded.at END",
                    (source, stage, error, at),
                )
            self.db.execute("COMMIT")
        except Exception:
            self.db.execute("ROLLBACK")
            raise

    def clear_fetched_errors(self) -> None:
        """Drop fetch errors of URLs the crawler has archived since (its ``crawl_seen`` table)."""
        has_seen = self.db.execute("SELECT 1 FROM sqlite_master WHERE name='crawl_seen'").fetchone()
        if has_seen:
            self.db.execute("DELETE FROM errors WHERE stage LIKE 'fetch%' AND source IN (SELECT url FROM crawl_seen)")

    def _drop_stale_result(self, raw_ref: str, article_id: str | None) -> None:
        """A record read again under another article id (an older ingest's file:// URL is no URL now)
        leaves no orphan article behind."""
        if article_id is None:
            return
        old = self.db.execute("SELECT article_id FROM records WHERE raw_ref=?", (raw_ref,)).fetchone()
        if old and old[0] and old[0] != article_id:
            row = self.db.execute("SELECT year, content_sha1 FROM results WHERE article_id=? AND raw_ref=?",
                                  (old[0], raw_ref)).fetchone()
            if row:
                self._mark_dirty(row[0])
                self._mark_dirty_sha1(row[1])
                self._mark_changed_sha1(row[1])
                self.db.execute("INSERT OR IGNORE INTO changed SELECT seq FROM results WHERE article_id=?", (old[0],))
                self.db.execute("DELETE FROM results WHERE article_id=? AND raw_ref=?", (old[0], raw_ref))

    def _mark_dirty(self, year: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO dirty VALUES (?)", (year,))

    def _mark_dirty_sha1(self, sha1: str) -> None:
        # Duplicates are decided across partitions: every copy's partition must be rewritten.
        self.db.execute(
            "INSERT OR IGNORE INTO dirty SELECT DISTINCT year FROM results WHERE content_sha1=?", (sha1,)
        )

    def _becomes_canonical(self, article_id: str, fetched_at: str | None, sha1: str) -> bool:
        first = self.db.execute(
            "SELECT COALESCE(fetched_at, ''), article_id FROM results WHERE content_sha1=? "
            "ORDER BY COALESCE(fetched_at, ''), article_id LIMIT 1", (sha1,)
        ).fetchone()
        return first is not None and (fetched_at or "", article_id) < (first[0], first[1])

    def _mark_changed_sha1(self, sha1: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO changed SELECT seq FROM results WHERE content_sha1=?", (sha1,))

    def clear_dirty(self, years: Iterable[str]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany("DELETE FROM dirty WHERE year=?", [(y,) for y in years])
        self.db.execute("COMMIT")

    def clear_changed(self, upto: int) -> None:
        """The tables now hold every change up to ``upto``."""
        self.db.execute("DELETE FROM changed WHERE seq <= ?", (upto,))

    def mark_source_seen(self, sources: Iterable[tuple[str, int, int, str, int]]) -> None:
        """(path, size, mtime_ns, version, records) of archive files whose every record is now processed."""
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany("INSERT OR REPLACE INTO seen_sources VALUES (?,?,?,?,?)", list(sources))
        self.db.execute("COMMIT")
