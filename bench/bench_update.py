"""`edunews update` of 100 new articles on archives of 1,000, 10,000 and 100,000 processed articles.

Issue 17: an update must cost what is new. For each archive size the bench

1. synthesizes the archive directly into a fresh run state (``results`` and ``records``
   rows) from the real extractions of a pool of real pages (the 90 ScrapingHub pages and the
   485 htmldate pages of ../shared/data, processed once by the pipeline at the start of the
   bench: every kind of page, English articles, other languages, not articles), each copy
   with its own article id, URL, raw record and content hash, and writes the archive's raw
   records as WARC files of 1,000 records (the bodies are the copies' texts: the skip of
   files read before is what is measured, not their size);
2. runs one warm-up ``edunews update`` that finds nothing new (it reads and hashes every
   record once, as the run that processed them did, and writes the tables from scratch);
3. adds a WARC of 100 new pages (real English article pages of the pool, each with its own
   URL and one distinct sentence) and times ``edunews update --workers 1`` as a whole
   command, cold start included: wall seconds, CPU seconds (os.wait4 of the child) and its
   peak RSS. Rounds go across the sizes (1k, 10k, 100k, 1k, ...) so that the machine's
   load falls on every size alike, each round with 100 pages of its own; medians.

The same pages are added at every size, so the work that is new is the same; the line
printed last gives the ratios 100k/1k. Sizes and the number of new pages are options::

    .venv/bin/python bench/bench_update.py [--sizes 1000 10000 100000] [--new 100] [--rounds 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest.warc import write_warc  # noqa: E402

SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir() else Path("/work/shared")
PER_WARC = 1000


def real_pool() -> list[tuple[str, bytes]]:
    """(url, html) of the real pages of ../shared/data: 90 ScrapingHub pages, 485 htmldate pages."""
    pages = []
    cleaning = SHARED / "data" / "cleaning-dev"
    truth = json.loads((cleaning / "ground-truth.json").read_text("utf-8"))
    for key, entry in sorted(truth.items()):
        pages.append((entry["url"], gzip.decompress((cleaning / "html" / f"{key}.html.gz").read_bytes())))
    pubdate = SHARED / "data" / "pubdate-dev"
    with (pubdate / "gold.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = pubdate / "html" / f"{row['id']}.html.gz"
            if path.is_file():
                pages.append((row["url"], gzip.decompress(path.read_bytes())))
    return pages


def _run(data: Path, *args: str) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MiB, stderr) of one whole `edunews` command in a child process."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", *args, "--data", str(data)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode() if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: some documents failed (errors rows), as real archives have
        raise SystemExit(f"edunews {' '.join(args)} failed ({proc.returncode}): {err[-800:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err.strip().splitlines()[-1]


def seed_state(base: Path) -> Path:
    """Process the real pool once: its run state holds the real payloads the archives are copied from."""
    seed = base / "seed"
    if (seed / "processed" / "datapackage.json").is_file():  # --keep: the pool was processed by a former run
        return seed / "state.sqlite"
    write_warc(seed / "raw" / "pool.warc.gz", [(u, h, "text/html", "2024-01-01T00:00:00Z") for u, h in real_pool()])
    wall, _cpu, _rss, line = _run(seed, "process", "-q", "--workers", "2")
    print(f"seed: the real pool processed in {wall:.0f} s ({line})", flush=True)
    return seed / "state.sqlite"


def synthesize(seed_db: Path, data: Path, size: int) -> None:
    """An archive of ``size`` processed articles, copied from the seed's real results, in a fresh state."""
    from pipeline.ingest import iter_source
    from pipeline.run import processing_version
    from pipeline.settings import load_settings
    from pipeline.state import StateStore

    StateStore(data / "state.sqlite").close()  # the schema, migrations included
    version = processing_version(load_settings(data_dir=data))
    seed = sqlite3.connect(seed_db)
    rows = list(seed.execute("SELECT article_id, fetched_at, year, payload FROM results ORDER BY seq"))
    seed.close()
    db = sqlite3.connect(data / "state.sqlite")
    db.execute("PRAGMA journal_mode=WAL")
    raw = data / "raw"
    for k, start in enumerate(range(0, size, PER_WARC)):
        name = f"archive-{k:05d}.warc.gz"
        copies = []
        for i in range(start, min(start + PER_WARC, size)):
            old_id, fetched_at, year, payload = rows[i % len(rows)]
            new_id = hashlib.sha1(f"{old_id}/{i}".encode()).hexdigest()[:16]
            url = f"https://archive{i % 50}.example.org/{i}/{old_id}"
            copies.append((i, old_id, new_id, url, fetched_at, year, payload))
        write_warc(raw / name, [(c[3], f"<html><body><p>{c[3]}</p></body></html>".encode(), "text/html", c[4])
                                for c in copies])
        results, records = [], []
        # each copy's raw record as the pipeline reads it back (raw_ref = file and record offset)
        for (i, old_id, new_id, url, fetched_at, year, payload), page in zip(copies, iter_source(raw / name, raw),
                                                                             strict=True):
            doc = json.loads(payload.replace(old_id, new_id))
            sha1 = hashlib.sha1(f"{doc['article'].get('content_sha1')}/{i}".encode()).hexdigest()
            doc["article"].update(url=url, content_sha1=sha1, raw_ref=page.raw_ref)
            results.append((new_id, page.raw_ref, fetched_at, sha1, year,
                            json.dumps(doc, sort_keys=True, ensure_ascii=False), i + 1))
            records.append((page.raw_ref, hashlib.sha1(page.body).hexdigest(), version, new_id,
                            "2024-01-01T00:00:00Z"))
        db.execute("BEGIN")
        db.executemany("INSERT INTO results (article_id, raw_ref, fetched_at, content_sha1, year, payload, seq) "
                       "VALUES (?,?,?,?,?,?,?)", results)
        db.executemany("INSERT INTO records VALUES (?,?,?,?,?)", records)
        db.execute("COMMIT")
    db.close()


