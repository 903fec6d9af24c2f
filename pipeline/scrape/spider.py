"""One generic spider, driven by a ``SiteConfig``: feeds, sitemaps, listings, URL lists.

Discovery yields canonical article URLs; an article already archived by an earlier
crawl (``crawl_seen``) is not requested again. Listings are followed page by page
until a page yields no article unknown to earlier crawls (dated on or after
``since``, when given), lists no article at all, or ``max_pages`` is reached.
After a crawl of the site that did not finish (interrupted, or cut by ``--limit``)
the "nothing new" stop is off (``full``): the articles it never reached may sit
behind a first page that is all known now. In ``check`` mode nothing is archived:
each listing, feed and sitemap reports what it yields.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from parsel import Selector
from scrapy import Request, Spider, signals
from scrapy.exceptions import StopDownload
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from pipeline.ids import canonical_url
from pipeline.ingest.warc import utc_now
from pipeline.scrape.archive import Fetched, NotArticle
from pipeline.scrape.middlewares import PrivateAddressBlocked
from pipeline.scrape.sites import SiteConfig

HTML_TYPES = ("text/html", "application/xhtml+xml")
NEXT_WORDS = re.compile(r"^\s*(next|next page|older|older posts|more|›|»|>|→)\s*[›»>→]?\s*$", re.I)


def parse_day(text: str | None) -> date | None:
    """A day from an ISO timestamp or an RFC 822 date (feeds); None when unreadable."""
    if not text:
        return None
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def is_html(content_type: str | None) -> bool:
    return not content_type or content_type.split(";")[0].strip().lower() in HTML_TYPES


class NewsSpider(Spider):
    """Crawls one site; ``report`` holds the counts and failures the runner collects."""

    name = "edunews"

    def __init__(self, site: SiteConfig, seen: set[str], failed: set[str] | None = None, since: date | None = None,
                 budget: dict[str, int] | None = None, check: bool = False, refresh: bool = False,
                 validators: dict[str, tuple] | None = None, full: bool = False,
                 requested: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(name=f"edunews-{site.name}", **kwargs)
        self.site = site
        self.allowed_domains = list(site.allowed_domains)
        self.allow_private = site.allow_private
        self.pattern = site.pattern
        self.seen = seen
        self.failed = failed or set()
        self.since = since
        self.budget = budget  # {"left": N}: --limit, shared by the spiders of one crawl (all sites)
        self.full = full
        self.check = check
        self.refresh = refresh
        self.validators = validators or {}
        # Article URLs requested in this crawl: shared by the spiders of one crawl, so two sites
        # listing the same story (a syndicated article, overlapping domains) fetch it once.
        self.requested: set[str] = requested if requested is not None else set()
        self.report: dict[str, Any] = {"site": site.name, "archived": 0, "known": 0, "not_html": 0, "robots": 0,
                                       "blocked": 0, "unchanged": 0, "queued": 0, "limited": False, "failures": [],
                                       "disallowed": [], "sources": [], "finished": False}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._headers_received, signal=signals.headers_received)
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        return spider

    # --- discovery ---------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        for url in self.site.feeds:
            yield self._source(url, "feed", self.parse_feed)
        for url in self.site.sitemaps:
            yield self._source(url, "sitemap", self.parse_sitemap)
        for url in self.site.start_urls:
            yield self._source(url, "listing", self.parse_listing, page=1)
        for url in self.site.urls:
            for request in self._articles([url], "url list"):
                yield request

    def _source(self, url: str, kind: str, callback: Any, **meta: Any) -> Request:
        return Request(canonical_url(url), callback=callback, errback=self.on_error,
                       meta={"kind": kind, "source": url, **meta})

    def _too_old(self, day: date | None) -> bool:
        return bool(self.since and day and day < self.since)

    def _is_article(self, url: str) -> bool:
        return self.pattern is None or bool(self.pattern.search(url))

    def _articles(self, urls: list[str], source: str) -> Iterator[Request]:
        """Requests for the article URLs not archived before (nor requested in this crawl)."""
        for raw in urls:
            url = canonical_url(raw)
            if url in self.requested:
                continue
            self.requested.add(url)
            headers = {}
            if url in self.seen:
                if not self.refresh:
                    self.report["known"] += 1
                    continue
                etag, modified = self.validators.get(url, (None, None))
                headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
            if self.budget is not None:
                if self.budget["left"] <= 0:
                    self.report["limited"] = True  # some articles wait for the next crawl
                    continue
                self.budget["left"] -= 1
            self.report["queued"] += 1
            yield Request(url, callback=self.parse_article, errback=self.on_error, headers=headers,
                          meta={"kind": "article", "source": source, "handle_httpstatus_list": [304]})

    def _record_source(self, response: Response, found: list[str], **extra: Any) -> None:
        new = [u for u in dict.fromkeys(canonical_url(u) for u in found) if u not in self.seen]
        self.report["sources"].append({"kind": response.meta["kind"], "url": response.meta["source"],
                                       "page": response.meta.get("page"), "status": response.status,
                                       "articles": len(set(found)), "new": len(new), "sample": new[:3], **extra})

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if not is_html(response.headers.get("Content-Type", b"").decode("latin-1")):
            self._record_source(response, [], error="not an HTML page")
            return
        links = [canonical_url(response.urljoin(h)) for h in response.css("a::attr(href)").getall()]
        found = list(dict.fromkeys(u for u in links if self._is_article(u)))
        in_range = found
        if self.since:
            days = self._listing_days(response)
            in_range = [u for u in found if not self._too_old(days.get(u))]
        new = [u for u in in_range if u not in self.seen and u not in self.failed]
        self._record_source(response, found)
        if self.check:
            return
        yield from self._articles(in_range, response.url)
        page = response.meta["page"]
        if not in_range or (not new and not self.full) or page >= self.site.crawl.max_pages:
            return
        next_url = self._next_page(response)
        if next_url:
            yield Request(canonical_url(next_url), callback=self.parse_listing, errback=self.on_error,
                          meta={"kind": "listing", "page": page + 1, "source": next_url})

    def _listing_days(self, response: Response) -> dict[str, date]:
        """Article URL -> the day listed beside its link (the one ``<time datetime>`` of its nearest dated box).

        A page whose dates cannot be told apart per link, yet are all older than ``since``,
        dates every link with its newest day (so the whole page counts as old).
        """
        days: dict[str, date] = {}
        for anchor in response.css("a[href]"):
            url = canonical_url(response.urljoin(anchor.attrib["href"]))
            if url in days or not self._is_article(url):
                continue
            box = anchor.xpath("ancestor::*[.//time[@datetime]][1]")
            stamps = {d for d in (parse_day(t) for t in box.xpath(".//time/@datetime").getall()) if d}
            if len(stamps) == 1:
                days[url] = stamps.pop()
        if not days:
            page = [d for d in (parse_day(t) for t in response.css("time::attr(datetime)").getall()) if d]
            if page:
                hrefs = response.css("a::attr(href)").getall()
                days = dict.fromkeys((canonical_url(response.urljoin(h)) for h in hrefs), max(page))
        return days

    def _next_page(self, response: Response) -> str | None:
        if self.site.next_page:
            href = response.css(self.site.next_page).css("::attr(href)").get()
            return response.urljoin(href) if href else None
        href = response.css("a[rel~=next]::attr(href), link[rel~=next]::attr(href)").get()
        if href:
            return response.urljoin(href)
        for anchor in response.css("a[href]"):
            text = " ".join(anchor.css("::text").getall()) or anchor.attrib.get("aria-label", "")
            if NEXT_WORDS.match(text):
                return response.urljoin(anchor.attrib["href"])
        return None

    def parse_feed(self, response: Response) -> Iterator[Request]:
        sel = Selector(body=response.body, type="xml")
        sel.remove_namespaces()
        urls = []
        for entry in sel.xpath("//item | //entry"):
            link = (entry.xpath("link[not(@rel) or @rel='alternate']/@href").get()
                    or entry.xpath("link/text()").get() or entry.xpath("guid/text()").get())
            day = parse_day(entry.xpath("pubDate/text() | published/text() | updated/text() | date/text()").get())
            if link and not self._too_old(day):
                urls.append(response.urljoin(link.strip()))
        urls = [u for u in urls if self._is_article(canonical_url(u))]
        self._record_source(response, urls)
        if not self.check:
            yield from self._articles(urls, response.url)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            sitemap = Sitemap(body)
        except Exception:  # noqa: BLE001 - a broken sitemap is a finding of --check, not a crash
            self._record_source(response, [], error="not a sitemap")
            return
        entries = [e for e in sitemap if e.get("loc")]
        fresh = [e["loc"] for e in entries if not self._too_old(parse_day(e.get("lastmod")))]
        if sitemap.type == "sitemapindex":
            self._record_source(response, [], sitemaps=len(fresh))
            for loc in fresh:
                yield self._source(response.urljoin(loc), "sitemap", self.parse_sitemap)
            return
        urls = [response.urljoin(u) for u in fresh if self._is_article(canonical_url(response.urljoin(u)))]
        self._record_source(response, urls)
        if not self.check:
            yield from self._articles(urls, response.url)

    # --- articles ------------------------------------------------------------------------

    def _headers_received(self, headers: Any, body_length: int, request: Request, spider: Spider) -> None:
        """Stop downloading an article that is not HTML as soon as its headers say so."""
        if request.meta.get("kind") != "article":
            return
        if not is_html(headers.get(b"Content-Type", b"").decode("latin-1")):
            raise StopDownload(fail=False)

    def _request_dropped(self, request: Request, spider: Spider) -> None:
        """The dupefilter ends a redirect loop silently: record it, so the URL gets an errors row."""
        hops = [canonical_url(u) for u in request.meta.get("redirect_urls", [])]
        if canonical_url(request.url) in hops:
            self.report["failures"].append({"url": hops[0], "kind": request.meta.get("kind", "article"),
                                            "error": f"redirect loop through {request.url}"})

    def parse_article(self, response: Response) -> Iterator[Fetched]:
        if response.status == 304:
            self.report["unchanged"] += 1
            return
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        if not is_html(content_type) or "download_stopped" in response.flags:
            self.report["not_html"] += 1
            self.logger.info("skipped %s: not HTML (%s)", response.url, content_type)
            yield NotArticle(urls=self._chain(response), fetched_at=utc_now())
            return
        self.report["archived"] += 1
        yield Fetched(
            url=response.url,
            urls=self._chain(response),
            status=response.status,
            reason="OK" if response.status == 200 else "",
            headers=tuple((k.decode("latin-1"), v.decode("latin-1"))
                          for k, vs in response.headers.items() for v in vs),
            body=response.body,
            request_headers=tuple((k.decode("latin-1"), v.decode("latin-1"))
                                  for k, vs in response.request.headers.items() for v in vs),
            fetched_at=utc_now(),
        )

    def closed(self, reason: str) -> None:
        """Scrapy's close hook: only a crawl that ran to its end counts as finished (not Ctrl-C, not shutdown)."""
        self.report["finished"] = reason == "finished"

    @staticmethod
    def _chain(response: Response) -> tuple[str, ...]:
        """Canonical URLs that led to this response (redirect hops, then the final URL)."""
        hops = [canonical_url(u) for u in response.meta.get("redirect_urls", [])]
        return tuple(dict.fromkeys([*hops, canonical_url(response.request.url), canonical_url(response.url)]))

    def on_error(self, failure: Any) -> None:
        request = failure.request
        exc = failure.value
        if isinstance(exc, PrivateAddressBlocked):
            self.report["blocked"] += 1
        elif "robots.txt" in str(exc):
            self.report["robots"] += 1
            self.report["disallowed"].append(canonical_url(request.url))
            return
        if isinstance(exc, HttpError):
            reason = f"HTTP {exc.response.status}"
        else:
            text = str(exc).strip().splitlines()
            reason = f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
        kind = request.meta.get("kind", "article")
        self.report["failures"].append({"url": request.url, "kind": kind, "error": reason})
        if kind != "article":
            self.report["sources"].append({"kind": kind, "url": request.meta.get("source", request.url),
                                           "page": request.meta.get("page"), "status": None, "articles": 0,
                                           "new": 0, "sample": [], "error": reason})
