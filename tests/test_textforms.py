"""Text-form articles (issue 16): scrape dumps, CRLF, OCR'd and PDF press releases, markdown, PDF files.

The fixtures in tests/fixtures/textforms/ are real texts (see SOURCES.md), some of them written
out in the forms analysts' archives have. Each must come out ``ok`` with its title, body, date
and people, the same people the HTML page of the same article gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.clean import clean_page, clean_text, content_type_of
from pipeline.clean.textdoc import normalize, url_date
from pipeline.errors import CleanError
from pipeline.extract import extract_articles
from pipeline.records import RawPage
from tests.conftest import SEED_PAGE, edunews

FIX = Path(__file__).resolve().parent / "fixtures" / "textforms"
SEED_TITLE = ("A workshop on leveraging Information and Communication Technology (ICT) and Open Educational "
              "Resources (OER) to achieve SDG 4 held in Tajikistan")
SEED_PEOPLE = {"Rahmatulo Mirboboev", "Fengchun Miao", "Zhiqian Wang", "Lina Benete"}
PROVOST_TITLE = "Adrienne Provost Recognized With League for Innovation's Terry O'Banion Legacy Award"
# A reader sees Adrienne Provost too; the extractor misses her in the HTML form as well (see SOURCES.md).
PROVOST_PEOPLE = {"Terry O'Banion", "Rufus Glasper"}

# file -> (title, published, people that a reader sees in it)
CASES = {
    "seed-scrape-dump.txt": (SEED_TITLE, "2018-11-09", SEED_PEOPLE),
    "seed-scrape-dump-crlf.txt": (SEED_TITLE, "2018-11-09", SEED_PEOPLE),
    "seed-no-title-gap.txt": (SEED_TITLE, "2018-11-09", SEED_PEOPLE),
    "seed-ocr-press-release.txt": (SEED_TITLE, "2018-11-09", SEED_PEOPLE),
    "seed-tesseract-ocr.txt": (SEED_TITLE, "2018-11-09", SEED_PEOPLE),
    "newsworthy-provost-award.md": (PROVOST_TITLE, "2024-03-20", PROVOST_PEOPLE),
    "provost-pdf-text.txt": (PROVOST_TITLE, "2024-03-20", PROVOST_PEOPLE),
    "uva-math-graduate-teaching-award.md": (
        "Outstanding Graduate Teaching Awards for Mathematics", "2014-04-09",
        {"Nathaniel Pappas", "Joshua Parks", "Joshua Schwartz"}),  # Scott Atkinson: missed in HTML too
}


def _page(path: Path, url: str | None = None) -> RawPage:
    return RawPage(path.read_bytes(), url, str(path), str(path), content_type_of(path))


def _names(extraction) -> set[str]:  # noqa: ANN001
    return {p.name for p in extraction.people}


@pytest.fixture(scope="module")
def extracted() -> dict[str, object]:
    """name -> (the cleaned Article, its Extraction), for every fixture and the seed's HTML page."""
    pages = [_page(FIX / name) for name in CASES] + [RawPage(SEED_PAGE.read_bytes(), None, "html", "html", "text/html")]
    articles = [clean_page(p) for p in pages]
    return {Path(a.raw_ref).name: (a, x) for a, x in zip(articles, extract_articles(articles), strict=True)}


@pytest.mark.parametrize("name", list(CASES))
def test_each_real_text_form_is_ok_with_title_body_date_and_people(name: str, extracted: dict) -> None:
    title, published, people = CASES[name]
    art, x = extracted[name]
    assert art.status == "ok", (name, art.status)
    assert art.title == title
    assert art.published == published
    assert art.language == "en"
    assert people <= _names(x), (name, people - _names(x))
    body = [b for b in art.blocks if b.kind != "title"]
    assert len(body) >= 3 and all(title not in b.text for b in body)  # the title is not glued to the body


def test_text_forms_find_the_people_of_the_html_page(extracted: dict) -> None:
    html_people = _names(extracted["html"][1])
    for name in ("seed-scrape-dump.txt", "seed-scrape-dump-crlf.txt", "seed-no-title-gap.txt",
                 "seed-ocr-press-release.txt", "seed-tesseract-ocr.txt"):
        found = _names(extracted[name][1])
        assert html_people <= found, (name, html_people - found)


def test_ocr_release_loses_its_furniture_and_keeps_its_words(extracted: dict) -> None:
    art = extracted["seed-ocr-press-release.txt"][0]
    text = art.text
    for furniture in ("Tel.", "E-mail", "www.unesco.kz", "Page 1 of 2", "CamScanner", "PRESS RELEASE",
                      "Press release", "Кластерное", "Tole Bi", "###"):
        assert furniture not in text, furniture
    # words split at line ends are joined; a real compound keeps its hyphen
    assert "planning the sector-wide strategies" in text and "project on leveraging" in text
    assert "-\n" not in text and "proj-" not in text
    # a wrapped paragraph is one block, not one block per line
    assert any(b.text.startswith("Around 30 decision makers") and b.text.endswith("22 to 23 October.")
               for b in art.blocks)


def test_real_ocr_output_blank_lines_inside_paragraphs_and_noise(extracted: dict) -> None:
    art = extracted["seed-tesseract-ocr.txt"][0]
    assert "KnactepHoe" not in art.text and "H##F" not in art.text  # OCR'd Cyrillic letterhead, "###"
    assert "the National Testing Center, key universities" in art.text  # OCR put a blank line between
    assert any(b.text.startswith("Mr Rahmatulo") and b.text.endswith("approach and activities.") for b in art.blocks)


