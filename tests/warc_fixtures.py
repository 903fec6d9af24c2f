"""Real WARC files for the ingest and damage tests, made from the real pages of tests/fixtures.

Archives are written with warcio as a crawler writes them (warcinfo, then a request and a
response per page, one gzip member per record), and damaged for real: bytes overwritten
in a record's member, the file cut in the middle of a record.
"""

from __future__ import annotations

import json
import random
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "raw" / "sample"


def real_pages(suffix: str = ".html") -> list[tuple[str, Path]]:
    """(url, file) of every held-out and sample article with that suffix, in a stable order."""
    out = []
    for sources in [*sorted(FIXTURES.glob("heldout*/sources.jsonl")), SAMPLE / "manifest.jsonl"]:
        for line in sources.read_text("utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                path = sources.parent / entry.get("file", "")
                if path.suffix == suffix and path.is_file():
                    out.append((entry["url"], path))
    return out


def crawler_warc(path: Path, pages: list[tuple[str, bytes]], gzip: bool = True) -> list[tuple[int, int]]:
    """Write pages as a crawler would; returns the (start, end) byte span of each response record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "edunews-tests"}))
        for url, body in pages:
            host = url.split("/")[2]
            request = StatusAndHeaders(f"GET /{url.split('/', 3)[-1]} HTTP/1.1", [("Host", host)], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http))
    return response_spans(path)


def response_spans(path: Path) -> list[tuple[int, int]]:
    """(start, end) of each response record, as warcio reads the intact file."""
    spans = []
    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            kind = record.rec_type
            record.content_stream().read()
            start, length = iterator.get_record_offset(), iterator.get_record_length()
            if kind == "response":
                spans.append((start, start + length))
    return spans


def old_ingest_warc(path: Path, pages: list[tuple[Path, bytes, str]]) -> None:
    """An archive as `edunews ingest` wrote them before: response records with file:// target URIs,
    whose payload (warcio does not parse HTTP headers of file:// records) starts with HTTP headers."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for file, body, ctype in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(file.resolve().as_uri(), "response", payload=BytesIO(body),
                                                          http_headers=http))


def overwrite(path: Path, at: int, data: bytes) -> None:
    with path.open("r+b") as stream:
        stream.seek(at)
        stream.write(data)


def random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)
