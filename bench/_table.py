"""Shared output of the side-by-side benchmarks: one Markdown table, ours against the best other."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def print_table(heading: str, columns: Sequence[str], results: Mapping[str, tuple[float, ...]]) -> tuple[str, float]:
    """Print ``heading`` and a row per extractor (last column ms/page); return the best other's name and score.

    Every row's first value is the headline score that the comparison with edunews uses.
    """
    print(f"{heading}\n")
    print("| extractor | " + " | ".join(columns) + " |")
    print("| --- " * (len(columns) + 1) + "|")
    for name, values in results.items():
        cells = [f"{v:.3f}" for v in values[:-1]] + [f"{values[-1]:.0f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    others = {k: v[0] for k, v in results.items() if k != "edunews"}
    if not others:
        return "", float("nan")
    best = max(others, key=lambda k: others[k])
    return best, others[best]
