"""The sites file (``sites.toml``): one ``[sites.NAME]`` table per site, ``[crawl]`` for defaults.

Adding a site is an entry, not code: ``load_sites`` validates every entry into a
typed ``SiteConfig`` while loading, so a typo fails at once with a one-line
message that names the site, the key and the valid choices.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.errors import ConfigError

SITE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class CrawlDefaults:
    """``[crawl]``: politeness defaults for every site (a site entry may override the same keys)."""

    contact: str = ""  # URL or mailto: in the User-Agent, so site owners can reach the operator
    user_agent: str = "edunews/0.1"
    delay: float = 2.0  # minimum seconds between two requests to one host (robots.txt Crawl-delay may raise it)
    max_delay: float = 60.0  # AutoThrottle ceiling, and the longest Retry-After we wait for
    concurrency: int = 1  # parallel requests per host
    timeout: float = 30.0  # seconds per download
    max_size_mb: float = 10.0  # responses larger than this are dropped
    retries: int = 3  # extra attempts on 429/5xx/timeouts, with exponential backoff
    backoff: float = 2.0  # first backoff in seconds (doubled per attempt) when there is no Retry-After
    max_redirects: int = 5
    max_pages: int = 50  # listing pages followed per start URL
    warc_max_records: int = 1000  # rotate the WARC file after this many article records


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """One site entry; ``urls`` are article URLs fetched directly (URL lists given to ``ingest``)."""

    name: str
    start_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    article_pattern: str | None = None
    allowed_domains: tuple[str, ...] = ()
    allow_private: bool = False
    next_page: str | None = None  # CSS selector of the "next page" link on listings
    language: str | None = None
    selectors: dict[str, str] = field(default_factory=dict)  # title/date/body CSS, for the clean stage
    crawl: CrawlDefaults = field(default_factory=CrawlDefaults)

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return re.compile(self.article_pattern) if self.article_pattern else None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SiteConfig:
        data = dict(data)
        data["crawl"] = CrawlDefaults(**data.get("crawl", {}))
        for key in ("start_urls", "feeds", "sitemaps", "urls", "allowed_domains"):
            data[key] = tuple(data.get(key, ()))
        return cls(**data)


_LIST_KEYS = ("start_urls", "feeds", "sitemaps", "urls", "allowed_domains")
_CRAWL_KEYS = {f.name: f.type for f in fields(CrawlDefaults)}
_SITE_KEYS = {f.name for f in fields(SiteConfig)} - {"name", "crawl"}


def _number(where: str, key: str, value: Any, kind: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: {key} must be a number, got {value!r}")
    if value < 0:
        raise ConfigError(f"{where}: {key} must not be negative, got {value!r}")
    return int(value) if kind == "int" else float(value)


def _crawl_values(where: str, table: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in table.items():
        kind = _CRAWL_KEYS[key]
        if kind == "str":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: {key} must be a string, got {value!r}")
            out[key] = value
        else:
            out[key] = _number(where, key, value, kind)
    return out


def _check_url(where: str, url: Any) -> str:
    if not isinstance(url, str) or urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).hostname:
        raise ConfigError(f"{where}: {url!r} is not an http(s) URL")
    return url


def _selectors(where: str, selectors: Any) -> dict[str, str]:
    """title/date/body CSS selectors for the clean stage, compiled once here so a typo fails at load time."""
    if not isinstance(selectors, dict) or set(selectors) - {"title", "date", "body"}:
        raise ConfigError(f"{where}: selectors is a table with keys title, date, body (CSS selectors)")
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    for key, css in selectors.items():
        try:
            if not isinstance(css, str):
                raise TypeError
            CSSSelector(css)
        except (SelectorError, TypeError):
            raise ConfigError(f"{where}: selectors.{key} = {css!r} is not a valid CSS selector") from None
    return dict(selectors)


def parse_site(name: str, entry: dict[str, Any], defaults: CrawlDefaults) -> SiteConfig:
    """Validate one ``[sites.NAME]`` table into a SiteConfig."""
    where = f"site {name!r}"
    if not SITE_NAME.match(name):
        raise ConfigError(f"{where}: names are lower-case letters, digits and '-' (used in file names)")
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: must be a table ([sites.{name}])")
    unknown = set(entry) - _SITE_KEYS - set(_CRAWL_KEYS)
    if unknown:
        valid = ", ".join(sorted(_SITE_KEYS | set(_CRAWL_KEYS)))
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; valid: {valid}")
    values: dict[str, Any] = {"name": name}
    for key in _LIST_KEYS:
        items = entry.get(key, [])
        if isinstance(items, str) or not isinstance(items, list):
            raise ConfigError(f"{where}: {key} must be a list of strings, e.g. {key} = [\"...\"]")
        if key == "allowed_domains":
            values[key] = tuple(str(d).lower() for d in items)
        else:
            values[key] = tuple(_check_url(f"{where} {key}", u) for u in items)
    if not (values["start_urls"] or values["feeds"] or values["sitemaps"] or values["urls"]):
        raise ConfigError(f"{where}: give at least one of start_urls, feeds, sitemaps")
    pattern = entry.get("article_pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise ConfigError(f"{where}: article_pattern is not a valid regular expression ({exc})") from None
        values["article_pattern"] = pattern
    elif values["start_urls"]:
        raise ConfigError(f"{where}: listings (start_urls) need an article_pattern to tell articles from other links")
    if not values["allowed_domains"]:
        hosts = {urlsplit(u).hostname for k in ("start_urls", "feeds", "sitemaps", "urls") for u in values[k]}
        values["allowed_domains"] = tuple(sorted(h for h in hosts if h))
    allow_private = entry.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise ConfigError(f"{where}: allow_private must be true or false")
    values["allow_private"] = allow_private
    for key in ("next_page", "language"):
        if key in entry:
            if not isinstance(entry[key], str):
                raise ConfigError(f"{where}: {key} must be a string")
            values[key] = entry[key]
    values["selectors"] = _selectors(where, entry.get("selectors", {}))
    overrides = _crawl_values(where, {k: v for k, v in entry.items() if k in _CRAWL_KEYS})
    values["crawl"] = CrawlDefaults(**{**asdict(defaults), **overrides})
    return SiteConfig(**values)


def _read(path: Path) -> tuple[dict[str, Any], CrawlDefaults]:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read sites file {path} ({exc.strerror}); pass --sites FILE") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"sites file {path} is not valid TOML ({exc})") from None
    unknown = set(data) - {"crawl", "sites"}
    if unknown:
        raise ConfigError(f"{path}: unknown table(s) {', '.join(sorted(unknown))}; valid: [crawl], [sites.NAME]")
    crawl = data.get("crawl", {})
    bad = set(crawl) - set(_CRAWL_KEYS)
    if bad:
        raise ConfigError(f"{path} [crawl]: unknown key(s) {', '.join(sorted(bad))}; valid: {', '.join(_CRAWL_KEYS)}")
    return data, CrawlDefaults(**_crawl_values(f"{path} [crawl]", crawl))


def load_defaults(path: Path | None) -> CrawlDefaults:
    """The ``[crawl]`` table of a sites file (contact, delays...), or the defaults when there is no file."""
    return _read(path)[1] if path is not None and Path(path).is_file() else CrawlDefaults()


def load_sites(path: Path, names: list[str] | None = None) -> list[SiteConfig]:
    """Read and validate a sites file; ``names`` picks some sites (all when empty)."""
    data, defaults = _read(path)
    entries = data.get("sites", {})
    if not entries:
        raise ConfigError(f"{path}: no [sites.NAME] entries")
    sites = [parse_site(name, entry, defaults) for name, entry in entries.items()]
    if names:
        known = {s.name for s in sites}
        missing = [n for n in names if n not in known]
        if missing:
            raise ConfigError(f"unknown site(s) {', '.join(missing)} in {path}; known: {', '.join(sorted(known))}")
        sites = [s for s in sites if s.name in names]
    return sites


URL_LINE = re.compile(r"^https?://\S+$")


def read_url_list(path: Path) -> list[str] | None:
    """The URLs of a text file that holds only URLs (one a line, ``#`` comments); None for anything else.

    ``ingest`` takes both URL lists and plain-text pages ending in .txt: the content decides.
    """
    if not path.is_file() or path.suffix.lower() not in {".txt", ".urls", ".lst", ""}:
        return None
    try:
        lines = [ln.strip() for ln in path.read_text("utf-8").splitlines()]
    except (OSError, UnicodeDecodeError):
        return None
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if not lines or not all(URL_LINE.match(ln) for ln in lines):
        return None
    return lines


def url_list_site(urls: list[str], allow_private: bool = False, defaults: CrawlDefaults | None = None) -> SiteConfig:
    """A site entry for URLs given directly: every URL is an article, any domain allowed."""
    for url in urls:
        _check_url("URL list", url)
    return SiteConfig(name="urls", urls=tuple(urls), allow_private=allow_private, crawl=defaults or CrawlDefaults())
