"""Fuzz `process` with damaged archives: it always finishes, and damage costs only what it touched.

Each example writes real pages into real WARC files (gzipped per record, or not) in a fresh
data folder, damages one archive for real (bytes overwritten inside a record, the file cut
inside a record, garbage between records, random bytes or gzipped random bytes as a whole
archive) and runs `edunews process` (the real command, in this process so the spaCy model
is loaded once). It checks that the run ends with its tables and its summary line, that
every intact record of every archive is an article, and that the damage is exactly one
`errors` row pointing at the record (archive and offset) it hit.

Uncompressed WARC headers carry no checksum (only the block has a digest), so damage to an
uncompressed archive is put inside record blocks; gzip members are checked whole (CRC).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warc_fixtures import crawler_warc, real_pages

import pipeline
from pipeline.cli import main
from pipeline.ingest.warc import iter_warc

BLANK = b"\r\n\x00 \t"


def _small_pages() -> list[tuple[str, bytes]]:
    by_size = sorted(real_pages(".html"), key=lambda item: item[1].stat().st_size)[:8]
    return [(url, path.read_bytes()) for url, path in by_size]


PAGES = _small_pages()
GOOD_BEFORE, DAMAGED, GOOD_AFTER = PAGES[:2], PAGES[2:6], PAGES[6:8]


def _block_span(data: bytes, start: int, end: int) -> tuple[int, int]:
    """The block (Content-Length bytes) of the uncompressed record at data[start:end]."""
    header_end = data.index(b"\r\n\r\n", start) + 4
    length = int(re.search(rb"Content-Length: (\d+)", data[start:header_end]).group(1))
    return header_end, header_end + length


@st.composite
def damage(draw: st.DrawFn) -> dict:
    kind = draw(st.sampled_from(["overwrite", "cut", "garbage", "random", "gzip-random"]))
    gz = draw(st.booleans())
    record = draw(st.integers(0, len(DAMAGED) - 1))
    return {
        "kind": kind, "gz": gz, "record": record,
        "where": draw(st.floats(0.0, 1.0, exclude_max=True)),
        "bytes": draw(st.binary(min_size=1, max_size=200)),
    }


def _damage_archive(path: Path, spec: dict) -> tuple[bytes, set[int], int | None]:
    """Damage the archive at path; returns (its bytes, indexes of records lost, offset of the error row)."""
    spans = crawler_warc(path, DAMAGED, gzip=spec["gz"])
    data = path.read_bytes()
    k = spec["record"]
    start, end = spans[k]
    lo, hi = (start, end) if spec["gz"] else _block_span(data, start, end)
    if spec["kind"] == "overwrite":
        at = lo + int(spec["where"] * (hi - lo))
        patch = spec["bytes"][: hi - at]
        damaged = data[:at] + patch + data[at + len(patch):]
        if damaged == data:
            return damaged, set(), None
        return damaged, {k}, start
    if spec["kind"] == "cut":
        at = start + 1 + int(spec["where"] * (hi - start - 1))
        return data[:at], set(range(k, len(DAMAGED))), start
    if spec["kind"] == "garbage":
        junk = spec["bytes"]
        return data[:start] + junk + data[start:], set(), None if not junk.strip(BLANK) else start
    junk = spec["bytes"] if spec["kind"] == "random" else gzip.compress(spec["bytes"])
    if not junk.strip(BLANK):
        return junk, set(range(len(DAMAGED))), None
    return junk, set(range(len(DAMAGED))), 0


def _reads_back(path: Path, k: int) -> bool:
    """Record k still reads as its original page (byte for byte): the damage changed no content."""
    url, body = DAMAGED[k]
    return any(p.url == url and p.body == body for p in iter_warc(path, path.name) if p.error is None)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=damage())
def test_process_survives_any_damage_and_loses_only_what_it_touched(spec: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        raw = data / "raw"
        raw.mkdir(parents=True)
        crawler_warc(raw / "a-good.warc.gz", GOOD_BEFORE)
        crawler_warc(raw / "z-good.warc.gz", GOOD_AFTER)
        name = "m-damaged.warc.gz" if spec["gz"] or spec["kind"].endswith("random") else "m-damaged.warc"
        target = raw / name
        damaged, lost, error_offset = _damage_archive(target, spec)
        target.write_bytes(damaged)
        if spec["kind"] == "overwrite" and error_offset is not None and _reads_back(target, spec["record"]):
            lost, error_offset = set(), None  # only gzip header fields (time, OS) were hit: nothing is lost

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["process", "--data", str(data), "--workers", "1", "-q"])
        log = err.getvalue()
        assert "Traceback" not in log
        summary = log.strip().splitlines()[-1]
        assert re.search(r"new \d+, changed 0, unchanged 0, failed \d+", summary), log
        tables = pipeline.load_tables(data / "processed")
        urls = set(tables["articles"]["url"])
        good = [url for url, _ in GOOD_BEFORE + GOOD_AFTER]
        good += [url for i, (url, _) in enumerate(DAMAGED) if i not in lost]
        assert set(good) <= urls, f"good documents lost: {set(good) - urls}\n{log}"
        errors = tables["errors"]
        if error_offset is None:
            assert errors.empty, errors.to_string()
            assert code == 0
        else:
            assert len(errors) == 1, errors.to_string()
            assert errors["source"].iloc[0].split(" ")[0] == f"{name}#{error_offset}"
            assert errors["stage"].iloc[0] == "read"
            assert code == 1
            assert not {url for i, (url, _) in enumerate(DAMAGED) if i in lost} & urls
