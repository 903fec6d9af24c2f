"""Skimming pages in another language (issue 17): no full clean for a page that will never be parsed.

Real pages from data/bench: a German ORF story (Fundus) and an English diet site whose menu is one big
paragraph of capitals (CleanEval), which py3langid calls Nigerian Pidgin.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

from pipeline.clean import clean_html
from pipeline.clean.boilerplate import other_language_body, paragraph_blocks, parse_html
from pipeline.records import RawPage
from pipeline.run import clean_pages
from pipeline.settings import Settings

BENCH = Path(__file__).resolve().parents[1] / "data" / "bench"
ORF = "https://orf.at/stories/3376705/"
MENU_SITE = "http://www.annecollins.com/"


@cache
def bench_html(dataset: str, url: str) -> str:
    """The saved page of ``url`` in data/bench/<dataset> (real pages with their chrome)."""
    for path in sorted((BENCH / dataset).glob("*.jsonl.gz")):
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").split("\n"):
            if line.strip() and (row := json.loads(line))["url"] == url:
                return row["html"]
    raise AssertionError(f"{url} is not in data/bench/{dataset}")


def test_a_german_story_is_skimmed_with_the_same_metadata() -> None:
    html = bench_html("fundus", ORF)
    full = clean_html(html, ORF)
    skimmed = clean_html(html, ORF, skim_other_languages=True)
    assert (full.status, full.language) == ("not_english", "de")
    assert (skimmed.status, skimmed.language) == ("not_english", "de")
    # what a user reads in the articles table besides the text is the same
    assert (skimmed.title, skimmed.published, skimmed.modified, skimmed.authors) == (
        full.title, full.published, full.modified, full.authors)
    # the text is the page's paragraphs: the story's paragraphs are among them
    paragraphs = {text for _, text in paragraph_blocks(parse_html(html))}
    assert {b.text for b in skimmed.blocks if b.kind != "title"} <= paragraphs
    story = [b.text for b in full.blocks if b.kind == "paragraph"]
    assert story and sum(text in skimmed.text for text in story) >= 0.8 * len(story)


def test_a_language_the_user_asked_for_gets_the_full_clean() -> None:
    html = bench_html("fundus", ORF)
    both = clean_html(html, ORF, languages=("en", "de"), skim_other_languages=True)
    assert (both.status, both.language) == ("ok", "de")
    assert both.text == clean_html(html, ORF, languages=("en", "de")).text


def test_english_menus_in_capitals_are_not_another_language() -> None:
    html = bench_html("cleaneval", MENU_SITE)
    tree = parse_html(html)
    assert other_language_body(tree, ("en",), min_words=40) is None
    full = clean_html(html, MENU_SITE)
    assert clean_html(html, MENU_SITE, skim_other_languages=True).text == full.text


def test_an_english_post_with_german_chrome_paragraphs_is_cleaned_in_full() -> None:
    """A German blog's English post kept in <div>s: its only <p>s are the comment form's German lines.

    As on the real page (a dev page of ../shared/data), the paragraphs hold a tenth of the visible text.
    """
    post = "<br>".join(
        f"Derek Jarman's garden at Dungeness is a place of shingle, driftwood and sea kale; part {i} of the "
        "essay follows the film he made there and the notebooks he kept while planting it." for i in range(30))
    chrome = "".join(f"<p>Du kommentierst mit Deinem {name}-Konto. Trage deine Daten unten ein oder klicke ein "
                     "Icon um dich einzuloggen, Benachrichtigung bei weiteren Kommentaren per E-Mail senden.</p>"
                     for name in ("WordPress.com", "Google", "Twitter", "Facebook"))
    html = (f"<html><head><title>Derek Jarman: The Garden</title></head><body><div class='post'><h1>Derek "
            f"Jarman: The Garden</h1><div class='entry'>{post}</div></div><div id='respond'>{chrome}</div>"
            "</body></html>")
    assert other_language_body(parse_html(html), ("en",), min_words=40) is None
    article = clean_html(html, "https://example.org/2014/01/17/the-garden/", skim_other_languages=True)
    assert (article.status, article.language) == ("ok", "en")


def test_a_page_that_declares_english_is_not_skimmed() -> None:
    html = bench_html("fundus", ORF).replace("<html", '<html lang="en"', 1)
    assert other_language_body(parse_html(html), ("en",), min_words=40, declared="en") is None


def test_the_setting_reaches_the_clean_stage() -> None:
    """``skim_other_languages`` is on by default in a run and off when the user turns it off."""
    page = RawPage(bench_html("fundus", ORF).encode("utf-8"), ORF, "orf", "bench#3", "text/html")
    errors: list[tuple[str, str, str, str]] = []
    [(_, on)] = clean_pages([page], Settings(), errors)
    [(_, off)] = clean_pages([page], Settings(skim_other_languages=False), errors)
    assert not errors
    assert on.status == off.status == "not_english"
    assert on.text == clean_html(page.body, ORF, skim_other_languages=True).text
    assert off.text == clean_html(page.body, ORF).text != on.text


def test_turning_the_skim_off_processes_the_archive_again(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A user who wants the full text of other-language pages turns the skim off; the next run redoes them."""
    import csv

    from pipeline.ingest.warc import write_warc
    from tests.conftest import edunews

    html = bench_html("fundus", ORF)
    (tmp_path / "raw").mkdir()
    write_warc(tmp_path / "raw" / "orf.warc.gz", [(ORF, html.encode("utf-8"), "text/html", "2024-05-01T00:00:00Z")])

    def text_of_the_page() -> str:
        with (tmp_path / "processed" / "articles.csv").open(encoding="utf-8", newline="") as fh:
            [row] = list(csv.DictReader(fh))
        assert row["status"] == "not_english"
        return row["text"]

    edunews("process", "--data", str(tmp_path), "-q", check=True)
    assert text_of_the_page() == clean_html(html, ORF, skim_other_languages=True).text
    monkeypatch.setenv("EDUNEWS_SKIM_OTHER_LANGUAGES", "false")
    edunews("process", "--data", str(tmp_path), "-q", check=True)
    assert text_of_the_page() == clean_html(html, ORF).text


def test_a_japanese_story_is_not_english_even_in_full_clean() -> None:
    """Japanese has few spaces, so few "words": the page was too_short, and too_short pages are parsed by the
    English model. Read from enough text, its language decides first (a real Asahi story, Fundus)."""
    url = "https://www.asahi.com/articles/AST1F4445T1FUTIL02SM.html"
    html = bench_html("fundus", url)
    article = clean_html(html, url)
    assert (article.status, article.language) == ("not_english", "ja")
    assert len(article.text.split()) < 40 <= len(article.text) // 10  # few "words", plenty of text
    short = clean_html("<html><body><article><h1>Notice</h1><p>The office is closed on Monday for the "
                       "holiday.</p></article></body></html>", "https://example.org/notice")
    assert short.status == "too_short"  # a short English page is still too short, not another language
