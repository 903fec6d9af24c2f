"""Run a crawl: ``crawl(settings, sites, ...) -> CrawlSummary``.

Scrapy runs in a child process (``python -m pipeline.scrape JOB``) because
the Twisted reactor cannot be restarted: a scheduled job, a test suite or
``edunews run`` may crawl several times in one Python process. The parent holds a
lock on the data folder, finishes WARC files left by an interrupted crawl,
and records the URLs that could not be fetched in the ``errors`` table.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError, PipelineError
from pipeline.ingest.warc import utc_now
from pipeline.scrape.archive import NotArticle, WarcArchive, recover_partial
from pipeline.scrape.seen import SeenStore
from pipeline.scrape.sites import SiteConfig, load_defaults, load_sites, url_list_site
from pipeline.settings import Settings
from pipeline.state.lock import exclusive_lock

log = logging.getLogger("edunews")


@dataclass
class CrawlSummary:
    """What a crawl did, per site (the spiders' reports), and the WARC files it wrote."""

    sites: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[str]:
        return [f"{f['url']}: {f['error']}" for s in self.sites for f in s["failures"]]

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def archived(self) -> int:
        return sum(s["archived"] for s in self.sites)

    def line(self) -> str:
        total = {k: sum(s[k] for s in self.sites) for k in ("archived", "known", "not_html", "robots", "blocked")}
        return (f"archived {total['archived']} new article(s), {total['known']} already archived, "
                f"{total['not_html']} not HTML, {total['robots']} disallowed by robots.txt, "
                f"{total['blocked']} blocked (private address), {len(self.failures)} failed, "
                f"{len(self.files)} WARC file(s), {self.seconds:.1f} s")

    def check_lines(self) -> Iterator[str]:
        """One line per listing/feed/sitemap: what it yields (what --check prints)."""
        for site in self.sites:
            if not site["sources"]:
                yield f"{site['site']}: nothing fetched"
            for src in site["sources"]:
                page = f" page {src['page']}" if src.get("page") else ""
                head = f"{site['site']}: {src['kind']}{page} {src['url']}"
                if src.get("error"):
                    yield f"{head}: FAILED: {src['error']}"
                elif "sitemaps" in src:
                    yield f"{head}: sitemap index with {src['sitemaps']} sitemap(s)"
                else:
                    flag = "" if src["articles"] else "  <- no article links: check article_pattern"
                    sample = f" e.g. {src['sample'][0]}" if src["sample"] else ""
                    yield f"{head}: HTTP {src['status']}, {src['articles']} article(s), {src['new']} new{sample}{flag}"

    @property
    def check_ok(self) -> bool:
        return all(s["sources"] and all(not x.get("error") and (x["articles"] or "sitemaps" in x)
                                        for x in s["sources"]) for s in self.sites)


def crawl_lock(data_dir: Path) -> AbstractContextManager[None]:
    """One crawl per data folder; processing may run beside it (it only reads finished WARC files)."""
    return exclusive_lock(data_dir / ".crawl.lock", "crawl")


def crawl(settings: Settings, sites: list[SiteConfig], since: date | None = None, limit: int | None = None,
          check: bool = False, refresh: bool = False) -> CrawlSummary:
    """Fetch the new articles of ``sites`` into WARC under DATA/raw/ (or only check their sources)."""
    started = time.monotonic()
    if not check and any(not s.crawl.contact and not s.allow_private for s in sites):
        log.warning("set contact in the [crawl] table of the sites file (a URL or mailto:), so site owners "
                    "can reach whoever runs this crawler")
    with crawl_lock(settings.data_dir):
        seen = SeenStore(settings.state_path)
        try:
            recover_partial(settings.raw_dir, seen)
        finally:
            seen.close()
        with tempfile.TemporaryDirectory(prefix="edunews-crawl-") as tmp:
            job = Path(tmp) / "job.json"
            out = Path(tmp) / "summary.json"
            job.write_text(json.dumps({
                "raw_dir": str(settings.raw_dir), "state_path": str(settings.state_path),
                "sites": [s.to_json() for s in sites], "since": since.isoformat() if since else None,
                "limit": limit, "check": check, "refresh": refresh, "out": str(out),
            }))
            proc = subprocess.Popen([sys.executable, "-m", "pipeline.scrape", str(job)])
            try:
                code = proc.wait()
            except KeyboardInterrupt:  # the child got the same Ctrl-C: let it close its files cleanly
                proc.wait()
                raise
            if not out.is_file():
                raise PipelineError(f"the crawler process failed (exit {code}); see the messages above")
            data = json.loads(out.read_text())
    summary = CrawlSummary(sites=data["sites"], files=data["files"], seconds=time.monotonic() - started)
    if not check:
        record_failures(settings, summary)
    return summary


def crawl_configured(settings: Settings, since: str | None = None, limit: int | None = None) -> CrawlSummary:
    """Crawl every site of ``settings.sites_file`` (for ``edunews run`` / ``update``).

    Without Scrapy installed this logs how to get it and returns an empty summary,
    so processing still runs over what is already archived.
    """
    if importlib.util.find_spec("scrapy") is None:
        log.warning("crawling needs Scrapy: pip install 'scrapy>=2.19,<3'; processing what is in %s",
                    settings.raw_dir)
        return CrawlSummary()
    if settings.sites_file is None:
        return CrawlSummary()
    day = parse_since(since)
    summary = crawl(settings, load_sites(settings.sites_file), since=day, limit=limit)
    log.info("crawl: %s", summary.line())
    return summary


def crawl_named(settings: Settings, names: list[str], since: str | None = None, limit: int | None = None,
                check: bool = False, refresh: bool = False) -> CrawlSummary:
    """``edunews crawl [SITE ...]``: the named sites (all when none) of the sites file."""
    path = settings.sites_file or (Path("sites.toml") if Path("sites.toml").is_file() else None)
    if path is None:
        raise ConfigError("no sites file: pass --sites FILE (or set EDUNEWS_SITES_FILE)")
    return crawl(settings, load_sites(path, names), parse_since(since), limit, check=check, refresh=refresh)


def fetch_urls(settings: Settings, urls: list[str], allow_private: bool = False) -> CrawlSummary:
    """Fetch a list of article URLs with the same crawler and manners (``edunews ingest urls.txt``)."""
    path = settings.sites_file or (Path("sites.toml") if Path("sites.toml").is_file() else None)
    return crawl(settings, [url_list_site(urls, allow_private, load_defaults(path))])


def parse_since(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--since must be a date YYYY-MM-DD, got {value!r}") from None


def record_failures(settings: Settings, summary: CrawlSummary) -> None:
    """Pages that could not be fetched become rows of the ``errors`` table (stage ``fetch``).

    Articles that failed or that robots.txt forbids are also remembered in ``crawl_failed``:
    they are tried again next time, but no longer count as new on a listing page.
    """
    now = utc_now()
    dead = [(f["url"], s["site"], f["error"], now) for s in summary.sites for f in s["failures"]
            if f["kind"] == "article"]
    dead += [(url, s["site"], "disallowed by robots.txt", now) for s in summary.sites for url in s["disallowed"]]
    if dead:
        seen = SeenStore(settings.state_path)
        try:
            seen.record_failed(dead)
        finally:
            seen.close()
    rows = [(f["url"], "fetch" if f["kind"] == "article" else f"fetch {f['kind']}", f["error"], now)
            for s in summary.sites for f in s["failures"]]
    from pipeline.state import StateStore

    store = StateStore(settings.state_path)
    try:
        if rows:
            store.commit_batch([], [], rows)
        store.clear_fetched_errors()  # a URL that failed once and is archived now leaves no stale error row
    finally:
        store.close()


# --- the child process -------------------------------------------------------------------


class ArchivePipeline:
    """Scrapy item pipeline: every fetched article goes into the site's WARC archive."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.archive: WarcArchive | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchivePipeline:
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        settings = self.crawler.settings
        self.seen = SeenStore(Path(settings["EDUNEWS_STATE_PATH"]))
        self.archive = WarcArchive(Path(settings["EDUNEWS_RAW_DIR"]), self.crawler.spider.site.name, self.seen,
                                   settings.getint("EDUNEWS_WARC_MAX_RECORDS"))

    def process_item(self, item: Any, spider: Any = None) -> Any:
        assert self.archive is not None
        if isinstance(item, NotArticle):
            self.archive.skip(item)
        else:
            self.archive.write(item)
        return item

    def close_spider(self, spider: Any = None) -> None:
        if self.archive is not None:
            self.archive.close()
            self.crawler.spider.report["files"] = [p.name for p in self.archive.files]
        self.seen.close()


def scrapy_settings(site: SiteConfig, raw_dir: str, state_path: str) -> dict[str, Any]:
    """Scrapy settings for one site: the politeness contract of issue 6 in one place."""
    c = site.crawl
    delay = max(c.delay, 0.01)  # a zero delay would also disable Retry-After pauses (see pause_host)
    mw = "pipeline.scrape.middlewares"
    return {
        "USER_AGENT": f"{c.user_agent} (+{c.contact})" if c.contact else c.user_agent,
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": c.user_agent.split("/")[0],
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0.0,  # jitter makes some gaps shorter than the delay
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": max(1, c.concurrency),
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": delay,
        "AUTOTHROTTLE_MAX_DELAY": max(c.max_delay, delay),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "RETRY_TIMES": c.retries,
        "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
        "RETRY_GIVE_UP_LOG_LEVEL": "INFO",
        "EDUNEWS_BACKOFF": c.backoff,
        "DOWNLOAD_TIMEOUT": c.timeout,
        "DOWNLOAD_MAXSIZE": int(c.max_size_mb * 1024 * 1024),
        "DOWNLOAD_WARNSIZE": int(c.max_size_mb * 1024 * 1024 / 2),
        "REDIRECT_MAX_TIMES": c.max_redirects,
        "METAREFRESH_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "edunews crawl: %(levelname)s: %(message)s",
        "EXTENSIONS": {"scrapy.extensions.throttle.AutoThrottle": None, f"{mw}.PoliteThrottle": 0,
                       f"{mw}.CrawlDelay": 0},
        "DOWNLOADER_MIDDLEWARES": {f"{mw}.PrivateAddressGuard": 40, f"{mw}.CanonicalUrls": 45,
                                   "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
                                   f"{mw}.SafeRobotsTxt": 100,
                                   "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
                                   f"{mw}.PoliteRetry": 550},
        "ITEM_PIPELINES": {"pipeline.scrape.runner.ArchivePipeline": 300},
        "EDUNEWS_RAW_DIR": raw_dir,
        "EDUNEWS_STATE_PATH": state_path,
        "EDUNEWS_WARC_MAX_RECORDS": c.warc_max_records,
    }


def child_main(job_path: str) -> int:
    """Entry point of the crawler process (``python -m pipeline.scrape JOB``)."""
    from scrapy.crawler import CrawlerProcess

    from pipeline.scrape.spider import NewsSpider

    job = json.loads(Path(job_path).read_text())
    sites = [SiteConfig.from_json(s) for s in job["sites"]]
    seen_store = SeenStore(Path(job["state_path"]))
    seen, failed = seen_store.urls(), seen_store.failed()
    validators = seen_store.validators() if job["refresh"] else {}
    # A site whose last crawl did not finish gets a full listing pass; until this one finishes, it is unfinished.
    full = {site.name: not seen_store.complete(site.name) for site in sites}
    if not job["check"]:
        seen_store.set_complete([site.name for site in sites], False, utc_now())
    since = date.fromisoformat(job["since"]) if job["since"] else None
    budget = {"left": job["limit"]} if job["limit"] is not None else None  # --limit counts over all sites
    requested: set[str] = set()  # one crawl fetches an article once, whichever site finds it
    process = CrawlerProcess({"LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False})
    crawlers = []
    for site in sites:
        # One spider class per site: custom_settings is how Scrapy takes per-crawler settings.
        spidercls = type(f"NewsSpider_{site.name}", (NewsSpider,),
                         {"custom_settings": scrapy_settings(site, job["raw_dir"], job["state_path"])})
        crawler = process.create_crawler(spidercls)
        crawlers.append(crawler)
        process.crawl(crawler, site=site, seen=seen, failed=failed, since=since, budget=budget, check=job["check"],
                      refresh=job["refresh"], validators=validators, full=full[site.name], requested=requested)
    process.start()
    reports = [c.spider.report for c in crawlers if c.spider is not None]
    # A --since crawl skipped older articles on purpose: a later crawl without it gets the full pass that finds them.
    done = [r["site"] for r in reports if r["finished"] and not r["limited"] and since is None]
    if done and not job["check"]:
        seen_store.set_complete(done, True, utc_now())
    seen_store.close()
    files = [f for r in reports for f in r.pop("files", [])]
    Path(job["out"]).write_text(json.dumps({"sites": reports, "files": files}))
    return 0

