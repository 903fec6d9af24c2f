"""Read the tables back as typed pandas DataFrames."""

from __future__ import annotations

import hashlib
import json
import time
from io import BytesIO
from pathlib import Path

import pandas as pd

from pipeline.errors import PipelineError
from pipeline.records import TABLES
from pipeline.tables.schema import typed_frame


def load_tables(directory: str | Path = "data/processed", retries: int = 5) -> dict[str, pd.DataFrame]:
    """All seven tables with the documented dtypes (dates datetime64, ids strings, counts Int64).

    The CSV bytes are checked against the sha1s in datapackage.json, so a reader
    that overlaps a running export retries instead of mixing two runs' tables.
    """
    directory = Path(directory)
    package_path = directory / "datapackage.json"
    if not package_path.is_file():
        raise PipelineError(f"no tables in {directory}: run `edunews process` first")
    for _attempt in range(retries):
        package = json.loads(package_path.read_text("utf-8"))
        expected = {r["name"]: r.get("edunews_sha1") for r in package["resources"]}
        raw = {t: (directory / f"{t}.csv").read_bytes() for t in TABLES}
        if all(expected.get(t) in (None, hashlib.sha1(raw[t]).hexdigest()) for t in TABLES):
            return {
                t: typed_frame(t, pd.read_csv(BytesIO(raw[t]), dtype=str, keep_default_na=False, na_values=[""]))
                for t in TABLES
            }
        time.sleep(0.2)
    raise PipelineError(f"tables in {directory} keep changing under the reader; try again after the run ends")
