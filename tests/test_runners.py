"""Runners: --workers N and --engine dask give tables byte-identical to one worker."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import edunews
from test_datasets import digests, synth_archive

from pipeline.errors import ConfigError
from pipeline.ingest.warc import write_warc
from pipeline.records import RawPage
from pipeline.runners import partitions
from pipeline.settings import load_settings

N = 20  # articles: enough for several partitions at --batch-size 2, small enough for CI


def _archive(raw: Path) -> None:
    """Two WARC files, so partitions are cut at file boundaries too."""
    synth_archive(raw, N)
    src = raw / "synth.warc.gz"
    second = raw / "synth2.warc.gz"
    from warcio.archiveiterator import ArchiveIterator

    pages = []
    with src.open("rb") as fh:
        for i, rec in enumerate(ArchiveIterator(fh)):
            if rec.rec_type == "response" and i % 3 == 0:
                url = rec.rec_headers.get_header("WARC-Target-URI").replace("://", "://copy.", 1)
                pages.append((url, rec.content_stream().read(), "text/html; charset=utf-8", "2024-05-01T00:00:00Z"))
    write_warc(second, pages[:5])


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    data = tmp_path_factory.mktemp("workers1")
    _archive(data / "raw")
    edunews("process", "--data", str(data), "-q", "--batch-size", "2", "--workers", "1", check=True)
    return data, digests(data / "processed")


def test_partitions_are_record_ranges_of_one_source() -> None:
    pages = [RawPage(b"", None, src, f"{src}#{i}") for src in ("a.warc", "b.warc") for i in range(5)]
    parts = list(partitions(iter(pages), 2))
    assert [[p.raw_ref for p in part] for part in parts] == [
        ["a.warc#0", "a.warc#1"], ["a.warc#2", "a.warc#3"], ["a.warc#4"],
        ["b.warc#0", "b.warc#1"], ["b.warc#2", "b.warc#3"], ["b.warc#4"],
    ]


def test_engine_and_workers_settings() -> None:
    assert load_settings().workers >= 1
    assert load_settings(engine="dask", scheduler="tcp://h:8786").scheduler == "tcp://h:8786"
    with pytest.raises(ConfigError):
        load_settings(engine="spark")
    with pytest.raises(ConfigError):
        load_settings(workers=0)


@pytest.mark.parametrize("name", ["progress", "only_education", "precise_dates", "skim_other_languages"])
def test_every_switch_reads_false_from_the_environment(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """EDUNEWS_PRECISE_DATES=false was the string "false", so the switch was on; every bool setting is read alike."""
    for text, value in (("false", False), ("0", False), ("no", False), ("true", True), ("1", True), ("yes", True)):
        monkeypatch.setenv(f"EDUNEWS_{name.upper()}", text)
        assert getattr(load_settings(), name) is value


@pytest.mark.slow
def test_two_local_workers_give_identical_tables(one_worker, tmp_path: Path) -> None:
    ref_dir, ref = one_worker
    data = tmp_path / "workers2"
    shutil.copytree(ref_dir / "raw", data / "raw")  # the same bytes: raw_ref offsets are in the tables
    edunews("process", "--data", str(data), "-q", "--batch-size", "2", "--workers", "2", check=True)
    assert len(ref) > 10 and digests(data / "processed") == ref


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_tables(one_worker, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    ref_dir, ref = one_worker
    data = tmp_path / "dask"
    shutil.copytree(ref_dir / "raw", data / "raw")
    proc = edunews("process", "--data", str(data), "-q", "--batch-size", "2", "--workers", "2", "--engine", "dask",
                   check=True)
    assert "new 25," in proc.stderr
    assert digests(data / "processed") == ref
    again = edunews("process", "--data", str(data), "-q", "--engine", "dask", check=True)
    assert "unchanged 25" in again.stderr  # incremental: nothing to send to a cluster


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.runners import dask as dask_runner

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConfigError, match=r"pip install 'edunews\[dask\]'"):
        dask_runner._import_distributed()


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing(one_worker, tmp_path: Path) -> None:
    """SIGKILL one worker process (as the OOM killer would): the run goes on and every document is there."""
    import signal
    import sqlite3
    import subprocess
    import time

    psutil = pytest.importorskip("psutil")
    from conftest import ROOT

    ref_dir, ref = one_worker
    data = tmp_path / "killed"
    shutil.copytree(ref_dir / "raw", data / "raw")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "process", "--data", str(data), "-q", "--batch-size",
                             "2", "--workers", "2"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 300
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            with sqlite3.connect(data / "state.sqlite", timeout=1) as db:
                committed = db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        except sqlite3.Error:
            continue
        if committed >= 2:
            workers = [c for c in psutil.Process(proc.pid).children(recursive=True)
                       if "spawn_main" in " ".join(c.cmdline()) and "resource_tracker" not in " ".join(c.cmdline())]
            if workers:
                killed = workers[0].pid
                os.kill(killed, signal.SIGKILL)
    _, err = proc.communicate(timeout=600)
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 0, err
    assert "new 25," in err
    assert digests(data / "processed") == ref  # the killed worker's batch was done again, nothing lost
