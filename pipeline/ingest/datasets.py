"""News datasets as raw input: CSV, JSON Lines and Parquet files, one article a row.

Researchers share news as tables with the text already extracted (``text``) or the
page kept (``html``). Each row becomes one ``RawPage`` whose body is the row's mapped
fields as JSON (content type ``ROW_CONTENT_TYPE``): the state store hashes that body,
so a rerun over the same file processes nothing and a changed row (text, title or date)
is processed again. The clean stage reads the JSON back (``pipeline.clean.clean_row``).

Rows are read as a stream (``csv`` over a text stream, one JSON line at a time,
Parquet record batches), so a file of any size never sits in memory. A row's
``raw_ref`` is ``<file>#row=<n>`` (1-based data row): stable while a dataset grows by
appending rows, which is how shared datasets are usually updated.

Which column holds which field comes from ``--columns`` (``url=link,text=body``), else
from the usual names listed in ``models/dataset_columns.json``. The resolved mapping is
kept beside the copy in ``raw/`` as ``<file>.columns.json`` so that later runs read the
file the same way.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from pipeline.errors import InputError
from pipeline.knowledge import models_dir as active_models_dir
from pipeline.records import RawPage

__all__ = [
    "DATASET_SUFFIXES", "FIELDS", "ROW_CONTENT_TYPE", "is_dataset", "parse_columns", "resolve_columns",
    "iter_dataset", "ingest_dataset", "columns_file",
]

ROW_CONTENT_TYPE = "application/vnd.edunews.row+json"
DATASET_SUFFIXES = (".csv", ".csv.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".parquet")
FIELDS = ("url", "title", "text", "html", "published", "author")


def is_dataset(path: Path) -> bool:
    """A table of articles (by its name); ``manifest.jsonl`` lists pages and is not one."""
    return path.name != "manifest.jsonl" and path.name.lower().endswith(DATASET_SUFFIXES)


def columns_file(path: Path) -> Path:
    """Where the column mapping of a dataset copied into ``raw/`` is kept."""
    return path.with_name(path.name + ".columns.json")


def parse_columns(spec: str | None) -> dict[str, str]:
    """``"url=link,text=body"`` -> ``{"url": "link", "text": "body"}`` (fields checked)."""
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column or field not in FIELDS:
            raise InputError(f"--columns: {part.strip()!r} is not FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        out[field] = column
    return out


def _usual_names(models_dir: Path | None = None) -> dict[str, list[str]]:
    data = json.loads(((models_dir or active_models_dir()) / "dataset_columns.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if k in FIELDS}


def _open_text(path: Path) -> IO[str]:
    raw: IO[bytes] = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # noqa: SIM115 - the wrapper closes it
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")


def _kind(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    return "csv" if name.endswith(".csv") else "parquet" if name.endswith(".parquet") else "jsonl"


def header(path: Path) -> list[str]:
    """The dataset's column names (CSV header, first JSON object's keys, Parquet schema)."""
    try:
        kind = _kind(path)
        if kind == "parquet":
            import pyarrow.parquet as pq

            return list(pq.ParquetFile(path).schema_arrow.names)
        with _open_text(path) as fh:
            if kind == "csv":
                return next(csv.reader(fh), [])
            for line in fh:
                if line.strip():
                    obj = json.loads(line)
                    return list(obj) if isinstance(obj, dict) else []
            return []
    except (OSError, ValueError, csv.Error, EOFError) as exc:
        raise InputError(f"{path}: not a readable {_kind(path).upper()} file ({exc})") from None


def resolve_columns(path: Path, given: Mapping[str, str], models_dir: Path | None = None) -> dict[str, str]:
    """The field -> column mapping for ``path``: the given one, the rest guessed from usual names.

    Raises InputError (bad usage) when a given column is missing or when no column can
    hold the article (neither ``text`` nor ``html``): the message lists the columns.
    """
    names = header(path)
    present = {n.casefold(): n for n in names}
    missing = [c for c in given.values() if c not in names]
    if missing:
        raise InputError(f"{path}: no column {', '.join(map(repr, missing))}; its columns are {', '.join(names)}")
    out = dict(given)
    for field, usual in _usual_names(models_dir).items():
        if field not in out:
            found = next((present[u.casefold()] for u in usual if u.casefold() in present), None)
            if found:
                out[field] = found
    if "text" not in out and "html" not in out:
        raise InputError(f"{path}: no text or html column among ({', '.join(names)}); "
                         "say which with --columns text=COLUMN or html=COLUMN")
    return out


def _rows(path: Path, wanted: list[str]) -> Iterator[dict[str, Any]]:
    kind = _kind(path)
    if kind == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        cols = [c for c in wanted if c in pf.schema_arrow.names]
        for batch in pf.iter_batches(batch_size=256, columns=cols):
            yield from batch.to_pylist()
        return
    with _open_text(path) as fh:
        if kind == "csv":
            csv.field_size_limit(sys.maxsize)
            yield from csv.DictReader(fh)
            return
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                obj = {"__error__": f"line {n} is not JSON"}
            yield obj if isinstance(obj, dict) else {"__error__": f"line {n} is not a JSON object"}


def _value(row: Mapping[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if value is None:
        return None
    if not isinstance(value, str):
        value = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return value if value.strip() else None


def iter_dataset(path: Path, ref_prefix: str, columns: Mapping[str, str] | None = None) -> Iterator[RawPage]:
    """One RawPage per data row; the mapping comes from ``columns``, the kept file or the usual names."""
    if columns is None:
        kept = columns_file(path)
        columns = json.loads(kept.read_text("utf-8")) if kept.is_file() else resolve_columns(path, {})
    n = 0
    try:
        for n, row in enumerate(_rows(path, list(columns.values())), start=1):
            fields = {f: _value(row, columns.get(f)) for f in FIELDS}
            record: dict[str, Any] = {"row": n, **{k: v for k, v in fields.items() if v is not None}}
            body = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
            yield RawPage(body=body, url=fields["url"], source=ref_prefix, raw_ref=f"{ref_prefix}#row={n}",
                          content_type=ROW_CONTENT_TYPE, origin=fields["url"] or f"row {n}",
                          error=f"row {n}: {row['__error__']}" if "__error__" in row else None)
    except (OSError, ValueError, csv.Error, EOFError) as exc:
        # A damaged file: the rows before the damage stand; the damage is one errors row.
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield RawPage(b"", None, ref_prefix, f"{ref_prefix}#row={n + 1}", origin=f"row {n + 1}",
                      error=f"unreadable from row {n + 1} on ({message[:160]})")


def _sha1(path: Path) -> str:
    h = hashlib.sha1()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def ingest_dataset(path: Path, raw_dir: Path, given: Mapping[str, str] | None = None) -> str:
    """Copy a dataset into ``raw_dir/datasets/`` with its column mapping; returns what was done.

    The same file again is a no-op ("unchanged"); a new version of a file of the same name
    replaces the copy ("updated"), so the next run processes only its new or changed rows.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    columns = resolve_columns(path, given or {})
    target = raw_dir / "datasets" / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    kept = columns_file(target)
    mapping = json.dumps(columns, sort_keys=True, indent=1)
    if target.is_file() and _sha1(target) == _sha1(path) and kept.is_file() and kept.read_text("utf-8") == mapping:
        return "unchanged"
    action = "updated" if target.exists() else "added"
    tmp = target.with_name(target.name + ".part")
    shutil.copyfile(path, tmp)
    kept_tmp = kept.with_name(kept.name + ".part")
    kept_tmp.write_text(mapping, "utf-8")
    kept_tmp.replace(kept)
    tmp.replace(target)  # the data last: a copy without its mapping never appears
    return action
