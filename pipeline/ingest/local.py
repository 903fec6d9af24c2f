"""``edunews ingest``: local pages and archives into ``data/raw/``, never overwriting, never twice.

Loose pages (``.html``/``.htm``/``.xhtml``/``.txt``/``.md``, the same gzipped, and
``.pdf``) are archived into one new WARC per ingest whose name can never collide:
``ingest-<UTC time to the microsecond>-<hash of its pages>.warc.gz``, written under a
temporary name and linked into place (a link never replaces a file). WARC files are
copied into ``raw/ingested/`` the same way. Each page's URL comes from ``--url`` (one
page), a folder's ``manifest.jsonl`` (the README's form) or a ``--urls-from`` list
(``path<TAB>url`` per line).

Ingesting the same thing twice is a no-op: ``raw/.ingest-index.json`` keeps, per
archive ingested, the keys of its pages (sha1 of URL and bytes) or of the copied file,
and is rebuilt from the archives themselves when it is missing or stale. Concurrent
ingests into one data folder take turns on ``raw/.ingest.lock``.

Everything left out is reported, with why: ``skipped`` (already ingested, not a page)
or ``failed`` (missing, unreadable, a bad manifest line); only failures make the
command exit 1.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import re
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pipeline.ingest.warc import is_http, iter_warc, page_key, page_target, utc_now, warc_records
from pipeline.settings import PAGE_SUFFIX_TYPES

__all__ = ["IngestReport", "ingest_paths", "read_url_pairs", "PAGE_TYPES"]

PAGE_TYPES = PAGE_SUFFIX_TYPES
INDEX = ".ingest-index.json"
_URL = re.compile(r"^https?://[^\s/]+\S*$", re.I)


@dataclass
class IngestReport:
    """What an ingest did: counts, the new archive, and every input left out with its reason."""

    warc_files: int = 0
    pages: int = 0
    archive: str | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input, why): nothing wrong with it
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, why): the user should look


@dataclass
class _Page:
    path: Path
    url: str | None = None
    fetched_at: str | None = None
    content_type: str | None = None


def page_type(path: Path) -> str | None:
    """The content type of a page file by its name (``x.html.gz`` is HTML), None when not a page."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return PAGE_TYPES.get(Path(name).suffix)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def read_url_pairs(path: Path) -> tuple[list[tuple[Path, str]], list[tuple[str, str]]]:
    """``path<TAB>url`` lines -> (pairs, problems). Relative paths are read from the list's folder
    (or, when not there, from the working folder); ``#`` lines and a ``path<TAB>url`` header are ignored."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [(str(path), f"cannot read the list ({getattr(exc, 'strerror', None) or exc})")]
    pairs: list[tuple[Path, str]] = []
    problems: list[tuple[str, str]] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, tab, url = line.partition("\t")
        name, url = name.strip(), url.strip()
        where = f"{path}:{n}"
        if n == 1 and name.lower() in {"path", "file"} and url.lower() == "url":
            continue
        if not tab:
            problems.append((where, "no TAB between the path and the URL"))
        elif not _URL.match(url):
            problems.append((where, f"not an http(s) URL: {url[:80]!r}"))
        else:
            page = Path(name).expanduser()
            if not page.is_absolute() and not (path.parent / page).exists() and page.exists():
                pairs.append((page, url))
            else:
                pairs.append((page if page.is_absolute() else path.parent / page, url))
    return pairs, problems


def ingest_paths(
    paths: list[Path], raw_dir: Path, url: str | None = None, pairs: list[tuple[Path, str]] | None = None
) -> IngestReport:
    """Archive pages and copy WARC files into raw_dir; see the module docstring for the rules.

    ``url`` is the URL of the only page in ``paths``; ``pairs`` are (page, URL) from a list.
    """
    report = IngestReport()
    pages: list[_Page] = []
    warcs: list[Path] = []
    for path in paths:
        _collect(path, url if len(paths) == 1 else None, pages, warcs, report)
    for path, page_url in pairs or []:
        if not path.is_file():
            report.failed.append((str(path), f"no such file (listed with {page_url})"))
        elif page_type(path) is None:
            report.skipped.append((str(path), _not_a_page(path)))
        else:
            pages.append(_Page(path, page_url))
    raw_dir.mkdir(parents=True, exist_ok=True)
    with _ingest_lock(raw_dir):
        index = _Index(raw_dir)
        for path in warcs:
            _copy_warc(path, raw_dir, index, report)
        _archive_pages(pages, raw_dir, index, report)
        index.save()
    return report


def _collect(path: Path, url: str | None, pages: list[_Page], warcs: list[Path], report: IngestReport) -> None:
    if not path.exists():
        report.failed.append((str(path), "no such file or folder"))
    elif path.is_dir():
        _collect_folder(path, pages, warcs, report)
    elif is_warc(path):
        warcs.append(path)
    elif path.suffix.lower() == ".jsonl":
        listed = _read_manifest(path, report)
        if listed is None:
            report.skipped.append((str(path), "not a manifest.jsonl (no 'file' key): news datasets are not ingested"))
        pages.extend(listed or [])
    elif page_type(path) is None:
        report.skipped.append((str(path), _not_a_page(path)))
    else:
        pages.append(_Page(path, url))


def _collect_folder(folder: Path, pages: list[_Page], warcs: list[Path], report: IngestReport) -> None:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not _hidden(p.relative_to(folder)))
    listed: set[Path] = set()
    manifests = [p for p in files if p.name == "manifest.jsonl"]
    for manifest in manifests:
        for page in _read_manifest(manifest, report) or []:
            listed.add(page.path.resolve())
            pages.append(page)
    governed = {m.parent for m in manifests}
    for path in files:
        if path.name == "manifest.jsonl" or path.resolve() in listed:
            continue
        if governed.intersection(path.parents) and not is_warc(path):
            report.skipped.append((str(path), "not listed in its folder's manifest.jsonl"))
        elif is_warc(path):
            warcs.append(path)
        elif page_type(path) is None:
            report.skipped.append((str(path), _not_a_page(path)))
        else:
            pages.append(_Page(path))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _not_a_page(path: Path) -> str:
    kind = "".join(path.suffixes[-2:]).lower() or "no suffix"
    return f"not a page or WARC file ({kind}; pages are {', '.join(sorted(PAGE_TYPES))}, gzipped or not)"


def _read_manifest(manifest: Path, report: IngestReport) -> list[_Page] | None:
    """The pages a manifest.jsonl lists (with URL, fetched_at, content_type); None when it is not one."""
    try:
        lines = manifest.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        report.failed.append((str(manifest), f"cannot read ({getattr(exc, 'strerror', None) or exc})"))
        return []
    out: list[_Page] = []
    seen_entry = False
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{manifest}:{n}"
        try:
            entry = json.loads(line)
            name = entry["file"]
            if not isinstance(name, str) or not name:
                raise TypeError
        except (json.JSONDecodeError, KeyError, TypeError):
            if not seen_entry and manifest.name != "manifest.jsonl":
                return None
            report.failed.append((where, "not a JSON object with a 'file' key"))
            continue
        seen_entry = True
        path = manifest.parent / name
        if not path.is_file():
            report.failed.append((where, f"{name}: no such file"))
            continue
        page_url = entry.get("url") if isinstance(entry.get("url"), str) else None
        if page_url and not is_http(page_url):
            report.failed.append((where, f"not an http(s) URL: {page_url[:80]!r}"))
            continue
        out.append(_Page(path, page_url, _text(entry.get("fetched_at")), _text(entry.get("content_type"))))
    return out


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _read_page(page: _Page) -> bytes:
    data = page.path.read_bytes()
    if page.path.name.lower().endswith(".gz"):
        return gzip.decompress(data)
    return data


def _archive_pages(pages: list[_Page], raw_dir: Path, index: _Index, report: IngestReport) -> None:
    records: list[tuple[str, bytes, str | None, str | None]] = []
    keys: list[str] = []
    first: dict[str, str] = {}
    for page in pages:
        try:
            body = _read_page(page)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            report.failed.append((str(page.path), f"not a readable gzip file ({exc or 'cut short'})"))
            continue
        except OSError as exc:
            report.failed.append((str(page.path), f"cannot read ({exc.strerror or exc})"))
            continue
        target = page.url or page.path.resolve().as_uri()
        key = page_key(target, body)
        where = index.archive_of(key) or first.get(key)
        if where:
            report.skipped.append((str(page.path), f"already ingested ({_same(page)} in {where})"))
            continue
        first[key] = str(page.path)
        ctype = page.content_type or page_type(page.path)
        records.append((target, body, ctype, page.fetched_at or utc_now()))
        keys.append(key)
    if not records:
        return
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    digest = hashlib.sha1("".join(keys).encode()).hexdigest()[:12]
    tmp = raw_dir / f".ingest-{uuid.uuid4().hex}.part"
    with tmp.open("wb") as out:
        warc_records(out, records)
        out.flush()
        os.fsync(out.fileno())
    final = _link_new(tmp, raw_dir, f"ingest-{stamp}-{digest}", ".warc.gz")
    report.archive = final.name
    report.pages = len(records)
    index.add(final, keys)


def _same(page: _Page) -> str:
    return "the same page and URL" if page.url else "the same file and bytes"


def _copy_warc(path: Path, raw_dir: Path, index: _Index, report: IngestReport) -> None:
    target_dir = raw_dir / "ingested"
    target_dir.mkdir(parents=True, exist_ok=True)
    tmp = raw_dir / f".ingest-{uuid.uuid4().hex}.part"
    try:
        key = "warc:" + _copy_hashing(path, tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        report.failed.append((str(path), f"cannot read ({exc.strerror or exc})"))
        return
    where = index.archive_of(key)
    if where:
        tmp.unlink()
        report.skipped.append((str(path), f"already ingested (the same file is {where})"))
        return
    suffix = ".warc.gz" if path.name.lower().endswith(".warc.gz") else ".warc"
    stem = path.name[: -len(suffix)]
    final = _link_new(tmp, target_dir, stem, suffix, key[5:13])
    index.add(final, [key])
    report.warc_files += 1


def _copy_hashing(source: Path, target: Path) -> str:
    digest = hashlib.sha1()
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(1 << 20):
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest()


def _link_new(tmp: Path, folder: Path, stem: str, suffix: str, tag: str = "") -> Path:
    """Give tmp a name in folder that no file has: hard links fail rather than replace."""
    names = [f"{stem}{suffix}"] if not tag else [f"{stem}{suffix}", f"{stem}-{tag}{suffix}"]
    names += [f"{stem}-{tag or 'n'}-{n}{suffix}" for n in range(2, 1000)]
    try:
        for name in names:
            final = folder / name
            try:
                os.link(tmp, final)
                return final
            except FileExistsError:
                continue
        raise FileExistsError(f"{folder / names[0]}: too many archives of this name")
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def _ingest_lock(raw_dir: Path) -> Iterator[None]:
    """Ingests into one folder take turns (they are short): blocking, unlike a run's lock."""
    with (raw_dir / ".ingest.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _Index:
    """Keys of what earlier ingests archived, per archive; checked against the archives on disk."""

    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = raw_dir
        self.path = raw_dir / INDEX
        try:
            saved = json.loads(self.path.read_text("utf-8")).get("archives", {})
        except (OSError, ValueError, AttributeError):
            saved = {}
        self.archives: dict[str, dict] = {}
        self.changed = False
        for archive in self._archives_on_disk():
            rel = archive.relative_to(raw_dir).as_posix()
            stat = archive.stat()
            entry = saved.get(rel) if isinstance(saved, dict) else None
            if not (isinstance(entry, dict) and entry.get("size") == stat.st_size
                    and entry.get("mtime_ns") == stat.st_mtime_ns):
                entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "keys": self._keys(archive)}
                self.changed = True
            self.archives[rel] = entry
        self.changed = self.changed or set(self.archives) != set(saved if isinstance(saved, dict) else {})
        self.by_key = {key: rel for rel, entry in self.archives.items() for key in entry.get("keys", [])}

    def _archives_on_disk(self) -> list[Path]:
        found = list(self.raw_dir.glob("ingest-*.warc.gz"))
        folder = self.raw_dir / "ingested"
        if folder.is_dir():
            found += [p for p in folder.iterdir() if p.is_file() and is_warc(p)]
        return sorted(found)

    def _keys(self, archive: Path) -> list[str]:
        if archive.parent.name == "ingested":
            digest = hashlib.sha1()
            with archive.open("rb") as src:
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
            return ["warc:" + digest.hexdigest()]
        return [page_key(page_target(p), p.body) for p in iter_warc(archive, archive.name) if p.error is None]

    def archive_of(self, key: str) -> str | None:
        return self.by_key.get(key)

    def add(self, archive: Path, keys: list[str]) -> None:
        rel = archive.relative_to(self.raw_dir).as_posix()
        stat = archive.stat()
        self.archives[rel] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "keys": keys}
        self.by_key.update(dict.fromkeys(keys, rel))
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        tmp = self.path.with_name(f"{INDEX}.{uuid.uuid4().hex}.part")
        tmp.write_text(json.dumps({"archives": self.archives}, sort_keys=True), "utf-8")
        tmp.replace(self.path)
        self.changed = False
