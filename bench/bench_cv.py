"""Cross-validation by site of the rules edunews adds to the libraries it wraps.

Why: rules designed on the dev pages fit those pages; on pages nobody tuned on the margin
was gone (issue 18). Here every dataset in data/bench/ (plus the dev splits in
../shared/data/) is split into k folds of *sites* (a site never sits in two folds). For
each fold, the rule set (``settings.BODY_RULES`` / ``DATE_RULES`` subsets: none = the
library's answer, all, all but one) with the best score on the other folds is chosen,
and only its score on the held-back fold counts. The libraries need no training and are
scored on every page. Usage::

    .venv/bin/python bench/bench_cv.py [--k 5] [--jobs 2] [--cache FILE] [--only-cv]

Per-page results are cached in ``--cache`` (JSON lines) so the CV part reruns in seconds.
Body metric: cleaning-dev's (token 4-gram shingles; precision averaged over non-empty
predictions, recall over all pages). Dates: accuracy to the day; with ``--precise`` the
coverage where precision reaches 0.98 (answers from sources whose training precision is
>= 0.98 only).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cleaning import aggregate, page_scores  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
BENCH = ROOT / "data" / "bench"


def variants(rules: frozenset[str]) -> dict[str, frozenset[str]]:
    """none (the library), all, and all but one rule."""
    out = {"none": frozenset(), "all": rules}
    out.update({f"-{r}": rules - {r} for r in sorted(rules)})
    return out


def subsets(rules: frozenset[str]) -> dict[str, frozenset[str]]:
    """Every subset, named "+a+b" ("none" for the empty one); cheap for bodies, where the
    libraries run once per page and the rules only re-arrange their output."""
    from itertools import combinations

    out = {"none": frozenset()}
    for n in range(1, len(rules) + 1):
        for combo in combinations(sorted(rules), n):
            out["+" + "+".join(combo)] = frozenset(combo)
    out["all"] = rules
    return out


BODY_VARIANTS = subsets(frozenset({"readability", "data_tables", "phrases", "chrome", "fast"}))
DATE_VARIANTS = variants(frozenset({"markup", "url_day", "earlier", "extensive", "visible", "offset_guard"}))


def load_pages() -> list[dict]:
    """Every page: {dataset, id, site, url, html, body?, date?}."""
    from urllib.parse import urlsplit

    pages: list[dict] = []
    for d in sorted(p for p in BENCH.iterdir() if p.is_dir()):
        for shard in sorted(d.glob("*.jsonl.gz")):
            for line in gzip.decompress(shard.read_bytes()).decode("utf-8").split("\n"):
                if not line:
                    continue
                rec = json.loads(line)
                rec["dataset"] = d.name
                pages.append(rec)

    def site(url: str, pid: str) -> str:
        h = urlsplit(url).hostname or pid
        return h[4:] if h.startswith("www.") else h

    truth = json.loads((SHARED / "cleaning-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    for pid in sorted(truth):
        raw = gzip.decompress((SHARED / "cleaning-dev" / "html" / f"{pid}.html.gz").read_bytes())
        url = truth[pid].get("url") or ""
        pages.append({"dataset": "cleaning-dev", "id": pid, "site": site(url, pid), "url": url,
                      "html": raw.decode("utf-8", "replace"), "body": truth[pid]["articleBody"]})
    with (SHARED / "pubdate-dev" / "gold.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            raw = gzip.decompress((SHARED / "pubdate-dev" / "html" / f"{r['id']}.html.gz").read_bytes())
            pages.append({"dataset": "pubdate-dev", "id": r["id"], "site": site(r["url"], r["id"]),
                          "url": r["url"], "html_bytes": raw, "date": r["date"]})
    return pages


def fold_of(site: str, k: int) -> int:
    return int(hashlib.md5(site.encode()).hexdigest(), 16) % k


# --- per-page work (in worker processes) ----------------------------------------------------

def _body_tools() -> dict:
    import trafilatura
    from readability import Document

    def readability(html: str, url: str) -> str:
        from lxml import html as lhtml

        summary = Document(html, url=url).summary(html_partial=True)
        return lhtml.fromstring(summary).text_content() if summary.strip() else ""

    tools = {
        "trafilatura": lambda h, u: trafilatura.extract(h, url=u, include_comments=False) or "",
        "trafilatura (favor_precision)": lambda h, u: (
            trafilatura.extract(h, url=u, include_comments=False, favor_precision=True) or ""),
        "readability-lxml": readability,
    }
    try:
        from newspaper import Article as NpArticle
        from newspaper import Config

        config = Config()
        config.fetch_images = False

        def newspaper(html: str, url: str) -> str:
            art = NpArticle(url or "http://example.com/", config=config)
            art.download(input_html=html)
            art.parse()
            return art.text or ""

        tools["newspaper4k"] = newspaper
    except ImportError:
        pass
    return tools


def _ours_body(html: str, url: str, rules: frozenset[str]) -> str:
    """The body as clean_html gives it (blocks other than title and byline), per rule set.

    Only the body stage runs (no dates, language, status): the variants differ there alone.
    A leading byline is marked as clean_html marks it; a first block equal to the title is
    dropped as ``assemble`` drops it.
    """
    from pipeline.clean import _same_title, boilerplate
    from pipeline.clean.metadata import mark_byline, page_metadata

    if "tree" not in _TITLE:
        _TITLE["tree"] = boilerplate.parse_html(html)  # type: ignore[assignment]
    tree = _TITLE["tree"]
    if tree is None:
        return ""
    blocks = boilerplate.body_blocks(tree, url or None, rules=rules)
    blocks, _ = mark_byline(blocks)
    title = _TITLE.get("t")
    if title is None:
        title = _TITLE["t"] = str(page_metadata(boilerplate.parse_html(html), url or None,
                                                frozenset())["title"] or "")
    if blocks and _same_title(blocks[0][1], title):
        blocks = blocks[1:]
    return "\n\n".join(t for k, t in blocks if k not in {"byline", "caption"})


_TITLE: dict = {}  # per page: its title and its parsed tree, shared by the variants
_MEMO: dict = {}


def _memoize_libraries() -> None:
    """Within one page, each trafilatura mode and readability run once for all rule variants."""
    import trafilatura

    from pipeline.clean import boilerplate

    if getattr(trafilatura.extract, "_memo", False):
        return
    extract, readability = trafilatura.extract, boilerplate._readability

    def memo_extract(tree, **kw):  # noqa: ANN001, ANN202 - a bench shim
        key = ("t", tuple(sorted((k, str(v)) for k, v in kw.items())))
        if key not in _MEMO:
            _MEMO[key] = extract(tree, **kw)
        return _MEMO[key]

    def memo_readability(tree):  # noqa: ANN001, ANN202
        if "r" not in _MEMO:
            _MEMO["r"] = readability(tree)
        return _MEMO["r"]

    memo_extract._memo = True  # type: ignore[attr-defined]
    trafilatura.extract = memo_extract
    boilerplate.trafilatura.extract = memo_extract
    boilerplate._readability = memo_readability


def _date_tools() -> dict:
    import trafilatura
    from htmldate import find_date

    def traf(html: str, url: str) -> str | None:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, fast=True,
                                          include_comments=False)
        return getattr(doc, "date", None) if doc else None

    return {
        "htmldate (original_date)": lambda h, u: find_date(h, url=u, original_date=True),
        "htmldate (default)": lambda h, u: find_date(h, url=u),
        "trafilatura": traf,
    }


EDUNEWS_ONLY = False
ONLY_TOOL: str | None = None


def work(page: dict) -> dict:
    """Per-page scores of every tool and rule variant."""
    out: dict = {"dataset": page["dataset"], "id": page["id"], "site": page["site"]}
    url = page.get("url") or ""
    _MEMO.clear()
    if "body" in page:
        html = page["html"]
        scores = {}
        if ONLY_TOOL:
            fn = _body_tools()[ONLY_TOOL]
            try:
                pred = fn(html, url)
            except Exception:
                pred = ""
            out["body"] = {ONLY_TOOL: page_scores(page["body"], pred)}
            return out
        for name, fn in ({} if EDUNEWS_ONLY else _body_tools()).items():
            try:
                pred = fn(html, url)
            except Exception:  # a tool failing on a page scores an empty prediction
                pred = ""
            scores[name] = page_scores(page["body"], pred)
        _memoize_libraries()
        _MEMO.clear()
        _TITLE.clear()
        for name, rules in BODY_VARIANTS.items():
            scores[f"edunews{name}"] = page_scores(page["body"], _ours_body(html, url, rules))
        out["body"] = scores
    if "date" in page:
        from pipeline.clean.boilerplate import parse_html
        from pipeline.clean.encoding import decode
        from pipeline.clean.metadata import page_metadata

        html = page.get("html") or decode(page["html_bytes"])[0]
        preds: dict[str, object] = {}
        for name, fn in ({} if EDUNEWS_ONLY else _date_tools()).items():
            try:
                preds[name] = fn(html, url)
            except Exception:
                preds[name] = None
        tree = parse_html(html)
        for name, rules in DATE_VARIANTS.items():
            meta = page_metadata(tree, url or None, rules) if tree is not None else {}
            preds[f"edunews{name}"] = meta.get("published")
            preds[f"edunews{name}:source"] = meta.get("published_source", "none")
        out["date"] = {"gold": page["date"], "pred": preds}
    return out


# --- cross-validation ---------------------------------------------------------------------

def body_f1(rows: list[dict], name: str) -> tuple[float, float, float]:
    return aggregate([tuple(r["body"][name]) for r in rows])  # type: ignore[misc]


def date_acc(rows: list[dict], name: str) -> float:
    return sum(r["date"]["pred"][name] == r["date"]["gold"] for r in rows) / max(1, len(rows))


def cv(results: list[dict], k: int) -> dict:
    body = [r for r in results if "body" in r]
    dates = [r for r in results if "date" in r]
    for r in results:
        r["fold"] = fold_of(r["site"], k)
    chosen_body, chosen_date, precise_sources = {}, {}, {}
    for f in range(k):
        train_b = [r for r in body if r["fold"] != f]
        # pooled pages, each dataset weighted equally: a big set must not decide alone
        def pooled(name: str, rows: list[dict]) -> float:
            sets = defaultdict(list)
            for r in rows:
                sets[r["dataset"]].append(r)
            return sum(body_f1(v, name)[0] for v in sets.values()) / max(1, len(sets))

        chosen_body[f] = max(BODY_VARIANTS, key=lambda v: (pooled(f"edunews{v}", train_b), v == "none"))
        train_d = [r for r in dates if r["fold"] != f]

        def dpooled(name: str, rows: list[dict]) -> float:
            sets = defaultdict(list)
            for r in rows:
                sets[r["dataset"]].append(r)
            return sum(date_acc(v, name) for v in sets.values()) / max(1, len(sets))

        best = max(DATE_VARIANTS, key=lambda v: (dpooled(f"edunews{v}", train_d), v == "none"))
        chosen_date[f] = best
        by_src: dict[str, list[bool]] = defaultdict(list)
        for r in train_d:
            p = r["date"]["pred"]
            if p[f"edunews{best}"]:
                by_src[p[f"edunews{best}:source"]].append(p[f"edunews{best}"] == r["date"]["gold"])
        precise_sources[f] = sorted(s for s, v in by_src.items() if len(v) >= 10 and sum(v) / len(v) >= 0.98)
    for r in body:
        r["body"]["edunews (CV)"] = r["body"][f"edunews{chosen_body[r['fold']]}"]
    for r in dates:
        p = r["date"]["pred"]
        v = chosen_date[r["fold"]]
        p["edunews (CV)"] = p[f"edunews{v}"]
        p["edunews (CV, precise)"] = p[f"edunews{v}"] if p[f"edunews{v}:source"] in precise_sources[r["fold"]] else None
    return {"body": chosen_body, "date": chosen_date, "precise_sources": precise_sources,
            "body_all": max(BODY_VARIANTS, key=lambda v: body_f1(body, f"edunews{v}")[0]),
            "date_all": max(DATE_VARIANTS, key=lambda v: date_acc(dates, f"edunews{v}"))}


def report(results: list[dict], chosen: dict) -> None:
    body = [r for r in results if "body" in r]
    dates = [r for r in results if "date" in r]
    print(f"chosen per fold: body {chosen['body']}, dates {chosen['date']}")
    print(f"precise date sources per fold: {chosen['precise_sources']}\n")
    names = ["edunews (CV)", "edunews-all-in-sample", "trafilatura", "trafilatura (favor_precision)",
             "readability-lxml", "newspaper4k"]
    sets = sorted({r["dataset"] for r in body})
    print("| dataset | pages | sites | " + " | ".join(names) + " |")
    print("|" + " --- |" * (len(names) + 3))
    for ds in [*sets, "pooled"]:
        rows = body if ds == "pooled" else [r for r in body if r["dataset"] == ds]
        cells = []
        for n in names:
            key = "edunewsall" if n == "edunews-all-in-sample" else n
            if key not in rows[0]["body"]:
                cells.append("-")
                continue
            f1, p, rr = body_f1(rows, key)
            cells.append(f"{f1:.3f} ({p:.3f}/{rr:.3f})")
        print(f"| {ds} | {len(rows)} | {len({r['site'] for r in rows})} | " + " | ".join(cells) + " |")
    print()
    dnames = ["edunews (CV)", "edunewsall", "edunewsnone", "htmldate (original_date)", "htmldate (default)",
              "trafilatura"]
    print("| dataset | pages | " + " | ".join(dnames) + " | edunews precise: coverage / precision |")
    print("|" + " --- |" * (len(dnames) + 3))
    for ds in [*sorted({r["dataset"] for r in dates}), "pooled"] if dates else []:
        rows = dates if ds == "pooled" else [r for r in dates if r["dataset"] == ds]
        cells = []
        for n in dnames:
            acc = date_acc(rows, n)
            ans = [r for r in rows if r["date"]["pred"][n]]
            prec = date_acc(ans, n) if ans else 0.0
            cells.append(f"{acc:.3f} (prec {prec:.3f})")
        ans = [r for r in rows if r["date"]["pred"]["edunews (CV, precise)"]]
        cov = len(ans) / len(rows)
        prec = date_acc(ans, "edunews (CV, precise)") if ans else 0.0
        print(f"| {ds} | {len(rows)} | " + " | ".join(cells) + f" | {cov:.3f} / {prec:.3f} |")
    print()
    for kind, vs, fn in (("body", BODY_VARIANTS, lambda rows, n: body_f1(rows, n)[0]),
                         ("date", DATE_VARIANTS, date_acc)):
        rows_all = body if kind == "body" else dates
        print(f"{kind} variants, in-sample per dataset (for reading, not for judging):")
        for v in vs:
            per = {ds: fn([r for r in rows_all if r["dataset"] == ds], f"edunews{v}")
                   for ds in sorted({r['dataset'] for r in rows_all})}
            print(f"  {v:14s} " + " ".join(f"{ds}={x:.3f}" for ds, x in per.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cv_cache.jsonl")
    ap.add_argument("--only-cv", action="store_true", help="reuse the cache, do not extract")
    ap.add_argument("--datasets", nargs="*", help="only these datasets")
    ap.add_argument("--edunews-only", action="store_true",
                    help="edunews variants only; library scores come from --merge")
    ap.add_argument("--tool", help="with --kind body: this library alone (e.g. newspaper4k, installed late)")
    ap.add_argument("--kind", choices=["body", "date"], help="only this kind of gold")
    ap.add_argument("--merge", type=Path, nargs="*", help="caches of later runs overlaid on --cache")
    ap.add_argument("--limit", type=int, default=0, help="with --datasets: the first N pages (a smoke run)")
    args = ap.parse_args()
    global EDUNEWS_ONLY, ONLY_TOOL
    EDUNEWS_ONLY, ONLY_TOOL = args.edunews_only, args.tool
    if not args.only_cv:
        pages = load_pages()
        if args.kind:
            pages = [{k: v for k, v in p.items() if k not in {"body", "date"} or k == args.kind}
                     for p in pages if args.kind in p]
        if args.datasets:
            pages = [p for p in pages if p["dataset"] in args.datasets][: args.limit or None]
        with Pool(args.jobs) as pool, args.cache.open("w", encoding="utf-8") as fh:
            for i, res in enumerate(pool.imap_unordered(work, pages, chunksize=4)):
                fh.write(json.dumps(res) + "\n")
                if i % 100 == 0:
                    print(f"{i}/{len(pages)}", file=sys.stderr, flush=True)
    results = [json.loads(line) for line in args.cache.read_text(encoding="utf-8").splitlines()]
    by_key = {(r["dataset"], r["id"]): r for r in results}
    for extra in args.merge or []:  # later runs (new rule variants) overlay the base cache
        for line in extra.read_text(encoding="utf-8").splitlines():
            new = json.loads(line)
            r = by_key.get((new["dataset"], new["id"]))
            if r is None:  # a page the base run does not have: nothing to compare it with
                continue
            if "body" in new:
                r.setdefault("body", {}).update(new["body"])
            if "date" in new:
                r.setdefault("date", {"gold": new["date"]["gold"], "pred": {}})["pred"].update(new["date"]["pred"])
    results = list(by_key.values())
    chosen = cv(results, args.k)
    report(results, chosen)
    print(f"\nchosen on all pages: body {chosen['body_all']}, dates {chosen['date_all']}")


if __name__ == "__main__":
    main()
