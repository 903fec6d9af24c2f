"""Clean stage: body blocks, dates, authors, encodings, status (fast tests)."""

from __future__ import annotations

import json

import pytest

from pipeline.clean import clean_html, clean_text, page_dates
from pipeline.clean.encoding import decode
from pipeline.clean.metadata import split_authors, url_day
from pipeline.errors import CleanError, PipelineError

PARA = (
    "The Ministry of Education announced on Monday a new programme to train ten thousand "
    "teachers in digital skills over the next three years, with support from UNESCO and "
    "several development partners working in the region."
)


def page(
    body: str = "",
    head: str = "",
    title: str = "Teachers to get digital training",
    lang: str = "en",
) -> str:
    paras = "".join(
        f"<p>{PARA} Paragraph {i} adds detail on funding and schools.</p>" for i in range(6)
    )
    return f"""<!doctype html><html lang="{lang}"><head><title>{title} | Daily News</title>
    {head}</head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li></ul></nav>
    <article><h1>{title}</h1>{body or paras}
    <p>Read more: Minister opens new school in the capital</p>
    <p>Get the latest updates delivered straight to your inbox.</p>
    </article>
    <footer><p>Copyright 2024 Daily News. All rights reserved.</p></footer>
    </body></html>"""


def jsonld(**fields: object) -> str:
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --- body ------------------------------------------------------------------------------


def test_body_keeps_paragraphs_and_drops_boilerplate() -> None:
    art = clean_html(page(), "https://news.example.org/2024/03/09/teachers")
    kinds = [b.kind for b in art.blocks]
    assert kinds[0] == "title" and art.title.startswith("Teachers to get digital training")
    assert kinds.count("paragraph") == 6
    assert "Read more" not in art.text and "inbox" not in art.text
    assert "Home" not in art.text and "Copyright" not in art.text
    for b in art.blocks:  # offsets point into the text
        assert art.text[b.start : b.start + len(b.text)] == b.text