def test_a_paragraph_cut_by_a_page_break_is_one_paragraph() -> None:
    lines = (FIX / "seed-ocr-press-release.txt").read_text("utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("Mr Rahmatulo"))
    header = "UNESCO Almaty Cluster Office - Press release"
    page_break = f"\n{header}\nPage 1 of 2\n\f\n{header}\n"
    art = clean_text("\n".join([*lines[: i + 2], page_break, *lines[i + 2 :]]))
    (block,) = [b for b in art.blocks if "Mirboboev" in b.text]
    assert block.text.endswith("presented Weidong Groups approach and activities.")
    assert "Page 1" not in art.text


def test_a_paragraph_printed_twice_in_paged_text_is_no_running_header() -> None:
    """A summary the text prints again in its body repeats its lines mid-page: only lines at a
    page's top or bottom that repeat are running headers and footers."""
    lines = (FIX / "seed-ocr-press-release.txt").read_text("utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("Mr Rahmatulo"))
    header = "UNESCO Almaty Cluster Office - Press release"
    summary = ["Guest speakers included Deputy Minister Jamshed Jumakhonzoda of the", "Ministry of",
               "Education and Science and the Rector of the Tajik National University."]
    summary = [" ".join(summary[:2]), summary[2]]
    page_break = f"\n{header}\nPage 1 of 2\n\f\n{header}\n"
    art = clean_text("\n".join([*lines[:4], "", *summary, "", *lines[4: i + 2], page_break, *lines[i + 2:],
                                 "", *summary, ""]))
    assert "Jamshed Jumakhonzoda" in art.text
    assert header not in art.text and "Page 1" not in art.text


def test_crlf_and_lf_give_the_same_article(extracted: dict) -> None:
    a, b = extracted["seed-scrape-dump.txt"][0], extracted["seed-scrape-dump-crlf.txt"][0]
    assert a.text == b.text and "\r" not in a.text


def test_markdown_is_rendered_and_link_lists_dropped(extracted: dict) -> None:
    art = extracted["newsworthy-provost-award.md"][0]
    assert "](" not in art.text and "![" not in art.text and "# " not in art.text
    assert "Reddit Post" not in art.text and "Newsramp" not in art.text  # the trailing link list
    # paragraphs glued with runs of spaces in the dump are paragraphs again
    assert sum(b.kind == "paragraph" for b in art.blocks) >= 10


def test_furniture_in_markdown_markup_and_character_references() -> None:
    body = "\n\n".join(b.text for b in clean_text((FIX / "seed-scrape-dump.txt").read_text("utf-8")).blocks[2:])
    art = clean_text("# Workshop in Dushanbe\n\n**FOR IMMEDIATE RELEASE**\n\n"
                     + body.replace("Education and Science", "Education &amp; Science") + "\n\n###\n")
    assert art.title == "Workshop in Dushanbe"
    assert "RELEASE" not in art.text and "###" not in art.text and "&amp;" not in art.text
    assert "Ministry of Education & Science" in art.text


def test_a_pages_navigation_in_a_text_dump_is_dropped_and_a_list_of_names_is_kept() -> None:
    lines = (FIX / "seed-scrape-dump.txt").read_text("utf-8").splitlines()
    nav = ["Skip to main content", "WHO WE ARE", "WHAT WE DO", "News Centre", "Contact us"]
    names = ["Participants:", "Rahmatulo Mirboboev", "Fengchun Miao", "Zhiqian Wang", "Lina Benete"]
    art = clean_text("\n".join([*nav, *lines, *names, *nav]))
    assert art.title == SEED_TITLE
    assert not any(n in art.text for n in nav) and all(n in art.text for n in names)


def test_front_matter_is_read_and_not_left_in_the_body() -> None:
    text = (FIX / "uva-math-graduate-teaching-award.md").read_text("utf-8")
    art = clean_text(text)
    assert "layout:" not in art.text and "categories" not in art.text and "---" not in art.text
    toml = ('+++\ntitle = "Teachers strike ends"\ndate = 2021-05-03T10:00:00Z\n'
            'authors = ["Asha Mwangi", "Liam Byrne"]\n+++\n\n' + text.split("---\n\n", 1)[1])
    art = clean_text(toml)
    assert (art.title, art.published, art.authors) == ("Teachers strike ends", "2021-05-03",
                                                      ["Asha Mwangi", "Liam Byrne"])
    assert art.blocks[1].kind == "byline" and "+++" not in art.text
    yaml_list = ("---\ntitle: Awards\ndate: 2014-04-09\nauthors:\n  - Ann Lee\n  - Bo Chan\n---\n"
                 + toml.split("+++\n\n")[1])
    assert clean_text(yaml_list).authors == ["Ann Lee", "Bo Chan"]
    # an author written as a map (Jekyll, Hugo themes): its name, and its url is not the post's
    for authors in ("author:\n  name: Ann Lee\n  url: https://example.org/ann\n",
                    "authors:\n  - name: Ann Lee\n    url: https://example.org/ann\n  - name: Bo Chan\n"):
        art = clean_text("---\ntitle: Awards\ndate: 2014-04-09\n" + authors + "---\n" + toml.split("+++\n\n")[1])
        assert art.authors[0] == "Ann Lee" and art.url != "https://example.org/ann"


def test_an_html_post_with_front_matter_takes_its_title_date_and_authors_from_it() -> None:
    """A static site's post written in HTML (Jekyll ``_posts/*.html``): the layout that prints the title
    and byline is not in the file, the front matter is; it is read, and not left in the body."""
    page = ('---\nlayout: page\ndate: 2012-05-02\nauthors: ["Neil Chue Hong"]\n'
            'title: The Good and the Bad of It\ntags: ["Assessment", "University College London"]\n---\n\n'
            "<p>We've come to the end of two days of learning in UCL and have just done a straw poll of the "
            "participants. In total, we had a little over 40 learners and 10 helpers, and we taught version "
            "control with EasyMercurial, thanks to Chris Cannam from SoundSoftware.</p>\n"
            "<p>Here is what we learned from the learners, and what we will change for the next bootcamp "
            "that we run in London in the autumn.</p>\n")
    art = clean_page(RawPage(page.encode(), None, "swc", "2012-05-02-the-good.html", "text/html"))
    assert (art.title, art.published, art.authors) == ("The Good and the Bad of It", "2012-05-02",
                                                      ["Neil Chue Hong"])
    assert "layout:" not in art.text and "University College London" not in art.text
    assert "By Neil Chue Hong" in art.text


def caption_texts(art) -> list[str]:  # noqa: ANN001 - an Article
    """The caption blocks' texts, in order: where front-matter credits and image titles land."""
    return [b.text for b in art.blocks if b.kind == "caption"]


def test_front_matter_credits_are_credit_lines_in_the_text_and_their_people_count() -> None:
    """Photo and contributor fields name people the guidelines count, as a page's photo credits are."""
    text = ("---\ntitle: A Farewell to Mr. Marino\nauthor: [\"Simon Carr\"]\nimage: \"mr-marino-cover.jpg\"\n"
            "date: 2021-01-14\ncontributors:\n  Nick Griffin: Interviewer\n  Yousef Nagib: Interviewer\n"
            "photo: Amelia Ross\nimage-credit = \"Nate Smallwood / For Spotlight PA\"\n---\n\n"
            "Friday is vice principal Michael Marino's last day at Classical High School. Students and "
            "teachers will miss him, and many of them said so at an assembly in the school hall.\n")
    art = clean_text(text)
    captions = caption_texts(art)
    assert set(captions) == {"Photo: Amelia Ross", "Photo: Nate Smallwood / For Spotlight PA",
                             "Contributors: Nick Griffin, Yousef Nagib"}
    assert "mr-marino-cover" not in art.text and "Interviewer" not in art.text
    (extraction,) = extract_articles([art])
    names = {p.name for p in extraction.people}
    assert {"Amelia Ross", "Nick Griffin", "Yousef Nagib", "Nate Smallwood", "Simon Carr"} <= names


def test_a_posts_standfirst_and_image_caption_are_text() -> None:
    """Front matter's subtitle and image caption are shown on the post's page: their names count."""
    text = ("---\ntitle: Funding report approved\nsubtitle: >\n  The commission met in Harrisburg on Thursday.\n"
            "image-description: \"Students at Bennetts Valley Elementary School in Weedville\"\n"
            "date: 2024-07-08\n---\n\n"
            "A long-awaited report on school funding was approved by a divided panel of policymakers. "
            "Lawmakers will now turn to the budget, which is due at the end of the month.\n")
    art = clean_text(text)
    assert caption_texts(art) == [
        "Students at Bennetts Valley Elementary School in Weedville"]
    assert "The commission met in Harrisburg on Thursday." in art.text
    assert art.text.count("Harrisburg") == 1


def test_an_authors_note_in_front_matter_is_text_and_folded_values_are_whole() -> None:
    """A post's page prints the author's note under it; YAML folds a long value onto indented lines."""
    text = ("---\ntitle: Addressing Jordan's Youth Unemployment Bubble: USAID Program Aligns Workforce\n"
            "  with Emerging Opportunities\ndate: 2018-05-21\n"
            "author-bio: \"[Samer Badawi](https://www.linkedin.com/in/samer-badawi/) is\n"
            "  a DAI communications consultant.\"\nauthor: Samer Badawi\n---\n\n"
            "Jordan is a relative bastion of stability in the Middle East but is struggling with an "
            "unemployment problem among its young people, who are looking for work in growing numbers.\n")
    art = clean_text(text)
    assert art.title == ("Addressing Jordan's Youth Unemployment Bubble: USAID Program Aligns Workforce with "
                         "Emerging Opportunities")
    assert "Samer Badawi is a DAI communications consultant." in art.text
    assert "linkedin" not in art.text


@pytest.mark.parametrize("indicator", [">-", ">", "|", "|-"])
def test_a_front_matter_title_written_as_a_yaml_block_is_the_headline(indicator: str) -> None:
    """Static sites write long headlines as folded or literal blocks (``title: >-`` and indented lines)."""
    body = (FIX / "uva-math-graduate-teaching-award.md").read_text("utf-8").split("---\n\n", 1)[1]
    text = (f"---\ntitle: {indicator}\n  Framing a design problem:\n  what the teachers told us\n"
            "date: 2019-06-12\nimage:\n  src: /img/a.jpg\n---\n\n" + body)
    art = clean_text(text)
    assert art.title == "Framing a design problem: what the teachers told us"
    assert art.published == "2019-06-12"
    assert indicator not in art.text.split("\n")[0] and "/img/a.jpg" not in art.text


@pytest.mark.parametrize("key", ["publishDate", "published_at"])
def test_a_static_site_generators_own_date_key_is_the_publication_date(key: str) -> None:
    """Hugo writes ``publishDate:`` (quoted or a timestamp), crawlers ``published_at:``; without the day, every
    year-less date of the post ("on Wednesday 17th September") would be dropped."""
    body = (FIX / "uva-math-graduate-teaching-award.md").read_text("utf-8").split("---\n\n", 1)[1]
    art = clean_text(f'---\ntitle: September Newsletter\n{key}: "2025-08-29T11:13:24.048Z"\n---\n\n' + body)
    assert art.published == "2025-08-29"


def test_static_site_template_tags_are_not_text_and_a_figure_caption_is() -> None:
    """Hugo shortcodes and Liquid tags in a post's body: their attributes (src=, alt=) are no prose."""
    body = (FIX / "uva-math-graduate-teaching-award.md").read_text("utf-8")
    text = body.replace("---\n\n", '---\n\n{{< figure src="/img/a.jpg" alt="A group of people on stairs" '
                        'caption="The petition on Thursday" >}}\n\n{% include base.html %}\n\n', 1)
    art = clean_text(text, markdown=True)
    assert "src=" not in art.text and "alt=" not in art.text and "include" not in art.text
    assert "The petition on Thursday" in [b.text for b in art.blocks]


def test_an_images_title_that_reads_as_a_caption_is_a_caption_and_its_people_count() -> None:
    """``![alt](src "title")``: post themes print the title under the image, as a page's figcaption."""
    text = ("---\ntitle: Social enterprises in Lebanon\ndate: 2018-03-01\ngraphic: Amelia Ross\n---\n\n"
            "The influx of refugees is straining Lebanon's economy and host communities, and a pilot "
            "project funds social enterprises that train young people for jobs.\n\n"
            '![Devs-Lebanon-1](/uploads/devs-1.jpg "SE Factory founders Zeina Saab and Fadi Bizri. Photo: SE Factory.")'
            '\n\n![Disco](/uploads/disco.jpg "Disco") ![Bon Voyage Budget](/b.png "Bon Voyage Budget")\n\n'
            "##Entrepreneur-Driven Social Impact\n\n#hashtags stay text\n\n"
            "In 2017, SE Factory was awarded a cash grant, plus training and one-on-one mentorship.\n")
    art = clean_text(text)
    captions = caption_texts(art)
    assert "SE Factory founders Zeina Saab and Fadi Bizri. Photo: SE Factory." in captions
    assert "Graphic: Amelia Ross" in captions
    assert "Disco" not in art.text and "Bon Voyage" not in art.text and "uploads" not in art.text
    assert ("heading", "Entrepreneur-Driven Social Impact") in [(b.kind, b.text) for b in art.blocks]
    assert "#hashtags stay text" in art.text
    (extraction,) = extract_articles([art])
    assert {"Zeina Saab", "Fadi Bizri", "Amelia Ross"} <= {p.name for p in extraction.people}


def test_front_matter_date_wins_over_a_garbled_embargo_line() -> None:
    body = (FIX / "uva-math-graduate-teaching-award.md").read_text("utf-8")
    text = body.replace("---\n\n", "---\nEMBARGOED UNTIL 00:01 GMT 1O April 2O13\n\n", 1)
    art = clean_text(text)
    assert art.published == "2014-04-09"
    assert "EMBARGO" not in art.text


def test_markdown_inline_and_block_markup_to_plain_text() -> None:
    doc = normalize("Heading one\n===========\n\nSee the [report](http://x.org/r \"r\") by **Ann Lee** and "
                    "_Bo Chan_ ![photo](a.png).\n\n## Next steps\n\n- first item\n- second item\n\n"
                    "1. one\n2. two\n\n> A quoted line\n")
    assert doc.title == "Heading one"
    assert doc.blocks == [("paragraph", "See the report by Ann Lee and Bo Chan ."),
                          ("heading", "Next steps"), ("list_item", "first item"), ("list_item", "second item"),
                          ("list_item", "one"), ("list_item", "two"), ("paragraph", "A quoted line")]


def test_by_line_is_kept_as_the_byline_block_in_wrapped_text() -> None:
    lines = (FIX / "provost-pdf-text.txt").read_text("utf-8").split("\n")
    text = "\n".join([lines[0], "", "By Rufus Glasper", *lines[2:]])
    art = clean_text(text)
    assert art.authors == ["Rufus Glasper"]
    assert [b.kind for b in art.blocks[:3]] == ["title", "byline", "paragraph"]
    assert art.blocks[1].text == "By Rufus Glasper"


def test_a_hyphenated_name_broken_at_its_hyphen_keeps_it_in_wrapped_text() -> None:
    """PDF and OCR text breaks "Baffoe-Bonnie" at its hyphen; before a capital the hyphen is the
    name's own ("yester- day" loses it)."""
    para = ("The Director-General of the Ghana Prisons Service, Patience Baffoe-\n"
            "Bonnie, described the initiative as a major step towards reducing yester-\n"
            "day's backlog of inmates who could not read or write when they arrived in\n"
            "the prisons, and said the service would train more of its officers soon.\n")
    more = ("The programme starts in the central region, where teachers from the education service\n"
            "will hold classes three times a week in each of the prison schools, and it will be\n"
            "extended to the other regions next year if the first results are as good as hoped.\n")
    text = "Prisons to teach inmates to read\n\n" + para + "\n" + more
    art = clean_text(text)
    assert "Patience Baffoe-Bonnie, described" in art.text
    assert "yesterday's backlog" in art.text


def test_listing_test_is_not_applied_to_prose() -> None:
    # a release of many short one-line paragraphs: a listing by shape, prose by kind
    lines = [ln for ln in (FIX / "seed-scrape-dump.txt").read_text("utf-8").splitlines() if ln]
    short = [lines[0]] + [s.strip() + "." for ln in lines[1:] for s in ln.split(". ") if len(s.split()) > 3]
    art = clean_text("\n".join(short))
    assert len(art.blocks) > 8 and art.status == "ok"


def test_date_from_a_date_line_at_the_end_or_the_url() -> None:
    paras = [b for b in (FIX / "seed-scrape-dump.txt").read_text("utf-8").splitlines()[2:6]]
    text = "\n\n".join(["Workshop held in Dushanbe", *paras])
    assert clean_text(text + "\n\nDushanbe, 9 November 2018").published == "2018-11-09"
    assert clean_text(text, "http://www.example.edu/news/01-05-98.html").published == "1998-01-05"
    assert clean_text(text, "https://news.example.org/2019/05/03/workshop").published == "2019-05-03"
    assert url_date("https://example.org/pr/release-13-02-2004.htm") == "2004-02-13"
    # a scrape dump whose first line is its URL dates itself from it
    assert clean_text("https://example.org/2020/07/28/workshop\n\n" + text).published == "2020-07-28"


def test_bilingual_letterhead_does_not_make_an_english_release_foreign() -> None:
    text = (FIX / "seed-ocr-press-release.txt").read_text("utf-8")
    assert clean_text(text).language == "en"
    # a bilingual release (every paragraph also in Russian) is its English text
    lines = (FIX / "seed-scrape-dump.txt").read_text("utf-8").splitlines()
    ru_para = ("Около тридцати руководителей министерства образования и науки Таджикистана приняли участие "
               "в двухдневном семинаре по ИКТ и ОРО в Душанбе.")
    art = clean_text("\n".join(x for line in lines for x in (line, ru_para if len(line) > 100 else "") if x))
    assert (art.status, art.language, art.title) == ("ok", "en", SEED_TITLE) and "Около" not in art.text
    # a release that is in another language is still that language
    ru = "\n\n".join(["Семинар по ИКТ в образовании"] + ["Около тридцати руководителей министерства образования и "
                     "науки приняли участие в двухдневном семинаре в Душанбе."] * 4)
    art = clean_text(ru)
    assert art.language == "ru" and art.status == "not_english"


# --- PDF -------------------------------------------------------------------------------------------

def _pdf_of(path: Path, title: str | None, paragraphs: list[str], heading_size: int = 14,
            letterhead: list[str] | None = None) -> bytes:
    """A real PDF (two pages or more) of a real text, written with fpdf2."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(True, margin=20)
    if title:
        pdf.set_title(title)
    pdf.set_author("League for Innovation")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 3, 20))
    pdf.add_page()
    for line in letterhead or []:
        pdf.set_font("Helvetica", "B", 18 if line.isupper() else 9)
        pdf.cell(0, 8 if line.isupper() else 4.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", heading_size)
    pdf.multi_cell(0, 7, paragraphs[0])
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for para in paragraphs[1:]:
        pdf.multi_cell(0, 5.5, para)
        pdf.ln(3)
    return bytes(pdf.output())


def _provost_paragraphs() -> list[str]:
    art = clean_text((FIX / "newsworthy-provost-award.md").read_text("utf-8"))
    return [b.text.replace("\u2014", "-") for b in art.blocks]


def test_pdf_is_one_article_with_title_date_and_people(tmp_path: Path) -> None:
    pdf = tmp_path / "provost.pdf"
    pdf.write_bytes(_pdf_of(pdf, PROVOST_TITLE, _provost_paragraphs()))
    art = clean_page(_page(pdf))
    assert art.status == "ok" and art.title == PROVOST_TITLE and art.published == "2024-03-20"
    assert art.blocks[1].text.startswith("CHANDLER, AZ, March 20, 2024")
    assert "Page" not in art.text and not any(b.text == PROVOST_TITLE for b in art.blocks[1:])
    (x,) = extract_articles([art])
    assert _names(x) >= PROVOST_PEOPLE


def test_pdf_title_from_the_first_heading_line_when_metadata_has_none(tmp_path: Path) -> None:
    paras = _provost_paragraphs()
    pdf = tmp_path / "no-meta.pdf"
    pdf.write_bytes(_pdf_of(pdf, None, paras))
    art = clean_page(_page(pdf))
    assert art.title == PROVOST_TITLE and art.status == "ok"


def test_pdf_with_a_letterhead_in_large_type_takes_the_headline(tmp_path: Path) -> None:
    pdf = tmp_path / "letterhead.pdf"
    head = ["LEAGUE FOR INNOVATION", "1333 South Clearview Avenue, Mesa, AZ", "Tel: +1 480 705 8200",
            "PRESS RELEASE"]
    pdf.write_bytes(_pdf_of(pdf, None, _provost_paragraphs(), letterhead=head))
    art = clean_page(_page(pdf))
    assert art.title == PROVOST_TITLE and art.status == "ok"
    assert "Tel:" not in art.text and "PRESS RELEASE" not in art.text


def test_pdf_title_from_metadata_when_no_line_stands_out(tmp_path: Path) -> None:
    paras = _provost_paragraphs()
    pdf = tmp_path / "flat.pdf"
    pdf.write_bytes(_pdf_of(pdf, PROVOST_TITLE, ["Press Office, League for Innovation", *paras], heading_size=11))
    art = clean_page(_page(pdf))
    assert art.title == PROVOST_TITLE and art.status == "ok" and art.published == "2024-03-20"


def test_edunews_extract_reads_pdf_and_markdown_files(tmp_path: Path) -> None:
    pdf = tmp_path / "provost.pdf"
    pdf.write_bytes(_pdf_of(pdf, PROVOST_TITLE, _provost_paragraphs()))
    md = FIX / "uva-math-graduate-teaching-award.md"
    proc = edunews("extract", str(pdf), str(md), "--format", "jsonl", check=True)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["article"]["status"] for r in rows] == ["ok", "ok"]
    assert rows[0]["article"]["title"] == PROVOST_TITLE
    assert {"Joshua Parks", "Joshua Schwartz"} <= {p["name"] for p in rows[1]["people"]}


def test_pdf_without_a_text_layer_is_an_error_that_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image

    img = tmp_path / "scan.png"
    Image.new("L", (400, 200), 255).save(img)
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(str(img), x=10, y=10, w=150)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(bytes(pdf.output()))
    import pipeline.clean.pdf as pdfmod

    monkeypatch.setattr(pdfmod, "ocr_available", lambda: False)  # as on a machine without the [ocr] extra
    with pytest.raises(CleanError, match="no text layer"):
        clean_page(_page(scan))
    # through the command line: one error line, exit 1, and the other file still comes out
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF")
    proc = edunews("extract", str(broken), str(FIX / "uva-math-graduate-teaching-award.md"), "--format", "jsonl")
    assert proc.returncode == 1
    assert "broken.pdf" in proc.stderr and "PDF" in proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["article"]["status"] == "ok"


@pytest.mark.slow
def test_scanned_pdf_is_ocrd_when_the_extra_is_installed(tmp_path: Path) -> None:
    from pipeline.clean.pdf import ocr_available

    if not ocr_available():
        pytest.skip("edunews[ocr] (pytesseract, pdf2image) or tesseract/pdftoppm not installed")
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image, ImageDraw, ImageFont

    paras = _provost_paragraphs()[1:5]  # [0] is the title
    img = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 44)
    except OSError:
        font = ImageFont.load_default(size=44)
    y = 150
    for para in [PROVOST_TITLE, *paras[:3]]:
        line = ""
        for word in para.split():
            if draw.textlength(line + " " + word, font=font) > 2200:
                draw.text((140, y), line, fill=0, font=font)
                y, line = y + 60, word
            else:
                line = f"{line} {word}".strip()
        draw.text((140, y), line, fill=0, font=font)
        y += 120
    png = tmp_path / "page.png"
    img.save(png)
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=210)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(bytes(pdf.output()))
    art = clean_page(_page(scan))
    assert "Adrienne Provost" in art.text and art.title.startswith("Adrienne Provost Recognized")


def test_headline_on_two_lines_slug_authors_source_url_and_embargo_fallback() -> None:
    lines = (FIX / "seed-ocr-press-release.txt").read_text("utf-8").split("\n")
    text = "\n".join(lines)
    assert clean_text(text).title == SEED_TITLE  # the headline wraps over three lines in the OCR text
    body = "\n\n".join(b.text for b in clean_text(text).blocks[2:])
    centred = "MINISTRY LAUNCHES ICT\nWORKSHOP IN DUSHANBE\n\n" + body
    assert clean_text(centred).title == "MINISTRY LAUNCHES ICT WORKSHOP IN DUSHANBE"
    fm = ("---\ntitle: Workshop in Dushanbe\nauthor: unesco-almaty\n"
          "source-url: https://en.unesco.kz/2018/11/09/workshop\n---\n"
          "Advertisement - scroll to continue reading\n\n" + body)
    art = clean_text(fm)
    assert art.authors == [] and "By unesco" not in art.text and "Advertisement" not in art.text
    assert art.published == "2018-11-09" and art.url == "https://en.unesco.kz/2018/11/09/workshop"
    embargoed = "Workshop in Dushanbe\n\nEMBARGOED UNTIL 00:01 GMT 9 November 2018\n\n" + body.replace(
        "9 November 2018", "")
    art = clean_text(embargoed)
    assert art.published == "2018-11-09" and "EMBARGO" not in art.text


def test_split_words_inside_a_line_and_dates_in_a_local_files_path(tmp_path: Path) -> None:
    text = (FIX / "seed-scrape-dump.txt").read_text("utf-8")
    art = clean_text(text.replace("workshop, participants", "work- shop, participants")
                     .replace("inclusive, equitable", "inclusive, pre- and in-service, equitable"))
    assert "workshop, participants" in art.text and "pre- and in-service" in art.text
    body = "\n".join(text.splitlines()[2:])  # without its date line
    post = tmp_path / "_posts" / "2018-11-09-ict-workshop.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: ICT workshop\n---\n" + body, encoding="utf-8")
    assert clean_page(_page(post)).published == "2018-11-09"
    permalink = "---\ntitle: ICT workshop\npermalink: /news/11-09-18.html\n---\n" + body
    assert clean_text(permalink).published == "2018-11-09"


def test_organization_letterhead_above_a_release_label_is_not_the_title() -> None:
    text = (FIX / "provost-pdf-text.txt").read_text("utf-8")
    title, rest = text.split("\n", 1)
    art = clean_text("League for Innovation in the Community College\n\nNEWS RELEASE\n\n" + text)
    assert art.title == PROVOST_TITLE and "League for Innovation in the Community College\n" not in art.text
    # without a label, a first line that is a sentence-less headline stays the title
    assert clean_text(title + "\n" + rest).title == PROVOST_TITLE
    # a date line above the headline
    art = clean_text("March 20, 2024\n" + title + "\n" + rest)
    assert art.title == PROVOST_TITLE and art.published == "2024-03-20"


def test_process_turns_pdf_markdown_and_text_records_into_articles_and_a_scan_into_an_error_row(
        tmp_path: Path) -> None:
    """The clean stage reads archived records of type application/pdf, text/markdown and text/plain."""
    import csv

    folder = tmp_path / "data" / "raw" / "releases"
    folder.mkdir(parents=True)
    (folder / "provost.pdf").write_bytes(_pdf_of(folder / "provost.pdf", PROVOST_TITLE, _provost_paragraphs()))
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image

    Image.new("L", (400, 200), 255).save(tmp_path / "blank.png")
    scan = fpdf.FPDF()
    scan.add_page()
    scan.image(str(tmp_path / "blank.png"), x=10, y=10, w=150)  # a scan of an empty page: no text, no OCR text
    (folder / "scan.pdf").write_bytes(bytes(scan.output()))
    for name in ("uva-math-graduate-teaching-award.md", "seed-tesseract-ocr.txt"):
        (folder / name).write_bytes((FIX / name).read_bytes())
    rows = [("provost.pdf", "https://www.example.org/releases/provost.pdf", "application/pdf"),
            ("scan.pdf", "https://www.example.org/releases/scan.pdf", "application/pdf"),
            ("uva-math-graduate-teaching-award.md", "https://math.example.edu/news/04-09-14.html", "text/markdown"),
            ("seed-tesseract-ocr.txt", "https://www.example.org/releases/ict-workshop.txt", "text/plain")]
    records = [{"file": f, "url": u, "fetched_at": "2024-04-01T00:00:00Z", "content_type": c} for f, u, c in rows]
    (folder / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    proc = edunews("process", "--data", str(tmp_path / "data"), "-q")
    assert proc.returncode == 1, proc.stderr  # one document failed
    processed = tmp_path / "data" / "processed"
    with open(processed / "articles.csv", encoding="utf-8") as fh:
        articles = {r["url"]: r for r in csv.DictReader(fh)}
    assert {a["status"] for a in articles.values()} == {"ok"} and len(articles) == 3
    assert articles["https://www.example.org/releases/provost.pdf"]["title"] == PROVOST_TITLE
    assert articles["https://math.example.edu/news/04-09-14.html"]["published"] == "2014-04-09"
    assert articles["https://www.example.org/releases/ict-workshop.txt"]["published"] == "2018-11-09"
    with open(processed / "errors.csv", encoding="utf-8") as fh:
        (error,) = list(csv.DictReader(fh))
    assert error["source"] == "releases/manifest.jsonl#2 (releases/scan.pdf)"  # the second record, by name
    assert error["stage"] == "clean" and "no text layer" in error["error"]
    with open(processed / "people.csv", encoding="utf-8") as fh:
        names = {r["name"] for r in csv.DictReader(fh)}
    assert SEED_PEOPLE | PROVOST_PEOPLE | {"Joshua Parks"} <= names


def test_a_dump_that_starts_with_its_url_and_no_headline_is_titled_from_the_url() -> None:
    paras = [b.text for b in clean_text((FIX / "seed-scrape-dump.txt").read_text("utf-8")).blocks[2:]]
    url = "https://en.unesco.kz/2018/11/09/workshop-on-leveraging-ict-and-oer-held-in-tajikistan-1234"
    art = clean_text(url + "\n\n" + "\n\n".join(paras))
    assert art.title == "Workshop on leveraging ict and oer held in tajikistan"
    assert (art.url, art.published, art.status) == (url, "2018-11-09", "ok")
    assert art.blocks[1].text.startswith("Around 30 decision makers")


def test_markdown_lines_broken_mid_sentence_are_one_paragraph() -> None:
    """A real markdown post whose lines break inside sentences at no fixed width: names across a line end stay whole."""
    from pipeline.clean.textdoc import normalize

    post = Path(__file__).parent / "fixtures" / "real" / "tune" / "articles" / "us-uva-math-new-faculty.md"
    paragraphs = [t for k, t in normalize(post.read_text("utf-8")).blocks if k == "paragraph"]
    assert any("at the Indian Statistical Institute in Bangalore" in p for p in paragraphs)
    assert any("Bhattacharya comes to the University of Virginia" in p for p in paragraphs)
    assert any("from the Indian Institute of Technology in Madras" in p for p in paragraphs)
    assert not any(p.endswith((" the", " of")) for p in paragraphs)


def test_the_first_paragraph_of_a_titled_markdown_post_joins_its_soft_wrapped_lines() -> None:
    """With the title in the front matter, the first line is no dump's headline: a name cut by a
    soft line break in the lead ("captain Olivia" / "Brown, a senior") stays one name."""
    from pipeline.clean.textdoc import normalize

    post = ("---\ntitle: Robotics team wins regional title\ndate: 2019-03-04\n---\n\n"
            "The robotics team of Lincoln High School won the regional title on Saturday after a long day of\n"
            "matches. Team captain Olivia\nBrown, a senior, led the build, and coach Peter\n"
            "Smith said the students had worked every weekend since January.\n\n"
            "The school will hold a party for the team next week.\n")
    doc = normalize(post, markdown=True)  # (a .md file: edunews reads it as markdown)
    paragraphs = [t for k, t in doc.blocks if k == "paragraph"]
    assert doc.title == "Robotics team wins regional title"
    assert any("Team captain Olivia Brown, a senior, led the build" in p for p in paragraphs)
    assert len(paragraphs) == 2


@pytest.mark.parametrize(("name", "day"), [
    ("2015-11-12-fasttrack.md", "2015-11-12"),  # a Jekyll post as its repository keeps it
    ("post_2015-11-12-fasttrack.md", "2015-11-12"),  # saved with a prefix before the date
    ("blog-20151112.md", "2015-11-12"),
    ("2015.11.12 notes.md", "2015-11-12"),
    ("report-2019-2020-summary.md", None),  # two years, no day
    ("id_1234567890.md", None),
])
def test_a_date_in_the_file_name_is_the_last_resort(tmp_path: Path, name: str, day: str | None) -> None:
    path = tmp_path / name
    path.write_text("---\ntitle: Data Carpentry instructors\n---\n\nInstructors of Software Carpentry can "
                    "now teach Data Carpentry workshops too, after a short checkout session with a mentor.\n",
                    "utf-8")
    assert clean_page(_page(path)).published == day


@pytest.mark.parametrize("key", ["teaser", "intro", "lede", "deck", "strapline"])
def test_a_teaser_or_intro_is_the_posts_standfirst(key: str) -> None:
    """Themes print a post's teaser or intro under its title (Jekyll's Feeling Responsive: teaser)."""
    text = (f"---\ntitle: Workshop wrap-up\n{key}: Vini Salazar taught the lessons in Nairobi.\n"
            "date: 2024-07-08\n---\n\n"
            "The curriculum project ended with a set of lessons for new instructors and a plan for the "
            "next year of workshops, which the community will discuss at its next meeting.\n")
    art = clean_text(text)
    assert "Vini Salazar taught the lessons in Nairobi." in art.text
    assert art.text.count("Vini Salazar") == 1


def test_html_inside_a_markdown_post_glues_no_words() -> None:
    """A post's raw HTML ("<p>A</p><p>B</p>", a table cell's "<br>") ends lines where a browser does;
    dropping the tags alone ran words together ("CheriyanDeputy", "happened.Second")."""
    text = ("---\ntitle: A school workshop\ndate: 2019-03-05\n---\n\n"
            "<p>The school held a workshop on Monday.</p><p>Mary Jones, the principal, opened it.</p>\n\n"
            "| Advisors | Mrs Mary George Cheriyan<br>Deputy Principal |\n\n"
            "<table><tr><td>Peter Brown</td><td>Teacher</td></tr></table>\n")
    body = clean_text(text).text
    for glued in ("Monday.Mary", "CheriyanDeputy", "BrownTeacher"):
        assert glued not in body
    assert "Mary George Cheriyan" in body and "Deputy Principal" in body


def test_markdown_link_with_spaces_in_its_parentheses_keeps_only_its_text() -> None:
    """"[How to contribute to base R](/events/2023-05-18-how-to-contribute-base-r/ )": a space before
    the closing parenthesis still closes the link, so its URL (and the date in it) is not text."""
    text = ("---\ntitle: \"Champions training\"\ndate: 2023-08-04\n---\n\n"
            "The training covered [How to contribute to base R](/events/2023-05-18-how-to-contribute-base-r/ ) "
            "and other topics for the champions of the programme this year.\n")
    article = clean_text(text, None, markdown=True)
    assert "How to contribute to base R and other topics" in article.text
    assert "/events/" not in article.text and "2023-05-18" not in article.text


def test_quotes_lost_to_question_marks_are_restored() -> None:
    """A dataset row whose curly quotes became "?" ("Harshit?s", "?devastated?"): apostrophes and
    quotes come back, so "Rajiv Gandhi?s" is a name; a clean article's question marks never change."""
    row = ("Call devastated his life: Mom of boy who got 'Google' offer\n\n"
           "Bharti Sharma said on Wednesday the incident had ?devastated? her son?s life. "
           "?Harshit got a phone call. We did not believe it,? said the mother. Where did the letter come "
           "from? Nobody knows. Harshit hasn?t eaten since Tuesday. The government removed former Prime "
           "Minister Rajiv Gandhi?s name from the institute, and Harshit?s family is worried.")
    art = clean_text(row)
    assert "\u201cdevastated\u201d her son\u2019s life" in art.text
    assert "Harshit hasn\u2019t eaten" in art.text and "come from? Nobody" in art.text
    people = {p.name for p in next(iter(extract_articles([art]))).people}
    assert "Rajiv Gandhi" in people
    clean = clean_text("A question\n\nWhere did the letter come from? Nobody knows? she asked. It is Ann's.")
    assert "come from? Nobody knows? she asked" in clean.text


