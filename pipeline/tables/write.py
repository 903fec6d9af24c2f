"""Write the tables from the run state: CSV + Parquet + datapackage.json, crash-safe and incremental.

Rows are in first-seen order (the state's ``seq`` of their article, then their order
within the article), so an update's new articles go at the END of every table:

- **append** (the usual update): the rows of articles first seen since the last export
  are appended to each ``NAME.csv`` and written as one new Parquet part per year
  partition (``NAME.parquet/year=Y/part-<first seq>.parquet``); nothing already
  exported is read or rewritten.
- **compact** (rare): when rows already exported changed (a page processed again with
  other output, a new extractor version, a record gone, an earlier copy of a text that
  turns an exported article into a duplicate), when the files do not match what the
  last export recorded, or after a crash in a compaction, every CSV is rewritten from
  the state to a temporary name and renamed into place, and the Parquet partitions
  that changed are rewritten as one ``base.parquet`` each.

``datapackage.json`` is the commit point and the manifest: written last (temporary
file, fsync, rename), it records per table the committed byte length of the CSV
(``bytes``), the sha1 of its last bytes, the Parquet files that make the table, and
the last exported seq. A crash mid-append leaves bytes past the recorded length and
part files past the recorded seq: the next export cuts them off and writes them
again, so no row is lost or doubled; readers (``load_tables``) read only the
recorded bytes. The ``errors`` table (failures only: small) is rewritten every time.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.records import TABLES
from pipeline.settings import EXPORT_MAX_PARTS, EXPORT_TAIL_BYTES
from pipeline.state import StateStore
from pipeline.tables.schema import PRIMARY_KEYS, arrow_schema, columns, table_schema

ROW_TABLES = ("people", "organizations", "places", "dates", "priority_areas")
PARTITIONED = ("articles", *ROW_TABLES)
ROW_GROUP_ARTICLES = 1000  # articles per Parquet row group: bounds the writer's memory in a big year
PACKAGE = "datapackage.json"
COMPACTING = ".export-compacting"  # present while a compaction runs: a crash in one means compact again
_PART = re.compile(r"^part-(\d+)\.parquet$")


def _atomic_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _rows(store: StateStore, year: str | None = None, after: int | None = None
          ) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Payloads in first-seen order with duplicates resolved: later copies keep their article row, lose
    their mentions.

    ``after``: only articles first seen after that seq (an append), each looking up its own copies
    through the content_sha1 index instead of the whole state's.
    """
    copies = store.canonical_copies() if after is None else None
    for article_id, sha1, payload in store.results_with_sha1(year, after or 0):
        first = copies.get(article_id) if copies is not None else store.canonical_copy(article_id, sha1)
        if first is not None:
            payload["article"] = {**payload["article"], "status": "duplicate", "duplicate_of": first}
            for table in ROW_TABLES:
                payload[table] = [r for r in payload[table] if table == "dates" and r.get("kind") == "published"]
        yield payload


def _cell(value: Any) -> Any:
    return "" if value is None else value


def _tail_sha1(path: Path, length: int) -> str:
    """sha1 of the EXPORT_TAIL_BYTES bytes before ``length``: cheap proof that a file is the one recorded."""
    start = max(0, length - EXPORT_TAIL_BYTES)
    with path.open("rb") as handle:
        handle.seek(start)
        return hashlib.sha1(handle.read(length - start)).hexdigest()


def _stamp(path: Path) -> dict[str, Any]:
    length = path.stat().st_size
    return {"bytes": length, "tail_sha1": _tail_sha1(path, length)}


def _write_rows(writers: dict[str, Any], payloads: Iterator[dict[str, list[dict[str, Any]]]]) -> None:
    names = {t: [c[0] for c in columns(t)] for t in PARTITIONED}
    for payload in payloads:
        writers["articles"].writerow([_cell(payload["article"].get(n)) for n in names["articles"]])
        for table in ROW_TABLES:
            for row in payload[table]:
                writers[table].writerow([_cell(row.get(n)) for n in names[table]])


@contextmanager
def _csv_writers(paths: dict[str, Path], mode: str) -> Iterator[dict[str, Any]]:
    """One csv.writer per table; on success every file is flushed and fsynced before the caller goes on
    (the manifest written after them must never point at bytes not on disk); always closed."""
    handles = {}
    try:
        for table, path in paths.items():
            handles[table] = path.open(mode, encoding="utf-8", newline="")
        yield {table: csv.writer(handle) for table, handle in handles.items()}
        for handle in handles.values():
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        for handle in handles.values():
            handle.close()


