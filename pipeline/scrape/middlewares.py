"""Scrapy components for the manners Scrapy's defaults lack (see notes/scrapy-pitfalls.md).

- ``PrivateAddressGuard``: no request to loopback, private, link-local or reserved
  addresses (checked after DNS resolution, and again for every redirect hop since
  each hop is a new request) unless the site says ``allow_private = true``.
- ``CanonicalUrls``: redirect targets are canonicalized (utm_*, fbclid, fragments)
  and go back through the dupefilter, so a tracking variant is never fetched twice.
- ``PoliteRetry``: retries 429/5xx/timeouts after Retry-After (or an exponential
  backoff) by pausing the whole host, not just re-queueing behind the backlog.
- ``SafeRobotsTxt``: robots.txt applies to every request, also those that waited
  for it together (Scrapy 2.19 lets the third and later ones through unchecked).
- ``CrawlDelay`` + ``PoliteThrottle``: robots.txt ``Crawl-delay`` becomes the host's
  minimum delay, and AutoThrottle may raise the delay but never lower it below that.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from email.utils import parsedate_to_datetime
from time import monotonic, time
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from pipeline.ids import canonical_url

log = logging.getLogger("edunews")


class PrivateAddressBlocked(IgnoreRequest):
    """A request would reach a non-public address and the site does not allow it."""


def is_public(address: str) -> bool:
    """True for globally routable unicast addresses (IPv4-mapped IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def _resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (Scrapy runs on the asyncio reactor, so asyncio's resolver works)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


class PrivateAddressGuard:
    """Downloader middleware: refuse hosts that resolve to a non-public address."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._verdicts: dict[str, str | None] = {}  # host -> blocking address, None when public

    @classmethod
    def from_crawler(cls, crawler: Any) -> PrivateAddressGuard:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if getattr(self.crawler.spider, "allow_private", False):
            return
        parts = urlparse_cached(request)
        host = parts.hostname or ""
        if host not in self._verdicts:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            try:
                addresses = [host] if _is_ip(host) else await _resolve(host, port)
            except OSError:
                return  # unresolvable: the download fails with the resolver's own error
            self._verdicts[host] = next((a for a in addresses if not is_public(a)), None)
        blocked = self._verdicts[host]
        if blocked is not None:
            raise PrivateAddressBlocked(
                f"blocked: {host} resolves to non-public address {blocked}; set allow_private = true for this site"
            )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class CanonicalUrls:
    """Downloader middleware: requests (notably redirect hops) go out with their canonical URL."""

    def process_request(self, request: Request, spider: Spider | None = None) -> Request | None:
        if request.meta.get("dont_obey_robotstxt"):
            return None
        url = canonical_url(request.url)
        # Scrapy may normalize the replaced URL differently: replace once per canonical URL, never loop.
        if url == request.url or request.meta.get("edunews_canonical") == url:
            return None
        return request.replace(url=url, meta={**request.meta, "edunews_canonical": url})


def retry_after(response: Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date), None when absent."""
    value = response.headers.get(b"Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - time())
    except (TypeError, ValueError):
        return None


def pause_host(crawler: Any, request: Request, seconds: float) -> None:
    """Hold every request to the request's host for ``seconds`` (the downloader slot waits)."""
    downloader = crawler.engine.downloader
    key = request.meta.get("download_slot") or downloader.get_slot_key(request)
    slot = downloader.slots.get(key)
    if slot is not None and slot.delay > 0:
        slot.lastseen = max(slot.lastseen, monotonic() + seconds - slot.delay)


class PoliteRetry(RetryMiddleware):
    """RetryMiddleware that waits: Retry-After when the server gives one, else backoff * 2**attempt."""

    def _wait(self, request: Request, asked: float | None) -> float:
        settings = self.crawler.settings
        attempt = request.meta.get("retry_times", 0)
        backoff = settings.getfloat("EDUNEWS_BACKOFF") * (2**attempt)
        return max(asked or 0.0, backoff)

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Any:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = self._wait(request, retry_after(response))
        if wait > self.crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY"):
            log.warning("%s: server asks to wait %.0f s, more than max_delay; giving up for this run", request.url,
                        wait)
            return response
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        pause_host(self.crawler, request, wait)
        return retry

    def process_exception(self, request: Request, exception: Exception, spider: Spider | None = None) -> Any:
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            pause_host(self.crawler, request, self._wait(request, None))
        return retry


class SafeRobotsTxt(RobotsTxtMiddleware):
    """RobotsTxtMiddleware whose waiting requests all get the parser.

    Scrapy 2.19 hands the robots.txt Deferred to every request that waits for it; each
    awaiter's callback returns None to the next, so from the third concurrent request
    on, robots.txt is not checked at all (found by tests/test_scrape_crawl.py).
    """

    async def robot_parser(self, request: Request) -> Any:
        parser = await super().robot_parser(request)
        if parser is None:
            stored = self._parsers.get(urlparse_cached(request).netloc)
            if stored is not None and not isinstance(stored, Deferred):
                return stored
        return parser


class CrawlDelay:
    """Extension: robots.txt Crawl-delay becomes the minimum delay of that host's downloader slot."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        crawler.signals.connect(self._robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlDelay:
        return cls(crawler)

    def _robots_parsed(self, robotparser: Any, request: Request) -> None:
        settings = self.crawler.settings
        agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        asked = robotparser.crawl_delay(agent)
        if not asked:
            return
        delay = min(float(asked), settings.getfloat("AUTOTHROTTLE_MAX_DELAY"))
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        per_slot = downloader.per_slot_settings.setdefault(key, {})
        per_slot["delay"] = max(per_slot.get("delay", 0.0), delay, settings.getfloat("DOWNLOAD_DELAY"))
        per_slot["jitter"] = 0.0
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, per_slot["delay"])
        log.info("%s: robots.txt Crawl-delay %.1f s", key, delay)


class PoliteThrottle(AutoThrottle):
    """AutoThrottle that never lowers a host's delay below its Crawl-delay (new slots start there too)."""

    def _response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        super()._response_downloaded(response, request, spider)
        key, slot = self._get_slot(request, spider)
        if slot is None:
            return
        floor = self.crawler.engine.downloader.per_slot_settings.get(key, {}).get("delay")
        if floor:
            slot.delay = max(slot.delay, floor)
