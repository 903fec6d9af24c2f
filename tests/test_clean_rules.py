"""The rules edunews adds to trafilatura/htmldate are switches the CV bench can turn off.

bench/bench_cv.py keeps a rule only when held-back folds of sites improve with it; these
tests check that a switched-off rule really gives the library's answer, and that
``precise_dates`` drops a date whose source is not trusted enough.
"""

from __future__ import annotations

from pipeline.clean import clean_html
from pipeline.clean.boilerplate import body_blocks, parse_html
from pipeline.clean.metadata import page_metadata

PARAS = "".join(
    f"<p>Paragraph {i} of the story tells how the school board voted on the new budget for "
    f"teachers, buses and the library, and what parents said at the meeting on Tuesday.</p>"
    for i in range(8)
)
PAGE = (
    "<html><head><title>Board votes budget</title></head><body><nav><a href='/'>Home</a></nav>"
    f"<article><h1>Board votes budget</h1>{PARAS}<p>Sign up for our newsletter</p></article>"
    "<footer>Contact us</footer></body></html>"
)


def test_phrase_rule_can_be_switched_off() -> None:
    with_rules = [t for _, t in body_blocks(PAGE, "https://news.example.org/a", rules=frozenset({"phrases"}))]
    without = [t for _, t in body_blocks(PAGE, "https://news.example.org/a", rules=frozenset())]
    assert "Sign up for our newsletter" not in with_rules
    assert "Sign up for our newsletter" in without
    assert sum("Paragraph" in t for t in without) == sum("Paragraph" in t for t in with_rules) == 8


def test_date_source_and_precise_dates() -> None:
    url = "https://news.example.org/2020/05/06/board-votes-budget"
    meta = page_metadata(parse_html(PAGE), url)
    assert (meta["published"], meta["published_source"]) == ("2020-05-06", "htmldate")
    assert clean_html(PAGE, url).published == "2020-05-06"
    assert clean_html(PAGE, url, precise_dates=True).published is None
    marked = PAGE.replace("<head>", '<head><meta property="article:published_time" content="2020-05-06T08:00:00">')
    assert page_metadata(parse_html(marked), url)["published_source"] == "agree"
    assert clean_html(marked, url, precise_dates=True).published == "2020-05-06"


def _dated(stamp: str) -> str:
    return (
        f'<html><head><meta property="article:published_time" content="{stamp}"></head><body>'
        '<article><h1>Board votes budget</h1><p class="byline">By Ann Lee, 4 December 2024</p>'
        f"{PARAS}</article></body></html>"
    )


def test_a_utc_stamp_one_day_off_yields_to_the_byline_a_local_one_does_not() -> None:
    url = "https://news.example.org/board-votes-budget"
    utc = page_metadata(parse_html(_dated("2024-12-03T23:17:00+00:00")), url)
    local = page_metadata(parse_html(_dated("2024-12-03T23:17:00+09:00")), url)
    assert (utc["published"], utc["published_source"]) == ("2024-12-04", "visible")
    assert (local["published"], local["published_source"]) == ("2024-12-03", "agree")


def test_a_template_fragment_is_cleaned_as_a_page() -> None:
    """A Blade/PHP view (no <html>, one <section>) is an article page, its decorated headline cleaned."""
    body = " ".join(["The ministry opened twelve new vocational training centres for young farmers this week."] * 8)
    view = ("@extends('layout.main')\n\n@section('content')\n<section class=\"news\">\n"
            "<h1><font class=\"bar\">|</font>Ministry opens training centres</h1>\n"
            f"<div class=\"row\"><p>{body}</p><p>{body}</p></div>\n</section>\n@endsection\n")
    assert parse_html(view) is not None
    article = clean_html(view, "https://example.org/news/1")
    assert article.status == "ok"
    assert article.title == "Ministry opens training centres"
    assert "vocational training centres" in article.text
    assert parse_html("just words, no markup at all") is None


def test_a_template_fragment_gets_no_publication_date_from_its_event_dates() -> None:
    """A fragment has no <head>: htmldate's guess from its text (an event date) is not its publication day."""
    body = " ".join(["The ministry opened twelve new vocational training centres for young farmers."] * 6)
    event = "<p>The next intake starts on 14 March 2019, and applications close on 2 February 2019.</p>"
    view = (f"@section('content')\n<section><h1>Ministry opens centres</h1>"
            f"<div><p>{body}</p>{event}<p>{body}</p></div></section>")
    assert page_metadata(parse_html(view), None)["published_source"] == "extensive"  # what htmldate alone would give
    assert clean_html(view).published is None
    dated = view.replace("<p>The ministry", "<p>NAIROBI, March 3, 2019 - The ministry", 1)
    assert clean_html(dated).published == "2019-03-03"  # a dateline at the top is still read
    page = f"<html><head><title>x</title></head><body>{view.split(chr(10), 1)[1]}</body></html>"
    assert clean_html(page).published == "2019-03-14"  # a whole page keeps htmldate's answer


def test_a_link_lists_heading_goes_with_the_headlines_under_it() -> None:
    """"Related Story" / "Other Stories" head lists of links to other articles: their headlines are
    not the story's text (a person or a place named there is not in the article), the prose after
    them is."""
    page = (
        "<html><head><title>Board votes budget</title></head><body><article><h1>Board votes budget</h1>"
        + PARAS[: len(PARAS) // 2]
        + "<p>Related Story</p><p><a href='/x'>Mayor Jane Roe Touts Great Meeting With Boeing Chiefs</a></p>"
        + PARAS[len(PARAS) // 2:]
        + "<h3>Other Stories</h3><p>1/2008</p><p><a href='/y'>Serb radical leader campaigns in Kosovo</a></p>"
        "<p><a href='/z'>Dems, GOP pledge quick action</a></p></article></body></html>"
    )
    texts = [t for _, t in body_blocks(page, "https://news.example.org/a", rules=frozenset({"phrases"}))]
    assert not any("Jane Roe" in t or "Kosovo" in t or "Related" in t or "Other Stories" in t for t in texts)
    assert sum("Paragraph" in t for t in texts) == 8
