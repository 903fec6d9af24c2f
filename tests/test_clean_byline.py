"""Byline/dateline reader: visible dates near the headline in several languages (fast tests)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.clean import page_dates
from pipeline.clean.boilerplate import parse_html
from pipeline.clean.byline import byline_date, parse_dates, visible_dates

PARA = (
    "Die Landesregierung hat am Montag ein neues Programm vorgestellt, mit dem in den kommenden "
    "drei Jahren zehntausend Lehrkräfte in digitalen Kompetenzen fortgebildet werden sollen."
)
TODAY = date(2024, 6, 1)


def page(byline: str, lang: str = "de", head: str = "", extra: str = "") -> str:
    paras = "".join(f"<p>{PARA} Absatz {i}.</p>" for i in range(5))
    return f"""<!doctype html><html lang="{lang}"><head><title>Lehrkräfte | Zeitung</title>{head}</head>
    <body><nav><ul><li><a href="/">Start</a></li><li>12.12.2023 Älterer Artikel</li></ul></nav>
    <article><h1>Lehrkräfte sollen digital fortgebildet werden</h1>
    <div class="byline">{byline}</div>{paras}{extra}</article>
    <aside class="sidebar"><div class="date">3. März 2021</div></aside></body></html>"""


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("1. Februar 2022, Daniel Dillenburg", "de", "2022-02-01"),
        ("29.04.2020, 12:01 Uhr", "de", "2020-04-29"),
        ("Domenica 06 Dicembre 2020 | 00:36", "it", "2020-12-06"),
        ("Publié le 5 janvier 2021 à 10 h", "fr", "2021-01-05"),
        ("19 de octubre de 2019", "es", "2019-10-19"),
        ("29 июня 2020", "ru", "2020-06-29"),
        ("2020年7月12日 22:00", "ja", "2020-07-12"),
        ("January 19, 2020 / 12:25 PM", "en", "2020-01-19"),
        ("03/04/2019", "en-GB", "2019-04-03"),
        ("03/04/2019", "en-US", "2019-03-04"),
        ("25/12/2019", "en-US", "2019-12-25"),
    ],
)
def test_parse_visible_dates(text: str, lang: str, day: str) -> None:
    found = byline_date(visible_dates(parse_html(page(text, lang)), lang, TODAY))
    assert found is not None and found.day == day


def test_ranges_future_and_partial_dates_are_not_dates() -> None:
    assert parse_dates("2020/7/11-12 Rennen", today=TODAY) == []
    assert parse_dates("im März 2022 und 2023", today=TODAY) == []
    assert parse_dates("am 3. Mai 2031", today=TODAY) == []  # after the fetch: not a publication date


def test_updated_label_is_not_the_publication() -> None:
    found = visible_dates(parse_html(page("Aktualisiert: 12.05.2022 · Veröffentlicht: 10.05.2022")), "de", TODAY)
    assert byline_date(found).day == "2022-05-10"  # type: ignore[union-attr]
    assert [f.label for f in found[:2]] == ["modified", "published"]


def test_sidebar_navigation_and_body_dates_ignored() -> None:
    body_date = f"<p>{PARA} Die Anmeldung endet am 14. Juni 2022.</p>"
    assert visible_dates(parse_html(page("Von Anna Schmidt", extra=body_date)), "de", TODAY) == []


def test_byline_fixes_utc_markup_one_day_off() -> None:
    head = '<meta property="article:published_time" content="2020-04-29T22:30:00Z">'
    assert page_dates(page("30.04.2020, 00:30 Uhr", head=head))[0] == "2020-04-30"


def test_byline_alone_dates_an_unmarked_page() -> None:
    assert page_dates(page("Von Anna Schmidt · 1. Februar 2022"))[0] == "2022-02-01"


def test_byline_far_from_markup_does_not_override_it() -> None:
    head = '<meta property="article:published_time" content="2020-02-04T10:00:00+01:00">'
    assert page_dates(page("24. Januar 2020", head=head))[0] == "2020-02-04"


# --- text and markdown copies ------------------------------------------------------------


def test_text_front_matter_gives_title_and_date_and_tags_are_stripped() -> None:
    from pipeline.clean import clean_text

    body = (
        'That\'s where <a href="http://example.org/">Open Schools Kenya</a> comes in. '
        "The project mapped every school in the settlement with parents and teachers. " * 3
    )
    doc = f"title: Launch of Open Schools\nauthor: Jane Doe\ndate: 2015-03-11\n\n{body}\n\n{body}"
    art = clean_text(doc)
    assert (art.title, art.published) == ("Launch of Open Schools", "2015-03-11")
    assert "Open Schools Kenya comes in" in art.text and "<a" not in art.text
    fenced = f'---\nslug: launch\ntitle: "Launch"\ndate: 2015-03-11\n---\nLaunch\n=====\n\n{body}'
    assert clean_text(fenced).title == "Launch" and clean_text(fenced).published == "2015-03-11"


def test_text_tag_lines_give_a_written_out_date() -> None:
    from pipeline.clean import clean_text

    doc = f"# Schools reopen\n\n[[type:blog]]\n\n[[date:AUGUST 20, 2020]]\n\n{PARA}\n\n{PARA}"
    art = clean_text(doc)
    assert art.published == "2020-08-20" and "[[" not in art.text


def test_headline_segments_jump_over_skipped_subtrees() -> None:
    from pipeline.clean.byline import _segments

    html = """<html><body><nav><ul><li>Start</li><li>Archiv</li></ul></nav>nach der Navigation
    <div class="related"><p>Anderer Artikel</p></div><h1>Schlagzeile des Tages</h1>
    <div class="byline">Von Anna Schmidt</div><aside><p>Werbung</p></aside>am Ende</body></html>"""
    segs, start = _segments(parse_html(html))
    assert segs[start:] == ["Schlagzeile des Tages", "Von Anna Schmidt", "am Ende"]
    assert segs[:start] == ["nach der Navigation"]  # a skipped element's tail is still read
    assert _segments(parse_html("<html><body><p>Kein Titel hier</p></body></html>")) == ([], -1)


def test_visible_bylines_match_class_and_id_in_any_case() -> None:
    from pipeline.clean.metadata import visible_bylines

    html = """<html><body><nav><span class="author">Menu Person</span></nav>
    <h1>Headline of the story</h1><div class="Post-ByLine">By Jane Doe</div>
    <span class="AUTHOR-name">John Roe</span><p id="BYLINE-2">Reporting by Ann Poe</p></body></html>"""
    assert visible_bylines(parse_html(html)) == ["By Jane Doe", "John Roe", "Reporting by Ann Poe"]


def test_a_byline_beside_an_h2_headline_in_the_articles_header() -> None:
    """Older templates write the headline as <h2> in the article's <header>: its byline is the story's;
    a teaser's header (its h2 another story's) still gives none. "NAME on <date>" is the name alone."""
    from pipeline.clean.metadata import split_authors, visible_bylines

    html = """<html><head><title>Using Robots To Help Children Learn | Big Think</title></head><body>
    <article><header><h2>Using Robots To Help Children Learn</h2>
    <div class="byline"><a href="/users/orionjones">Orion Jones</a> on November 8, 2012, 10:57 AM</div></header>
    <p>Body.</p></article>
    <article><header><h2>Another story entirely</h2><div class="byline">Ann Poe</div></header></article>
    </body></html>"""
    assert visible_bylines(parse_html(html)) == ["Orion Jones on November 8, 2012, 10:57 AM"]
    assert split_authors(["Orion Jones on November 8, 2012, 10:57 AM"]) == (["Orion Jones"], None)