def test_a_figure_caption_of_the_article_is_kept_and_a_sidebar_one_is_not() -> None:
    paras = "".join(f"<p>{PARA} Paragraph {i} adds detail on funding and schools.</p>" for i in range(6))
    figure = ('<figure><img src="a.jpg"><figcaption>Teacher Dolores Synegard helps a pupil with an art project in '
              'Evanston. (Katie Klingsporn/Daily News)</figcaption></figure>')
    html = page(body=paras[:len(paras) // 2] + figure + paras[len(paras) // 2:]).replace(
        "<footer>", '<aside><figure><img src="b.jpg"><figcaption>Most read: a mayor opens a new road '
                    'bridge downtown</figcaption></figure></aside><footer>')
    art = clean_html(html, "https://news.example.org/2024/03/09/teachers")
    captions = [b.text for b in art.blocks if b.kind == "caption"]
    assert captions == ["Teacher Dolores Synegard helps a pupil with an art project in Evanston. "
                        "(Katie Klingsporn/Daily News)"]
    assert "mayor" not in art.text
    assert [b.kind for b in art.blocks].count("paragraph") == 6 and art.blocks[-1].kind == "caption"


def test_a_wordpress_caption_paragraph_is_a_caption() -> None:
    """WordPress and many themes write a photo's caption as ``<p class="wp-caption-text">`` or
    ``<div class="caption">`` rather than ``<figcaption>``; the extractors drop both."""
    paras = "".join(f"<p>{PARA} Paragraph {i} adds detail on funding and schools.</p>" for i in range(6))
    figure = ('<div class="wp-caption aligncenter"><img src="a.jpg"><p class="wp-caption-text">Principal Ann '
              'Kiptoo greets pupils at the gate in Eldoret. (Brian Otieno/Daily News)</p></div>')
    html = page(body=paras[:len(paras) // 2] + figure + paras[len(paras) // 2:])
    art = clean_html(html, "https://news.example.org/2024/03/09/teachers")
    captions = [b.text for b in art.blocks if b.kind == "caption"]
    assert captions == ["Principal Ann Kiptoo greets pupils at the gate in Eldoret. (Brian Otieno/Daily News)"]


def test_the_lead_photos_caption_between_the_header_and_the_body_is_kept() -> None:
    """A featured image ("post-thumbnail") sits after the headline and byline, outside the body's element."""
    paras = "".join(f"<p>{PARA} Paragraph {i} adds detail on funding and schools.</p>" for i in range(6))
    caption = ("<span>Preschooler Madilyn Liechty shows off her hands to teacher Dolores Synegard</span> at "
               "<b>Evanston</b>.<p>Katie Klingsporn | Daily News</p>")  # text around inline elements; a credit block
    html = f"""<!doctype html><html lang="en"><head><title>Pre-K funds kept | Daily News</title></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
    <ul class="trending"><li><figure><img src="t.jpg"><figcaption>Trending: a mayor opens a new road bridge
    downtown</figcaption></figure></li></ul>
    <header><h1>Pre-K funds kept after negotiations</h1><span class="byline">by Katie Klingsporn</span></header>
    <figure class="post-thumbnail"><img src="a.jpg"><figcaption>{caption}</figcaption></figure>
    <div class="main-content"><article><div class="entry-content">{paras}</div></article></div>
    <aside><figure><img src="b.jpg"><figcaption>Most read: a council votes on parking rules</figcaption>
    </figure></aside>
    </body></html>"""
    art = clean_html(html, "https://news.example.org/2024/03/09/pre-k")
    captions = [b.text for b in art.blocks if b.kind == "caption"]
    assert captions == ["Preschooler Madilyn Liechty shows off her hands to teacher Dolores Synegard at Evanston.",
                        "Katie Klingsporn | Daily News"]
    assert "mayor" not in art.text and "parking" not in art.text


def test_a_photo_story_with_many_captions_is_not_a_listing() -> None:
    story = "".join(f"<p>{PARA} Paragraph {i} adds detail on funding and schools.</p>" for i in range(2))
    figures = "".join(f'<figure><img src="{i}.jpg"><figcaption>Pupils of class {i} read aloud with their teacher '
                      f'in the new school library opened by the district this spring.</figcaption></figure>'
                      for i in range(20))
    art = clean_html(page(body=story + figures), "https://news.example.org/2024/03/09/teachers")
    assert [b.kind for b in art.blocks].count("caption") == 20
    assert art.status == "ok"


def test_list_items_and_headings_survive() -> None:
    body = (
        f"<p>{PARA}</p><h2>Three priority areas</h2><p>{PARA} The plan names three "
        "priority areas:</p><ul><li>provision of teaching and learning resources for "
        "schools</li><li>educators ICT competence development in all regions</li>"
        f"<li>ICT-enhanced EMIS for the ministry</li></ul><p>{PARA}</p><p>{PARA}</p>"
    )
    art = clean_html(page(body))
    items = [b.text for b in art.blocks if b.kind == "list_item"]
    assert len(items) == 3 and items[0].startswith("provision of teaching")
    assert any(b.kind == "heading" and b.text == "Three priority areas" for b in art.blocks)


def test_empty_page_raises_our_error() -> None:
    with pytest.raises(CleanError):
        clean_html("<html><head><title>x</title></head><body><div> </div></body></html>")
    try:
        art = clean_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    except CleanError:
        return
    assert art.status in {"empty", "too_short", "not_an_article"}


def test_clean_text_dateline() -> None:
    art = clean_text("Workshop held in Dushanbe\n\n9 November 2018\n\n" + PARA * 2)
    assert art.title == "Workshop held in Dushanbe" and art.published == "2018-11-09"


# --- dates -----------------------------------------------------------------------------


def test_published_is_publisher_local_day_and_modified_kept() -> None:
    head = jsonld(datePublished="2024-03-09T23:30:00-05:00", dateModified="2024-03-12T08:00:00Z")
    art = clean_html(page(head=head), "https://news.example.org/teachers")
    assert art.published == "2024-03-09"
    assert art.modified == "2024-03-12"


def test_meta_and_time_tags() -> None:
    meta = '<meta property="article:published_time" content="2019-11-20T10:00:00+01:00">'
    assert page_dates(page(head=meta))[0] == "2019-11-20"
    body = f'<p><time datetime="2018-11-09" pubdate>9 Nov 2018</time></p><p>{PARA}</p>' * 3
    assert page_dates(page(body=body))[0] == "2018-11-09"


def test_url_day_beats_utc_timestamp_one_day_off() -> None:
    head = jsonld(datePublished="2023-11-09T03:15:00Z")
    assert page_dates(page(head=head), "https://example.com/2023/11/08/mayor-elected/")[0] == (
        "2023-11-08"
    )
    assert url_day("https://www.thelocal.se/20200428/meet-the-swede") == "2020-04-28"
    assert url_day("https://example.com/news/12345") is None


def test_original_date_preferred_over_update() -> None:
    head = jsonld(datePublished="2020-05-01", dateModified="2021-02-03")
    published, modified = page_dates(page(head=head))
    assert (published, modified) == ("2020-05-01", "2021-02-03")


def test_no_date_is_not_invented() -> None:
    body = f"<p>Posted: 3 years ago</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>"
    assert page_dates(page(body=body), "https://example.com/story")[0] is None


def test_a_mastheads_today_in_the_navigation_is_not_the_publication_date() -> None:
    """A news site's navbar shows the day it is read; the story's own date line is the one."""
    doc = ('<!doctype html><html lang="en"><head><title>Penn freezes summer course fees</title></head><body>'
           '<div><nav class="Header__HeaderNavbar-sc-1 navbar navbar-expand-md"><a class="Header__NavDate-sc-7">'
           'February 8th, 2020</a><a href="/section/news">NEWS</a><a href="/section/sports">SPORTS</a></nav></div>'
           '<div class="container"><div class="row"><div class="col-9"><h2>Penn freezes summer course fees</h2>'
           f'<div>By Jane Doe</div><div>May 22th, 2020 \u00b7 10:50 PM</div><p>{PARA}</p><p>{PARA}</p>'
           f'<p>{PARA}</p></div></div></div></body></html>')
    assert page_dates(doc)[0] == "2020-05-22"


# --- authors ---------------------------------------------------------------------------



def test_author_cards_in_a_byline_are_read_apart() -> None:
    """An author card's name and title are separate elements; read as one string they glue ("MaransSenior")."""
    cards = ('<div class="entry__byline"><div class="entry__byline__author">By <a href="/a"><span>Daniel Marans'
             '<div class="social"><a href="https://twitter.com/dm">Follow</a></div></span></a>'
             '<p class="role">Senior Politics Reporter, HuffPost</p></div><div class="entry__byline__author">'
             '<a href="/b"><span>Liz Skalka</span></a><p class="role">Politics Reporter, HuffPost</p></div></div>')
    art = clean_html(page(head=jsonld(author=[{"name": "Daniel Marans"}, {"name": "Liz Skalka"}]),
                          body=cards + "".join(f"<p>{PARA} Part {i}.</p>" for i in range(6))),
                     "https://news.example.org/2024/03/09/teachers")
    assert art.authors == ["Daniel Marans", "Liz Skalka"]
    byline = next(b.text for b in art.blocks if b.kind == "byline")
    assert "MaransSenior" not in byline and "SkalkaPolitics" not in byline
    assert byline.startswith("By Daniel Marans")

@pytest.mark.parametrize(
    ("raw", "people", "agency"),
    [
        (["By Jane Doe and John Roe | AFP"], ["Jane Doe", "John Roe"], "AFP"),
        (["By JANE DOE, Associated Press"], ["Jane Doe"], "AP"),
        (["Email the author", "Staff"], [], None),
        (["Daily News", "Jane Doe"], ["Jane Doe"], None),
        (["Reuters Staff"], [], "Reuters"),
        (["By News Agency of Nigeria"], [], "NAN"),
        (
            ["Amina Yusuf; Chidi Okafor; Ngozi Bello"],
            ["Amina Yusuf", "Chidi Okafor", "Ngozi Bello"],
            None,
        ),
        (["Jane Doe, Senior Education Reporter"], ["Jane Doe"], None),
        (["Published 12 March 2024"], [], None),
        (["Ministry of Education"], [], None),
        (["Ludwig van Beethoven"], ["Ludwig van Beethoven"], None),
        # a byline's elements run together: the glued word's tail is no name's
        (["Marla Milling and Marla MillingContributor"], ["Marla Milling"], None),
        (["ByJordan James"], ["Jordan James"], None),
        (["Rich FitzJohn", "DeShawn McDonald"], ["Rich FitzJohn", "DeShawn McDonald"], None),
        # the name runs into the writer's post with no comma: the beat or rank words end the name
        (["By Richard Adams Education editor"], ["Richard Adams"], None),
        (["By Jane Doe Staff Writer"], ["Jane Doe"], None),
        (["By Mary Ann Smith Education editor"], ["Mary Ann Smith"], None),
        (["AP National Political Writer"], [], None),
        (["Denis Staunton China correspondent"], [], None),
    ],
)
def test_split_authors(raw: list[str], people: list[str], agency: str | None) -> None:
    assert split_authors(raw, ["Daily News"]) == (people, agency)


def test_authors_from_jsonld_on_page() -> None:
    head = jsonld(
        author=[
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Organization", "name": "Daily News"},
        ]
    )
    head += '<meta property="og:site_name" content="Daily News">'
    art = clean_html(page(head=head))
    assert art.authors == ["Jane Doe"] and art.source_agency is None


# --- encodings -------------------------------------------------------------------------

RU = "Министерство образования объявило о новой программе подготовки учителей. " * 8
ZH = "教育部宣布了一项新的教师培训计划，将在三年内培训一万名教师。" * 8
FR = "Le ministère de l'Éducation a annoncé un programme pour former des enseignants à Genève. " * 6


def html_bytes(text: str, encoding: str, declared: str | None) -> bytes:
    meta = f'<meta charset="{declared}">' if declared else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>".encode(
        encoding
    )


@pytest.mark.parametrize(
    ("text", "encoding", "declared", "header"),
    [
        (RU, "windows-1251", "utf-8", None),  # meta lies
        (RU, "windows-1251", None, "text/html; charset=iso-8859-1"),  # header lies
        (RU, "windows-1251", "windows-1251", None),  # honest
        (FR, "latin-1", "utf-8", "text/html; charset=utf-8"),  # both lie
        (FR, "latin-1", None, None),  # silent
        (ZH, "gb2312", "iso-8859-1", None),  # meta lies
        (ZH, "gb2312", None, "text/html; charset=gb2312"),
        (RU, "utf-8", "windows-1251", None),  # utf-8 declared as cp1251
    ],
)
def test_encoding_chosen_by_evidence(
    text: str, encoding: str, declared: str | None, header: str | None
) -> None:
    decoded, _enc = decode(html_bytes(text, encoding, declared), header)
    assert text.strip() in decoded


def test_binary_and_empty_input_raise_our_error() -> None:
    with pytest.raises(PipelineError):
        decode(b"")
    with pytest.raises(PipelineError):
        clean_html(bytes(range(256)) * 20)


# --- status and language ---------------------------------------------------------------


def test_status_ok_and_language() -> None:
    art = clean_html(page())
    assert (art.status, art.language) == ("ok", "en")


def test_status_not_english() -> None:
    paras = "".join(f"<p>{FR} Paragraphe {i}.</p>" for i in range(5))
    art = clean_html(page(body=paras, lang="fr"))
    assert (art.status, art.language) == ("not_english", "fr")


def test_status_too_short() -> None:
    art = clean_html(
        page(body="<p>Schools reopen on Monday after the holiday, the ministry said.</p>")
    )
    assert art.status == "too_short"


def test_status_listing_page() -> None:
    teasers = "".join(
        f'<div class="teaser"><h3><a href="/story-{i}">Story number {i} about '
        f"schools</a></h3><p>Short teaser {i}.</p></div>"
        for i in range(20)
    )
    html = f"<html><body><main>{teasers}</main></body></html>"
    art = clean_html(html, "https://news.example.org/tag/education/")
    assert art.status == "not_an_article"


def test_a_release_in_short_paragraphs_with_a_list_of_winners_is_an_article() -> None:
    """Government media releases tell the story in one-sentence quote paragraphs, then list names; many short
    blocks and no long paragraph, yet a run of full sentences, which a teaser listing never has."""
    quotes = "".join(f"<p>\u201cThis is quote number {i} about the prize and the students,\u201d the Premier said.</p>"
                     for i in range(6))
    winners = "".join(f"<p>Student {i} (State High {i})</p>" for i in range(10))
    html = page(body=f"<p>Eight students won the prize.</p>{quotes}<p>The winners are:</p>{winners}")
    assert clean_html(html).status == "ok"


def test_status_error_page() -> None:
    html = page(
        body="<p>Sorry, the page you requested could not be found on this server.</p>",
        title="404 Page not found",
    )
    assert clean_html(html).status == "not_an_article"


def test_status_paywalled() -> None:
    head = jsonld(isAccessibleForFree=False)
    body = f"<p>{PARA}</p><p>Subscribe now to continue reading this story.</p>"
    assert clean_html(page(body=body, head=head)).status == "paywalled"


def flood_story(byline: str) -> str:
    """A news page about reopened schools with ``byline`` markup after its headline."""
    return ("<html><body><main><article><h1>Schools reopen after the floods in the north</h1>" + byline
            + "".join(f"<p>Paragraph {i} says that schools in the region reopened on Monday after the floods "
                      f"damaged many classrooms and roads across several districts.</p>" for i in range(4))
            + "</article></main></body></html>")


def test_html_byline_element_becomes_byline_block_and_authors() -> None:
    """A byline element that main-content extraction drops is kept as a ``byline`` block."""
    art = clean_html(flood_story('<div class="byline">By Maria Lopez and Tom Reed | AFP</div>'),
                     "https://news.example.com/a")
    assert art.authors == ["Maria Lopez", "Tom Reed"]
    assert art.source_agency == "AFP"
    byline = [b for b in art.blocks if b.kind == "byline"]
    assert len(byline) == 1 and art.blocks[1].kind == "byline"
    assert art.text[byline[0].start:].startswith("By Maria Lopez and Tom Reed")


def test_teasers_bylines_are_not_the_articles_when_the_markup_names_its_authors() -> None:
    """The Washington Post lists other stories before the article's own byline, each with a
    "blog-byline": with the markup naming the article's authors, bylines that name none of them
    are the teasers', not the article's."""
    teasers = "".join(f'<li><a href="/p{i}">Story {i}</a><span class="blog-byline">| {name}</span></li>'
                      for i, name in enumerate(["Felicia Sonmez", "Glenn Kessler", "Diana Reese"]))
    html = flood_story(f'<ul class="posts">{teasers}</ul><div class="byline">By Maria Lopez and Tom Reed</div>')
    html = html.replace("<html>", '<html><head><meta name="author" content="Maria Lopez and Tom Reed"></head>')
    art = clean_html(html, "https://news.example.com/a")
    assert art.authors == ["Maria Lopez", "Tom Reed"]


def test_byline_element_with_date_and_outlet_lines() -> None:
    """A byline element's "By NAME" line is read apart from the date and outlet lines around it."""
    art = clean_html(flood_story('<p class="byline"><span>Wednesday, Feb. 6, 2013<br/></span> By <span '
                                 'class="upper">Maria Lopez</span><br/> Valley News<br/><a href="#comments">'
                                 'Comment</a></p>'), "https://news.example.com/a")
    assert art.authors == ["Maria Lopez"]
    byline = [b for b in art.blocks if b.kind == "byline"]
    assert [b.text for b in byline] == ["By Maria Lopez \u00b7 Valley News"]


def test_text_front_matter_author_and_by_line() -> None:
    """Front-matter ``author:`` and a leading "By NAME, TITLE" line name the authors in the text."""
    body = "\n\n".join(["Teachers in the capital returned to work on Monday after a two-week strike over pay "
                        "and conditions in public schools across the country."] * 3)
    art = clean_text(f"---\ntitle: Strike ends\nauthor: Asha Mwangi\ndate: 2024-03-01\n---\n{body}")
    assert art.authors == ["Asha Mwangi"]
    assert art.blocks[1].kind == "byline" and art.blocks[1].text == "By Asha Mwangi"
    art = clean_text(f"Strike ends\n\nBy Liam Byrne, Education Correspondent\n\n{body}")
    assert art.authors == ["Liam Byrne"]
    assert art.blocks[1].kind == "byline" and art.blocks[1].text == "By Liam Byrne, Education Correspondent"


def test_a_date_in_the_story_is_not_the_publication_date() -> None:
    """A page with no date of its own gets none, not the first date its story mentions.

    A real Ghanaian story copied without its date line (tests/fixtures/real/tune): "The meeting,
    held in Accra on Thursday, January 8, 2026, ..." is an event. htmldate's extensive search, the
    byline reader and the dateline reader each used to take it. A dateline at a paragraph's start
    still counts.
    """
    from pathlib import Path

    from pipeline.clean.dateline import dateline_date

    page = Path(__file__).parent / "fixtures/real/tune/articles/gh-heraldghana-apaak-ug-fee-dispute.html"
    url = "https://theheraldghana.com/dr-apaak-meets-stakeholders-to-resolve-ug-fee-hike-dispute/"
    article = clean_html(page.read_bytes(), url)
    assert "January 8, 2026" in article.text
    assert article.published is None
    assert dateline_date(["The meeting, held in Accra on Thursday, January 8, 2026, brought them together."]) is None
    assert dateline_date(["ACCRA, Thursday, January 8, 2026 - The ministry met the university."]) == "2026-01-08"


def test_a_day_ranges_last_day_is_no_dateline() -> None:
    """"On 15-17 May 2017, we ran a workshop" opens a post's body: its last day is the event's,
    and a Jekyll post's file name dates the post (the text says nothing of when it was written)."""
    from pipeline.clean.dateline import dateline_date

    assert dateline_date(["On 15-17 May 2017, we ran a workshop at the university."]) is None
    assert dateline_date(["15 to 17 May 2017, in Thohoyandou."]) is None
    text = ("---\ntitle: \"A workshop journey\"\n---\n\nMy name is Ivo and I am a graduate student.\n\n"
            "On 15-17 May 2017, we ran a Data Carpentry workshop at the university for thirty students "
            "from three faculties, and the learners asked for more.\n")
    article = clean_text(text, None, markdown=True, published_hint="2017-08-02")
    assert article.published == "2017-08-02"


def test_a_closing_credit_line_stays_with_the_story() -> None:
    """"Staff writer Katie Klingsporn contributed to this story.": the story's own credit names people the
    guidelines count (bylines and credits), so it is text, not boilerplate; the newsletter line still goes."""
    paras = "".join(f"<p>{PARA} Paragraph {i} adds detail on funding and schools.</p>" for i in range(6))
    credit = ("<p><em>Staff writer Katie Klingsporn contributed to this story.</em></p>"
              "<p>(Reporting by Will Dunham; Editing by Tom Brown)</p>")
    art = clean_html(page(paras + credit), "https://news.example.org/2024/03/09/teachers")
    assert "Katie Klingsporn contributed to this story." in art.text
    assert "Reporting by Will Dunham" in art.text
    assert "delivered straight to your inbox" not in art.text
