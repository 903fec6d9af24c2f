"""An update costs what is new (issue 17): the tables are appended to, compacted only when old rows change.

The bundled sample is split into two WARC files: the first run processes A, the update adds B.
Every check compares against a full rewrite of the same run state, byte for byte.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SAMPLE

import pipeline
from pipeline.ingest.warc import write_warc
from pipeline.run import process
from pipeline.settings import load_settings
from pipeline.state import StateStore
from pipeline.tables.write import PARTITIONED, export_tables

TABLES = ("articles", "people", "organizations", "places", "dates", "priority_areas", "errors")


def _sample_pages() -> list[tuple[str, bytes, str | None, str | None]]:
    entries = [json.loads(line) for line in (SAMPLE / "manifest.jsonl").read_text("utf-8").splitlines() if line]
    return [(e["url"], (SAMPLE / e["file"]).read_bytes(), e.get("content_type"), e.get("fetched_at"))
            for e in entries]


def _settings(data: Path):  # noqa: ANN202
    return load_settings(data_dir=data, workers=1, progress=False)


def _csvs(folder: Path) -> dict[str, bytes]:
    return {t: (folder / f"{t}.csv").read_bytes() for t in TABLES}


def _full_rewrite(data: Path, target: Path) -> Path:
    """The tables a compaction writes from the same state, in a folder of their own."""
    store = StateStore(data / "state.sqlite")
    try:
        assert export_tables(store, target, full=True) == "compact"
    finally:
        store.close()
    return target


def _same_parquet(a: Path, b: Path) -> None:
    for table in PARTITIONED:
        left = pd.read_parquet(a / f"{table}.parquet").drop(columns="year")
        right = pd.read_parquet(b / f"{table}.parquet").drop(columns="year")
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``a``: data folder after processing half the sample; ``ab``: the same after an update with the rest."""
    root = tmp_path_factory.mktemp("update")
    pages = _sample_pages()
    data = root / "ab"
    write_warc(data / "raw" / "a.warc.gz", pages[:5])
    first = process(_settings(data))
    assert (first.new, first.export) == (5, "compact")  # a first export writes everything
    shutil.copytree(data, root / "a")
    write_warc(data / "raw" / "b.warc.gz", pages[5:])
    second = process(_settings(data))
    assert (second.new, second.unchanged, second.export) == (5, 5, "append")
    return {"a": root / "a", "ab": data}


def test_an_update_appends_and_gives_the_bytes_of_a_full_rewrite(runs: dict[str, Path], tmp_path: Path) -> None:
    appended = runs["ab"] / "processed"
    before = _csvs(runs["a"] / "processed")
    after = _csvs(appended)
    for table in PARTITIONED:  # the old bytes are untouched, the new rows follow them
        assert after[table].startswith(before[table]), table
    assert len(after["articles"].splitlines()) > len(before["articles"].splitlines())
    full = _full_rewrite(runs["ab"], tmp_path / "full")
    assert _csvs(full) == after
    _same_parquet(full, appended)
    loaded, rewritten = pipeline.load_tables(appended), pipeline.load_tables(full)
    for table in TABLES:
        pd.testing.assert_frame_equal(loaded[table], rewritten[table])
    assert len(loaded["articles"]) == 10
    parts = list((appended / "articles.parquet").glob("year=*/part-*.parquet"))
    assert parts, "the update's articles are a Parquet part of their own"


def test_the_datapackage_lists_what_is_there(runs: dict[str, Path]) -> None:
    processed = runs["ab"] / "processed"
    package = json.loads((processed / "datapackage.json").read_text("utf-8"))
    for resource in package["resources"]:
        assert resource["bytes"] == (processed / resource["path"]).stat().st_size
        for part in resource["edunews_parquet"]:
            assert (processed / part).is_file(), part
    listed = {p for r in package["resources"] for p in r["edunews_parquet"]}
    on_disk = {p.relative_to(processed).as_posix() for p in processed.rglob("*.parquet") if p.is_file()}
    assert listed == on_disk


