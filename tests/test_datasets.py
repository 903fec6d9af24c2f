"""Datasets that scheduled jobs can trust: incremental, idempotent, crash-safe, locked."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, copy_sample, edunews

import pipeline
from pipeline.ingest.warc import write_warc
from pipeline.run import data_lock
from pipeline.state import StateStore


def digests(processed: Path) -> dict[str, str]:
    return {
        p.relative_to(processed).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(processed.rglob("*"))
        if p.is_file() and not p.name.startswith(".") and p.name != "report.html"
    }


def synth_archive(raw: Path, n: int = 60) -> None:
    """n distinct articles in one WARC, made from the sample pages with varied URLs and text."""
    manifest = [json.loads(line) for line in (SAMPLE / "manifest.jsonl").read_text().splitlines() if line.strip()]
    pages = []
    for i in range(n):
        entry = manifest[i % len(manifest)]
        html = (SAMPLE / entry["file"]).read_text("utf-8")
        extra = f"<p>Follow-up report number {i}: the district education office in region {i} confirmed it.</p>"
        html = re.sub(r"(</article>|</main>|</body>)", extra + r"\1", html, count=1)
        url = re.sub(r"^(https?://[^/]+)/", rf"\1/{i}/", entry["url"])
        pages.append((url, html.encode("utf-8"), "text/html; charset=utf-8", entry["fetched_at"]))
    write_warc(raw / "synth.warc.gz", pages)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], float]:
    data = tmp_path_factory.mktemp("reference")
    synth_archive(data / "raw")
    # A first run builds the on-disk index cache (pipeline/cache.py): the timed run must be a warm
    # one like the runs the kills hit, or the kill moments spread past their end.
    warm = tmp_path_factory.mktemp("warm")
    shutil.copytree(data / "raw", warm / "raw")
    edunews("process", "--data", str(warm), "-q", "--limit", "1", check=True)
    started = time.monotonic()
    edunews("process", "--data", str(data), "-q", "--batch-size", "4", check=True)
    return data, digests(data / "processed"), time.monotonic() - started


@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun_gives_identical_tables(reference, tmp_path: Path) -> None:
    ref_dir, ref_digests, duration = reference
    assert len(pipeline.load_tables(ref_dir / "processed")["articles"]) == 60
    rng = random.Random(20261128)
    killed_mid_run = 0
    upper = duration  # kill moments are drawn up to the reference run's length ...
    for k in range(14):
        if killed_mid_run >= 6:
            break
        data = tmp_path / f"crash{k}"
        shutil.copytree(ref_dir / "raw", data / "raw")
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "process", "--data", str(data), "-q", "--batch-size", "4"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, upper))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_mid_run += 1
        else:  # ... and earlier once a run ends first (the reference ran on a busier machine)
            upper = max(0.6, upper * 0.7)
        proc.wait()
        edunews("process", "--data", str(data), "-q", "--batch-size", "4", check=True)
        assert digests(data / "processed") == ref_digests, f"kill {k}"
    assert killed_mid_run >= 5  # the kills really landed while it worked


def test_changed_article_replaces_its_rows_and_unchanged_ones_are_skipped(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    edunews("process", "--data", str(data), "-q", check=True)
    before = pipeline.load_tables(data / "processed")
    page = data / "raw" / "sample" / "kenya-moe-digital-learning-strategy.html"
    page.write_text(page.read_text("utf-8").replace("Nairobi", "Mombasa").replace("NAIROBI", "MOMBASA"), "utf-8")
    proc = edunews("process", "--data", str(data), "-q", check=True)
    assert "new 0, changed 1, unchanged 9" in proc.stderr
    after = pipeline.load_tables(data / "processed")
    assert len(after["articles"]) == len(before["articles"])
    kenya = after["articles"][after["articles"]["url"].str.contains("education.go.ke")]
    assert "Mombasa" in kenya["text"].iloc[0] and "Nairobi" not in kenya["text"].iloc[0]
    for table in ("people", "organizations", "places", "dates"):
        rows = after[table]
        assert not rows.duplicated().any(), table
    places = after["places"][after["places"]["article_id"] == kenya["article_id"].iloc[0]]
    assert "Nairobi" not in set(places["name"])


def test_parquet_rewrites_only_touched_year_partitions(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    edunews("process", "--data", str(data), "-q", check=True)
    parts = {p: p.stat().st_mtime_ns for p in (data / "processed").glob("*.parquet/year=*/*.parquet")}
    assert any("year=2018" in str(p) for p in parts) and any("year=2024" in str(p) for p in parts)
    time.sleep(0.05)
    seed = data / "raw" / "sample" / "unesco-almaty-ict-oer-workshop-tajikistan.html"
    seed.write_text(seed.read_text("utf-8").replace("Around 30 decision makers", "Around 40 decision makers"))
    edunews("process", "--data", str(data), "-q", check=True)
    for path, mtime in parts.items():
        changed = path.stat().st_mtime_ns != mtime
        assert changed == ("year=2018" in str(path)), path


def test_failed_document_that_later_succeeds_leaves_no_error_row(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    page = data / "raw" / "sample" / "accraobserver-teacher-licensure-remedial-classes.html"
    good = page.read_bytes()
    page.write_bytes(b"")
    assert edunews("process", "--data", str(data), "-q").returncode == 1
    errors = pipeline.load_tables(data / "processed")["errors"]
    assert len(errors) == 1 and errors["stage"].iloc[0] == "clean" and "empty" in errors["error"].iloc[0]
    page.write_bytes(good)
    edunews("process", "--data", str(data), "-q", check=True)
    tables = pipeline.load_tables(data / "processed")
    assert tables["errors"].empty
    assert len(tables["articles"]) == 10


def test_overlapping_update_exits_75_at_once(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    with data_lock(data):
        started = time.monotonic()
        proc = edunews("update", "--data", str(data), "-q")
        assert proc.returncode == 75
        assert time.monotonic() - started < 30
        assert "another edunews run" in proc.stderr
    proc = edunews("update", "--data", str(data), "-q", "--log-format", "json")
    assert proc.returncode == 0, proc.stderr
    last = json.loads(proc.stderr.strip().splitlines()[-1])
    assert (last["new"], last["failed"]) == (10, 0)
    assert set(last) >= {"new", "changed", "unchanged", "failed", "seconds", "message", "time", "level"}


def test_update_exit_code_is_1_when_a_document_fails(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    (data / "raw" / "sample" / "senegal-men-communique-lecture-precoce.html").write_bytes(b"\x00\x01" * 500)
    proc = edunews("update", "--data", str(data), "-q")
    assert proc.returncode == 1
    assert "failed 1" in proc.stderr.strip().splitlines()[-1]


def test_datapackage_validates_with_frictionless(sample_run: Path) -> None:
    from frictionless import validate

    report = validate(str(sample_run / "processed" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]


def test_extractor_version_change_means_reprocessing(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite")
    store.commit_batch([("a.warc#0", "sha", "1.0", "id1", "2024-01-01T00:00:00Z")], [], [])
    assert not store.needs_processing("a.warc#0", "sha", "1.0")
    assert store.needs_processing("a.warc#0", "sha", "1.1")
    assert store.needs_processing("a.warc#0", "other", "1.0")
    assert store.needs_processing("b.warc#0", "sha", "1.0")
    store.close()


def test_no_temporary_files_left_behind(sample_run: Path) -> None:
    leftovers = [p for p in (sample_run / "processed").rglob("*") if ".tmp-" in p.name]
    assert leftovers == []
    assert not os.path.exists(sample_run / "raw" / "sample" / "manifest.jsonl.part")


def test_two_updates_are_idempotent_and_a_new_warc_processes_only_its_records(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    edunews("update", "--data", str(data), "-q", check=True)
    first = digests(data / "processed")
    proc = edunews("update", "--data", str(data), "-q", check=True)
    assert "new 0, changed 0, unchanged 10, failed 0" in proc.stderr.strip().splitlines()[-1]
    assert digests(data / "processed") == first
    # a new archive arrives: only its records are processed
    synth_archive(tmp_path / "incoming", n=3)
    (tmp_path / "incoming" / "synth.warc.gz").rename(data / "raw" / "day2.warc.gz")
    proc = edunews("update", "--data", str(data), "-q", check=True)
    assert "new 3, changed 0, unchanged 10, failed 0" in proc.stderr.strip().splitlines()[-1]
    assert len(pipeline.load_tables(data / "processed")["articles"]) == 13


@pytest.mark.slow
def test_overlapping_update_exits_75_while_the_first_goes_on_unharmed(reference, tmp_path: Path) -> None:
    ref_dir, ref_digests, _ = reference
    data = tmp_path / "data"
    shutil.copytree(ref_dir / "raw", data / "raw")
    first = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "update", "--data", str(data), "-q"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while not (data / "state.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the first run has taken the lock once its state exists
    second = edunews("update", "--data", str(data), "-q")
    assert first.poll() is None, "the first run ended before the overlap was tested"
    assert second.returncode == 75
    assert "another edunews run is working on" in second.stderr
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert digests(data / "processed") == ref_digests


def test_frictionless_cli_validates_the_datapackage(sample_run: Path) -> None:
    exe = Path(sys.executable).with_name("frictionless")
    proc = subprocess.run([str(exe), "validate", str(sample_run / "processed" / "datapackage.json")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:]


def test_fetch_error_of_a_url_archived_later_is_dropped(tmp_path: Path) -> None:
    from pipeline.scrape.seen import SeenStore

    state = tmp_path / "state.sqlite"
    store = StateStore(state)
    url = "https://news.example.org/story-1"
    store.commit_batch([], [], [(url, "fetch", "HTTP 503 after 3 retries", "2024-05-01T00:00:00Z"),
                                ("https://news.example.org/other", "fetch", "HTTP 404", "2024-05-01T00:00:00Z")])
    SeenStore(state).close()  # creates crawl_seen as the crawler does
    store.db.execute("INSERT INTO crawl_seen (url, site, warc, end_offset, fetched_at) VALUES (?,?,?,?,?)",
                     (url, "example", "crawl.warc.gz", 100, "2024-05-02T00:00:00Z"))
    store.clear_fetched_errors()
    assert [e[0] for e in store.errors()] == ["https://news.example.org/other"]
    store.close()


@pytest.mark.slow
def test_tables_of_real_pages_keep_their_keys(tmp_path: Path) -> None:
    """The tune half's 173 real pages (HTML, markdown, text, dataset rows saved as text) ingested and
    processed as a user would: the data package validates, primary keys included. One article naming
    a person with and without accents once gave two rows of one person_id."""
    from frictionless import validate

    data = tmp_path / "data"
    assert edunews("ingest", str(ROOT / "tests/fixtures/real/tune/articles"), "--data", str(data)).returncode == 0
    proc = edunews("process", "--data", str(data))
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = validate(str(data / "processed" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
