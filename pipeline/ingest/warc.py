"""WARC archives: the archived truth of every fetched page.

Written with warcio's WARCWriter (gzip per record, so a record offset is a seek
target). Read unit by unit (``framing``): each record is parsed by warcio from its own
decompressed unit, so memory does not grow with the archive, and a damaged or cut
record becomes one ``RawPage`` carrying an ``error`` (an ``errors`` row downstream)
while the records before and after it are read as usual.

Pages with an http(s) URL are ``response`` records with a real HTTP status line and
headers; local files without a URL are ``resource`` records (``file://`` target URI,
the file's content type), so no HTTP header can end up in a page's text. Older
ingests wrote ``response`` records with ``file://`` URIs whose payload starts with
HTTP headers: the reader strips those headers too.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.warcwriter import WARCWriter

from pipeline.ingest.framing import Unit, units
from pipeline.records import RawPage

__all__ = ["utc_now", "write_warc", "warc_records", "iter_warc", "page_key", "page_target", "local_path"]

PAGE_RECORDS = ("response", "resource")


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_http(url: str | None) -> bool:
    return bool(url) and url.split(":", 1)[0].lower() in {"http", "https"}  # type: ignore[union-attr]


def write_warc(path: Path, pages: Iterable[tuple[str, bytes, str | None, str | None]]) -> int:
    """Write (url, body, content_type, fetched_at) as WARC records; returns the count.

    Written to a temporary name and renamed, so a crash never leaves half an archive.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("wb") as out:
        count = warc_records(out, pages)
    tmp.replace(path)
    return count


def warc_records(out: Any, pages: Iterable[tuple[str, bytes, str | None, str | None]]) -> int:
    """Write pages to an open binary file: http(s) URLs as response records, others as resource records."""
    writer = WARCWriter(out, gzip=True)
    count = 0
    for url, body, content_type, fetched_at in pages:
        ctype = content_type or "text/html"
        warc_headers = {"WARC-Date": fetched_at or utc_now()}
        if is_http(url):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http,
                                               warc_headers_dict=warc_headers)
        else:
            record = writer.create_warc_record(url, "resource", payload=BytesIO(body), warc_content_type=ctype,
                                               warc_headers_dict=warc_headers)
        writer.write_record(record)
        count += 1
    return count


def page_key(target: str, body: bytes) -> str:
    """What makes two archived pages the same (for idempotent ingests): target URI and bytes.

    The target is the page's URL or, without one, its file's ``file://`` URI: two files with
    the same bytes are two documents (two empty pages are two ``errors`` rows).
    """
    import hashlib

    digest = hashlib.sha1(target.encode("utf-8", "replace") + b"\n")
    digest.update(body)
    return digest.hexdigest()


def page_target(page: RawPage) -> str:
    """The target URI a page was archived under (``file://`` for a local file without a URL)."""
    if page.url is None and page.origin and "://" not in page.origin:
        return Path(page.origin).as_uri()
    return page.url or ""


def local_path(uri: str) -> str:
    """``file:///a/b%20c.html`` -> ``/a/b c.html``."""
    return unquote(urlsplit(uri).path)


def iter_warc(path: Path, ref_prefix: str) -> Iterator[RawPage]:
    """Page records (HTTP 2xx responses, resources) as RawPages; ``raw_ref`` = ``prefix#offset``.

    Damage never raises: it is yielded as a RawPage with ``error`` set (and an empty body),
    one per damaged stretch, and reading goes on after it.
    """
    try:
        stream = path.open("rb")
        size = os.fstat(stream.fileno()).st_size
    except OSError as exc:
        yield _broken(ref_prefix, 0, f"cannot read the archive ({exc.strerror or exc})")
        return
    with stream:
        if size == 0:
            yield _broken(ref_prefix, 0, "empty archive: 0 bytes")
            return
        for unit in units(stream, size):
            if unit.error is not None:
                yield _broken(ref_prefix, unit.offset, unit.error, unit.target)
                continue
            assert unit.data is not None
            with unit.data:
                yield from _unit_pages(unit, ref_prefix)


def _broken(ref_prefix: str, offset: int | str, error: str, target: str | None = None) -> RawPage:
    origin = local_path(target) if target and target.startswith("file:") else target
    return RawPage(body=b"", url=None, source=ref_prefix, raw_ref=f"{ref_prefix}#{offset}",
                   origin=origin, error=error)


def _unit_pages(unit: Unit, ref_prefix: str) -> Iterator[RawPage]:
    """The page records of one unit (normally one record); the first failure ends the unit."""
    iterator = iter(ArchiveIterator(unit.data, check_digests=True))
    number = 0
    while True:
        offset: int | str = unit.offset if number == 0 else f"{unit.offset}.{number}"
        record = None
        try:
            record = next(iterator, None)
            if record is None:
                return
            page = _page(record, ref_prefix, offset) if record.rec_type in PAGE_RECORDS else None
        except Exception as exc:  # noqa: BLE001 - whatever warcio raises on bad bytes is this record's damage
            target = record.rec_headers.get_header("WARC-Target-URI") if record is not None else None
            yield _broken(ref_prefix, offset, f"corrupt record: {_safe(str(exc)) or type(exc).__name__}", target)
            return
        if page is not None:
            yield page
        number += 1


def _page(record: Any, ref_prefix: str, offset: int | str) -> RawPage | None:
    target = record.rec_headers.get_header("WARC-Target-URI") or ""
    with contextlib.redirect_stdout(io.StringIO()) as noise:  # warcio prints (not raises) bad content encodings
        body = record.content_stream().read()
        record.raw_stream.read()
    length = record.length or 0
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return _broken(ref_prefix, offset, f"truncated record: {length - missing:,} of its {length:,} bytes read",
                       target)
    problems = [p for p in record.digest_checker.problems if p.startswith("block digest failed")]
    if problems:
        return _broken(ref_prefix, offset, "corrupt record: its bytes do not match its WARC-Block-Digest", target)
    if noise.getvalue().strip():
        return _broken(ref_prefix, offset, f"corrupt record: bad content encoding ({_safe(noise.getvalue())})",
                       target)
    http = record.http_headers
    if http is None and record.rec_type == "response" and body.startswith((b"HTTP/1.", b"HTTP/2")):
        http, body = _split_http(body)  # an older ingest: HTTP headers inside a file:// record's payload
    if http is not None:
        status = http.get_statuscode() or "200"
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    url: str | None = target or None
    origin = target or None
    if target.lower().startswith("file:"):
        url, origin = None, local_path(target)
    return RawPage(
        body=body,
        url=url,
        source=ref_prefix,
        raw_ref=f"{ref_prefix}#{offset}",
        content_type=content_type,
        fetched_at=_iso(record.rec_headers.get_header("WARC-Date")),
        origin=origin,
    )


def _split_http(payload: bytes) -> tuple[StatusAndHeaders, bytes]:
    stream = BytesIO(payload)
    headers = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/2.0"], verify=False).parse(stream)
    return headers, stream.read()


def _safe(text: str) -> str:
    """One printable line of at most 120 characters: no raw bytes reach a terminal or a table."""
    line = " ".join(text.split())
    line = "".join(ch if ch.isprintable() and ord(ch) < 0x250 else "?" for ch in line)
    return line[:117] + "..." if len(line) > 120 else line


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    return value[:19] + "Z" if len(value) >= 19 else value
