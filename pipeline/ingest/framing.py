"""Cutting a WARC file into records without trusting it: damage costs one record, not the file.

A ``.warc.gz`` is (normally) one gzip member per record, a ``.warc`` a sequence of
``WARC/1.x`` header blocks each followed by ``Content-Length`` bytes. warcio reads
both, but on damage it stops the whole file (or prints zlib errors and goes on with a
silently cut record). Here the file is walked unit by unit (a gzip member or a plain
record): each unit is decompressed strictly into a spooled temporary file (memory stays
at one record, spilled to disk beyond ``SPOOL_BYTES``) and handed to the record parser;
when a unit is corrupt or cut, the walk reports it once (with its offset) and
*resynchronises*: it scans forward for the next offset where a gzip member that
decompresses to ``WARC/1.`` or a plain ``WARC/1.x`` header line starts, and goes on
from there. What cannot be resynchronised is the rest of the damaged unit.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from tempfile import SpooledTemporaryFile
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
BLOCK = 1 << 16
SPOOL_BYTES = 16 << 20
MAX_HEADER = 1 << 16  # a WARC header block longer than this is not one
_PLAIN_START = re.compile(rb"WARC/1\.\d\r?\n")
_CONTENT_LENGTH = re.compile(rb"\r?\ncontent-length:[ \t]*(\d+)[ \t]*\r?\n", re.I)
_TARGET = re.compile(rb"\r?\nWARC-Target-URI:[ \t]*<?([^\r\n<>]{1,2000})>?\r?\n", re.I)


@dataclass
class Unit:
    """A stretch of the file: readable WARC data (``data``) or damage (``error``).

    ``offset`` is where it starts in the file (the record offset for ``raw_ref``);
    ``end`` where the next unit starts. ``data`` holds uncompressed WARC records,
    positioned at 0; ``target`` is the WARC-Target-URI of a damaged record when its
    headers could still be read (so the error row can name the page).
    """

    offset: int
    end: int
    data: BinaryIO | None = None
    error: str | None = None
    target: str | None = None


def units(stream: BinaryIO, size: int) -> Iterator[Unit]:
    """Walk ``stream`` (a file of ``size`` bytes) unit by unit, resynchronising after damage."""
    last_end = 0  # where the previous unit ended: garbage after it starts there, blank bytes included
    pos = _skip_blank(stream, 0, size)
    while pos < size:
        stream.seek(pos)
        head = stream.read(len(WARC_MAGIC))
        if head.startswith(GZIP_MAGIC):
            unit = _gzip_member(stream, pos)
        elif head == WARC_MAGIC:
            unit = _plain_record(stream, pos, size)
        else:
            unit = Unit(last_end, pos, error="not the start of a WARC record (neither gzip nor a WARC/1.x header)")
        if unit.error is not None:
            resume = next_sync(stream, pos + 1, size)
            unit.end = size if resume is None else resume
            if resume is not None or not unit.error.startswith("truncated"):
                unit.error += _skipped(unit.offset, unit.end, size)
        yield unit
        last_end = unit.end
        pos = _skip_blank(stream, unit.end, size)


def _skipped(start: int, resume: int, size: int) -> str:
    if resume < size:
        return f"; {resume - start:,} byte(s) skipped, reading resumed at offset {resume}"
    return f"; no readable record in the {size - start:,} byte(s) after it" if resume - start > 0 else ""


def _skip_blank(stream: BinaryIO, pos: int, size: int) -> int:
    """Past the CR/LF between records (and the NUL padding some tools leave at the end)."""
    while pos < size:
        stream.seek(pos)
        chunk = stream.read(4096)
        stripped = chunk.lstrip(b"\r\n\x00 \t")
        pos += len(chunk) - len(stripped)
        if stripped:
            return pos
    return size


def _spool() -> BinaryIO:
    return SpooledTemporaryFile(max_size=SPOOL_BYTES)  # type: ignore[return-value]


def _gzip_member(stream: BinaryIO, pos: int) -> Unit:
    """Decompress the gzip member at ``pos`` strictly (CRC and length checked by zlib)."""
    out = _spool()
    decomp = zlib.decompressobj(wbits=31)
    stream.seek(pos)
    read = 0
    head = b""
    while not decomp.eof:
        chunk = stream.read(BLOCK)
        if not chunk:
            out.close()
            return Unit(pos, pos, error="truncated record: the archive ends inside it (gzip data cut short)",
                        target=target_of(head))
        read += len(chunk)
        try:
            data = decomp.decompress(chunk)
        except zlib.error as exc:
            out.close()
            return Unit(pos, pos, error=f"corrupt record: bad gzip data ({_zlib_reason(exc)})",
                        target=target_of(head or _readable_head(stream, pos)))
        if len(head) < MAX_HEADER:
            head += data[: MAX_HEADER - len(head)]
        out.write(data)
    end = pos + read - len(decomp.unused_data)
    if not head.startswith(WARC_MAGIC):
        out.close()
        return Unit(pos, pos, error="not a WARC record (a gzip member that holds no WARC/1.x header)")
    out.seek(0)
    return Unit(pos, end, data=out)


def _readable_head(stream: BinaryIO, pos: int) -> bytes:
    """As much of a damaged member's start as decompresses, fed slowly so the error comes late."""
    decomp = zlib.decompressobj(wbits=31)
    stream.seek(pos)
    head = b""
    for _ in range(32):
        chunk = stream.read(512)
        try:
            head += decomp.decompress(chunk, MAX_HEADER - len(head))
        except zlib.error:
            break
        if not chunk or decomp.eof or len(head) >= MAX_HEADER or b"\r\n\r\n" in head:
            break
    return head