def rewrite_csvs(store: StateStore, out: Path) -> None:
    """Stream every table to CSV (RFC 4180) from the whole state, each renamed into place when complete."""
    tmp_paths = {table: _atomic_path(out / f"{table}.csv") for table in TABLES}
    with _csv_writers(tmp_paths, "w") as writers:
        for table in TABLES:
            writers[table].writerow([c[0] for c in columns(table)])
        _write_rows(writers, _rows(store))
        for err in store.errors():
            writers["errors"].writerow(err)
    for table, tmp in tmp_paths.items():
        tmp.replace(out / f"{table}.csv")


def append_csvs(store: StateStore, out: Path, stamps: dict[str, dict[str, Any]], after: int) -> None:
    """Cut each CSV back to its committed length (a crash may have left a partial append), then append the
    rows of the articles first seen after ``after`` and fsync; errors.csv is rewritten whole."""
    paths = {table: out / f"{table}.csv" for table in PARTITIONED}
    for table, path in paths.items():
        with path.open("r+b") as raw:
            raw.truncate(stamps[table]["bytes"])
    with _csv_writers(paths, "a") as writers:
        _write_rows(writers, _rows(store, after=after))
    write_errors_csv(store, out)


def write_errors_csv(store: StateStore, out: Path) -> None:
    tmp = _atomic_path(out / "errors.csv")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c[0] for c in columns("errors")])
        for err in store.errors():
            writer.writerow(err)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(out / "errors.csv")


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


def _write_partition(store: StateStore, out: Path, year: str, name: str, after: int | None = None) -> int:
    """Write one file ``name`` in one year partition of every table, ROW_GROUP_ARTICLES articles at a time
    (all the year's articles, or those first seen after ``after``); returns the article count.

    A big year (most of an archive can share one) is streamed as row groups instead of
    held in memory whole.
    """
    parts = {t: out / f"{t}.parquet" / f"year={year}" / name for t in PARTITIONED}
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
        for payload in _rows(store, year, after):
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
        tmp = _atomic_path(part)
        if count:
            with tmp.open("rb+") as handle:
                os.fsync(handle.fileno())
            tmp.replace(part)
        else:
            tmp.unlink(missing_ok=True)
    return count


def _rewrite_partition(store: StateStore, out: Path, year: str) -> None:
    """The year partition of every table as one base file from the state; the partition's other files go.

    Only called under the COMPACTING marker: a crash between the new base and the removal of the
    old parts (which would double their rows) makes the next export rewrite every partition.
    """
    name = "base.parquet"
    count = _write_partition(store, out, year, name)
    for table in PARTITIONED:
        folder = out / f"{table}.parquet" / f"year={year}"
        if not folder.is_dir():
            continue
        if not count:
            shutil.rmtree(folder)
            continue
        for child in folder.iterdir():
            if child.name != name:
                child.unlink()


def _parquet_files(out: Path) -> dict[str, list[str]]:
    """Every Parquet file of every partitioned table, relative to ``out`` (temporary files left out)."""
    found: dict[str, list[str]] = {}
    for table in PARTITIONED:
        base = out / f"{table}.parquet"
        names = []
        if base.is_dir():
            for folder in sorted(base.iterdir()):
                if folder.is_dir():
                    names += [f"{table}.parquet/{folder.name}/{f.name}" for f in sorted(folder.iterdir())
                              if not f.name.startswith(".")]
        found[table] = names
    return found


def _drop_partial_parts(out: Path, after: int) -> None:
    """Part files of an append that never committed (first seq past ``after``) and stray temporary files."""
    for table in PARTITIONED:
        base = out / f"{table}.parquet"
        if not base.is_dir():
            continue
        for folder in base.iterdir():
            if not folder.is_dir():
                continue
            for child in folder.iterdir():
                match = _PART.match(child.name)
                if child.name.startswith(".") or (match and int(match.group(1)) > after):
                    child.unlink()


