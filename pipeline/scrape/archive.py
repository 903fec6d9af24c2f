"""WARC archive of crawled articles: request + response records, rotated gzip files.

Files are written as ``DATA/raw/crawl-<site>-<stamp>-<n>.warc.gz.part`` and
renamed when complete, so ``process`` (which only reads ``*.warc.gz``) never sees
half a file. Each article is flushed and marked in ``crawl_seen`` with its end
offset, which lets ``recover_partial`` finish the file of a killed crawl.
The body is stored as received (after transfer decoding): the encoding is decided
later from the evidence, never from a header that may lie.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.scrape.seen import SeenStore

log = logging.getLogger("edunews")

# Scrapy hands over the decoded body: headers that describe the wire encoding would make readers decode twice.
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched article, as the spider hands it to the archive."""

    url: str  # final URL (after redirects)
    urls: tuple[str, ...]  # every canonical URL that led here: marked as seen
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    request_headers: tuple[tuple[str, str], ...]
    fetched_at: str  # ISO-8601 UTC


@dataclass(frozen=True, slots=True)
class NotArticle:
    """A URL that answered with something other than HTML (PDF, image...): remembered, never archived."""

    urls: tuple[str, ...]
    fetched_at: str


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


class WarcArchive:
    """Appends fetched articles to rotating WARC files for one site."""

    def __init__(self, raw_dir: Path, site: str, seen: SeenStore, max_records: int = 1000) -> None:
        self.raw_dir = raw_dir
        self.site = site
        self.seen = seen
        self.max_records = max(1, max_records)
        self.files: list[Path] = []
        self.records = 0
        self._out = None
        self._writer: WARCWriter | None = None
        self._part: Path | None = None
        self._in_file = 0
        self._stamp = stamp()

    def _open(self) -> None:
        self.raw_dir.mkdir(parents=True, exist_ok=True)
        n = len(self.files) + 1
        # Two crawls of a site within one second share the stamp: never reuse (and later
        # overwrite by rename) a file another crawl wrote.
        while True:
            self._part = self.raw_dir / f"crawl-{self.site}-{self._stamp}-{n:03d}.warc.gz.part"
            if not self._part.exists() and not self._part.with_name(self._part.name[: -len(".part")]).exists():
                break
            n += 1
        self._out = self._part.open("ab")
        self._writer = WARCWriter(self._out, gzip=True)
        self._in_file = 0

    def skip(self, item: NotArticle) -> None:
        self.seen.mark(list(item.urls), self.site, "", 0, item.fetched_at, None, None)

    def write(self, item: Fetched) -> None:
        """Write request + response records, flush, and mark the URLs as archived."""
        if self._writer is None:
            self._open()
        assert self._writer is not None and self._out is not None and self._part is not None
        parts = urlsplit(item.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_headers = StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", parts.netloc), *item.request_headers],
                                       is_http_request=True)
        warc_date = item.fetched_at
        request = self._writer.create_warc_record(item.url, "request", http_headers=req_headers,
                                                  warc_headers_dict={"WARC-Date": warc_date})
        headers = [(k, v) for k, v in item.headers if k.lower() not in _DROP_HEADERS]
        headers.append(("Content-Length", str(len(item.body))))
        http = StatusAndHeaders(f"{item.status} {item.reason}".strip(), headers, protocol="HTTP/1.1")
        response = self._writer.create_warc_record(item.url, "response", payload=BytesIO(item.body),
                                                   http_headers=http, warc_headers_dict={"WARC-Date": warc_date})
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        self._writer.write_record(request)
        self._writer.write_record(response)
        self._out.flush()
        end = self._out.tell()
        header = dict((k.lower(), v) for k, v in item.headers)
        self.seen.mark(list(item.urls), self.site, self._part.name, end, item.fetched_at,
                       header.get("etag"), header.get("last-modified"))
        self.records += 1
        self._in_file += 1
        if self._in_file >= self.max_records:
            self._finish()

    def _finish(self) -> None:
        if self._out is None or self._part is None:
            return
        self._out.close()
        self._out = None
        self._writer = None
        final = finish_part(self._part, self.seen)
        if final is not None:
            self.files.append(final)
        self._part = None

    def close(self) -> None:
        self._finish()


def finish_part(part: Path, seen: SeenStore) -> Path | None:
    """Cut a ``.part`` file back to its last archived article and rename it; None when it held none."""
    end = seen.last_offset(part.name)
    size = part.stat().st_size
    if end == 0 or end > size:
        if end > size:  # the marks point past the data: nothing in the file can be trusted
            log.warning("%s is shorter than its crawl state says; its articles will be fetched again", part.name)
            seen.forget_warc(part.name)
        part.unlink()
        return None
    if size > end:
        with part.open("r+b") as handle:
            handle.truncate(end)
    final = part.with_name(part.name[: -len(".part")])
    part.replace(final)
    seen.rename_warc(part.name, final.name)
    return final


def recover_partial(raw_dir: Path, seen: SeenStore) -> list[Path]:
    """Finish the ``.part`` files left by an interrupted crawl (before a new crawl starts)."""
    if not raw_dir.is_dir():
        return []
    out = []
    for part in sorted(raw_dir.glob("crawl-*.warc.gz.part")):
        final = finish_part(part, seen)
        if final is not None:
            log.info("recovered %s from an interrupted crawl", final.name)
            out.append(final)
    return out
