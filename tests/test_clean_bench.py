"""Whole-corpus checks of the clean stage against the tools it builds on (slow)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

_CANDIDATES = (ROOT.parent / "shared" / "data" / "cleaning-dev", Path("/work/shared/data/cleaning-dev"))
CLEANING = next((p for p in _CANDIDATES if p.exists()), _CANDIDATES[0])


@pytest.mark.slow
@pytest.mark.skipif(not CLEANING.exists(), reason="cleaning-dev not available")
def test_body_f1_beats_trafilatura_on_cleaning_dev() -> None:
    import bench_cleaning

    results = bench_cleaning.run(
        CLEANING, only=["trafilatura", "trafilatura (favor_precision)", "readability-lxml"]
    )
    ours = results["edunews"][0]
    assert ours >= 0.975
    for name, (f1, *_rest) in results.items():
        if name != "edunews":
            assert ours > f1, name