def test_a_second_update_reads_no_old_archive_file(
    runs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.run as run

    data = tmp_path / "data"
    shutil.copytree(runs["ab"], data)
    pages = _sample_pages()
    write_warc(data / "raw" / "c.warc.gz", [(pages[0][0] + "?copy", pages[0][1], pages[0][2], "2025-01-01T00:00:00Z")])
    read: list[str] = []
    real = run.iter_source
    monkeypatch.setattr(run, "iter_source", lambda source, root: (read.append(source.name), real(source, root))[1])
    again = process(_settings(data))
    assert read == ["c.warc.gz"]  # a.warc.gz and b.warc.gz were read whole before: not opened again
    assert (again.new, again.unchanged, again.failed, again.export) == (1, 10, 0, "append")
    tables = pipeline.load_tables(data / "processed")
    assert tables["articles"]["status"].iloc[-1] == "duplicate"  # a later copy of a text goes last, marked
    assert _csvs(data / "processed") == _csvs(_full_rewrite(data, tmp_path / "full"))


def _crash_during_append(runs: dict[str, Path], tmp_path: Path, rows: int) -> Path:
    """Export B's rows onto A's tables in a real subprocess that is SIGKILLed after ``rows`` CSV rows."""
    data = tmp_path / "data"
    shutil.copytree(runs["ab"], data)
    shutil.rmtree(data / "processed")
    shutil.copytree(runs["a"] / "processed", data / "processed")
    script = f"""
import csv, os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
import pipeline.tables.write as write
from pipeline.state import StateStore
count = 0
real = csv.writer
class Killing:
    def __init__(self, handle):
        self.inner, self.handle = real(handle), handle
    def writerow(self, row):
        global count
        self.inner.writerow(row)
        count += 1
        if count >= {rows}:
            self.handle.flush()  # the partial append reaches the file, as a crash mid-write leaves it
            os.kill(os.getpid(), signal.SIGKILL)
if {rows}:
    write.csv.writer = Killing
else:
    write.write_datapackage = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
store = StateStore(Path({str(data / "state.sqlite")!r}))
write.export_tables(store, Path({str(data / "processed")!r}))
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    return data


@pytest.mark.parametrize("rows", [1, 7, 40, 0])
def test_a_crash_mid_append_is_repaired_without_lost_or_doubled_rows(
    runs: dict[str, Path], tmp_path: Path, rows: int
) -> None:
    """Killed after 1, 7 or 40 CSV rows, or (0) with every CSV row and Parquet part written but not the
    datapackage: the next export cuts the uncommitted bytes and parts off and appends them again."""
    data = _crash_during_append(runs, tmp_path, rows)
    processed = data / "processed"
    a_sizes = {t: len(b) for t, b in _csvs(runs["a"] / "processed").items()}
    grown = [t for t in PARTITIONED if (processed / f"{t}.csv").stat().st_size > a_sizes[t]]
    assert grown, "the killed export left a partial append behind"
    # a reader meanwhile sees the last committed tables (A), whole rows only
    loaded = pipeline.load_tables(processed)
    assert len(loaded["articles"]) == 5
    store = StateStore(data / "state.sqlite")
    try:
        assert export_tables(store, processed) == "append"
    finally:
        store.close()
    assert _csvs(processed) == _csvs(runs["ab"] / "processed")
    _same_parquet(processed, runs["ab"] / "processed")
    ids = pipeline.load_tables(processed)["articles"]["article_id"]
    assert len(ids) == 10 and ids.is_unique


def test_a_truncated_table_is_rewritten_whole(runs: dict[str, Path], tmp_path: Path) -> None:
    """A CSV that no longer holds what the last export committed (cut short by hand) gets a compaction."""
    data = tmp_path / "data"
    shutil.copytree(runs["ab"], data)
    people = data / "processed" / "people.csv"
    with people.open("r+b") as handle:
        handle.truncate(people.stat().st_size // 2)
    store = StateStore(data / "state.sqlite")
    try:
        assert export_tables(store, data / "processed") == "compact"
    finally:
        store.close()
    assert _csvs(data / "processed") == _csvs(runs["ab"] / "processed")


def test_changed_rows_of_an_exported_article_compact_the_tables(runs: dict[str, Path], tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(runs["ab"], data)
    pages = _sample_pages()
    url, body, ctype, _fetched = pages[0]  # an article of A, already exported, fetched again with new text
    new_body = body.replace(b"</p>", b" The Minister of Education, Dr Ama Mensah, thanked the teachers.</p>", 1)
    assert new_body != body
    write_warc(data / "raw" / "c.warc.gz", [(url, new_body, ctype, "2024-12-01T00:00:00Z")])
    summary = process(_settings(data))
    assert (summary.changed, summary.export) == (1, "compact")
    after = _csvs(data / "processed")
    assert after != _csvs(runs["ab"] / "processed")
    assert after == _csvs(_full_rewrite(data, tmp_path / "full"))
    tables = pipeline.load_tables(data / "processed")
    assert len(tables["articles"]) == 10 and tables["articles"]["article_id"].is_unique
    assert list(tables["articles"]["article_id"]) == list(
        pipeline.load_tables(runs["ab"] / "processed")["articles"]["article_id"])  # same first-seen order
    _same_parquet(data / "processed", tmp_path / "full")


def test_a_state_from_before_sequences_keeps_the_old_row_order(tmp_path: Path) -> None:
    """Migration: a run state written before seq existed numbers its articles in article_id order."""
    import sqlite3

    from pipeline.state.store import MIGRATIONS

    path = tmp_path / "state.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY)")
    db.executescript(MIGRATIONS[0][1])
    db.execute("INSERT INTO migrations VALUES (?)", (MIGRATIONS[0][0],))
    for article_id in ("c3", "a1", "b2"):
        db.execute("INSERT INTO results VALUES (?,?,?,?,?,?)", (article_id, f"r-{article_id}", None, article_id,
                                                                "2024", "{}"))
    db.commit()
    db.close()
    store = StateStore(path)
    try:
        assert [a for a, _ in store.results()] == ["a1", "b2", "c3"]
        assert store.last_seq() == 3
    finally:
        store.close()
