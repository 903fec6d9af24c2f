"""Write the tables from the run state: CSV + Parquet + datapackage.json, atomically.

Every file goes to a temporary name in the same folder and is renamed into place
(readers never see half a file); ``datapackage.json`` goes last and records the
sha1 of every CSV, so ``load_tables`` can tell that it read one consistent set.
CSVs are streamed in article_id order (memory does not grow with the archive);
Parquet is a dataset partitioned by publication year, and only partitions whose
articles changed are rewritten.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.records import TABLES
from pipeline.state import StateStore
from pipeline.tables.schema import PRIMARY_KEYS, arrow_schema, columns, table_schema

ROW_TABLES = ("people", "organizations", "places", "dates", "priority_areas")
PARTITIONED = ("articles", *ROW_TABLES)
ROW_GROUP_ARTICLES = 1000  # articles per Parquet row group: bounds the writer's memory in a big year


def _atomic_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def _rows(store: StateStore, year: str | None = None) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Payloads with duplicates resolved: later copies keep their article row, lose their mentions."""
    copies = store.canonical_copies()
    for article_id, payload in store.results(year):
        if article_id in copies:
            payload["article"] = {**payload["article"], "status": "duplicate", "duplicate_of": copies[article_id]}
            for table in ROW_TABLES:
                payload[table] = [r for r in payload[table] if table == "dates" and r.get("kind") == "published"]
        yield payload


def _cell(value: Any) -> Any:
    return "" if value is None else value


def write_csvs(store: StateStore, out: Path) -> dict[str, str]:
    """Stream every table to CSV (RFC 4180); returns {table: sha1 of the file}."""
    handles = {}
    writers = {}
    tmp_paths = {}
    try:
        for table in TABLES:
            tmp_paths[table] = _atomic_path(out / f"{table}.csv")
            handles[table] = tmp_paths[table].open("w", encoding="utf-8", newline="")
            writers[table] = csv.writer(handles[table])
            writers[table].writerow([c[0] for c in columns(table)])
        names = {t: [c[0] for c in columns(t)] for t in TABLES}
        for payload in _rows(store):
            writers["articles"].writerow([_cell(payload["article"].get(n)) for n in names["articles"]])
            for table in ROW_TABLES:
                for row in payload[table]:
                    writers[table].writerow([_cell(row.get(n)) for n in names[table]])
        for err in store.errors():
            writers["errors"].writerow(err)
    finally:
        for handle in handles.values():
            handle.close()
    hashes = {}
    for table, tmp in tmp_paths.items():
        hashes[table] = hashlib.sha1(tmp.read_bytes()).hexdigest()
        tmp.replace(out / f"{table}.csv")
    return hashes


def _arrow_value(kind: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def _arrow_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    kinds = [(c[0], c[1]) for c in columns(table)]
    data = {name: [_arrow_value(kind, r.get(name)) for r in rows] for name, kind in kinds}
    return pa.Table.from_pydict(data, schema=arrow_schema(table))


def _write_parquet_file(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _atomic_path(path)
    pq.write_table(_arrow_table(table, rows), tmp, compression="zstd")
    tmp.replace(path)


def _write_partition(store: StateStore, out: Path, year: str) -> int:
    """Write one year partition of every table, ROW_GROUP_ARTICLES articles at a time; returns the article count.

    A big year (most of an archive can share one) is streamed as row groups instead of
    held in memory whole; a partition that fits in one group is written exactly as
    ``pq.write_table`` writes it.
    """
    parts = {t: out / f"{t}.parquet" / f"year={year}" / "part-0.parquet" for t in PARTITIONED}
    writers: dict[str, pq.ParquetWriter] = {}
    batch: dict[str, list[dict[str, Any]]] = {t: [] for t in PARTITIONED}
    count = 0

    def flush(last: bool) -> None:
        for table in PARTITIONED:
            if not batch[table] and (table in writers or not last):
                continue  # no empty row groups; a table with no rows at all still gets its (empty) file
            if table not in writers:
                parts[table].parent.mkdir(parents=True, exist_ok=True)
                writers[table] = pq.ParquetWriter(_atomic_path(parts[table]), arrow_schema(table),
                                                  compression="zstd")
            writers[table].write_table(_arrow_table(table, batch[table]))
            batch[table].clear()

    try:
        for payload in _rows(store, year):
            batch["articles"].append(payload["article"])
            for table in ROW_TABLES:
                batch[table].extend(payload[table])
            count += 1
            if count % ROW_GROUP_ARTICLES == 0:
                flush(last=False)
        if count:
            flush(last=True)
    finally:
        for writer in writers.values():
            writer.close()
    for part in parts.values():
        if count:
            _atomic_path(part).replace(part)
        else:
            _atomic_path(part).unlink(missing_ok=True)
            if part.parent.exists():
                shutil.rmtree(part.parent)
    return count


def write_parquet(store: StateStore, out: Path, full: bool = False) -> None:
    """Rewrite the year partitions that changed (all of them when ``full``)."""
    years = store.years()
    missing = any(not (out / f"{t}.parquet").is_dir() for t in PARTITIONED)
    todo = years if (full or missing) else store.dirty_years()
    for year in todo:
        _write_partition(store, out, year)
    for table in PARTITIONED:  # partitions of years that no longer exist
        base = out / f"{table}.parquet"
        if base.is_dir():
            for child in base.iterdir():
                if child.name.startswith("year=") and child.name[5:] not in years:
                    shutil.rmtree(child)
    errors = [dict(zip(("source", "stage", "error", "at"), e, strict=True)) for e in store.errors()]
    _write_parquet_file(out / "errors.parquet", "errors", errors)


def write_datapackage(out: Path, hashes: dict[str, str]) -> None:
    resources = []
    for table in TABLES:
        resource = {
            "name": table,
            "path": f"{table}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table_schema(table),
            "edunews_sha1": hashes[table],
        }
        if table in PRIMARY_KEYS:
            resource["schema"]["primaryKey"] = PRIMARY_KEYS[table]
        resources.append(resource)
    package = {
        "profile": "tabular-data-package",
        "name": "edunews",
        "title": "edunews: people, organizations, places, dates and priority areas in education news",
        "resources": resources,
    }
    tmp = _atomic_path(out / "datapackage.json")
    tmp.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(out / "datapackage.json")


def export_tables(store: StateStore, out: Path, full: bool = False) -> None:
    """Write every table from the store; datapackage.json last (it seals the set)."""
    out.mkdir(parents=True, exist_ok=True)
    dirty = store.dirty_years()
    write_parquet(store, out, full=full)
    hashes = write_csvs(store, out)
    write_datapackage(out, hashes)
    store.clear_dirty(dirty)
