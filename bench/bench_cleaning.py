"""Article-body extraction on cleaning-dev: edunews beside the tools it builds on.

Every extractor runs in the same process over the same pages, so F1 and ms/page
are comparable. The metric is the ScrapingHub article-extraction-benchmark's own
(token 4-gram shingles, precision averaged over non-empty predictions, recall over
all pages). Usage::

    .venv/bin/python bench/bench_cleaning.py [--data DIR] [--only NAME ...] [--halves]
        [--dump FILE]

``--halves`` also prints each extractor's F1 on the two halves of the pages (sorted
by id), a cheap check that a rule helps generally and not on a few pages only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import print_table  # noqa: E402 - bench/ is put on the path just above

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "cleaning-dev"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[str]:
    """Multiset of token n-grams (a text shorter than n is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens
    )


def page_scores(true: str, pred: str) -> tuple[float | None, float]:
    """(precision or None for an empty prediction, recall) of one page."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    precision = tp / sum(p.values()) if p else None
    recall = tp / sum(t.values()) if t else 1.0
    return precision, recall


def aggregate(scores: list[tuple[float | None, float]]) -> tuple[float, float, float]:
    """(F1, P, R): the benchmark's averaging."""
    ps = [p for p, _ in scores if p is not None]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(r for _, r in scores) / len(scores) if scores else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def extractors() -> dict[str, Callable[[str, str], str]]:
    """name -> f(html, url) -> body text. Optional tools are skipped when not installed."""
    import trafilatura
    from readability import Document

    from pipeline.clean import clean_html
    from pipeline.errors import PipelineError

    def ours(html: str, url: str) -> str:
        try:
            art = clean_html(html, url)
        except PipelineError:
            return ""
        # The byline and figure captions are kept as blocks of their own for the people table (captions after
        # the body); cleaning-dev's gold bodies leave both out.
        return "\n\n".join(b.text for b in art.blocks if b.kind not in {"title", "byline", "caption"})

    def readability(html: str, url: str) -> str:
        from lxml import html as lhtml

        summary = Document(html, url=url).summary(html_partial=True)
        return lhtml.fromstring(summary).text_content() if summary.strip() else ""

    out: dict[str, Callable[[str, str], str]] = {
        "edunews": ours,
        # include_comments=False: the body only, as the reference scores were measured
        "trafilatura": lambda h, u: trafilatura.extract(h, url=u, include_comments=False) or "",
        "trafilatura (favor_precision)": lambda h, u: (
            trafilatura.extract(h, url=u, include_comments=False, favor_precision=True) or ""
        ),
        "trafilatura (favor_recall)": lambda h, u: (
            trafilatura.extract(h, url=u, include_comments=False, favor_recall=True) or ""
        ),
        "readability-lxml": readability,
    }
    try:
        from newspaper import Article as NpArticle
        from newspaper import Config

        config = Config()
        config.fetch_images = False  # otherwise it downloads every image to rank them

        def newspaper(html: str, url: str) -> str:
            art = NpArticle(url or "http://example.com/", config=config)
            art.download(input_html=html)
            art.parse()
            return art.text or ""

        out["newspaper4k"] = newspaper
    except ImportError:
        pass
    return out


def load(data: Path) -> list[tuple[str, str, str, str]]:
    """(id, url, html, true body) per page, sorted by id."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes())
        pages.append(
            (
                pid,
                truth[pid].get("url") or "",
                raw.decode("utf-8", "replace"),
                truth[pid]["articleBody"],
            )
        )
    return pages


def run(
    data: Path, only: list[str] | None = None, halves: bool = False, dump: Path | None = None
) -> dict[str, tuple[float, float, float, float]]:
    """Score every extractor; print the table; return name -> (F1, P, R, ms/page)."""
    pages = load(data)
    results: dict[str, tuple[float, float, float, float]] = {}
    per_page: dict[str, dict[str, tuple[float | None, float]]] = {}
    for name, fn in extractors().items():
        if only and name not in only and name != "edunews":
            continue
        scores = []
        start = time.perf_counter()
        for _pid, url, html, true in pages:
            try:
                pred = fn(html, url)
            except Exception:  # a tool failing on a page scores an empty prediction
                pred = ""
            scores.append(page_scores(true, pred))
        ms = (time.perf_counter() - start) * 1000 / len(pages)
        f1, p, r = aggregate(scores)
        results[name] = (f1, p, r, ms)
        per_page[name] = {pid: s for (pid, *_), s in zip(pages, scores, strict=True)}
        if halves:
            mid = len(scores) // 2
            h1, h2 = aggregate(scores[:mid])[0], aggregate(scores[mid:])[0]
            print(f"  {name}: half A F1 {h1:.3f}, half B F1 {h2:.3f}", file=sys.stderr)
    best_name, best = print_table(f"cleaning-dev: {len(pages)} pages", ["F1", "precision", "recall", "ms/page"],
                                  results)
    ours = results["edunews"][0]
    if best_name:
        print(
            f"\nedunews F1 {ours:.3f} vs best other ({best_name}) {best:.3f}: "
            f"margin {ours - best:+.3f}, error ratio {(1 - ours) / max(1e-9, 1 - best):.2f}"
        )
    if dump:
        dump.write_text(json.dumps(per_page, indent=1), encoding="utf-8")
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--only", nargs="*", help="extractor names to run beside edunews")
    ap.add_argument("--halves", action="store_true", help="F1 per half of the pages")
    ap.add_argument("--dump", type=Path, help="write per-page (P, R) as JSON")
    args = ap.parse_args()
    run(args.data, args.only, args.halves, args.dump)


if __name__ == "__main__":
    main()