@pytest.mark.parametrize("stamp", ["1743756105", "1743756105000"])
def test_a_cms_exports_headline_and_unix_time_publication_date(stamp: str) -> None:
    body = ("Heads of secondary schools in Greater Kabale District have raised concerns about the new "
            "curriculum, citing inadequate teacher orientation and a lack of materials.\n\n"
            "Pamela Kamwesiga, Director of Studies at Kigezi College Butobere, pointed out the difficulties.\n")
    art = clean_text(f'---\nheadline: "Kabale Schools Struggle with the New Curriculum"\npublication_date: {stamp}\n'
                     f'author: "Obed Kankiriho"\n---\n\n{body}')
    assert (art.title, art.published) == ("Kabale Schools Struggle with the New Curriculum", "2025-04-04")
    assert "headline:" not in art.text and "1743756105" not in art.text


def test_utf8_read_as_windows_1252_is_decoded_again() -> None:
    """A copy whose UTF-8 was read as windows-1252 ("theÂ Patan", "Itâ€™s", "CafÃ©"): the text is
    repaired so names do not carry the debris; a clean article's "Â" or "Ã" stays."""
    damaged = ("Schools reopen in Nepal\n\nAl Jazeera\u2019s Harry Fawcett, reporting from the\u00c2 Patan Higher "
               "Secondary School\u00c2 in Lalitpur, said the building had cracked. It\u00e2\u20ac\u2122s the first "
               "day back, said the head teacher at the school.\u00c2\u00a0\u00c2\u00a0")
    art = clean_text(damaged)
    assert "from the Patan Higher Secondary School in Lalitpur" in art.text and "It\u2019s the first" in art.text
    orgs = {o.name for o in next(iter(extract_articles([art]))).organizations}
    assert "Patan Higher Secondary School" in orgs
    clean = clean_text("A visit\n\nThe class visited \u00c2me in S\u00e3o Paulo and the \u00c3\u00a9cole.")
    assert "\u00c2me" in clean.text and "\u00c3\u00a9cole" in clean.text  # one sequence alone proves nothing


