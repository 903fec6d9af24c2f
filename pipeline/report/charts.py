"""Charts as inline SVG, drawn with matplotlib's object API (no pyplot, no display).

Inline SVG keeps the report one self-contained file, stays sharp in print and keeps
its text selectable. Every function takes an already aggregated frame (tens to a few
thousand rows), so drawing time does not grow with the dataset. Output is
deterministic: a fixed hash salt, no dates in the metadata, ids prefixed per chart.
"""

from __future__ import annotations

import io
import re
import textwrap

import matplotlib
import pandas as pd
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

INK = "#1f3b57"
ACCENT = "#2a7ab0"
MUTED = "#b8c4cf"
STYLE = {
    "svg.fonttype": "none",  # real <text>: selectable, small, crisp in print
    "svg.hashsalt": "edunews-report",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.edgecolor": "#888888",
    "axes.labelcolor": INK,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": "#333333",
    "ytick.color": "#333333",
}


def _to_svg(fig: Figure, key: str, label: str) -> str:
    """Render a figure to an inline <svg> element whose ids cannot clash with other charts."""
    FigureCanvasSVG(fig)
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    # Namespace declarations are not needed inside HTML; the pt size stays as the natural size.
    head, body = text.split(">", 1)
    text = re.sub(r'\s(xmlns(:\w+)?|version)="[^"]*"', "", head) + ">" + body
    ids = set(re.findall(r'\sid="([^"]+)"', text))
    text = re.sub(r'(\sid=")([^"]+)"', lambda m: f'{m.group(1)}{key}-{m.group(2)}"', text)
    text = re.sub(r"#([\w.-]+)", lambda m: f"#{key}-{m.group(1)}" if m.group(1) in ids else m.group(0), text)
    safe_label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return text.replace("<svg", f'<svg role="img" aria-label="{safe_label}" class="chart"', 1)


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def _short(text: object, width: int = 45) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="…")


def bars_by_month(frame: pd.DataFrame, column: str, key: str, ylabel: str) -> str | None:
    """Monthly counts as a bar chart on a real time axis (empty months show as gaps)."""
    if frame.empty or frame[column].sum() == 0:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(9, 2.8)
        ax = fig.subplots()
        width = 20 if len(frame) < 240 else 28
        ax.bar(frame["month"], frame[column], width=width, color=ACCENT, align="edge")
        ax.set_ylabel(ylabel)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
        ax.set_axisbelow(True)
        if len(frame) <= 3:
            pad = pd.Timedelta(days=60)
            ax.set_xlim(frame["month"].min() - pad, frame["month"].max() + pad)
        return _to_svg(fig, key, f"{ylabel} per month")


def hbars(labels: list[str], values: list[float], key: str, xlabel: str) -> str | None:
    """Horizontal bars, largest on top: the form that keeps long names readable."""
    if not labels:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(7, 0.6 + 0.24 * len(labels))
        ax = fig.subplots()
        names = [_short(label) for label in labels][::-1]
        positions = range(len(names))
        ax.barh(list(positions), list(values)[::-1], color=ACCENT, height=0.7)
        ax.set_yticks(list(positions), names)
        ax.set_xlabel(xlabel)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
        ax.set_axisbelow(True)
        return _to_svg(fig, key, xlabel)


def place_map(countries: pd.DataFrame, cities: pd.DataFrame, key: str = "map") -> str | None:
    """A map-like scatter on longitude/latitude: one bubble per country sized by articles, cities as dots.

    No tiles or coastlines (nothing to fetch, nothing to bundle): a graticule gives the
    reader the world's frame, and labels name the countries.
    """
    points = countries.dropna(subset=["latitude", "longitude"])
    if points.empty:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(9, 4.8)
        ax = fig.subplots()
        ax.set_xlim(-180, 180)
        ax.set_ylim(-60, 85)
        ax.set_aspect("equal")
        ax.set_xticks(range(-180, 181, 30))
        ax.set_yticks(range(-60, 91, 30))
        ax.grid(color="#e3e8ee", linewidth=0.6)
        ax.axhline(0, color="#c9d3dc", linewidth=0.8)
        ax.set_xlabel("longitude")
        ax.set_ylabel("latitude")
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color("#c9d3dc")
        if not cities.empty:
            ax.scatter(cities["longitude"], cities["latitude"], s=6, color=MUTED, linewidths=0, label="city")
        biggest = float(points["articles"].max())
        sizes = 30 + 600 * (points["articles"].astype(float) / biggest) ** 0.5
        ax.scatter(points["longitude"], points["latitude"], s=sizes, color=ACCENT, alpha=0.55,
                   edgecolors=INK, linewidths=0.6, label="country")
        placed: list[tuple[float, float]] = []
        for _, row in points.head(40).iterrows():
            x, y = float(row["longitude"]), float(row["latitude"])
            if any(abs(x - px) < 14 and abs(y - py) < 6 for px, py in placed):
                continue  # a crowded region: the table below names every country
            placed.append((x, y))
            ax.annotate(f"{row['country']} ({row['articles']})", (row["longitude"], row["latitude"]),
                        xytext=(6, 4), textcoords="offset points", fontsize=8, color=INK)
        return _to_svg(fig, key, "Countries by number of articles, placed by latitude and longitude")


def heatmap(matrix: pd.DataFrame, labels: dict[str, str], key: str = "themes-by-country") -> str | None:
    """Theme x country counts as a shaded grid with the numbers written in (readable in grey print)."""
    if matrix.empty or matrix.to_numpy().sum() == 0:
        return None
    with matplotlib.rc_context(STYLE):
        rows, cols = matrix.shape
        fig = _figure(min(2.8 + 0.55 * cols, 10), 0.9 + 0.32 * rows)
        ax = fig.subplots()
        values = matrix.to_numpy()
        ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
        ax.set_xticks(range(cols), [str(c) for c in matrix.columns])
        names = [_short(f"{t} {labels.get(t, '')}".strip(), 40) for t in matrix.index]
        ax.set_yticks(range(rows), names)
        ax.tick_params(axis="x", labeltop=True, labelbottom=False, top=True, bottom=False)
        peak = values.max()
        for r in range(rows):
            for c in range(cols):
                if values[r, c]:
                    ax.text(c, r, str(values[r, c]), ha="center", va="center", fontsize=8,
                            color="white" if values[r, c] > peak * 0.6 else INK)
        for spine in ax.spines.values():
            spine.set_visible(False)
        return _to_svg(fig, key, "Priority areas by theme and country")
