"""Throughput, scaling and memory of `edunews process` on a synthesized archive.

Every comparison runs in one invocation on the same archive, so machine load
affects both sides alike; each subcommand prints one line ending with its ratio::

    .venv/bin/python bench/bench_process.py throughput [-n 400]  # pipeline (1 worker) / bare nlp.pipe
    .venv/bin/python bench/bench_process.py naive [-n 400]       # pipeline (all cores) / naive per-page loop
    .venv/bin/python bench/bench_process.py scaling [-n 1280]    # --workers 2 / --workers 1
    .venv/bin/python bench/bench_process.py memory [--small 1000 --large 10000]  # peak RSS large / small

The archive is made from the bundled sample (data/raw/sample/): each copy gets its
own URL and a distinct sentence, so no article is a duplicate, in WARC files of at
most 1,000 records (as crawls are). The bare and naive baselines use the same
spaCy pipeline (same components) as the pipeline.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest.warc import write_warc  # noqa: E402

SAMPLE = ROOT / "data" / "raw" / "sample"
PER_WARC = 1000


def synth_archive(raw: Path, n: int) -> None:
    """n distinct pages from the sample, with varied URLs and one varied sentence each."""
    manifest = [json.loads(line) for line in (SAMPLE / "manifest.jsonl").read_text().splitlines() if line.strip()]
    htmls = [(SAMPLE / e["file"]).read_text("utf-8") for e in manifest]

    def pages(start: int, stop: int):  # noqa: ANN202
        for i in range(start, stop):
            entry, html = manifest[i % len(manifest)], htmls[i % len(manifest)]
            extra = (f"<p>Follow-up report number {i}: the district education office in region {i % 97} "
                     f"confirmed that {i % 13 + 2} schools joined the programme.</p>")
            html = re.sub(r"(</article>|</main>|</body>)", extra + r"\1", html, count=1)
            url = re.sub(r"^(https?://[^/]+)/", rf"\1/{i}/", entry["url"])
            yield url, html.encode("utf-8"), "text/html; charset=utf-8", entry["fetched_at"]

    for k, start in enumerate(range(0, n, PER_WARC)):
        write_warc(raw / f"synth-{k:04d}.warc.gz", pages(start, min(start + PER_WARC, n)))


def _settings(data: Path, workers: int):  # noqa: ANN202
    from pipeline.settings import load_settings

    return load_settings(data_dir=data, workers=workers, progress=False)


def _pages(folder: Path) -> list:
    from pipeline.ingest import iter_raw

    return list(iter_raw(folder))


def _cleaned(pages: list, settings) -> list:  # noqa: ANN001
    from pipeline.extract import EXTRACTED_STATUSES
    from pipeline.run import clean_pages

    return [a for _, a in clean_pages(pages, settings, []) if a.status in EXTRACTED_STATUSES]


def _timed_process(data: Path, workers: int) -> float:
    """Wall seconds of a whole `process` (read, clean, parse, extract, commit, export) in this process."""
    from pipeline.run import process

    started = time.perf_counter()
    summary = process(_settings(data, workers))
    seconds = time.perf_counter() - started
    assert summary.failed == 0, summary.failures[:3]
    return seconds


def _load() -> str:
    """The 1-minute load average: on a shared machine, other jobs take cores from the workers."""
    import os

    return f"{os.getloadavg()[0]:.1f}"


def _fresh(base: Path, name: str) -> Path:
    """A data folder that shares the archive but has no state or tables yet."""
    data = base / name
    (data / "raw").mkdir(parents=True)
    for warc in sorted((base / "archive").glob("*.warc.gz")):
        (data / "raw" / warc.name).symlink_to(warc)
    return data


def cmd_throughput(args: argparse.Namespace, base: Path) -> None:
    """Pipeline on one worker against bare nlp.pipe over the same cleaned texts, same model, same run."""
    from pipeline.extract.nlp import get_nlp
    from pipeline.runners.local import warm_up

    settings = _settings(base / "archive", 1)
    warm_up(settings.spacy_model)  # both sides start warm: a long run loads model, gazetteer, lexicon once
    nlp = get_nlp(settings.spacy_model)
    texts = [a.text for a in _cleaned(_pages(base / "archive"), settings)]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:16], batch_size=settings.batch_size))  # warm-up
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - started
    pipeline = _timed_process(_fresh(base, "w1"), 1)
    assert texts and pipeline > 0
    print(f"throughput (load {_load()}): {args.n} pages ({len(texts)} parsed, {words} words); "
          f"pipeline {len(texts) / pipeline:.1f} articles/s {words / pipeline:.0f} words/s; "
          f"bare nlp.pipe {len(texts) / bare:.1f} articles/s "
          f"{words / bare:.0f} words/s; ratio pipeline/bare = {bare / pipeline:.2f}")


def cmd_naive(args: argparse.Namespace, base: Path) -> None:
    """The naive way (per page: trafilatura.extract, nlp(text), the extractors) against the pipeline."""
    import os

    import trafilatura

    from pipeline.extract import extract_one
    from pipeline.extract.nlp import get_nlp
    from pipeline.records import Article
    from pipeline.runners.local import warm_up

    settings = _settings(base / "archive", 1)
    warm_up(settings.spacy_model)
    nlp = get_nlp(settings.spacy_model)
    pages = _pages(base / "archive")
    started = time.perf_counter()
    parsed = 0
    for page in pages:
        text = trafilatura.extract(page.body.decode("utf-8", "replace"), url=page.url)
        if not text:
            continue
        doc = nlp(text)
        # The extractors read an Article: the naive way has trafilatura's text only (no blocks, no metadata).
        article = Article(article_id=page.raw_ref, url=page.url, source="", title="", text=text, blocks=[],
                          raw_ref=page.raw_ref)
        extract_one(doc, article)
        parsed += 1
    naive = time.perf_counter() - started
    workers = os.cpu_count() or 1
    pipeline = _timed_process(_fresh(base, "wn"), workers)
    print(f"naive (load {_load()}): {len(pages)} pages; naive loop {len(pages) / naive:.1f} pages/s ({parsed} parsed); "
          f"pipeline --workers {workers} {len(pages) / pipeline:.1f} pages/s; ratio pipeline/naive = "
          f"{naive / pipeline:.2f}")


def _cli_seconds(data: Path, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "process", "--data", str(data), "-q", "--workers", str(workers)],
                   cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def cmd_scaling(args: argparse.Namespace, base: Path) -> None:
    """`edunews process --workers 2` against `--workers 1`, whole commands (start-up included)."""
    one = _cli_seconds(_fresh(base, "w1"), 1)
    two = _cli_seconds(_fresh(base, "w2"), 2)
    print(f"scaling (load {_load()}): {args.n} pages; --workers 1 {args.n / one:.1f} pages/s; "
          f"--workers 2 {args.n / two:.1f} pages/s; ratio w2/w1 = {one / two:.2f}")


def _peak_rss(cmd: list[str]) -> tuple[float, float]:
    """(peak RSS of the main process, peak of the sum over its process tree), in MiB, sampled every 50 ms."""
    import psutil

    proc = psutil.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_main = peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_main, peak_tree
        while not done.is_set():
            try:
                main = proc.memory_info().rss
                tree = main + sum(c.memory_info().rss for c in proc.children(recursive=True))
            except psutil.Error:
                continue
            peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _out, err = proc.communicate()
    done.set()
    thread.join()
    if proc.returncode != 0:
        raise SystemExit(f"process failed: {err.decode()[-500:]}")
    return peak_main / 2**20, peak_tree / 2**20


def cmd_memory(args: argparse.Namespace, base: Path) -> None:
    """Peak RSS of whole `process` runs at a small and a large archive (the large one holds the small one)."""
    results = {}
    for n in (args.small, args.large):
        data = base / f"m{n}"
        (data / "raw").mkdir(parents=True)
        for warc in sorted((base / "archive").glob("*.warc.gz"))[: (n + PER_WARC - 1) // PER_WARC]:
            (data / "raw" / warc.name).symlink_to(warc)
        cmd = [sys.executable, "-m", "pipeline", "process", "--data", str(data), "-q", "--workers",
               str(args.workers), "--limit", str(n)]
        started = time.perf_counter()
        results[n] = (*_peak_rss(cmd), time.perf_counter() - started)
    (sm, st, ss), (lm, lt, ls) = results[args.small], results[args.large]
    print(f"memory (--workers {args.workers}, load {_load()}): peak RSS main/tree {args.small} articles "
          f"{sm:.0f}/{st:.0f} MiB ({ss:.0f} s), {args.large} articles {lm:.0f}/{lt:.0f} MiB ({ls:.0f} s); "
          f"ratio large/small = "
          f"{lm / sm:.2f} (main) {lt / st:.2f} (tree)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, n in (("throughput", 400), ("naive", 400), ("scaling", 1280)):
        p = sub.add_parser(name)
        p.add_argument("-n", type=int, default=n, help="pages in the synthesized archive")
    p = sub.add_parser("memory")
    p.add_argument("--small", type=int, default=1000)
    p.add_argument("--large", type=int, default=10000)
    p.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="edunews-bench-") as tmp:
        base = Path(tmp)
        synth_archive(base / "archive", args.large if args.command == "memory" else args.n)
        {"throughput": cmd_throughput, "naive": cmd_naive, "scaling": cmd_scaling, "memory": cmd_memory}[
            args.command](args, base)


if __name__ == "__main__":
    main()