def new_pages(seed_db: Path, n: int, round_: int = 0) -> list[tuple[str, bytes, str, str]]:
    """``n`` real English article pages of the pool, each with its own URL and one distinct sentence."""
    seed = sqlite3.connect(seed_db)
    ok = {json.loads(p)["article"]["url"] for (p,) in seed.execute("SELECT payload FROM results")
          if json.loads(p)["article"].get("status") == "ok"}
    seed.close()
    pool = [(u, h) for u, h in real_pool() if u in ok]
    out = []
    for i in range(n):
        url, html = pool[i % len(pool)]
        text = html.decode("utf-8", "replace")
        note = f"Update note {round_}-{i}: the school board met again and approved plan {round_}. "
        # inside the first long paragraph, where the cleaner keeps it: every new page has a text of its own
        text, found = re.subn(r"(<p[^>]*>)(?=[^<]{120,})", lambda m, note=note: m.group(1) + note, text,
                              count=1)
        if not found:
            text = re.sub(r"(</article>|</main>|</body>)", f"<p>{note}</p>" + r"\1", text, count=1)
        url = re.sub(r"^(https?://[^/]+)/?", rf"\1/update-{round_}-{i}/", url, count=1)
        out.append((url, text.encode("utf-8"), "text/html", f"2025-06-{round_ + 1:02d}T00:00:00Z"))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3, help="updates per size, interleaved across the sizes")
    parser.add_argument("--keep", type=Path, help="build under this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="edunews-bench-update-") as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        seed_db = seed_state(base)
        archives = {}
        for size in args.sizes:
            data = base / f"a{size}"
            started = time.perf_counter()
            synthesize(seed_db, data, size)
            built = time.perf_counter() - started
            warm = _run(data, "update", "-q", "--workers", "1")
            csv_mb = sum(p.stat().st_size for p in (data / "processed").glob("*.csv")) / 2**20
            print(f"{size} archived: built {built:.0f} s; warm-up update (nothing new: every archive record read "
                  f"and hashed once, tables written whole) wall {warm[0]:.1f} s, CPU {warm[1]:.1f} s, peak RSS "
                  f"{warm[2]:.0f} MiB; CSVs {csv_mb:.0f} MiB", flush=True)
            archives[size] = data
        # Rounds go across the sizes (1k, 10k, 100k, 1k, ...), so the machine's load falls on all alike;
        # each round adds its own 100 pages (new URLs and sentences): the same work at every size.
        times: dict[int, list[tuple[float, float, float, str]]] = {size: [] for size in args.sizes}
        for round_ in range(args.rounds):
            pages = new_pages(seed_db, args.new, round_)
            for size, data in archives.items():
                write_warc(data / "raw" / f"new-{round_}.warc.gz", pages)
                times[size].append(_run(data, "update", "-q", "--workers", "1"))
                wall, cpu, rss, line = times[size][-1]
                print(f"round {round_ + 1}, {size} archived: update of {args.new} new: wall {wall:.1f} s, CPU "
                      f"{cpu:.1f} s, peak RSS {rss:.0f} MiB ({line})", flush=True)
        results = {size: tuple(statistics.median(t[k] for t in runs) for k in range(3))
                   for size, runs in times.items()}
        for size, (wall, cpu, rss) in results.items():
            print(f"{size} archived, median of {args.rounds}: wall {wall:.1f} s, CPU {cpu:.1f} s, "
                  f"peak RSS {rss:.0f} MiB")
        small, large = min(results), max(results)
        load = os.getloadavg()
        print(f"update of {args.new} new (load {load[0]:.1f}/{load[1]:.1f}): {large}/{small} archived: "
              f"wall ratio {results[large][0] / results[small][0]:.2f}, CPU ratio "
              f"{results[large][1] / results[small][1]:.2f}, "
              f"peak RSS ratio {results[large][2] / results[small][2]:.2f}")


if __name__ == "__main__":
    main()
