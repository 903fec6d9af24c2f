"""Crash safety of the crawl and the ingest paths of issue 6's "done when" (slower: subprocesses, the model)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrape_fakesite import EXPECTED, FakeSite, article_html
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.cli import main
from pipeline.ingest import iter_raw
from pipeline.scrape import crawl, load_sites
from pipeline.settings import load_settings

EDUNEWS = [sys.executable, "-m", "pipeline"]


def article_hits(site: FakeSite) -> list[str]:
    return [urlsplit(p).path for p in site.paths() if p.startswith("/news/article")]


@pytest.mark.slow
def test_killed_crawl_resumes_without_loss_or_repeat(tmp_path):
    with FakeSite(crawl_delay=0.1) as site:
        (tmp_path / "sites.toml").write_text(site.sites_toml())
        proc = subprocess.Popen([*EDUNEWS, "crawl", "--sites", str(tmp_path / "sites.toml"), "--data", str(tmp_path)],
                                start_new_session=True, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while len(article_hits(site)) < 6 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)  # no clean shutdown: the WARC is left as a .part file
        proc.wait()
        first = set(article_hits(site))
        assert 6 <= len(first) < 15
        assert list((tmp_path / "raw").glob("*.part"))
        site.reset_log()
        summary = crawl(load_settings(None, data_dir=tmp_path), load_sites(tmp_path / "sites.toml"))
        second = article_hits(site)
    archived = [urlsplit(p.url).path for p in iter_raw(tmp_path / "raw")]
    assert sorted(archived) == sorted(EXPECTED)  # every article once: nothing lost, nothing twice
    assert len(set(second) & first) <= 1  # at most the article in flight at the kill is fetched again
    assert summary.archived + len(set(archived) - set(second)) >= len(EXPECTED) - 1


def other_tool_warc(path: Path, url: str, html: str) -> None:
    """A WARC as Common Crawl or wget write it: warcinfo, request, response with a chunked, gzip-free body."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "wget/1.21"}))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode()),
                                                      http_headers=http))


@pytest.mark.slow
def test_ingest_warc_folder_and_url_list_all_end_in_tables(tmp_path):
    import pandas as pd

    other = tmp_path / "in" / "cc-news.warc.gz"
    other.parent.mkdir()
    other_tool_warc(other, "https://news.example.org/warc-story", article_html("101", "2024-02-01"))
    folder = tmp_path / "in" / "pages"
    folder.mkdir()
    for n in (102, 103):
        (folder / f"story-{n}.html").write_text(article_html(str(n), "2024-02-02"))
    data = tmp_path / "data"
    with FakeSite() as site:
        urls = tmp_path / "in" / "urls.txt"
        urls.write_text(f"{site.url}/news/article-9\n")
        (tmp_path / "sites.toml").write_text(site.sites_toml())
        assert main(["ingest", str(other), str(folder), str(urls), "--allow-private", "--sites",
                     str(tmp_path / "sites.toml"), "--data", str(data)]) == 0
    assert main(["process", "--data", str(data), "-q"]) == 0
    articles = pd.read_csv(data / "processed" / "articles.csv")
    titles = " | ".join(articles["title"].astype(str))
    for n in ("101", "102", "103", "9"):
        assert f"Education news number {n}" in titles
