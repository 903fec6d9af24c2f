"""The ``edunews`` command line: thin commands, each one call into ``pipeline.run``.

Exit codes: 0 success, 1 failure (a document failed, or the run did), 2 bad usage,
75 (EX_TEMPFAIL) when another run holds the data folder.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from dataclasses import asdict
from pathlib import Path

from pipeline.errors import LockedError, PipelineError
from pipeline.settings import Settings, load_settings

EX_TEMPFAIL = 75


class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    pass


def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    return load_settings(
        getattr(args, "config", None),
        data_dir=args.data,
        progress=False if getattr(args, "quiet", False) else None,
        workers=getattr(args, "workers", None),
        engine=getattr(args, "engine", None),
        scheduler=getattr(args, "scheduler", None),
        **extra,
    )


def _add_engine_flags(p: argparse.ArgumentParser) -> None:
    """--workers / --engine / --scheduler for the commands that process (run, update, process)."""
    p.add_argument("--workers", type=int, default=argparse.SUPPRESS, metavar="N",
                   help="processes (local engine) or LocalCluster workers (dask); default: number of cores")
    p.add_argument("--engine", choices=("local", "dask"), default=argparse.SUPPRESS,
                   help="local (default): processes on this machine; dask: a Dask cluster "
                   "(pip install 'edunews[dask]')")
    p.add_argument("--scheduler", default=argparse.SUPPRESS, metavar="tcp://HOST:PORT",
                   help="address of a running Dask scheduler (with --engine dask); default: start a LocalCluster")


def cmd_run(args: argparse.Namespace) -> int:
    """Process everything new in DATA/raw/ into DATA/processed/ (crawling configured sites first).

    With no configuration this processes the bundled sample in data/raw/.

    Example:
      edunews run
      edunews run --data /srv/edunews
    """
    from pipeline.run import run

    summary = run(_settings(args, sites_file=args.sites))
    return _report(summary, args)


def cmd_process(args: argparse.Namespace) -> int:
    """Raw archives -> tables, incrementally: only records that are new or changed.

    PATHs are WARC files, manifest.jsonl files or folders of them; default: DATA/raw/.

    Example:
      edunews process
      edunews process archive/2024-03.warc.gz --data /tmp/try
    """
    from pipeline.run import process

    summary = process(_settings(args, batch_size=args.batch_size), [Path(p) for p in args.paths] or None,
                      limit=args.limit)
    return _report(summary, args)


def cmd_update(args: argparse.Namespace) -> int:
    """For cron and other schedulers: crawl the configured sites (if any), then process what is new.

    Incremental and locked: an overlapping run exits at once with code 75 (EX_TEMPFAIL).
    Ends with one summary line (new, changed, unchanged, failed, seconds); exit 0 when
    all went well, 1 when any document failed. Logs go to stderr (--log-format json
    for log collectors).

    Example (crontab, every day at 02:30):
      30 2 * * *  cd /srv/edunews && .venv/bin/edunews update --data data --log-format json
    """
    from pipeline.run import update

    summary = update(_settings(args, sites_file=args.sites), since=args.since, limit=args.limit)
    return _report(summary, args)


def _report(summary, args: argparse.Namespace) -> int:  # noqa: ANN001
    log = logging.getLogger("edunews")
    for failure in summary.failures[:20]:
        log.warning("failed: %s", failure)
    if len(summary.failures) > 20:
        log.warning("... and %d more (see the errors table)", len(summary.failures) - 20)
    log.info("%s; tables in %s", summary.line(), Path(args.data) / "processed",
             extra={"summary": {"new": summary.new, "changed": summary.changed, "unchanged": summary.unchanged,
                                "failed": summary.failed, "seconds": round(summary.seconds, 3)}})
    return 1 if summary.failed else 0


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for schedulers and log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        from datetime import UTC, datetime

        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "level": record.levelname.lower(),
            "message": record.getMessage(),
        }
        if hasattr(record, "summary"):
            entry.update(record.summary)
        return json.dumps(entry, ensure_ascii=False)


def _setup_logging(fmt: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter("edunews: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Take existing archives into DATA/raw/: .warc/.warc.gz files, .html/.txt files, folders of them,
    and text files of URLs (one a line), which are fetched with the crawler.

    Loose pages are archived into one new WARC file; WARC files are copied.
    Run `edunews process` afterwards.

    Example:
      edunews ingest ~/archives/site-2023.warc.gz saved_pages/
    """
    from pipeline.ingest import ingest_paths
    from pipeline.scrape.sites import read_url_list

    settings = _settings(args, sites_file=args.sites)
    lists = {Path(p): read_url_list(Path(p)) for p in args.paths}
    urls = [u for found in lists.values() for u in found or []]
    others = [p for p, found in lists.items() if found is None]
    counts = ingest_paths(others, settings.raw_dir, url=args.url) if others else {"warc_files": 0, "pages": 0}
    print(f"edunews: ingested {counts['warc_files']} WARC file(s) and {counts['pages']} page(s)", file=sys.stderr)
    if not urls:
        return 0
    from pipeline.scrape.runner import fetch_urls

    summary = fetch_urls(settings, urls, allow_private=args.allow_private)
    for failure in summary.failures[:20]:
        print(f"edunews: failed: {failure}", file=sys.stderr)
    print(f"edunews: URL list(s): {summary.line()}", file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_crawl(args: argparse.Namespace) -> int:
    """Fetch new article pages of the configured sites into WARC files under DATA/raw/.

    Polite (robots.txt, Crawl-delay, AutoThrottle, Retry-After) and incremental: an
    article archived by an earlier crawl is not fetched again. --check fetches only
    the listings, feeds and sitemaps and reports what each yields (a broken site entry
    shows as 0 articles or FAILED). Sites file: --sites, EDUNEWS_SITES_FILE or ./sites.toml.

    Example:
      edunews crawl --check unesco-almaty
      edunews crawl --since 2024-01-01 --limit 200
    """
    from pipeline.scrape.runner import crawl_named

    summary = crawl_named(_settings(args, sites_file=args.sites), args.sites_names, since=args.since,
                          limit=args.limit, check=args.check, refresh=args.refresh)
    if args.check:
        for line in summary.check_lines():
            print(line)
        return 0 if summary.check_ok else 1
    for failure in summary.failures[:20]:
        print(f"edunews: failed: {failure}", file=sys.stderr)
    print(f"edunews: {summary.line()}; run `edunews process` next", file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_clean(args: argparse.Namespace) -> int:
    """Print the cleaned Article of one HTML page (or .txt, .md or .pdf file) as JSON.

    Example:
      edunews clean page.html --url https://example.org/news/1
    """
    from pipeline.clean import clean_page, content_type_of
    from pipeline.records import RawPage

    path = Path(args.file)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise PipelineError(f"{path}: cannot read ({exc.strerror})") from None
    ctype = content_type_of(path)
    article = clean_page(RawPage(body, args.url, str(path), str(path), ctype))
    data = asdict(article)
    data["word_count"] = article.word_count
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Print, for each HTML, .txt, .md or .pdf file, the article and its people, organizations, places,
    dates and priority areas as one JSON object whose rows have the table columns.

    Example:
      edunews extract page.html --url https://example.org/news/1
      edunews extract pages/*.html --format jsonl > out.jsonl
    """
    from pipeline.run import extract_files

    settings = _settings(args)
    status = 0
    results = []
    for path, extraction, error in extract_files([Path(p) for p in args.files], settings, args.url,
                                                  args.published):
        if extraction is None:
            print(f"edunews: {path}: {error}", file=sys.stderr)
            status = 1
            continue
        obj = extraction.to_json()
        if args.format == "jsonl":
            print(json.dumps(obj, ensure_ascii=False))
        else:
            results.append(obj)
    if args.format == "json" and results:
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2))
    return status


def cmd_eval(args: argparse.Namespace) -> int:
    """Precision / recall / F1 per table against a gold set (the gold-dev format), beside a naive baseline.

    Example:
      edunews eval ../shared/data/gold-dev
    """
    from pipeline.evaluate_cli import run_eval

    return run_eval(Path(args.gold), _settings(args), fmt=args.format, baseline=not args.no_baseline)


def cmd_report(args: argparse.Namespace) -> int:
    """Write one self-contained HTML report of the tables (charts inline; opens offline, prints well).

    Built from DATA/processed/ alone, so it can be rebuilt at any time without re-processing.

    Example:
      edunews report
      edunews report --data /srv/edunews --out /var/www/edunews.html
    """
    from pipeline.report import write_report

    settings = _settings(args)
    out = write_report(settings.processed_dir, args.out, settings.models_dir)
    print(f"edunews: report written to {out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="edunews",
        description="Turn education news pages into tables: dates, people with titles, organizations, "
        "places and priority areas.",
        formatter_class=_Formatter,
        epilog="Every command takes --data DIR (the folder with raw/, processed/ and state.sqlite).",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_: str) -> argparse.ArgumentParser:  # noqa: ANN001
        p = sub.add_parser(name, help=help_, description=func.__doc__, formatter_class=_Formatter)
        p.add_argument("--data", default="data", metavar="DIR", help="data folder (raw/, processed/, state.sqlite)")
        p.add_argument("--config", type=Path, default=None, help="TOML settings file ([edunews] table)")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        p.add_argument("--log-format", choices=("text", "json"), default="text", help="format of the logs on stderr")
        p.set_defaults(func=func)
        return p

    p = add("run", cmd_run, "the main job: crawl configured sites, then process everything new")
    p.add_argument("--sites", type=Path, default=None, help="sites file (TOML)")
    _add_engine_flags(p)
    p = add("update", cmd_update, "crawl + process for a scheduled job (locked, incremental)")
    p.add_argument("--sites", type=Path, default=None, help="sites file (TOML)")
    p.add_argument("--since", default=None, metavar="DATE", help="crawl only articles published on or after DATE")
    p.add_argument("--limit", type=int, default=None, help="fetch/process at most N new or changed records")
    _add_engine_flags(p)
    p = add("process", cmd_process, "raw archives -> tables, incrementally")
    p.add_argument("paths", nargs="*", metavar="PATH", help="WARC files, manifests or folders (default DATA/raw)")
    p.add_argument("--limit", type=int, default=None, help="process at most N new or changed records")
    p.add_argument("--batch-size", type=int, default=None, help="texts per nlp.pipe batch")
    _add_engine_flags(p)
    p = add("ingest", cmd_ingest, "take existing archives and pages into DATA/raw/")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--url", default=None, help="URL of the page (when ingesting a single page)")
    p.add_argument("--sites", type=Path, default=None, help="sites file whose [crawl] table applies to URL lists")
    p.add_argument("--allow-private", action="store_true", help="let URL lists point at private addresses")
    p = add("crawl", cmd_crawl, "fetch new articles of the configured sites into DATA/raw/ (WARC)")
    p.add_argument("sites_names", nargs="*", metavar="SITE", help="sites to crawl (default: all)")
    p.add_argument("--sites", type=Path, default=None, help="sites file (TOML; default ./sites.toml)")
    p.add_argument("--since", default=None, help="skip articles older than this day (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=None, help="fetch at most N articles in all (over all sites)")
    p.add_argument("--check", action="store_true", help="only report what each listing, feed and sitemap yields")
    p.add_argument("--refresh", action="store_true", help="re-fetch archived articles with conditional requests")
    p = add("clean", cmd_clean, "print the cleaned Article of one page as JSON")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--url", default=None, help="the page's URL (used for the article id and metadata)")
    p = add("extract", cmd_extract, "print the extraction of pages as JSON")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--url", default=None, help="the page's URL")
    p.add_argument("--published", default=None, help="publication date YYYY-MM-DD (overrides the page's)")
    p.add_argument("--format", choices=("json", "jsonl"), default="json")
    p = add("eval", cmd_eval, "score the extractors against a gold set")
    p.add_argument("gold", metavar="GOLD", help="gold folder (gold.jsonl, sources.jsonl, articles/)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--no-baseline", action="store_true", help="skip the naive baseline")
    p = add("report", cmd_report, "write a self-contained HTML report of the tables")
    p.add_argument("--out", type=Path, default=None, metavar="FILE",
                   help="output file; when not given, DATA/processed/report.html")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(getattr(args, "log_format", "text"))
    for flag in ("published", "since"):  # a bad date is bad usage (exit 2), caught before any work starts
        if getattr(args, flag, None):
            from datetime import date

            try:
                date.fromisoformat(getattr(args, flag))
            except ValueError:
                parser.error(f"--{flag} must be YYYY-MM-DD, got {getattr(args, flag)!r}")
    try:
        return int(args.func(args))
    except LockedError as exc:
        logging.getLogger("edunews").error("%s", exc)
        return EX_TEMPFAIL
    except PipelineError as exc:
        logging.getLogger("edunews").error("error: %s", exc)
        return 1
    except KeyboardInterrupt:
        print("edunews: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a one-line error, never a traceback, unless --debug
        if args.debug:
            traceback.print_exc()
        print(f"edunews: error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
