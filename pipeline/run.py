"""Wires the stages in order; the only module that knows the order.

    raw records -> clean -> extract (batched nlp.pipe) -> run state -> tables

``process`` is incremental: a raw record is handled again only when its bytes or
the extractor version changed. Results and state are committed per batch in one
SQLite transaction, and the tables are re-exported from the state, so a run that
is killed at any moment is finished by the next one with identical output.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from pipeline.clean import clean_page, content_type_of
from pipeline.clean.selectors import site_hints
from pipeline.errors import ConfigError, PipelineError, StateError
from pipeline.extract import EXTRACTOR_VERSION, education, extract_articles
from pipeline.ids import article_id
from pipeline.ingest import iter_source, raw_sources
from pipeline.ingest.warc import utc_now
from pipeline.knowledge import SAMPLE_DIR, use_models_dir
from pipeline.progress import Progress
from pipeline.records import Article, Extraction, RawPage
from pipeline.runners import partitions, run_batches
from pipeline.settings import Settings
from pipeline.state import StateStore, body_hash
from pipeline.state.lock import exclusive_lock
from pipeline.tables import export_tables

log = logging.getLogger("edunews")


@dataclass
class Summary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    export: str = ""  # how the tables were written: "append" (what is new) or "compact" (rewritten)

    def line(self) -> str:
        return (f"new {self.new}, changed {self.changed}, unchanged {self.unchanged}, "
                f"failed {self.failed}, {self.seconds:.1f} s")


def data_lock(data_dir: Path) -> AbstractContextManager[None]:
    """One run per data folder: a second one fails at once instead of interleaving writes."""
    return exclusive_lock(data_dir / ".lock", "run")


def one_line(exc: BaseException) -> str:
    """The one-line reason of an errors row: our own message, or what an unexpected error said."""
    text = str(exc).strip().splitlines()
    message = text[0] if text else ""
    if isinstance(exc, PipelineError):
        return message
    return f"unexpected error: {message or 'no message'} ({type(exc).__name__})"


def clean_pages(
    pages: Iterable[RawPage], settings: Settings, errors: list[tuple[str, str, str, str]]
) -> Iterator[tuple[RawPage, Article]]:
    """Clean each page; a failure becomes an error row and the batch goes on.

    A page of a site in the configured sites file is cleaned with that site's selectors and
    language (the file is read once per process; each page costs a host lookup).
    """
    sites = site_hints(settings.sites_file)
    for page in pages:
        if page.error is not None:  # the archive is damaged here: nothing to clean
            errors.append((page.error_source, "read", page.error, utc_now()))
            continue
        try:
            hints = sites.lookup(page.url)
            article = clean_page(page, min_words=settings.min_words, languages=settings.languages,
                                 selectors=hints.selectors if hints else None,
                                 language_hint=hints.language if hints else None,
                                 precise_dates=settings.precise_dates,
                                 skim_other_languages=settings.skim_other_languages)
            yield page, education.annotate(article, only_education=settings.only_education,
                                           min_education=settings.min_education)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            errors.append((page.error_source, "clean", one_line(exc), utc_now()))


def processing_version(settings: Settings) -> str:
    """The version a record is processed with: the extractors', plus the settings that change what a record
    becomes (the education filter, precise dates, the full clean of other languages), so turning one of them
    on or off processes the records again."""
    return (EXTRACTOR_VERSION + (f"+edu{settings.min_education:g}" if settings.only_education else "")
            + ("+precise-dates" if settings.precise_dates else "")
            + ("" if settings.skim_other_languages else "+full-clean"))


def process_batch(pages: list[RawPage], settings: Settings) -> tuple[list, list, list]:
    """Clean + extract a batch of raw pages: (done, results, errors) for the state store.

    A pure function of its input (plus the clock for error times): runners may call
    it in worker processes or on a Dask cluster and commit the results in order.
    Whatever fails in one document is that document's ``errors`` row: it is recorded
    as processed (for its bytes and extractor version), so the next run does not try
    it again until either changes, and the batch goes on.
    """
    use_models_dir(settings.models_dir)  # this may be a worker process or a Dask worker
    try:
        return _process_batch(pages, settings)
    except (ConfigError, StateError):
        raise  # the run's settings, not a document: the whole run stops with a usage error
    except Exception as exc:  # noqa: BLE001 - a failure the stages did not catch: find its document
        if len(pages) == 1:
            return failed_page(pages[0], one_line(exc), processing_version(settings))
    done, results, errors = [], [], []
    for page in pages:
        try:
            one = _process_batch([page], settings)
        except (ConfigError, StateError):
            raise
        except Exception as exc:  # noqa: BLE001
            one = failed_page(page, one_line(exc), processing_version(settings))
        done += one[0]
        results += one[1]
        errors += one[2]
    return done, results, errors


def failed_page(page: RawPage, reason: str, version: str = EXTRACTOR_VERSION) -> tuple[list, list, list]:
    """The batch result of a page that failed as a whole: an errors row, and processed (as failed)."""
    now = utc_now()
    return ([(page.raw_ref, body_hash(page.body), version, None, now)], [],
            [(page.error_source, "process", reason, now)])


def _process_batch(pages: list[RawPage], settings: Settings) -> tuple[list, list, list]:
    errors: list[tuple[str, str, str, str]] = []
    cleaned = list(clean_pages(pages, settings, errors))
    by_ref = {page.raw_ref: page for page, _ in cleaned}
    extract_errors: list[tuple[Article, BaseException]] = []
    extractions: list[Extraction] = list(
        extract_articles((a for _, a in cleaned), model=settings.spacy_model, batch_size=settings.batch_size,
                         errors=extract_errors, max_length=settings.max_length, max_chars=settings.max_chars)
    )
    for article, exc in extract_errors:
        page = by_ref.get(article.raw_ref)
        errors.append((page.error_source if page else article.raw_ref, "extract", one_line(exc), utc_now()))
    now = utc_now()
    version = processing_version(settings)
    done = []
    results = []
    ok_refs = set()
    for x in extractions:
        art = x.article
        ok_refs.add(art.raw_ref)
        year = art.published[:4] if art.published else "unknown"
        results.append((art.article_id, art.raw_ref, art.fetched_at, art.content_sha1, year, x.to_json()))
        done.append((art.raw_ref, body_hash(by_ref[art.raw_ref].body), version, art.article_id, now))
    for page in pages:
        if page.raw_ref not in ok_refs:
            done.append((page.raw_ref, body_hash(page.body), version, None, now))
    return done, results, errors


def _count_pending(store: StateStore, pages: Iterable[RawPage], version: str = EXTRACTOR_VERSION) -> int:
    """How many records a run will process: a read and hash of the inputs, no parsing (for the progress total).

    Archive files read whole before are skipped (see ``Inputs``), so this costs what is new.
    """
    return sum(store.needs_processing(p.raw_ref, body_hash(p.body), version) for p in pages)


def _pending(
    store: StateStore, pages: Iterable[RawPage], summary: Summary, version: str = EXTRACTOR_VERSION
) -> Iterator[RawPage]:
    for page in pages:
        sha1 = body_hash(page.body)
        if not store.needs_processing(page.raw_ref, sha1, version):
            summary.unchanged += 1
            continue
        known = store.db.execute("SELECT 1 FROM records WHERE raw_ref=?", (page.raw_ref,)).fetchone()
        if not known and page.url:  # a page re-fetched by `crawl --refresh` is a new record of a known article
            known = store.db.execute("SELECT 1 FROM results WHERE article_id=?",
                                     (article_id(page.url, ""),)).fetchone()
        if known:
            summary.changed += 1
        else:
            summary.new += 1
        yield page


class Inputs:
    """The raw records of a run, without re-reading archive files that an earlier run read whole.

    A WARC file is written once (crawl and ingest never append to an old one), so when one
    was read to the end at the same size, modification time and processing version, every
    record in it is processed already: it is skipped unread and its records count as
    unchanged. Finding what is new then costs what is new, not a read and hash of the
    whole archive. Manifests and datasets (whose pages or columns may change beside
    them) are always read.
    """

    def __init__(self, settings: Settings, paths: list[Path] | None, store: StateStore, version: str) -> None:
        self.settings, self.paths, self.store, self.version = settings, paths, store, version
        self.skipped = 0
        self.read_whole: list[tuple[str, int, int, str, int]] = []

    def _sources(self) -> Iterator[tuple[Path, Path]]:
        if not self.paths:
            for source in raw_sources(self.settings.raw_dir):
                yield source, self.settings.raw_dir
            return
        for path in self.paths:
            if not path.exists():
                raise PipelineError(f"{path}: no such file or folder")
            sources = raw_sources(path) if path.is_dir() else [path]
            root = path if path.is_dir() else path.parent
            if not sources:
                raise PipelineError(f"{path}: no WARC files or manifest.jsonl to process (use `edunews ingest`)")
            for source in sources:
                yield source, root

    def pages(self, record: bool = False) -> Iterator[RawPage]:
        """Every record to look at; ``record``: note the WARC files read to the end (for ``mark_seen``)."""
        for source, root in self._sources():
            key = None
            if source.name.lower().endswith((".warc", ".warc.gz")):
                stat = source.stat()
                key = (source.relative_to(root).as_posix(), stat.st_size, stat.st_mtime_ns)  # as raw_refs
                known = self.store.seen_source(*key, self.version)
                if known is not None:
                    if record:
                        self.skipped += known
                    continue
            count = 0
            for page in iter_source(source, root):
                count += 1
                yield page
            if record and key is not None:
                self.read_whole.append((*key, self.version, count))

    def mark_seen(self) -> None:
        """Called once every record read is committed: the files read whole are skipped from now on."""
        if self.read_whole:
            self.store.mark_source_seen(self.read_whole)


def process(
    settings: Settings, paths: list[Path] | None = None, limit: int | None = None, *, lock: bool = True
) -> Summary:
    """Process what is new or changed in the raw archive into the tables.

    ``lock=False`` is for callers that already hold the data folder's lock (update).
    """
    if lock:
        with data_lock(settings.data_dir):
            return process(settings, paths, limit, lock=False)
    started = time.monotonic()
    summary = Summary()
    store = StateStore(settings.state_path)
    try:
        # One nlp.pipe batch per partition keeps every worker busy to the end. In this process alone
        # (one worker) partitions of four batches keep nlp.pipe's batches full although some pages are
        # not parsed (not English, empty): ~3% faster. Parses do not depend on the batch's other
        # texts, so the tables are the same whatever the partitions.
        chunk = max(settings.batch_size, 1)
        if settings.engine == "local" and settings.workers <= 1:
            chunk *= 4
        version = processing_version(settings)
        inputs = Inputs(settings, paths, store, version)
        total = _count_pending(store, inputs.pages(), version) if settings.progress else None
        progress = Progress(total if limit is None or total is None else min(total, limit), settings)
        try:
            pending = _pending(store, inputs.pages(record=limit is None), summary, version)
            if limit is not None:
                pending = islice(pending, limit)
            # The runner (this process, worker processes or a Dask cluster) returns batches in input order.
            for done, results, errors in run_batches(partitions(pending, chunk), settings):
                store.commit_batch(done, results, errors)
                summary.failed += len(errors)
                summary.failures.extend(f"{src}: {stage}: {msg}" for src, stage, msg, _ in errors)
                progress.update(len(done))
        finally:
            progress.close()
        summary.unchanged += inputs.skipped
        inputs.mark_seen()
        summary.export = export_tables(store, settings.processed_dir)
        log.debug("tables %s", "appended" if summary.export == "append" else "rewritten (compacted)")
    finally:
        store.close()
    summary.seconds = time.monotonic() - started
    return summary


def run(settings: Settings) -> Summary:
    """The main job: crawl configured sites (when there are any), then process.

    With no sites and nothing in DATA/raw/, this processes the bundled sample (copied there).
    """
    if settings.sites_file is None:
        add_sample(settings)
    crawl_failed = _crawl(settings, since=None, limit=None) if settings.sites_file is not None else 0
    summary = process(settings)
    summary.failed += crawl_failed
    return summary


def add_sample(settings: Settings) -> bool:
    """Copy the bundled sample into DATA/raw/sample/ when DATA/raw/ holds no input; True when copied.

    The sample ships inside the package (see pipeline.knowledge), so `edunews run` shows what
    edunews does from any folder, a checkout or an installed wheel, with nothing configured.
    """
    if raw_sources(settings.raw_dir) or not (SAMPLE_DIR / "manifest.jsonl").is_file():
        return False
    target = settings.raw_dir / "sample"
    log.info("nothing in %s and no sites configured: processing the bundled sample (copied to %s)",
             settings.raw_dir, target)
    shutil.copytree(SAMPLE_DIR, target, dirs_exist_ok=True)
    return True


def update(settings: Settings, since: str | None = None, limit: int | None = None) -> Summary:
    """For schedulers: crawl (when sites are configured) + process under one lock.

    An overlapping run raises LockedError at once (the CLI exits 75, EX_TEMPFAIL),
    so cron can simply try again at the next tick.
    """
    with data_lock(settings.data_dir):
        started = time.monotonic()
        crawl_failed = 0
        if settings.sites_file is not None:
            crawl_failed = _crawl(settings, since=since, limit=limit)
        summary = process(settings, limit=limit, lock=False)
        summary.failed += crawl_failed
        summary.seconds = time.monotonic() - started
        return summary


def _crawl(settings: Settings, since: str | None, limit: int | None) -> int:
    """Run the crawler when it is available; returns the number of failed fetches."""
    try:
        from pipeline.scrape.runner import crawl_configured
    except ImportError:
        log.warning("crawling is not available in this build; processing what is in %s", settings.raw_dir)
        return 0
    result = crawl_configured(settings, since=since, limit=limit)
    return int(getattr(result, "failed", 0))


def extract_files(
    paths: list[Path], settings: Settings, url: str | None = None, published: str | None = None
) -> Iterator[tuple[Path, Extraction | None, str | None]]:
    """(path, extraction or None, error) per file, for `edunews extract`."""
    use_models_dir(settings.models_dir)
    pages = []
    errors: list[tuple[Path, str]] = []
    for path in paths:
        try:
            body = path.read_bytes()
        except OSError as exc:
            errors.append((path, f"cannot read: {exc.strerror}"))
            continue
        ctype = content_type_of(path)
        pages.append(RawPage(body, url, str(path), str(path), ctype))
    clean_errors: list[tuple[str, str, str, str]] = []
    articles = []
    for _page, article in clean_pages(pages, settings, clean_errors):
        if published:
            article.published = published
        articles.append(article)
    extract_errors: list[tuple[Article, BaseException]] = []
    done = {
        x.article.raw_ref: x
        for x in extract_articles(articles, model=settings.spacy_model, batch_size=settings.batch_size,
                                  errors=extract_errors, max_length=settings.max_length,
                                  max_chars=settings.max_chars)
    }
    failed = {ref: msg for ref, _stage, msg, _at in clean_errors}
    failed.update({a.raw_ref: one_line(e) for a, e in extract_errors})
    failed.update({str(p): msg for p, msg in errors})
    for path in paths:
        yield path, done.get(str(path)), failed.get(str(path))
