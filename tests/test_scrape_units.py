"""Pure parts of the scraper: sites file validation, address guard, Retry-After, WARC recovery, URL lists."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from pipeline.errors import ConfigError
from pipeline.ingest import iter_raw
from pipeline.scrape.archive import Fetched, WarcArchive, recover_partial
from pipeline.scrape.middlewares import CanonicalUrls, PrivateAddressGuard, is_public, retry_after
from pipeline.scrape.seen import SeenStore
from pipeline.scrape.sites import load_sites, read_url_list
from pipeline.scrape.spider import parse_day

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text)
    return path


def test_shipped_sites_file_has_six_valid_real_sources():
    sites = load_sites(REPO / "sites.toml")
    assert len(sites) >= 6
    names = {s.name for s in sites}
    assert {"unesco", "unesco-almaty", "unicef-press", "gpe", "worldbank-education"} <= names
    assert not any(s.allow_private for s in sites)
    for site in sites:
        assert site.start_urls or site.feeds or site.sitemaps
        assert site.allowed_domains


def test_sites_entry_inherits_crawl_defaults_and_overrides(tmp_path):
    path = write(tmp_path, '[crawl]\ncontact = "mailto:a@b.org"\ndelay = 3\n'
                           '[sites.a]\nfeeds = ["https://a.org/rss"]\ndelay = 9\n[sites.b]\nsitemaps = ["https://b.org/s.xml"]\n')
    a, b = load_sites(path)
    assert (a.crawl.delay, b.crawl.delay) == (9.0, 3.0)
    assert a.crawl.contact == "mailto:a@b.org"
    assert a.allowed_domains == ("a.org",)  # derived from the URLs when not given
    assert [s.name for s in load_sites(path, ["b"])] == ["b"]


@pytest.mark.parametrize(("text", "message"), [
    ('[sites.a]\nfeeds = ["https://a.org/rss"]\nstart_url = ["x"]\n', "unknown key(s) start_url; valid:"),
    ('[sites.a]\nstart_urls = ["https://a.org/news"]\n', "need an article_pattern"),
    ('[sites.a]\nfeeds = ["https://a.org/rss"]\narticle_pattern = "(["\n', "not a valid regular expression"),
    ("[sites.a]\nlanguage = 'en'\n", "give at least one of start_urls, feeds, sitemaps"),
    ('[sites.a]\nfeeds = "https://a.org/rss"\n', "feeds must be a list of strings"),
    ('[sites.a]\nfeeds = ["ftp://a.org/rss"]\n', "is not an http(s) URL"),
    ('[sites.A_b]\nfeeds = ["https://a.org/rss"]\n', "names are lower-case"),
    ('[sites.a]\nfeeds = ["https://a.org/rss"]\nallow_private = "yes"\n', "allow_private must be true or false"),
    ('[crawl]\ndelay = "slow"\n[sites.a]\nfeeds = ["https://a.org/rss"]\n', "delay must be a number"),
    ('[crawl]\nspeed = 1\n[sites.a]\nfeeds = ["https://a.org/rss"]\n', "unknown key(s) speed"),
    ("[site.a]\n", "unknown table(s) site"),
    ("[sites.a\n", "not valid TOML"),
])
def test_sites_file_errors_are_one_clear_line(tmp_path, text, message):
    with pytest.raises(ConfigError) as info:
        load_sites(write(tmp_path, text))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_unknown_site_name_lists_the_known_ones(tmp_path):
    path = write(tmp_path, '[sites.a]\nfeeds = ["https://a.org/rss"]\n')
    with pytest.raises(ConfigError, match="unknown site.* zz .*known: a"):
        load_sites(path, ["zz"])


@pytest.mark.parametrize(("address", "public"), [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("::1", False), ("fe80::1", False),
    ("fc00::1", False), ("::ffff:127.0.0.1", False), ("224.0.0.1", False),
    ("8.8.8.8", True), ("2606:4700:4700::1111", True),
])
def test_is_public(address, public):
    assert is_public(address) is public


class FakeCrawler:
    def __init__(self, allow_private: bool) -> None:
        self.spider = type("S", (), {"allow_private": allow_private})()


@pytest.mark.parametrize("url", ["http://10.0.0.8/news", "http://localhost:8080/x", "http://[::1]/a"])
def test_guard_blocks_private_hosts_and_redirect_targets(url):
    """A redirect hop is a new request, so the same check covers it."""
    import asyncio

    guard = PrivateAddressGuard(FakeCrawler(allow_private=False))
    request = Request(url, meta={"redirect_urls": ["https://example.org/moved"]})
    with pytest.raises(IgnoreRequest, match="allow_private = true"):
        asyncio.run(guard.process_request(request))
    assert asyncio.run(PrivateAddressGuard(FakeCrawler(allow_private=True)).process_request(request)) is None


def test_redirect_hops_are_canonicalized_once():
    mw = CanonicalUrls()
    out = mw.process_request(Request("https://a.org/n/1?utm_source=x&fbclid=y&id=3#top"))
    assert out.url == "https://a.org/n/1?id=3"
    assert mw.process_request(out) is None


@pytest.mark.parametrize(("header", "seconds"), [("7", 7.0), (None, None), ("soon", None),
                                                 ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after(header, seconds):
    headers = {"Retry-After": header} if header else {}
    assert retry_after(Response("https://a.org/", status=503, headers=headers)) == seconds


@pytest.mark.parametrize(("text", "day"), [("2024-03-09T23:30:00-05:00", "2024-03-09"),
                                           ("Mon, 01 Apr 2024 10:00:00 +0000", "2024-04-01"),
                                           ("2024-05-01", "2024-05-01"), ("yesterday", None), (None, None)])
def test_parse_day(text, day):
    parsed = parse_day(text)
    assert (parsed.isoformat() if parsed else None) == day


def fetched(n: int) -> Fetched:
    body = f"<html><body><p>article {n}</p></body></html>".encode()
    return Fetched(url=f"https://a.org/news/{n}", urls=(f"https://a.org/news/{n}",), status=200, reason="OK",
                   headers=(("Content-Type", "text/html"), ("Content-Encoding", "gzip")), body=body,
                   request_headers=(("User-Agent", "edunews/0.1"),), fetched_at="2024-05-01T10:00:00Z")


def test_archive_rotates_and_is_read_back_by_iter_warc(tmp_path):
    seen = SeenStore(tmp_path / "state.sqlite")
    archive = WarcArchive(tmp_path / "raw", "a", seen, max_records=2)
    for n in range(5):
        archive.write(fetched(n))
    archive.close()
    assert len(archive.files) == 3
    pages = list(iter_raw(tmp_path / "raw"))
    assert [p.url for p in pages] == [f"https://a.org/news/{n}" for n in range(5)]
    assert pages[0].body == fetched(0).body  # stored decoded, and not decoded twice
    assert pages[0].fetched_at == "2024-05-01T10:00:00Z"
    assert seen.urls() == {f"https://a.org/news/{n}" for n in range(5)}


def test_killed_crawl_part_file_is_cut_back_and_finished(tmp_path):
    """A kill mid-write leaves a .part with a torn last record: keep what was marked, refetch the rest."""
    seen = SeenStore(tmp_path / "state.sqlite")
    archive = WarcArchive(tmp_path / "raw", "a", seen)
    for n in range(3):
        archive.write(fetched(n))
    part = next((tmp_path / "raw").glob("*.part"))
    with part.open("ab") as handle:
        handle.write(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:20])  # torn record
    archive._out.close()  # the process dies: nothing is closed or renamed  # noqa: SLF001
    recovered = recover_partial(tmp_path / "raw", SeenStore(tmp_path / "state.sqlite"))
    assert len(recovered) == 1 and not list((tmp_path / "raw").glob("*.part"))
    assert [p.url for p in iter_raw(tmp_path / "raw")] == [f"https://a.org/news/{n}" for n in range(3)]
    warc = {r[0] for r in seen.db.execute("SELECT warc FROM crawl_seen")}
    assert warc == {recovered[0].name}


def test_read_url_list_tells_lists_from_text_pages(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("# feed me\nhttps://a.org/1\n\nhttp://b.org/2?x=1\n")
    page = tmp_path / "page.txt"
    page.write_text("https://a.org/1 is where the minister spoke about schools.\n")
    assert read_url_list(urls) == ["https://a.org/1", "http://b.org/2?x=1"]
    assert read_url_list(page) is None
    assert read_url_list(tmp_path / "missing.txt") is None


def test_two_archives_of_one_site_in_the_same_second_do_not_overwrite_each_other(tmp_path, monkeypatch):
    from pipeline.scrape import archive as archive_mod
    from pipeline.scrape.archive import WarcArchive
    from pipeline.scrape.seen import SeenStore

    monkeypatch.setattr(archive_mod, "stamp", lambda: "20240101T000000Z")
    seen = SeenStore(tmp_path / "state.sqlite")
    first, second = WarcArchive(tmp_path / "raw", "site", seen), WarcArchive(tmp_path / "raw", "site", seen)
    first._open()
    first_part = first._part
    second._open()
    assert second._part != first_part  # both open at once
    finished = first_part.with_name(first_part.name[: -len(".part")])
    first_part.rename(finished)  # as a finished crawl leaves it
    third = WarcArchive(tmp_path / "raw", "site", seen)
    third._open()
    assert third._part not in (first_part, second._part)
    assert third._part.with_name(third._part.name[: -len(".part")]) != finished
    seen.close()
