"""Shared fixtures: the bundled sample in a temporary data folder, processed once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "sample"
SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
SEED_PAGE = SAMPLE / "unesco-almaty-ict-oer-workshop-tajikistan.html"


def edunews(*args: str, check: bool = False, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess, as a user would."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"edunews {' '.join(args)} -> {proc.returncode}\n{proc.stderr}")
    return proc


def copy_sample(data_dir: Path) -> Path:
    shutil.copytree(SAMPLE, data_dir / "raw" / "sample")
    return data_dir


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`edunews run --data DIR` over a copy of the bundled sample; returns DIR."""
    data = copy_sample(tmp_path_factory.mktemp("sample-run"))
    edunews("run", "--data", str(data), "-q", check=True)
    return data
