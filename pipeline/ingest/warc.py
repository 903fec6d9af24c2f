"""WARC archives: the archived truth of every fetched page.

Written with warcio's WARCWriter (gzip per record, so a record offset is a seek
target), read lazily with ArchiveIterator: memory does not grow with the archive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.errors import ArchiveError
from pipeline.records import RawPage


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_warc(path: Path, pages: Iterable[tuple[str, bytes, str | None, str | None]]) -> int:
    """Write (url, body, content_type, fetched_at) as WARC response records; returns the count.

    Written to a temporary name and renamed, so a crash never leaves half an archive.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, content_type, fetched_at in pages:
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", content_type or "text/html"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": fetched_at or utc_now()},
            )
            writer.write_record(record)
            count += 1
    tmp.replace(path)
    return count


def iter_warc(path: Path, ref_prefix: str) -> Iterator[RawPage]:
    """Response records (HTTP 200, HTML or text) as RawPages; ``raw_ref`` = ``prefix#offset``."""
    try:
        with path.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                if record.rec_type not in {"response", "resource"}:
                    continue
                status = record.http_headers.get_statuscode() if record.http_headers else "200"
                if status and not status.startswith("2"):
                    continue
                content_type = record.http_headers.get_header("Content-Type") if record.http_headers else (
                    record.rec_headers.get_header("Content-Type"))
                body = record.content_stream().read()
                offset = iterator.get_record_offset()
                yield RawPage(
                    body=body,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    source=ref_prefix,
                    raw_ref=f"{ref_prefix}#{offset}",
                    content_type=content_type,
                    fetched_at=_iso(record.rec_headers.get_header("WARC-Date")),
                )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        raise ArchiveError(f"{ref_prefix}: unreadable WARC ({exc})") from None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    return value[:19] + "Z" if len(value) >= 19 else value
