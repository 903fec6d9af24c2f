"""Tables stage: extraction rows -> CSV + Parquet + datapackage.json."""

from pipeline.tables.load import load_tables
from pipeline.tables.write import export_tables

__all__ = ["export_tables", "load_tables"]