def _zlib_reason(exc: zlib.error) -> str:
    """zlib's message without its 'Error -3 while decompressing data:' prefix."""
    return str(exc).rsplit(":", 1)[-1].strip() or "zlib error"


def _plain_record(stream: BinaryIO, pos: int, size: int) -> Unit:
    """One uncompressed record: its header block, then exactly Content-Length bytes."""
    stream.seek(pos)
    head = stream.read(MAX_HEADER)
    split, sep = head.find(b"\r\n\r\n"), 4
    bare = head.find(b"\n\n")  # some tools end header lines with LF alone
    if split < 0 or 0 <= bare < split:
        split, sep = bare, 2
    if split < 0:
        return Unit(pos, pos, error="corrupt record: a WARC header block with no end", target=target_of(head))
    header = head[: split + sep]
    match = _CONTENT_LENGTH.search(header)
    if not match:
        return Unit(pos, pos, error="corrupt record: no Content-Length in its WARC header", target=target_of(head))
    length = int(match.group(1))
    block_start = pos + split + sep
    if block_start + length > size:
        return Unit(pos, pos, target=target_of(head),
                    error=f"truncated record: the archive ends after {size - block_start:,} of its {length:,} bytes")
    out = _spool()
    stream.seek(pos)
    remaining = block_start + length - pos
    while remaining:
        chunk = stream.read(min(BLOCK, remaining))
        out.write(chunk)
        remaining -= len(chunk)
    out.write(b"\r\n\r\n")
    out.seek(0)
    end = block_start + length
    for separator in (b"\r\n\r\n", b"\n\n"):  # the record's own end: what follows it is the next unit's
        if stream.read(len(separator)) == separator:
            end += len(separator)
            break
        stream.seek(end)
    return Unit(pos, end, data=out)


def next_sync(stream: BinaryIO, start: int, size: int) -> int | None:
    """The first offset >= start where a gzip member of WARC data or a WARC/1.x header line begins."""
    pos = start
    overlap = len(WARC_MAGIC) + 4
    while pos < size:
        stream.seek(pos)
        chunk = stream.read(BLOCK + overlap)
        if not chunk:
            return None
        candidates = [pos + m.start() for m in re.finditer(re.escape(GZIP_MAGIC), chunk)]
        candidates += [pos + m.start() for m in _PLAIN_START.finditer(chunk)]
        for cand in sorted(set(candidates)):
            if cand >= start and _starts_record(stream, cand):
                return cand
        pos += BLOCK
    return None


def _starts_record(stream: BinaryIO, pos: int) -> bool:
    stream.seek(pos)
    raw = stream.read(4096)
    if raw.startswith(WARC_MAGIC):
        return True
    if not raw.startswith(GZIP_MAGIC):
        return False
    try:
        return zlib.decompressobj(wbits=31).decompress(raw, len(WARC_MAGIC)) == WARC_MAGIC
    except zlib.error:
        return False


def target_of(head: bytes) -> str | None:
    """The WARC-Target-URI in a (maybe partial) header block, if it is readable text."""
    if not head.startswith(WARC_MAGIC):
        return None
    end = head.find(b"\r\n\r\n")
    match = _TARGET.search(head[: end if end > 0 else len(head)])
    if not match:
        return None
    value = match.group(1).decode("utf-8", "replace").strip()
    return value if value.isprintable() else None
