"""Raw input: what lives in ``data/raw/`` and how outside archives get there.

``data/raw/`` holds WARC files (``*.warc``, ``*.warc.gz``) and folders of pages
with a ``manifest.jsonl`` (one JSON object per page: file, url, fetched_at,
content_type). ``iter_raw`` reads both lazily, in a stable order, so that
processing is deterministic and never holds the archive in memory. Damage in an
archive or a manifest is yielded as a RawPage with ``error`` set (one ``errors`` row
downstream), never raised: the rest of the file and every other file are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from pipeline.ingest.datasets import columns_file, is_dataset, iter_dataset
from pipeline.ingest.local import IngestReport, ingest_paths, read_url_pairs
from pipeline.ingest.warc import iter_warc
from pipeline.records import RawPage

__all__ = ["iter_raw", "raw_sources", "ingest_paths", "IngestReport", "read_url_pairs", "read_manifest",
           "iter_source"]


def raw_sources(raw_dir: Path) -> list[Path]:
    """Archive files and manifests under raw_dir, sorted (the processing order)."""
    if not raw_dir.is_dir():
        return []
    found = [
        p for p in raw_dir.rglob("*")
        if p.is_file() and (p.name.endswith((".warc", ".warc.gz")) or p.name == "manifest.jsonl"
                            or (is_dataset(p) and columns_file(p).is_file()))
    ]
    return sorted(found, key=lambda p: p.relative_to(raw_dir).as_posix())


def read_manifest(path: Path, ref_prefix: str) -> Iterator[RawPage]:
    """Pages listed in a manifest; a missing page file reads as empty (an ``errors`` row when cleaned),
    a line that is not a page entry is a RawPage with ``error`` set."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield RawPage(b"", None, ref_prefix, f"{ref_prefix}#0", error=f"cannot read the manifest ({exc})"[:200])
        return
    folder = PurePosixPath(ref_prefix).parent
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            name = entry["file"]
            if not isinstance(name, str):
                raise TypeError
        except (json.JSONDecodeError, KeyError, TypeError):
            yield RawPage(b"", None, ref_prefix, f"{ref_prefix}#{n}",
                          error="not a JSON object with a 'file' key (a bad manifest line)")
            continue
        page_path = path.parent / name
        try:
            body = page_path.read_bytes() if page_path.is_file() else b""
        except OSError as exc:
            yield RawPage(b"", None, ref_prefix, f"{ref_prefix}#{n}", origin=(folder / name).as_posix(),
                          error=f"cannot read the page ({exc.strerror or exc})")
            continue
        yield RawPage(
            body=body,
            url=entry.get("url"),
            source=ref_prefix,
            raw_ref=f"{ref_prefix}#{n}",
            content_type=entry.get("content_type"),
            fetched_at=entry.get("fetched_at"),
            origin=(folder / name).as_posix(),
        )


def iter_source(path: Path, raw_dir: Path) -> Iterator[RawPage]:
    ref = path.relative_to(raw_dir).as_posix()
    if path.name == "manifest.jsonl":
        yield from read_manifest(path, ref)
    elif is_dataset(path):
        yield from iter_dataset(path, ref)
    else:
        yield from iter_warc(path, ref)


def iter_raw(raw_dir: Path) -> Iterator[RawPage]:
    for path in raw_sources(raw_dir):
        yield from iter_source(path, raw_dir)
