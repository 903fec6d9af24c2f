"""`edunews eval`: the real pipeline's predictions scored against a gold set."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pipeline.evaluate import evaluate, format_report, naive_baseline
from pipeline.settings import Settings


def pipeline_predict(settings: Settings):  # noqa: ANN201 - returns the predict callable
    """A predict function that runs clean + extract exactly as `edunews extract` does."""
    from pipeline.run import extract_files

    def predict(path: Path, url: str | None) -> dict[str, Any]:
        (_, extraction, error), = list(extract_files([path], settings, url))
        if extraction is None:
            raise RuntimeError(error or "extraction failed")
        return extraction.to_json()

    return predict


def run_eval(gold: Path, settings: Settings, fmt: str = "text", baseline: bool = True) -> int:
    if not (gold / "gold.jsonl").is_file():
        from pipeline.errors import InputError

        raise InputError(f"{gold}: no gold.jsonl here (expected the gold-dev folder layout)")
    report = evaluate(gold, pipeline_predict(settings))
    base = evaluate(gold, naive_baseline) if baseline else None
    if fmt == "json":
        out = {"edunews": report.to_dict()}
        if base is not None:
            out["baseline"] = base.to_dict()
        print(json.dumps(out, indent=2))
    else:
        print(format_report(report, base))
    if report.errors:
        for art, msg in sorted(report.errors.items()):
            logging.getLogger("edunews").error("%s: %s", art, msg)
    return 0