def test_windows_1252_punctuation_read_as_latin_1_is_punctuation_again() -> None:
    """C1 control characters where curly quotes and dashes were ("\\x93UEFA\\x94", "It\\x92s"), and UTF-8 read as
    latin-1 ("\\u00e2\\x80\\x94"): quotes, apostrophes and dashes again."""
    art = clean_text("Clubs object\n\nOrganizers are citing \x93expanded UEFA competitions\x94 as a reason. It\x92s "
                     "final, said Minnesota Attorney General Keith Ellison \u00e2\x80\x94 in Saint Paul.")
    assert "\u201cexpanded UEFA competitions\u201d" in art.text and "It\u2019s final" in art.text
    assert "Ellison \u2014 in Saint Paul" in art.text


@pytest.mark.parametrize("key", ["published_date", "post_date", "date_posted"])
def test_a_front_matters_published_date_field_is_the_publication_date(key: str) -> None:
    """A university department's news export names the day "published_date" (quoted), WordPress
    exports "post_date": the post's day as "date" would be."""
    art = clean_text(f'---\ntitle: Staff meet the Vice Chancellor\n{key}: "2023-01-02"\nupdated_at: 2025-07-21\n---\n\n'
                     "The Vice Chancellor met a group of academics from the Faculty of Engineering to discuss "
                     "international collaborations with universities in India and the United Kingdom.\n")
    assert art.published == "2023-01-02"
