"""The crawler against a misbehaving local news site (tests/scrape_fakesite.py), issue 6.

One crawl and one re-crawl are shared by the module (about 15 s); every test reads
the server's request log, the WARC files and the state they left.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrape_fakesite import EXPECTED, FakeSite

from pipeline.cli import main
from pipeline.ingest import iter_raw
from pipeline.scrape import crawl, load_sites
from pipeline.settings import load_settings

CRAWL_DELAY = 0.2


@pytest.fixture(scope="module")
def site():
    with FakeSite(crawl_delay=CRAWL_DELAY) as fake:
        yield fake


@pytest.fixture(scope="module")
def crawled(site, tmp_path_factory):
    """(data dir, first summary, first log, second summary, second log)."""
    data = tmp_path_factory.mktemp("crawl")
    sites_file = data / "sites.toml"
    sites_file.write_text(site.sites_toml())
    settings = load_settings(None, data_dir=data)
    first = crawl(settings, load_sites(sites_file))
    log1 = list(site.log)
    site.reset_log()
    second = crawl(settings, load_sites(sites_file))
    log2 = list(site.log)
    site.reset_log()
    return data, first, log1, second, log2


def archived_paths(data: Path) -> list[str]:
    return [urlsplit(page.url).path for page in iter_raw(data / "raw")]


def test_crawl_archives_every_reachable_article_exactly_once(crawled):
    data, first, *_ = crawled
    paths = archived_paths(data)
    assert sorted(paths) == sorted(EXPECTED)
    assert first.archived == len(EXPECTED)


def test_crawl_warc_has_request_response_pairs_with_final_url_and_time(crawled):
    from warcio.archiveiterator import ArchiveIterator

    data = crawled[0]
    warcs = sorted((data / "raw").glob("crawl-fake-*.warc.gz"))
    assert warcs and not list((data / "raw").glob("*.part"))
    kinds, targets = [], []
    with warcs[0].open("rb") as stream:
        for record in ArchiveIterator(stream):
            kinds.append(record.rec_type)
            targets.append(record.rec_headers.get_header("WARC-Target-URI"))
            assert record.rec_headers.get_header("WARC-Date")
    assert kinds.count("request") == kinds.count("response") == len(EXPECTED)
    assert any(t.endswith("/news/article-15") for t in targets)  # the redirect chain's final, canonical URL
    assert not any("utm_" in t or "#" in t for t in targets)


def test_crawl_requests_no_robots_disallowed_url(crawled):
    _, first, log1, *_ = crawled
    assert not [p for _, p, _ in log1 if p.startswith("/news/private")]
    assert first.sites[0]["robots"] == 2  # one from the listing, one from the sitemap


def test_crawl_keeps_robots_crawl_delay_between_requests(crawled):
    """Crawl-delay 0.2 s raises the site's 0.05 s delay. Arrival times jitter by a few ms (more on a busy
    machine), so single gaps get a margin, and any run of n requests must span n delays (no bursts)."""
    times = [t for t, _, _ in crawled[2]]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= CRAWL_DELAY * 0.5, sorted(gaps)[:5]
    assert sum(g >= CRAWL_DELAY * 0.9 for g in gaps) >= 0.95 * len(gaps), sorted(gaps)[:5]
    for i in range(len(times)):
        for j in range(i + 1, len(times)):
            assert times[j] - times[i] >= (j - i) * CRAWL_DELAY - 0.1


def test_crawl_honours_retry_after_by_pausing_the_host(crawled):
    log1 = crawled[2]
    for path in ("/news/flaky", "/news/busy"):
        hits = [t for t, p, _ in log1 if p == path]
        assert len(hits) == 2
        assert hits[1] - hits[0] >= 0.95
        # Retry-After: 1 -> the whole host is left alone for a second, not just this URL
        assert [p for t, p, _ in log1 if hits[0] < t < hits[0] + 0.95] == []


def test_crawl_fetches_each_tracking_variant_once(crawled):
    log1 = crawled[2]
    paths = [urlsplit(p).path + ("?" + urlsplit(p).query if "page=" in p else "") for _, p, _ in log1]
    for path in EXPECTED:
        expected = 2 if path in ("/news/flaky", "/news/busy") else 1
        assert paths.count(path) == expected, path
    assert not any("utm_" in p or "fbclid" in p for _, p, _ in log1)


def test_crawl_skips_non_html_and_gives_up_with_error_rows(crawled):
    data, first, *_ = crawled
    assert first.sites[0]["not_html"] == 1
    failed = {urlsplit(f.split(": ")[0]).path for f in first.failures}
    assert failed == {"/news/gone", "/news/broken", "/news/slow", "/news/huge", "/news/loop-a"}
    db = sqlite3.connect(data / "state.sqlite")
    rows = {urlsplit(src).path: (stage, err) for src, stage, err, _ in db.execute("SELECT * FROM errors")}
    assert set(rows) == failed
    assert rows["/news/gone"] == ("fetch", "HTTP 404")
    assert "took longer than" in rows["/news/slow"][1]
    assert "max size" in rows["/news/huge"][1]


def test_crawl_sends_identifying_user_agent_with_contact(crawled):
    agents = {h.get("User-Agent") for _, _, h in crawled[2]}
    assert agents == {"edunews/0.1 (+mailto:crawler-test@example.org)"}


def test_crawl_keeps_raw_bytes_of_page_with_lying_charset(crawled):
    page = next(p for p in iter_raw(crawled[0] / "raw") if p.url.endswith("/latin1"))
    assert "Éducation à Genève".encode("latin-1") in page.body


def test_recrawl_of_unchanged_site_fetches_no_article(crawled):
    _, _, _, second, log2 = crawled
    assert second.archived == 0
    article_hits = [p for _, p, _ in log2 if p.startswith("/news/article")]
    assert article_hits == []
    assert "/news?page=2" not in [p for _, p, _ in log2]  # listing page 1 had nothing new: stop there
    assert sorted(archived_paths(crawled[0])) == sorted(EXPECTED)


def test_listing_pagination_stops_at_a_page_without_new_articles(crawled):
    listing = [p for _, p, _ in crawled[2] if p.startswith("/news?") or p == "/news"]
    assert listing == ["/news", "/news?page=2", "/news?page=3", "/news?page=4"]


@pytest.mark.slow
def test_process_turns_crawled_warc_into_articles(crawled, capsys):
    data = crawled[0]
    assert main(["process", "--data", str(data), "-q"]) in (0, 1)
    import pandas as pd

    articles = pd.read_csv(data / "processed" / "articles.csv")
    assert set(articles["url"].map(lambda u: urlsplit(u).path)) >= set(EXPECTED) - {"/news/latin1"}
    errors = pd.read_csv(data / "processed" / "errors.csv")
    assert "/news/gone" in " ".join(errors["source"])


def test_check_reports_what_each_source_yields(site, tmp_path, capsys):
    (tmp_path / "sites.toml").write_text(site.sites_toml())
    code = main(["crawl", "--check", "fake", "--sites", str(tmp_path / "sites.toml"), "--data", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "fake: feed" in out and "4 article(s)" in out
    assert "sitemap index with 1 sitemap(s)" in out
    assert "fake: listing page 1" in out
    assert not [p for _, p, _ in site.log if p.startswith("/news/")]  # no article fetched
    assert not list((tmp_path / "raw").glob("*.warc.gz"))
    site.reset_log()


def test_check_flags_a_broken_entry(site, tmp_path, capsys):
    toml = site.sites_toml().replace("/feed.xml", "/no-such-feed.xml").replace("[a-z0-9-]+$", "[0-9]+/story$")
    (tmp_path / "sites.toml").write_text(toml)
    code = main(["crawl", "--check", "--sites", str(tmp_path / "sites.toml"), "--data", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED: HTTP 404" in out
    assert "no article links: check article_pattern" in out
    site.reset_log()


def test_private_address_is_blocked_unless_allowed(site, tmp_path):
    (tmp_path / "sites.toml").write_text(site.sites_toml(allow_private=False))
    summary = crawl(load_settings(None, data_dir=tmp_path), load_sites(tmp_path / "sites.toml"))
    assert site.log == []  # not even robots.txt
    assert summary.archived == 0 and summary.sites[0]["blocked"] == 3
    assert all("allow_private = true" in f for f in summary.failures)


def test_ingest_url_list_fetches_with_the_crawler(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# two articles\n{site.url}/news/article-2?utm_source=x\n{site.url}/news/article-7\n"
                    f"{site.url}/news/private-report\n")
    (tmp_path / "sites.toml").write_text(site.sites_toml())  # its [crawl] table (fast delays) applies
    code = main(["ingest", str(urls), "--allow-private", "--sites", str(tmp_path / "sites.toml"), "--data",
                 str(tmp_path)])
    assert code == 0, site.log
    assert sorted(archived_paths(tmp_path)) == ["/news/article-2", "/news/article-7"]
    assert not [p for _, p, _ in site.log if p.startswith("/news/private")]
    site.reset_log()
