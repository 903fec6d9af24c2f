"""Incremental crawling against the local fake site: --refresh, --since, --limit, Ctrl-C (issue 6, point 4).

Each test starts its own small site configuration (feed / sitemap / the newest-first
``/dated`` listing, none of the slow fault pages), so the whole file runs in seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrape_fakesite import FakeSite

from pipeline.cli import main
from pipeline.ingest import iter_raw
from pipeline.scrape import crawl, load_sites
from pipeline.settings import load_settings

EDUNEWS = [sys.executable, "-m", "pipeline"]


def archived(data: Path) -> Counter[str]:
    """How many times each article path is in the archive (finished WARC files)."""
    return Counter(urlsplit(page.url).path for page in iter_raw(data / "raw"))


def article_requests(site: FakeSite) -> list[tuple[str, dict[str, str]]]:
    with site.lock:
        return [(urlsplit(p).path, h) for _, p, h in site.log if p.startswith("/news/article")]


def article(n: int) -> str:
    return f"/news/article-{n}"


@pytest.fixture
def site():
    with FakeSite(crawl_delay=0.02) as fake:
        yield fake


def setup(site: FakeSite, tmp_path: Path, **sources: tuple[str, ...]):
    """(settings, sites file) for the fake site with only the given sources."""
    path = tmp_path / "sites.toml"
    path.write_text(site.sites_toml(**{"start_urls": (), "feeds": (), "sitemaps": (), **sources}))
    return load_settings(None, data_dir=tmp_path / "data", progress=False), path


@pytest.mark.slow
def test_refresh_sends_conditional_requests_and_archives_only_changed_pages(site, tmp_path):
    from pipeline.run import process

    settings, path = setup(site, tmp_path, feeds=("/feed.xml",))
    first = crawl(settings, load_sites(path))
    assert first.archived == 4 and not first.failures
    assert process(settings).new == 4
    site.bump(2)  # the site edits one story: new body, new ETag
    site.reset_log()

    again = crawl(settings, load_sites(path), refresh=True)
    requests = dict(article_requests(site))
    assert sorted(requests) == sorted(article(n) for n in (1, 2, 3, 13))
    assert all(h.get("If-None-Match") == f'"a{p.rsplit("-", 1)[1]}-v0"' for p, h in requests.items())
    assert all(h.get("If-Modified-Since") == "Fri, 01 Mar 2024 10:00:00 GMT" for h in requests.values())
    assert again.sites[0]["unchanged"] == 3  # 304: nothing archived
    assert again.archived == 1
    assert archived(settings.data_dir) == Counter({article(n): 1 for n in (1, 3, 13)} | {article(2): 2})

    summary = process(settings)
    assert (summary.new, summary.changed, summary.unchanged) == (0, 1, 4)
    import pandas as pd

    rows = pd.read_csv(settings.processed_dir / "articles.csv")
    assert len(rows) == 4  # one row per article: the new version replaced the old
    text = rows.set_index(rows["url"].map(lambda u: urlsplit(u).path)).loc[article(2), "text"]
    assert "edited 1 time(s)" in text

    site.reset_log()
    third = crawl(settings, load_sites(path), refresh=True)  # the stored ETag is the new one now
    assert third.archived == 0 and third.sites[0]["unchanged"] == 4
    assert dict(article_requests(site))[article(2)]["If-None-Match"] == '"a2-v1"'


def test_since_stops_listing_pagination_and_skips_older_articles(site, tmp_path):
    settings, path = setup(site, tmp_path, start_urls=("/dated",), feeds=("/feed.xml",), sitemaps=("/sitemap.xml",))
    code = main(["crawl", "--since", "2024-03-06", "--sites", str(path), "--data", str(settings.data_dir), "-q"])
    assert code == 0
    fetched = {p for p, _ in article_requests(site)}
    # article n is dated 2024-03-n in the listing, the feed (1, 2, 3, 13) and the sitemap (4, 14)
    assert fetched == {article(n) for n in range(6, 15)}
    listing = [p for p in site.paths() if p.startswith("/dated")]
    assert listing == ["/dated", "/dated?page=2", "/dated?page=3"]  # page 3 lists only older articles: stop
    assert archived(settings.data_dir) == Counter({article(n): 1 for n in range(6, 15)})

    # A crawl without --since later fetches the older articles the --since crawl left out, and nothing twice.
    site.reset_log()
    assert crawl(settings, load_sites(path)).archived == 5
    assert {p for p, _ in article_requests(site)} == {article(n) for n in range(1, 6)}
    assert archived(settings.data_dir) == Counter({article(n): 1 for n in range(1, 15)})


def test_bad_since_is_bad_usage(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["crawl", "--since", "last week", "--data", str(tmp_path)])
    assert exit_.value.code == 2
    assert "--since must be YYYY-MM-DD" in capsys.readouterr().err


def test_limit_counts_over_all_sites_and_the_next_crawl_gets_the_rest(site, tmp_path):
    settings, path = setup(site, tmp_path, feeds=("/feed.xml",))
    text = path.read_text() + f'\n[sites.fake-b]\nsitemaps = ["{site.url}/sitemap.xml"]\nallow_private = true\n'
    path.write_text(text)
    first = crawl(settings, load_sites(path), limit=3)
    assert first.archived == 3  # 3 in all, not 3 per site
    assert len(article_requests(site)) == 3
    second = crawl(settings, load_sites(path))
    assert first.archived + second.archived == 6  # feed 1, 2, 3, 13 + sitemap 4, 14
    assert archived(settings.data_dir) == Counter({article(n): 1 for n in (1, 2, 3, 4, 13, 14)})


def test_two_sites_listing_the_same_article_fetch_it_once(site, tmp_path):
    settings, path = setup(site, tmp_path, feeds=("/feed.xml",))
    path.write_text(path.read_text() + f'\n[sites.fake-b]\nstart_urls = ["{site.url}/dated"]\n'
                    "article_pattern = '/news/article-[0-9]+$'\nallow_private = true\n")
    assert crawl(settings, load_sites(path)).archived == 13  # feed 1, 2, 3, 13 + listing 1..12
    assert max(Counter(p for p, _ in article_requests(site)).values()) == 1
    assert archived(settings.data_dir) == Counter({article(n): 1 for n in range(1, 14)})


def test_limit_on_a_listing_then_a_full_pass_finds_what_page_one_hides(site, tmp_path):
    """After --limit the first listing page is all known; the next crawl must still go past it."""
    settings, path = setup(site, tmp_path, start_urls=("/dated",))
    assert crawl(settings, load_sites(path), limit=5).archived == 5  # exactly page 1 (12..8)
    second = crawl(settings, load_sites(path))
    assert second.archived == 7
    assert archived(settings.data_dir) == Counter({article(n): 1 for n in range(1, 13)})
    site.reset_log()
    third = crawl(settings, load_sites(path))  # finished last time: back to "stop at nothing new"
    assert third.archived == 0
    assert [p for p in site.paths() if p.startswith("/dated")] == ["/dated"]


@pytest.mark.slow
def test_ctrl_c_crawl_resumes_without_loss_or_repeat(tmp_path):
    """SIGINT to the process group, as Ctrl-C in a terminal: Scrapy stops cleanly, the next crawl goes on."""
    with FakeSite(crawl_delay=0.15) as site:
        settings, path = setup(site, tmp_path, start_urls=("/dated",), feeds=("/feed.xml",),
                               sitemaps=("/sitemap.xml",))
        # A terminal's Ctrl-C reaches a process whose SIGINT is not ignored; a test runner started in the
        # background of a non-interactive shell inherits SIGINT ignored, and so would the crawl: restore it.
        proc = subprocess.Popen([*EDUNEWS, "crawl", "--sites", str(path), "--data", str(settings.data_dir)],
                                start_new_session=True, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 30
        while len(article_requests(site)) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, err
        assert "interrupted" in err
        assert not list((settings.data_dir / "raw").glob("*.part"))  # a clean stop finishes the WARC file
        before = archived(settings.data_dir)
        assert 5 <= sum(before.values()) < 14 and max(before.values()) == 1
        site.reset_log()
        summary = crawl(settings, load_sites(path))
        again = {p for p, _ in article_requests(site)}
    assert not again & set(before)  # nothing archived before Ctrl-C is fetched again
    assert summary.archived == 14 - sum(before.values())
    assert archived(settings.data_dir) == Counter({article(n): 1 for n in range(1, 15)})
