"""The ``edunews`` command line: thin commands, each one call into ``pipeline.run``.

Exit codes: 0 success, 1 failure (a document failed, or the run did), 2 bad usage,
75 (EX_TEMPFAIL) when another run holds the data folder.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import typing
from dataclasses import asdict
from pathlib import Path

from pipeline.errors import ConfigError, InputError, LockedError, PipelineError
from pipeline.logs import JsonFormatter, setup_logging  # noqa: F401 - JsonFormatter: moved, still importable here
from pipeline.settings import Settings, load_settings

EX_TEMPFAIL = 75


class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    pass


def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    """The settings of this command; their models folder becomes the one this process reads."""
    from pipeline.knowledge import use_models_dir

    settings = load_settings(
        getattr(args, "config", None),
        data_dir=args.data,
        progress=False if getattr(args, "quiet", False) else None,
        workers=getattr(args, "workers", None),
        engine=getattr(args, "engine", None),
        scheduler=getattr(args, "scheduler", None),
        only_education=True if getattr(args, "only_education", False) else None,
        log_format=getattr(args, "log_format", None),
        **extra,
    )
    use_models_dir(settings.models_dir)
    return settings


class UsageError(Exception):
    """Bad usage found by the parser: one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors that name the --help to read (no usage block)."""

    def error(self, message: str) -> typing.NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _count(least: int):  # noqa: ANN202 - an argparse type
    """An argparse type: a whole number of at least ``least``, with a message that says so."""
    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is None or number < least:
            raise argparse.ArgumentTypeError(f"must be a whole number of at least {least}, got {text!r}")
        return number
    parse.__name__ = "number"
    return parse


def _add_engine_flags(p: argparse.ArgumentParser) -> None:
    """--workers / --engine / --scheduler for the commands that process (run, update, process)."""
    p.add_argument("--workers", type=_count(1), default=argparse.SUPPRESS, metavar="N",
                   help="processes (local engine) or LocalCluster workers (dask); default: number of cores")
    p.add_argument("--engine", choices=("local", "dask"), default=argparse.SUPPRESS,
                   help="local (default): processes on this machine; dask: a Dask cluster "
                   "(pip install 'edunews[dask]')")
    p.add_argument("--scheduler", default=argparse.SUPPRESS, metavar="tcp://HOST:PORT",
                   help="address of a running Dask scheduler (with --engine dask); default: start a LocalCluster")
    p.add_argument("--only-education", action="store_true", default=argparse.SUPPRESS,
                   help="articles whose education score is below min_education (default 0.5) get status "
                   "off_topic and are not parsed")


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

    for path in args.paths:
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or folder (give WARC files, manifest.jsonl files or folders)")
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
    code = 1 if summary.failed else 0
    log.info("%s; tables in %s", summary.line(), Path(args.data) / "processed",
             extra={"summary": {"new": summary.new, "changed": summary.changed, "unchanged": summary.unchanged,
                                "failed": summary.failed, "seconds": round(summary.seconds, 3),
                                "tables": getattr(summary, "export", ""),
                                **_outcome(args, code)}})
    args.summary_logged = True
    return code


def _outcome(args: argparse.Namespace, code: int) -> dict[str, object]:
    """The fields every final summary object has: which command, how it ended, its exit code."""
    status = {0: "ok", 1: "failed", 2: "usage", EX_TEMPFAIL: "locked", 130: "interrupted"}.get(code, "failed")
    return {"command": getattr(args, "command", None), "status": status, "exit_code": code}


def cmd_ingest(args: argparse.Namespace) -> int:
    """Take existing archives into DATA/raw/: .warc/.warc.gz files (copied), pages (.html, .htm,
    .xhtml, .txt, .md, the same gzipped, .pdf) and folders of them (archived into one new WARC file),
    and text files of URLs (one a line), which are fetched with the crawler.

    A page's URL comes from --url (one page), its folder's manifest.jsonl (one JSON object per
    page: file, url, fetched_at, content_type) or --urls-from FILE.tsv (path<TAB>url per line).
    An ingest never overwrites an earlier one, and pages or WARC files already ingested are
    skipped, so running it twice is harmless. What is skipped is listed with the reason.
    News datasets (.csv, .jsonl, .parquet, one article a row with its text or HTML) are copied
    with their column mapping (--columns, else usual names such as url/link, title/headline,
    text/body, published/date); every row becomes an article, and a rerun processes only new or
    changed rows.
    Run `edunews process` afterwards.

    Example:
      edunews ingest ~/archives/site-2023.warc.gz saved_pages/
      edunews ingest --urls-from pages.tsv
      edunews ingest news.csv --columns url=link,title=headline,text=body,published=date
    """
    from pipeline.ingest import ingest_paths, read_url_pairs
    from pipeline.ingest.datasets import ingest_dataset, is_dataset, parse_columns
    from pipeline.scrape.sites import read_url_list

    if not args.paths and not args.urls_from:
        raise UsageError("give PATHs to ingest or --urls-from FILE.tsv")
    if args.url and (len(args.paths) != 1 or not Path(args.paths[0]).is_file() or args.urls_from):
        raise UsageError("--url is the URL of one page file; for many, use --urls-from FILE.tsv or a manifest.jsonl")
    if args.url and not re.match(r"^https?://\S+$", args.url, re.I):
        raise UsageError(f"--url must be an http(s) URL, got {args.url!r}")
    settings = _settings(args, sites_file=args.sites)
    log = logging.getLogger("edunews")
    tables = [Path(p) for p in args.paths if is_dataset(Path(p))]
    try:  # a column that is not there is bad usage: the message lists the columns that are
        columns = parse_columns(args.columns)
        for table in tables:
            log.info("dataset %s: %s", table.name, ingest_dataset(table, settings.raw_dir, columns))
    except InputError as exc:
        raise UsageError(str(exc)) from None
    lists = {Path(p): read_url_list(Path(p)) for p in args.paths if not is_dataset(Path(p))}
    urls = [u for found in lists.values() for u in found or []]
    others = [p for p, found in lists.items() if found is None]
    pairs, problems = read_url_pairs(args.urls_from) if args.urls_from else ([], [])
    report = ingest_paths(others, settings.raw_dir, url=args.url, pairs=pairs)
    report.failed[:0] = problems
    if tables and not (others or pairs or problems or urls):
        return 1 if report.failed else 0
    for label, items in (("failed", report.failed), ("skipped", report.skipped)):
        for what, why in items[:20]:
            log.warning("%s %s: %s", label, what, why)
        if len(items) > 20:
            log.warning("... and %d more %s", len(items) - 20, label)
    into = f" into {Path(args.data) / 'raw' / report.archive}" if report.archive else ""
    log.info("ingested %d WARC file(s) and %d page(s)%s; skipped %d, failed %d", report.warc_files, report.pages,
             into, len(report.skipped), len(report.failed))
    status = 1 if report.failed else 0
    if not urls:
        return status
    from pipeline.scrape.runner import fetch_urls

    summary = fetch_urls(settings, urls, allow_private=args.allow_private)
    for failure in summary.failures[:20]:
        log.warning("failed: %s", failure)
    log.info("URL list(s): %s", summary.line())
    return 1 if summary.failed or status else 0


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
        logging.getLogger("edunews").warning("failed: %s", failure)
    logging.getLogger("edunews").info("%s; run `edunews process` next", summary.line())
    return 1 if summary.failed else 0


def cmd_clean(args: argparse.Namespace) -> int:
    """Print the cleaned Article of one HTML page (or .txt, .md or .pdf file) as JSON.

    Example:
      edunews clean page.html --url https://example.org/news/1
    """
    from pipeline.clean import clean_page, content_type_of
    from pipeline.extract.education import annotate
    from pipeline.records import RawPage

    path = Path(args.file)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise PipelineError(f"{path}: cannot read ({exc.strerror})") from None
    ctype = content_type_of(path)
    _settings(args)  # the models folder (EDUNEWS_MODELS_DIR) the cleaner's word lists come from
    article = annotate(clean_page(RawPage(body, args.url, str(path), str(path), ctype)))  # + education score
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
            logging.getLogger("edunews").error("%s: %s", path, error)
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
    logging.getLogger("edunews").info("report written to %s", out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    p.add_argument("--limit", type=_count(0), default=None, help="fetch/process at most N new or changed records")
    _add_engine_flags(p)
    p = add("process", cmd_process, "raw archives -> tables, incrementally")
    p.add_argument("paths", nargs="*", metavar="PATH", help="WARC files, manifests or folders (default DATA/raw)")
    p.add_argument("--limit", type=_count(0), default=None, help="process at most N new or changed records")
    p.add_argument("--batch-size", type=_count(1), default=None, help="texts per nlp.pipe batch")
    _add_engine_flags(p)
    p = add("ingest", cmd_ingest, "take existing archives and pages into DATA/raw/")
    p.add_argument("paths", nargs="*", metavar="PATH", help="WARC files, pages, folders, manifest.jsonl, URL lists")
    p.add_argument("--url", default=None, help="URL of the page (when ingesting a single page)")
    p.add_argument("--urls-from", type=Path, default=None, metavar="FILE.tsv",
                   help="pages with their URLs: one 'path<TAB>url' a line (paths relative to the file's folder)")
    p.add_argument("--columns", default=None, metavar="FIELD=COL,...",
                   help="for CSV/JSONL/Parquet datasets: which column holds each field "
                   "(url, title, text, html, published, author); unnamed fields are guessed from usual names")
    p.add_argument("--sites", type=Path, default=None, help="sites file whose [crawl] table applies to URL lists")
    p.add_argument("--allow-private", action="store_true", help="let URL lists point at private addresses")
    p = add("crawl", cmd_crawl, "fetch new articles of the configured sites into DATA/raw/ (WARC)")
    p.add_argument("sites_names", nargs="*", metavar="SITE", help="sites to crawl (default: all)")
    p.add_argument("--sites", type=Path, default=None, help="sites file (TOML; default ./sites.toml)")
    p.add_argument("--since", default=None, help="skip articles older than this day (YYYY-MM-DD)")
    p.add_argument("--limit", type=_count(0), default=None, help="fetch at most N articles in all (over all sites)")
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


def _wants_json(argv: list[str]) -> bool:
    """--log-format json, known before parsing so that even a usage error is a JSON line."""
    return any(a == "--log-format=json" or (a == "--log-format" and nxt == "json")
               for a, nxt in zip(argv, [*argv[1:], ""], strict=True))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    json_logs = _wants_json(argv)
    setup_logging("json" if json_logs else "text")
    log = logging.getLogger("edunews")
    parser = build_parser()
    args = argparse.Namespace(command=argv[0] if argv and not argv[0].startswith("-") else None, debug=False)
    code = _run(parser, argv, args, log)
    if json_logs and not getattr(args, "summary_logged", False):
        # a scheduler reads the last line: it is always the summary object, whatever happened
        log.info("exit %d", code, extra={"summary": _outcome(args, code)})
    if getattr(args, "parse_failed", False):
        raise SystemExit(code)  # as argparse does on a bad command line, for callers of main()
    return code


def _run(parser: argparse.ArgumentParser, argv: list[str], args: argparse.Namespace, log: logging.Logger) -> int:
    """Parse and run one command; every failure is one log line and an exit code (never a traceback)."""
    try:
        parser.parse_args(argv, namespace=args)
        for flag in ("published", "since"):  # a bad date is bad usage (exit 2), caught before any work starts
            if getattr(args, flag, None):
                from datetime import date

                try:
                    date.fromisoformat(getattr(args, flag))
                except ValueError:
                    parser.error(f"--{flag} must be YYYY-MM-DD, got {getattr(args, flag)!r}")
        return int(args.func(args))
    except UsageError as exc:
        log.error("%s", exc)
        args.parse_failed = True
        return 2
    except LockedError as exc:
        log.error("%s", exc)
        return EX_TEMPFAIL
    except ConfigError as exc:  # bad settings, flags or sites file: the user has something to fix
        log.error("error: %s", exc)
        return 2
    except PipelineError as exc:
        log.error("error: %s", exc)
        return 1
    except KeyboardInterrupt:
        log.error("interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - a one-line error, never a traceback, unless --debug
        text = str(exc).strip().splitlines()
        log.error("error: unexpected failure%s (run with --debug for the traceback, and please report it)",
                  f": {text[0]}" if text else "", exc_info=bool(args.debug))
        return 1


if __name__ == "__main__":
    sys.exit(main())
