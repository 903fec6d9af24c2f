"""HTML building blocks and the page shell: escaping, tables, links, the stylesheet.

Everything is escaped here, in one place, because table cells come from scraped
pages. The page has no scripts and no external resources: styles are inline and
charts are inline SVG, so it opens offline and prints as it looks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

import pandas as pd

NO_DATA = "no data"

CSS = """
:root { --ink: #1f3b57; --muted: #5b6b7a; --line: #dde3ea; --accent: #2a7ab0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #222; margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 3rem; }
h1 { color: var(--ink); margin: 0 0 .2rem; font-size: 1.7rem; }
h2 { color: var(--ink); border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin: 2.2rem 0 .3rem; }
h3 { color: var(--ink); font-size: 1rem; margin: 1rem 0 .3rem; }
p.lede { color: var(--muted); margin: .2rem 0 .8rem; }
p.nodata { border: 1px dashed #bbb; padding: .6rem .8rem; color: var(--muted); background: #fafafa; }
nav ol { columns: 2; padding-left: 1.2rem; margin: .6rem 0 0; }
a { color: var(--accent); }
dl.totals { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: .6rem 0; }
dl.totals div { border: 1px solid var(--line); border-radius: 4px; padding: .4rem .6rem; }
dl.totals dt { color: var(--muted); font-size: .8rem; }
dl.totals dd { margin: 0; font-size: 1.3rem; font-weight: 600; color: var(--ink); }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; align-items: start; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .3rem 0 .8rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { color: var(--ink); background: #f3f6f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .4rem 0; }
section { break-inside: auto; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  svg.chart, table, dl.totals { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


@dataclass(frozen=True)
class Section:
    """One report section: an anchor id, a heading, the one-line explanation and its body HTML."""

    id: str
    title: str
    explanation: str
    body: str


def text(value: object) -> str:
    """Escaped text of a cell; missing values are an empty string."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return "" if pd.isna(value) else escape(value.strftime("%Y-%m-%d"))
    return escape(str(value))


def link(url: object, label: object) -> str:
    """A plain link to an article; only http(s) URLs become links (never javascript: or data:)."""
    label_html = text(label) or text(url)
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
        return label_html
    return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{label_html}</a>'


def nodata(what: str) -> str:
    return f'<p class="nodata">{escape(NO_DATA.capitalize())}: {escape(what)}</p>'


def table(
    frame: pd.DataFrame,
    columns: Sequence[str],
    headers: Sequence[str] | None = None,
    cells: dict[str, Callable[[pd.Series], str]] | None = None,
    empty: str = "nothing to show",
) -> str:
    """An HTML table of ``columns``; ``cells`` overrides how a column renders (already escaped HTML)."""
    if frame is None or frame.empty:
        return nodata(empty)
    cells = cells or {}
    numeric = {c for c in columns if c in frame and pd.api.types.is_numeric_dtype(frame[c])}
    names = headers or columns
    head = "".join(
        f'<th{" class=num" if c in numeric else ""}>{escape(h)}</th>' for c, h in zip(columns, names, strict=True)
    )
    rows = []
    for _, row in frame.iterrows():
        tds = []
        for c in columns:
            content = cells[c](row) if c in cells else text(row[c])
            tds.append(f'<td{" class=num" if c in numeric else ""}>{content}</td>')
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def totals(values: dict[str, int | str]) -> str:
    """The key figures as a small grid of labelled numbers."""
    items = "".join(
        f"<div><dt>{escape(k)}</dt><dd>{escape(f'{v:,}' if isinstance(v, int) else str(v))}</dd></div>"
        for k, v in values.items()
    )
    return f'<dl class="totals">{items}</dl>'


def page(title: str, subtitle: str, sections: Sequence[Section]) -> str:
    """The whole document: head with inline CSS, a table of contents, the sections."""
    toc = "".join(f'<li><a href="#{s.id}">{escape(s.title)}</a></li>' for s in sections)
    body = "".join(
        f'<section id="{s.id}"><h2>{escape(s.title)}</h2>'
        f'<p class="lede">{escape(s.explanation)}</p>{s.body}</section>\n'
        for s in sections
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(title)}</h1><p class=\"lede\">{escape(subtitle)}</p>"
        f"<nav><strong>Contents</strong><ol>{toc}</ol></nav></header>\n"
        f"{body}"
        "<footer>Made by <code>edunews report</code> from the tables alone: rebuild it at any time "
        "without re-processing. The file has no scripts and loads nothing from the network.</footer>\n"
        "</body>\n</html>\n"
    )
