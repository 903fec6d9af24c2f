"""Raw input: what lives in ``data/raw/`` and how outside archives get there.

``data/raw/`` holds WARC files (``*.warc``, ``*.warc.gz``) and folders of pages
with a ``manifest.jsonl`` (one JSON object per page: file, url, fetched_at,
content_type). ``iter_raw`` reads both lazily, in a stable order, so that
processing is deterministic and never holds the archive in memory.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import ArchiveError, InputError
from pipeline.ingest.datasets import columns_file, is_dataset, iter_dataset
from pipeline.ingest.warc import iter_warc, utc_now, write_warc
from pipeline.records import RawPage

__all__ = ["iter_raw", "raw_sources", "ingest_paths", "read_manifest", "iter_source"]

PAGE_SUFFIXES = {".html", ".htm", ".xhtml", ".txt"}


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
    """Pages listed in a manifest; a missing or unreadable file is reported as a RawPage error."""
    for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            name = entry["file"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise ArchiveError(f"{ref_prefix} line {n}: not a JSON object with a 'file' key") from None
        page_path = path.parent / name
        body = page_path.read_bytes() if page_path.is_file() else b""
        yield RawPage(
            body=body,
            url=entry.get("url"),
            source=ref_prefix,
            raw_ref=f"{ref_prefix}#{n}",
            content_type=entry.get("content_type"),
            fetched_at=entry.get("fetched_at"),
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


def _page_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
    return [path]


def ingest_paths(paths: list[Path], raw_dir: Path, url: str | None = None) -> dict[str, int]:
    """Copy WARC files into raw_dir and archive loose pages into one new WARC.

    Pages keep the URL given (``--url``, for a single page) or none; their
    fetched_at is the ingest time. Returns counts per kind.
    """
    counts = {"warc_files": 0, "pages": 0}
    pages: list[tuple[str, bytes, str | None, str | None]] = []
    raw_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_file() and path.name.endswith((".warc", ".warc.gz")):
            target = raw_dir / "ingested" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".part")
            shutil.copyfile(path, tmp)
            tmp.replace(target)
            counts["warc_files"] += 1
            continue
        for page in _page_files(path):
            ctype = "text/plain" if page.suffix.lower() == ".txt" else "text/html"
            page_url = url if (url and len(paths) == 1 and path.is_file()) else page.resolve().as_uri()
            pages.append((page_url, page.read_bytes(), ctype, utc_now()))
    if pages:
        stamp = utc_now().replace(":", "").replace("-", "")
        write_warc(raw_dir / f"ingest-{stamp}.warc.gz", pages)
        counts["pages"] = len(pages)
    return counts
