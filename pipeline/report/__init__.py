"""``edunews report``: one self-contained HTML file that shows the tables at a glance.

Built from the tables alone (``load_tables``), so it can be rebuilt at any time
without re-processing:

    tables -> build.build_data (pandas aggregates) -> sections (charts.py SVG + html.py) -> one .html
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from pipeline.report.build import ReportData, build_data, theme_labels
from pipeline.report.html import page
from pipeline.report.sections import all_sections

__all__ = ["build_report", "write_report", "ReportData", "build_data"]


def build_report(tables: dict[str, pd.DataFrame], models_dir: Path | None = None, title: str = "edunews report") -> str:
    """The report's HTML for typed tables (the dict ``load_tables`` returns)."""
    data = build_data(tables, models_dir)
    labels = theme_labels(models_dir)
    n = data.totals.get("articles", 0)
    subtitle = (
        f"{n:,} articles from {data.totals.get('sources', 0):,} sources"
        + (f", published {data.run_dates['published']}" if data.run_dates.get("published") else "")
        + "."
        if n
        else "The dataset is empty: no articles yet."
    )
    return page(title, subtitle, all_sections(data, labels))


def write_report(processed_dir: Path, out: Path | None = None, models_dir: Path | None = None) -> Path:
    """Load the tables in ``processed_dir``, build the report and write it atomically; returns its path.

    Atomic (temp file + rename) so a browser or a web server never sees half a report.
    """
    from pipeline.tables import load_tables

    processed_dir = Path(processed_dir)
    out = Path(out) if out else processed_dir / "report.html"
    html = build_report(load_tables(processed_dir), models_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        # mkstemp makes the file private (0600); a report is for sharing, like the tables.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
