"""Messages and exit codes scripts can trust (issue 14): usage errors, JSON logs, progress under cron."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, copy_sample, edunews

RAW_EXCEPTION = re.compile(r"Traceback|\b[A-Z]\w*(Error|Exception)\b")


def _usage_cases(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """Bad command lines and what their one line must say (the flag or file to fix)."""
    bad_sites = tmp / "sites.toml"
    bad_sites.write_text('[sites.example]\nstart_urls = ["https://example.org/news"]\n', "utf-8")  # no article_pattern
    a_file = tmp / "not-a-folder"
    a_file.write_text("x")
    data = str(tmp / "data")
    return {
        "workers 0": (["process", "--data", data, "--workers", "0"], "--workers: must be a whole number of at least 1"),
        "limit -5": (["process", "--data", data, "--limit", "-5"], "--limit: must be a whole number of at least 0"),
        "update limit -5": (["update", "--data", data, "--limit", "-5"], "--limit"),
        "batch size": (["process", "--data", data, "--batch-size", "zero"], "--batch-size"),
        "bad sites file": (["run", "--data", data, "--sites", str(bad_sites)], "need an article_pattern"),
        "missing sites file": (["update", "--data", data, "--sites", str(tmp / "missing.toml")], "pass --sites FILE"),
        "data is a file": (["process", "--data", str(a_file)], "is a file; pass --data DIR"),
    }


@pytest.mark.parametrize("case", ["workers 0", "limit -5", "update limit -5", "batch size", "bad sites file",
                                  "missing sites file", "data is a file"])
def test_bad_usage_exits_2_with_one_line(case: str, tmp_path: Path) -> None:
    args, says = _usage_cases(tmp_path)[case]
    proc = edunews(*args, "-q")
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], proc.stderr
    assert not RAW_EXCEPTION.search(proc.stderr), proc.stderr
    assert not (tmp_path / "data" / "processed").exists()  # nothing was done

    proc = edunews(*args, "-q", "--log-format", "json")
    assert proc.returncode == 2
    objs = [json.loads(line) for line in proc.stderr.strip().splitlines()]
    assert objs[0]["level"] == "error" and says in objs[0]["message"]
    assert (objs[-1]["exit_code"], objs[-1]["status"]) == (2, "usage")


def _json_lines(stderr: str) -> list[dict]:
    lines = stderr.strip().splitlines()
    assert lines
    return [json.loads(line) for line in lines]  # only JSON: any other line fails here


def test_json_logs_a_fatal_error_and_a_final_summary(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    (data / "state.sqlite").write_bytes(b"this is not a database" * 100)
    proc = edunews("update", "--data", str(data), "-q", "--log-format", "json")
    assert proc.returncode == 1
    objs = _json_lines(proc.stderr)
    assert any(o["level"] == "error" and "state.sqlite" in o["message"] for o in objs)
    assert (objs[-1]["command"], objs[-1]["status"], objs[-1]["exit_code"]) == ("update", "failed", 1)
    assert not RAW_EXCEPTION.search(proc.stderr)


def test_json_run_with_progress_and_a_failed_document(tmp_path: Path) -> None:
    data = copy_sample(tmp_path / "data")
    (data / "raw" / "sample" / "senegal-men-communique-lecture-precoce.html").write_bytes(b"")
    env = {**os.environ, "EDUNEWS_PROGRESS_EVERY": "2"}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "process", "--data", str(data), "--workers", "1",
                           "--batch-size", "1", "--log-format", "json"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert proc.returncode == 1
    objs = _json_lines(proc.stderr)
    progress = [o["progress"] for o in objs if "progress" in o]
    assert progress[0] == {"done": 0, "total": 10}
    assert len(progress) >= 3 and all(p["total"] == 10 for p in progress)
    assert [p["done"] for p in progress] == sorted(p["done"] for p in progress)
    assert any("eta_seconds" in p for p in progress)
    last = objs[-1]
    assert (last["new"], last["failed"], last["exit_code"], last["status"]) == (10, 1, 1, "failed")


def test_progress_lines_without_a_terminal(tmp_path: Path) -> None:
    """Under cron stderr is no terminal: no bar, a line every N documents with the total and an ETA."""
    data = copy_sample(tmp_path / "data")
    env = {**os.environ, "EDUNEWS_PROGRESS_EVERY": "3"}
    args = [sys.executable, "-m", "pipeline", "process", "--data", str(data), "--workers", "1", "--batch-size", "1"]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == "edunews: processing 10 new or changed document(s)"
    found = [re.match(r"edunews: progress: (\d+)/10 documents, [\d.]+/s, about .+ left$", line) for line in lines]
    done = [int(m.group(1)) for m in found if m]
    assert len(done) >= 2 and done == sorted(done) and all(b - a >= 3 for a, b in zip(done, done[1:], strict=False))
    assert lines[-1].startswith("edunews: new 10,")
    again = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert again.stderr.strip().splitlines() == [again.stderr.strip()]  # nothing to do: only the summary line


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    data = copy_sample(tmp_path / "data")
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "process", "--data", str(data), "--workers", "1"],
                            stderr=slave, stdout=subprocess.DEVNULL, cwd=ROOT)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=600) == 0
    text = out.decode("utf-8", "replace")
    assert "process: 100%" in text and re.search(r"10/10 \[[\d:]+<[\d:]+", text)  # total, elapsed<ETA
    assert "progress:" not in text  # no log lines on a terminal


def test_ingest_and_process_speak_json_and_usage_exits_2(tmp_path: Path) -> None:
    """`ingest` under --log-format json writes only JSON lines; a missing PATH for `process` is bad usage."""
    page = tmp_path / "saved" / "page.html"
    page.parent.mkdir()
    page.write_bytes((SAMPLE / "kenya-moe-digital-learning-strategy.html").read_bytes())
    (tmp_path / "saved" / "empty.html").write_bytes(b"")
    data = tmp_path / "data"
    proc = edunews("ingest", str(page.parent), "--data", str(data), "--log-format", "json")
    lines = [json.loads(line) for line in proc.stderr.splitlines()]  # every line is JSON
    assert proc.returncode == 0 and lines[-1]["command"] == "ingest" and lines[-1]["exit_code"] == 0
    proc = edunews("process", str(tmp_path / "nowhere"), "--data", str(data))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no such file or folder" in proc.stderr
    proc = edunews("ingest", str(page), "--data", str(data), "--url", "not a url", "--log-format", "json")
    assert proc.returncode == 2
    assert all(json.loads(line) for line in proc.stderr.splitlines())
