"""A misbehaving education news site on 127.0.0.1, for the crawler tests (issue 6).

It serves paginated listings, an RSS feed, a sitemap index with a gzipped child,
robots.txt with a Disallow and a Crawl-delay, and the faults a real crawl meets:
404, 500, 503/429 with Retry-After, a response slower than the timeout, a redirect
chain and a loop, tracking-parameter duplicates, a PDF, an oversized page and a
lying charset header. Every request is logged with its time and headers.

Articles carry an ETag and a Last-Modified header and answer a matching
conditional request with 304; ``bump(n)`` changes article n (new text, new ETag),
as a site does when it edits a story. ``/dated`` is a newest-first listing with a
date per item (article n is dated 2024-03-n everywhere: listing, feed, sitemap),
for ``--since``.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

N_ARTICLES = 12  # on the listings; 13 is feed-only, 14 sitemap-only, 15 behind a redirect chain
PER_PAGE = 5
FAULTS = ["private-report", "annual-report", "gone", "broken", "slow", "huge", "old-url", "loop-a", "flaky", "busy",
          "latin1"]
# articles that must end up archived, by path
EXPECTED = [f"/news/article-{n}" for n in range(1, 16)] + ["/news/flaky", "/news/busy", "/news/latin1"]

WORDS = ("The Ministry of Education and Science announced a national programme to train teachers in digital skills. "
         "The programme, supported by UNESCO and UNICEF, will reach rural schools in three provinces over two years. "
         "Officials said the priority areas are teacher training, school connectivity and learning materials. ")


def article_html(n: str, day: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Article {n}</title>"
            f"<meta property='article:published_time' content='{day}'></head><body><nav>Home | News</nav>"
            f"<article><h1>Education news number {n}</h1><time datetime='{day}'>{day}</time>"
            f"<p>{WORDS}</p><p>{WORDS}</p><p>Story {n} ends here.</p></article></body></html>")


class FakeSite:
    def __init__(self, crawl_delay: float = 0.2) -> None:
        self.crawl_delay = crawl_delay
        self.log: list[tuple[float, str, dict[str, str]]] = []
        self.hits: dict[str, int] = {}
        self.versions: dict[str, int] = {}  # article number -> edit count (bump)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def paths(self) -> list[str]:
        with self.lock:
            return [p for _, p, _ in self.log]

    def bump(self, n: int | str) -> None:
        """Edit article n: its body and ETag change, so a conditional request gets 200 again."""
        with self.lock:
            self.versions[str(n)] = self.versions.get(str(n), 0) + 1

    def reset_log(self) -> None:
        with self.lock:
            self.log.clear()

    def sites_toml(self, allow_private: bool = True, start_urls: tuple[str, ...] = ("/news",),
                   feeds: tuple[str, ...] = ("/feed.xml",), sitemaps: tuple[str, ...] = ("/sitemap.xml",),
                   **crawl: object) -> str:
        """A sites file with one site, ``fake``; sources are paths on this server (pass () to leave one out)."""
        settings = {"contact": "mailto:crawler-test@example.org", "delay": 0.05, "timeout": 1, "max_size_mb": 1,
                    "retries": 1, "backoff": 0.2, "max_delay": 5, **crawl}
        lines = ["[crawl]"] + [f"{k} = {v!r}".replace("'", '"') for k, v in settings.items()]
        lines += ["", "[sites.fake]"]
        for key, paths in (("start_urls", start_urls), ("feeds", feeds), ("sitemaps", sitemaps)):
            lines.append(f"{key} = [{', '.join(repr(self.url + p) for p in paths)}]".replace("'", '"'))
        lines += [
            "article_pattern = '/news/[a-z0-9-]+$'",
            'allowed_domains = ["127.0.0.1"]',
            f"allow_private = {'true' if allow_private else 'false'}",
        ]
        return "\n".join(lines) + "\n"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                with site.lock:
                    site.log.append((time.monotonic(), self.path, dict(self.headers.items())))
                    path = urlsplit(self.path).path
                    site.hits[path] = site.hits.get(path, 0) + 1
                    hits = site.hits[path]
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    site.route(self, hits)

        return Handler

    def route(self, h: BaseHTTPRequestHandler, hits: int) -> None:
        parts = urlsplit(h.path)
        path = parts.path
        if path == "/robots.txt":
            return send(h, 200, f"User-agent: *\nCrawl-delay: {self.crawl_delay}\nDisallow: /news/private\n",
                        "text/plain")
        if path == "/news":
            page = int(parse_qs(parts.query).get("page", ["1"])[0])
            return send(h, 200, self.listing(page))
        if path == "/feed.xml":
            return send(h, 200, self.feed(), "application/rss+xml")
        if path == "/sitemap.xml":
            body = ("<?xml version='1.0' encoding='UTF-8'?><sitemapindex "
                    "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    f"<sitemap><loc>{self.url}/sitemaps/news.xml.gz</loc></sitemap></sitemapindex>")
            return send(h, 200, body, "application/xml")
        if path == "/sitemaps/news.xml.gz":
            urls = "".join(f"<url><loc>{self.url}{p}</loc><lastmod>2024-03-{day}</lastmod></url>"
                           for p, day in [("/news/article-4", "04"), ("/news/article-14", "14"),
                                          ("/news/private-plans", "15")])
            xml = ("<?xml version='1.0' encoding='UTF-8'?><urlset "
                   f"xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>")
            return send(h, 200, gzip.compress(xml.encode()), "application/x-gzip")
        if path.startswith("/news/article-"):
            return self.article(h, path.rsplit("-", 1)[1])
        if path == "/dated":
            return send(h, 200, self.dated(int(parse_qs(parts.query).get("page", ["1"])[0])))
        return self.fault(h, path.removeprefix("/news/"), hits)

    def fault(self, h: BaseHTTPRequestHandler, name: str, hits: int) -> None:
        if name == "annual-report":
            return send(h, 200, b"%PDF-1.4\n" + b"0" * 5000, "application/pdf")
        if name == "gone":
            return send(h, 404, "not found")
        if name == "broken":
            return send(h, 500, "server error")
        if name == "slow":
            time.sleep(2.5)
            return send(h, 200, article_html("slow", "2024-03-01"))
        if name == "huge":
            return send(h, 200, "<html><body>" + "x" * (2 * 1024 * 1024) + "</body></html>")
        if name in ("flaky", "busy"):
            if hits == 1:
                return send(h, 503 if name == "flaky" else 429, "try later", headers={"Retry-After": "1"})
            return send(h, 200, article_html(name, "2024-04-01"))
        if name == "latin1":
            body = article_html("latin1", "2024-04-02").replace("utf-8", "iso-8859-1").replace(
                "Education news", "Éducation à Genève: news")
            return send(h, 200, body.encode("latin-1"), "text/html; charset=utf-8")
        redirects = {"old-url": "/news/moved", "moved": "/news/article-15?utm_campaign=moved",
                     "loop-a": "/news/loop-b", "loop-b": "/news/loop-a"}
        if name in redirects:
            return send(h, 301 if name == "old-url" else 302, "", headers={"Location": self.url + redirects[name]})
        return send(h, 404, "not found")

    def article(self, h: BaseHTTPRequestHandler, n: str) -> None:
        version = self.versions.get(n, 0)
        etag = f'"a{n}-v{version}"'
        if h.headers.get("If-None-Match") == etag:
            return send(h, 304, b"", headers={"ETag": etag})
        html = article_html(n, f"2024-03-{int(n) % 28 + 1:02d}")
        if version:
            html = html.replace("ends here.", f"ends here, edited {version} time(s).")
        return send(h, 200, html, headers={"ETag": etag, "Last-Modified": "Fri, 01 Mar 2024 10:00:00 GMT"})

    def dated(self, page: int) -> str:
        """Newest first, PER_PAGE a page: 12..8, 7..3, 2..1, then empty pages (with a Next link)."""
        numbers = [n for n in range(N_ARTICLES - (page - 1) * PER_PAGE, N_ARTICLES - page * PER_PAGE, -1) if n >= 1]
        items = "".join(f"<li><a href='/news/article-{n}'>Article {n}</a> <time datetime='2024-03-{n:02d}'>"
                        f"{n} March</time></li>" for n in numbers)
        nav = f"<a rel='next' href='/dated?page={page + 1}'>Next</a>" if page < 5 else ""
        return f"<html><body><h1>News</h1><ul>{items}</ul><div class='pager'>{nav}</div></body></html>"

    def listing(self, page: int) -> str:
        first = (page - 1) * PER_PAGE + 1
        numbers = [n for n in range(first, first + PER_PAGE) if n <= N_ARTICLES]
        items = []
        for n in numbers:
            items.append(f"<li><a href='/news/article-{n}'>Article {n}</a> "
                         f"<a href='/news/article-{n}?utm_source=listing&fbclid=abc#comments'>comments</a> "
                         f"<time datetime='2024-03-{n:02d}'>{n} March</time></li>")
        if page == 1:
            items += [f"<li><a href='/news/{name}'>{name}</a></li>" for name in FAULTS]
            items.append("<li><a href='/about'>About us</a></li>")
        nav = ""
        if page == 1:
            nav = "<a rel='next' href='/news?page=2'>Next</a>"
        elif numbers or page < 5:
            nav = f"<a href='/news?page={page + 1}'>Next ›</a>"
        return f"<html><body><h1>News</h1><ul>{''.join(items)}</ul><div class='pager'>{nav}</div></body></html>"

    def feed(self) -> str:
        items = "".join(
            f"<item><title>Article {n}</title><link>{self.url}/news/article-{n}?utm_source=rss&amp;utm_medium=feed"
            f"</link><pubDate>{n:02d} Mar 2024 10:00:00 +0000</pubDate></item>" for n in (1, 2, 3, 13))
        return ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Fake news</title>"
                f"{items}</channel></rss>")


def send(h: BaseHTTPRequestHandler, status: int, body: str | bytes, ctype: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    data = body.encode("utf-8") if isinstance(body, str) else body
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(data)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(data)
