"""Build data/bench/<dataset>/ from local git mirrors of public extraction datasets.

Why: rules on top of trafilatura/htmldate must be judged on pages nobody tuned on,
by cross-validation over sites (bench/bench_cv.py). The pages are stored in the
repository (gzip JSONL shards < 5 MB) so nothing is downloaded at run time; this
script documents exactly how they and their gold were derived. Usage::

    .venv/bin/python bench/build_bench_data.py --merged MIRROR --fundus MIRROR [--out data/bench]

MIRROR is a bare git directory (``git clone --mirror``) of
j-szulc/html-cleaning-dataset-merged and flairNLP/fundus. Parts of the two judged
benchmarks (htmldate's evaluation pages, the ScrapingHub article-extraction-benchmark)
are not in either source; ``EXCLUDED`` would drop them by name if they were.
"""

from __future__ import annotations

import argparse
import gzip
import html as htmlmod
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lhtml

SHARD_BYTES = 4_500_000
# File names of the judged benchmarks: never read, whatever collection bundles them.
EXCLUDED = re.compile(r"scrapinghub|article-extraction-benchmark|htmldate", re.I)
_URL_LINE = re.compile(r"^\s*URL:\s*(\S+)\s*$", re.M)
_TEXT_TAG = re.compile(r'^\s*<text id="([^"]*)"[^>]*>', re.S)
_CLEANEVAL_MARK = re.compile(r"^\s*<(p|h|l)>", re.M | re.I)
_CANONICAL = re.compile(
    r'<link[^>]+rel=["\']canonical["\'][^>]+href=["\']([^"\']+)|'
    r'property=["\']og:url["\'][^>]+content=["\']([^"\']+)',
    re.I,
)


def git_ls(repo: Path, path: str) -> list[str]:
    out = subprocess.run(
        ["git", "--git-dir", str(repo), "ls-tree", "-r", "--name-only", "HEAD", path],
        check=True, capture_output=True, text=True,
    ).stdout
    return [p for p in out.splitlines() if not p.endswith(".DS_Store") and not EXCLUDED.search(p)]