def write_datapackage(out: Path, stamps: dict[str, dict[str, Any]], parts: dict[str, list[str]],
                      last_seq: int) -> None:
    """The datapackage, which is also the export's manifest: written last, atomically, fsynced."""
    resources = []
    for table in TABLES:
        resource = {
            "name": table,
            "path": f"{table}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": stamps[table]["bytes"],
            "schema": table_schema(table),
            "edunews_tail_sha1": stamps[table]["tail_sha1"],
            "edunews_parquet": parts.get(table, ["errors.parquet"] if table == "errors" else []),
        }
        if table in PRIMARY_KEYS:
            resource["schema"]["primaryKey"] = PRIMARY_KEYS[table]
        resources.append(resource)
    package = {
        "profile": "tabular-data-package",
        "name": "edunews",
        "title": "edunews: people, organizations, places, dates and priority areas in education news",
        "resources": resources,
        "edunews_export": {"last_seq": last_seq},
    }
    tmp = _atomic_path(out / PACKAGE)
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(package, indent=2, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(out / PACKAGE)
    _fsync_dir(out)


def _committed(out: Path) -> tuple[int, dict[str, dict[str, Any]], dict[str, list[str]]] | None:
    """(last seq, CSV stamps, Parquet files) the last export committed, when the files on disk
    still start with what it recorded; None when the next export must compact."""
    if (out / COMPACTING).exists():
        return None
    try:
        package = json.loads((out / PACKAGE).read_text("utf-8"))
        info = package["edunews_export"]
        last = int(info["last_seq"])
        resources = {r["name"]: r for r in package["resources"]}
        stamps = {t: {"bytes": int(resources[t]["bytes"]), "tail_sha1": resources[t]["edunews_tail_sha1"]}
                  for t in PARTITIONED}
        parts = {t: list(resources[t]["edunews_parquet"]) for t in PARTITIONED}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for table in PARTITIONED:
        path = out / f"{table}.csv"
        try:
            if path.stat().st_size < stamps[table]["bytes"]:
                return None
            if _tail_sha1(path, stamps[table]["bytes"]) != stamps[table]["tail_sha1"]:
                return None
        except OSError:
            return None
    return last, stamps, parts


def _mark_compacting(out: Path) -> None:
    """Durably note that files are being rewritten in place; removed once the datapackage is written."""
    marker = out / COMPACTING
    with marker.open("w", encoding="utf-8") as handle:
        handle.write("an export is rewriting the tables here; if this file stays, the next one starts over\n")
        handle.flush()
        os.fsync(handle.fileno())
    _fsync_dir(out)


def _drop_gone_years(out: Path, years: list[str]) -> None:
    """Partitions of years that no longer hold any article, and stray files beside the partitions."""
    keep = {f"year={y}" for y in years}
    for table in PARTITIONED:
        base = out / f"{table}.parquet"
        if not base.is_dir():
            continue
        for child in base.iterdir():
            if child.name not in keep:
                shutil.rmtree(child) if child.is_dir() else child.unlink()


def _crowded_years(out: Path) -> list[str]:
    """Year partitions with more than EXPORT_MAX_PARTS files: merged back into one base file."""
    folder = out / "articles.parquet"
    if not folder.is_dir():
        return []
    return sorted(d.name[5:] for d in folder.iterdir()
                  if d.is_dir() and sum(1 for _ in d.iterdir()) > EXPORT_MAX_PARTS)


def export_tables(store: StateStore, out: Path, full: bool = False) -> str:
    """Write every table from the store; datapackage.json last (it seals the set).

    Appends what is new when the tables on disk are what the last export committed and no
    exported row changed; otherwise compacts (see the module docstring). Returns the mode
    used, ``append`` or ``compact``, for callers and tests.
    """
    out.mkdir(parents=True, exist_ok=True)
    last = store.last_seq()
    dirty = store.dirty_years()
    committed = None if full else _committed(out)
    rows_changed = False
    if committed is not None:
        before, stamps, parts = committed
        _drop_partial_parts(out, before)
        if _parquet_files(out) != parts or before > last:
            committed = None  # files gone or added by hand, or another state: rewrite every partition
        elif store.changed_since(before):
            rows_changed = True
    if committed is None or rows_changed:
        _mark_compacting(out)
        rewrite_csvs(store, out)
        years = store.years()
        # Only the partitions that changed when the files are the committed ones; all of them otherwise.
        for year in (sorted(set(dirty) & set(years)) if committed is not None else years):
            _rewrite_partition(store, out, year)
        _drop_gone_years(out, years)
        mode = "compact"
    else:
        append_csvs(store, out, stamps, before)
        for year in store.years_after(before):
            _write_partition(store, out, year, f"part-{before + 1:012d}.parquet", after=before)
        crowded = _crowded_years(out)
        if crowded:
            _mark_compacting(out)
        for year in crowded:
            _rewrite_partition(store, out, year)
        mode = "append"
    errors = [dict(zip(("source", "stage", "error", "at"), e, strict=True)) for e in store.errors()]
    _write_parquet_file(out / "errors.parquet", "errors", errors)
    stamps = {t: _stamp(out / f"{t}.csv") for t in TABLES}
    write_datapackage(out, stamps, _parquet_files(out), last)
    (out / COMPACTING).unlink(missing_ok=True)
    store.clear_changed(last)
    store.clear_dirty(dirty)
    return mode
