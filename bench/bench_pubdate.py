"""Publication date on pubdate-dev: edunews beside htmldate and trafilatura, one run.

accuracy = right to the day over all pages; coverage = pages with any answer;
precision = right among answered (a wrong date costs more than no date). Usage::

    .venv/bin/python bench/bench_pubdate.py [--data DIR] [--only NAME ...] [--halves]
        [--errors]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import print_table  # noqa: E402 - bench/ is put on the path just above

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "pubdate-dev"


def load(data: Path) -> list[tuple[str, str, bytes, str]]:
    """(id, url, raw html bytes, gold date) per page, in gold.csv order."""
    with (data / "gold.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        (
            r["id"],
            r["url"],
            gzip.decompress((data / "html" / f"{r['id']}.html.gz").read_bytes()),
            r["date"],
        )
        for r in rows
    ]


def extractors() -> dict[str, Callable[[bytes, str], str | None]]:
    """name -> f(html bytes, url) -> YYYY-MM-DD or None."""
    import trafilatura
    from htmldate import find_date

    from pipeline.clean import page_dates

    def traf(html: bytes, url: str) -> str | None:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, fast=True, include_comments=False
        )
        return getattr(doc, "date", None) if doc else None

    def ours(html: bytes, url: str) -> str | None:
        return page_dates(html, url)[0]

    return {
        "edunews": ours,
        "htmldate (original_date)": lambda h, u: find_date(h, url=u, original_date=True),
        "htmldate (default)": lambda h, u: find_date(h, url=u),
        "trafilatura metadata": traf,
    }


def score(preds: list[str | None], gold: list[str]) -> tuple[float, float, float]:
    """(accuracy, coverage, precision)."""
    right = sum(1 for p, g in zip(preds, gold, strict=True) if p == g)
    answered = sum(1 for p in preds if p)
    n = len(gold)
    return right / n, answered / n, right / answered if answered else 0.0


def run(
    data: Path, only: list[str] | None = None, halves: bool = False, errors: bool = False
) -> dict[str, tuple[float, float, float, float]]:
    """Score every extractor, print the table; return name -> (acc, cov, prec, ms/page)."""
    pages = load(data)
    gold = [g for *_, g in pages]
    results: dict[str, tuple[float, float, float, float]] = {}
    for name, fn in extractors().items():
        if only and name not in only and name != "edunews":
            continue
        preds: list[str | None] = []
        start = time.perf_counter()
        for _pid, url, html, _g in pages:
            try:
                preds.append(fn(html, url))
            except Exception:  # a tool failing on a page counts as no answer
                preds.append(None)
        ms = (time.perf_counter() - start) * 1000 / len(pages)
        results[name] = (*score(preds, gold), ms)
        if halves:
            mid = len(pages) // 2
            print(
                f"  {name}: half A {score(preds[:mid], gold[:mid])[0]:.3f}, "
                f"half B {score(preds[mid:], gold[mid:])[0]:.3f}",
                file=sys.stderr,
            )
        if errors and name == "edunews":
            for (pid, url, _h, g), p in zip(pages, preds, strict=True):
                if p != g:
                    print(f"  {pid} gold={g} ours={p} {url}", file=sys.stderr)
    best_name, best = print_table(f"pubdate-dev: {len(pages)} pages", ["accuracy", "coverage", "precision",
                                  "ms/page"], results)
    ours = results["edunews"][0]
    if best_name:
        print(
            f"\nedunews accuracy {ours:.3f} vs best other ({best_name}) {best:.3f}: "
            f"margin {ours - best:+.3f}, wrong answers "
            f"{_wrong(results['edunews'])} vs {_wrong(results[best_name])} per 100 pages"
        )
    return results


def _wrong(r: tuple[float, float, float, float]) -> str:
    acc, cov, _prec, _ms = r
    return f"{100 * (cov - acc):.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--only", nargs="*", help="tool names to run beside edunews")
    ap.add_argument("--halves", action="store_true", help="accuracy per half of the pages")
    ap.add_argument("--errors", action="store_true", help="list the pages edunews gets wrong")
    args = ap.parse_args()
    run(args.data, args.only, args.halves, args.errors)


if __name__ == "__main__":
    main()
