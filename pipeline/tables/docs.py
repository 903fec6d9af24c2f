"""Generate docs/tables.md from the row dataclasses: ``python -m pipeline.tables.docs``.

The reference is generated (and a test checks it is current), so the docs can
never drift from the schema.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.records import TABLES
from pipeline.tables.schema import PRIMARY_KEYS, columns

INTRO = """# Table reference

Generated from `pipeline/records.py` by `python -m pipeline.tables.docs`; do not edit by hand.

Every table is written to `DATA/processed/` as `NAME.csv` (UTF-8, header, RFC 4180
quoting, empty cell = missing; the whole table in one file) and `NAME.parquet` (a dataset
partitioned by publication year, `year=YYYY/` or `year=unknown/`, each partition one
`base.parquet` plus one `part-NNNNNNNNNNNN.parquet` per update since; pandas and
pyarrow read the folder as one table; `errors.parquet` is one file), described in
`datapackage.json` (Frictionless Table Schema; each resource's `bytes` is the CSV's
committed length and `edunews_parquet` lists its Parquet files). `pipeline.load_tables(dir)`
returns them as pandas DataFrames with these types: `string` -> `string`, `integer` ->
`Int64`, `number` -> `Float64`, `date` / `datetime` -> `datetime64` (missing = NA).
Character offsets (`start_char`, `end_char`) point into `articles.text`.

Rows are in first-seen order: by the order in which the run state first recorded their
article (the order of the inputs), then by position in the article. An update appends the
rows of its new articles at the end of every table; when rows of articles already written
change (a page processed again with other output, a new extractor version), the tables are
rewritten whole, in the same order. The same inputs in the same order give byte-identical
files, with any number of workers or on Dask.
"""


def render() -> str:
    parts = [INTRO]
    for table in TABLES:
        key = ", ".join(PRIMARY_KEYS.get(table, [])) or "(none)"
        parts.append(f"\n## `{table}`\n\nOne row per key: {key}.\n")
        parts.append("| column | type | meaning | example |\n| --- | --- | --- | --- |")
        for name, kind, desc, example in columns(table):
            ex = "" if example is None else f"`{example}`"
            parts.append(f"| `{name}` | {kind} | {desc.replace('|', '/')} | {ex} |")
    return "\n".join(parts) + "\n"


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/tables.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
