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
from pipeline.settings import EXPORT_TAIL_BYTES
from pipeline.tables.schema import typed_frame


def _committed_bytes(raw: bytes, resource: dict) -> bytes | None:
    """The part of a CSV that its datapackage entry committed, or None when the file is not that one.

    An export appends after the recorded length before it records a new one, so a reader that
    overlaps it reads the recorded length only; a compaction renames a new file into place,
    which the sha1 of the recorded tail tells apart (older packages record the whole file's sha1).
    """
    if "edunews_tail_sha1" in resource:
        length = int(resource["bytes"])
        if len(raw) < length:
            return None
        raw = raw[:length]
        tail = raw[max(0, length - EXPORT_TAIL_BYTES):]
        return raw if hashlib.sha1(tail).hexdigest() == resource["edunews_tail_sha1"] else None
    expected = resource.get("edunews_sha1")
    return raw if expected in (None, hashlib.sha1(raw).hexdigest()) else None


def load_tables(directory: str | Path = "data/processed", retries: int = 5) -> dict[str, pd.DataFrame]:
    """All seven tables with the documented dtypes (dates datetime64, ids strings, counts Int64).

    Only the bytes that datapackage.json committed are read, checked by their sha1, so a
    reader that overlaps a running export retries instead of mixing two runs' tables.
    """
    directory = Path(directory)
    package_path = directory / "datapackage.json"
    if not package_path.is_file():
        raise PipelineError(f"no tables in {directory}: run `edunews process` first")
    for _attempt in range(retries):
        package = json.loads(package_path.read_text("utf-8"))
        resources = {r["name"]: r for r in package["resources"]}
        raw = {t: _committed_bytes((directory / f"{t}.csv").read_bytes(), resources.get(t, {})) for t in TABLES}
        if all(raw[t] is not None for t in TABLES):
            return {
                t: typed_frame(t, pd.read_csv(BytesIO(raw[t] or b""), dtype=str, keep_default_na=False,
                                              na_values=[""]))
                for t in TABLES
            }
        time.sleep(0.2)
    raise PipelineError(f"tables in {directory} keep changing under the reader; try again after the run ends")
