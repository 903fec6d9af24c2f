"""Per-site selectors and language from the sites file, used by the clean stage (issue 6 point 1, issue 5 point 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean_html
from pipeline.clean.selectors import SiteHints, SiteIndex, site_hints
from pipeline.errors import ConfigError
from pipeline.records import RawPage
from pipeline.run import clean_pages
from pipeline.scrape.sites import load_sites
from pipeline.settings import load_settings

URL = "https://www.school-news.example.org/stories/teachers-digital-skills"
BODY = ("The Ministry of Education announced a national programme to train teachers in digital skills. "
        "It will reach rural schools in three provinces over two years, supported by UNESCO. ")
# A template that fools generic cleaning: a site-wide og:title and a site-wide "published" date (the day the
# site launched), the real headline in an h2 and the real date in a span of text.
PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><title>School News</title>
<meta property="og:title" content="School News">
<meta property="article:published_time" content="2015-06-01T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/stories">Stories</a></nav>
<div class="story"><h2 class="headline">Teachers learn digital skills in rural provinces</h2>
<span class="when">Posted on 9 November 2018</span>
<div class="story-body"><p>{BODY}</p><p>{BODY}</p><ul><li>Teacher training</li><li>Connectivity</li></ul></div>
<div class="related"><p>Read also: school meals for every child in the capital this winter.</p></div>
</div></body></html>"""
SELECTORS = {"title": "h2.headline", "date": ".when", "body": "div.story-body"}


def sites_file(tmp_path: Path, selectors: str = 'selectors = { title = "h2.headline", date = ".when", '
               'body = "div.story-body" }') -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(f'[sites.school-news]\nfeeds = ["https://school-news.example.org/rss"]\n'
                    f'allowed_domains = ["school-news.example.org"]\nlanguage = "en"\n{selectors}\n')
    return path


def test_generic_cleaning_is_fooled_by_this_template():
    article = clean_html(PAGE, URL)
    assert article.title == "School News"
    assert article.published == "2015-06-01"


def test_site_selectors_fix_title_date_and_body():
    article = clean_html(PAGE, URL, selectors=SELECTORS)
    assert article.title == "Teachers learn digital skills in rural provinces"
    assert article.published == "2018-11-09"
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph", "list_item", "list_item"]
    assert "Read also" not in article.text and "Home" not in article.text


def test_selector_that_matches_nothing_falls_back_to_generic_cleaning():
    article = clean_html(PAGE, URL, selectors={"title": "h1.gone", "date": "time.gone", "body": "div.gone"})
    assert article == clean_html(PAGE, URL)


def test_language_hint_stands_in_for_a_missing_html_lang():
    short = "<html><body><article><p>Kurz.</p></article></body></html>"
    assert clean_html(short, URL, min_words=1, language_hint="de").language == "de"
    french = short.replace("<html>", "<html lang='fr'>")
    assert clean_html(french, URL, min_words=1, language_hint="de").language == "fr"


def test_process_cleans_pages_of_a_configured_site_with_its_selectors(tmp_path):
    settings = load_settings(None, data_dir=tmp_path, sites_file=sites_file(tmp_path))
    pages = [RawPage(PAGE.encode(), URL, "crawl", "a.warc.gz:0", "text/html"),
             RawPage(PAGE.encode(), "https://other.example.com/story", "crawl", "a.warc.gz:1", "text/html")]
    errors: list = []
    (_, ours), (_, other) = clean_pages(pages, settings, errors)
    assert not errors
    assert (ours.title, ours.published) == ("Teachers learn digital skills in rural provinces", "2018-11-09")
    assert (other.title, other.published) == ("School News", "2015-06-01")  # another host: generic cleaning


def test_site_index_matches_subdomains_and_is_read_once(tmp_path):
    path = sites_file(tmp_path)
    index = site_hints(path)
    assert site_hints(path) is index  # cached per process and file version
    assert index.lookup(URL) == SiteHints(SELECTORS, "en")
    assert index.lookup("https://school-news.example.org.evil.com/x") is None
    assert index.lookup(None) is None and SiteIndex().lookup(URL) is None
    assert site_hints(None).lookup(URL) is None


def test_invalid_css_selector_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"selectors.title = 'h2\[' is not a valid CSS selector"):
        load_sites(sites_file(tmp_path, "selectors = { title = 'h2[' }"))
