"""Table schemas, derived from the row dataclasses in ``pipeline.records``.

One source of truth: column names, order, Frictionless types and descriptions
come from ``dataclasses.fields``; the datapackage, the Parquet schema and the
pandas dtypes are all computed from it.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.records import TABLES

PRIMARY_KEYS = {
    "articles": ["article_id"],
    "people": ["article_id", "person_id"],
    "organizations": ["article_id", "org_id"],
    "places": ["article_id", "name"],
    "errors": ["source"],
}

_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "date": pa.date32(),
    "datetime": pa.timestamp("s", tz="UTC"),
}
_PANDAS = {"string": "string", "integer": "Int64", "number": "Float64"}


def columns(table: str) -> list[tuple[str, str, str, Any]]:
    """(name, frictionless type, description, example) of every column, in order."""
    return [
        (f.name, f.metadata["type"], f.metadata["description"], f.metadata["example"])
        for f in fields(TABLES[table])
    ]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[kind]) for name, kind, _d, _e in columns(table)])


def table_schema(table: str) -> dict[str, Any]:
    """Frictionless Table Schema of one table."""
    schema: dict[str, Any] = {
        "fields": [
            {"name": name, "type": kind, "description": desc}
            | ({"example": ex} if ex is not None else {})
            | ({"format": "%Y-%m-%dT%H:%M:%SZ"} if kind == "datetime" else {})
            for name, kind, desc, ex in columns(table)
        ],
        "missingValues": [""],
    }
    return schema


def typed_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Apply the documented dtypes: dates as datetime64, ids as strings, counts as Int64, NA for missing."""
    out = pd.DataFrame(index=frame.index)
    for name, kind, _d, _e in columns(table):
        series = frame[name] if name in frame else pd.Series([None] * len(frame), index=frame.index)
        if kind == "date":
            out[name] = pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")
        elif kind == "datetime":
            out[name] = pd.to_datetime(series, utc=True, errors="coerce", format="ISO8601")
        else:
            out[name] = series.astype(_PANDAS[kind])
    return out