def git_show(repo: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout


def git_head(repo: Path) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def host(url: str) -> str:
    h = urlsplit(url).hostname or ""
    return h[4:] if h.startswith("www.") else h


def cleaneval_gold(text: str) -> str:
    """CleanEval gold: drop the URL line and the <p>/<h>/<l> block marks, unescape."""
    text = _URL_LINE.sub("", text, count=1)
    text = _CLEANEVAL_MARK.sub("\n", text)
    return htmlmod.unescape(text).strip()


def merged_pages(repo: Path, folder: str, dataset: str, prefix: str = "") -> list[dict]:
    pages = []
    for gpath in git_ls(repo, f"{folder}/GoldStandard"):
        stem = Path(gpath).stem
        ipath = f"{folder}/input/{stem}.html"
        try:
            page = decode(git_show(repo, ipath))
        except subprocess.CalledProcessError:
            continue
        gold_raw = decode(git_show(repo, gpath))
        url = ""
        if m := _TEXT_TAG.match(page):  # CleanEval wraps the page in <text id="URL">
            url = m.group(1)
            page = page[m.end():]
        if m := _URL_LINE.search(gold_raw[:500]):
            url = url or m.group(1)
        if dataset == "mozilla-readability":
            body = lhtml.fromstring(gold_raw).text_content() if gold_raw.strip() else ""
            site = stem  # every test page comes from its own site
            url = "http://fakehost/test/page.html"
        elif dataset == "dragnet":
            body = gold_raw.split("!@#$%^&*()  COMMENTS")[0].strip()
            if not url and (m := _CANONICAL.search(page)):
                url = m.group(1) or m.group(2)
            site = host(url) or f"dragnet-{stem}"
        elif dataset == "cleanportaleval":
            body = cleaneval_gold(gold_raw)
            site = stem.rsplit("_", 1)[0].split("_")[0]  # bbc.co.uk_news_01 -> bbc.co.uk
        else:
            body = cleaneval_gold(gold_raw)
            site = host(url) or f"{dataset}-{stem}"
        if len(re.findall(r"\w+", body)) < 5:
            continue  # an empty gold (a page with nothing to extract) tells nothing about bodies
        pages.append({"id": f"{dataset}:{prefix}{stem}", "site": site, "url": url, "html": page, "body": body})
    return pages


def fundus_pages(repo: Path) -> list[dict]:
    """Fundus parser tests: one JSON of expected fields per publisher, version by version.

    The HTML files of a publisher, sorted by crawl date, match its parser versions in
    order (V1, V1_1, ...); a pair is kept only when the gold title is in the page.
    """
    base = "tests/resources/parser/test_data"
    files = git_ls(repo, base)
    pages = []
    for meta_path in [f for f in files if f.endswith("meta.info")]:
        country = meta_path.split("/")[-2]
        meta = json.loads(git_show(repo, meta_path))
        by_pub: dict[str, list[str]] = {}
        for name in meta:
            by_pub.setdefault(name.rsplit("_", 3)[0], []).append(name)
        for pub, names in by_pub.items():
            jpath = f"{base}/{country}/{pub}.json"
            if jpath not in files:
                continue
            gold = json.loads(git_show(repo, jpath))
            versions = sorted(gold, key=lambda v: [int(x) for x in re.findall(r"\d+", v)])
            names = sorted(names, key=lambda n: meta[n]["crawl_date"])
            if len(versions) != len(names):
                continue
            for version, name in zip(versions, names, strict=True):
                g = gold[version]
                raw = gzip.decompress(git_show(repo, f"{base}/{country}/{name}"))
                page = decode(raw)
                title = (g.get("title") or "").strip()
                if not title or htmlmod.unescape(title)[:40] not in htmlmod.unescape(page):
                    continue
                body = g.get("body") or {}
                parts = list(body.get("summary") or [])
                for sec in body.get("sections") or []:
                    parts += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
                rec = {
                    "id": f"fundus:{country}/{name.removesuffix('.html.gz')}",
                    "site": pub,
                    "url": meta[name]["url"],
                    "html": page,
                    "body": "\n\n".join(parts),
                }
                if pd := g.get("publishing_date"):
                    rec["date"] = str(pd)[:10]  # the publisher's local day as the parser read it
                pages.append(rec)
    return pages


def write(out: Path, dataset: str, pages: list[dict]) -> None:
    d = out / dataset
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("*.jsonl.gz"):
        old.unlink()
    shard, buf, size = 0, [], 0
    for p in sorted(pages, key=lambda p: p["id"]):
        line = json.dumps(p, ensure_ascii=False) + "\n"
        buf.append(line)
        size += len(line.encode()) // 3  # a pessimistic gzip ratio of HTML: shards stay < 5 MB
        if size > SHARD_BYTES:
            (d / f"{shard:03d}.jsonl.gz").write_bytes(gzip.compress("".join(buf).encode(), 9, mtime=0))
            shard, buf, size = shard + 1, [], 0
    if buf:
        (d / f"{shard:03d}.jsonl.gz").write_bytes(gzip.compress("".join(buf).encode(), 9, mtime=0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--merged", type=Path, required=True)
    ap.add_argument("--fundus", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "bench")
    args = ap.parse_args()
    sets = {
        "cleaneval": merged_pages(args.merged, "cleaneval-dev", "cleaneval", "dev-")
        + merged_pages(args.merged, "cleaneval-final", "cleaneval"),
        "cleanportaleval": merged_pages(args.merged, "CleanPortalEval-master", "cleanportaleval"),
        # every other page (by id) of Dragnet's 1,380: enough sites, half the megabytes
        "dragnet": sorted(merged_pages(args.merged, "dragnet_data", "dragnet"), key=lambda p: p["id"])[::2],
        "mozilla-readability": merged_pages(args.merged, "readability", "mozilla-readability"),
        "fundus": fundus_pages(args.fundus),
    }
    for name, pages in sets.items():
        write(args.out, name, pages)
        print(name, len(pages), "pages,", len({p["site"] for p in pages}), "sites,",
              sum("date" in p for p in pages), "dates")
    print("merged", git_head(args.merged), "fundus", git_head(args.fundus))


if __name__ == "__main__":
    main()
