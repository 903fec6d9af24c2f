"""Priority areas: only cue-announced lists, split into the announced number of items."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import assemble, clean_page, clean_text
from pipeline.extract import extract_one
from pipeline.extract.knowledge.casefold_scan import fold
from pipeline.extract.nlp import get_nlp
from pipeline.extract.priority_areas import _cues, _has_cue, theme_of
from pipeline.records import Article, PriorityAreaRow, RawPage

SEED = Path(__file__).resolve().parent / "fixtures" / "seed.txt"  # copy of ../shared/seed/


def areas_of(article: Article) -> list[PriorityAreaRow]:
    return extract_one(get_nlp()(article.text), article).priority_areas


def areas(body: str) -> list[str]:
    return [r.area for r in areas_of(clean_text("Headline about schools\n\n" + body))]


def test_seed_priority_areas_in_order_with_cue_and_themes() -> None:
    rows = areas_of(clean_text(SEED.read_text("utf-8")))
    assert [r.area for r in rows] == ["provision of teaching and learning resources",
                                      "educators ICT competence development", "ICT-enhanced EMIS"]
    assert [r.position for r in rows] == [1, 2, 3]
    assert rows[0].cue == "three priority areas"
    assert rows[1].theme == "4.c"


def test_announced_count_keeps_inner_and() -> None:
    body = ("The council agreed on two key priorities: school meals and transport for rural "
            "pupils, and teacher housing.")
    assert areas(body) == ["school meals and transport for rural pupils", "teacher housing"]


def test_semicolon_list_after_which_are() -> None:
    body = ("The plan sets out four priority areas which are; expanding early childhood "
            "education; training teachers; building classrooms; and improving adult literacy.")
    got = areas(body)
    assert got == ["expanding early childhood education", "training teachers",
                   "building classrooms", "improving adult literacy"]


def test_two_fold_focus() -> None:
    body = ("The focus of the ministry is two-fold - reading in the early grades and "
            "mathematics for girls and boys.")
    assert areas(body) == ["reading in the early grades", "mathematics for girls and boys"]


def test_verb_cue_with_shared_modifier() -> None:
    body = ("The new minister said the government will prioritize equity, funding, and safety "
            "in basic schools.")
    assert areas(body) == ["equity", "funding", "safety"]


def test_near_misses_are_not_priorities() -> None:
    body = ("The goals of the project are: literacy, numeracy and life skills. "
            "Areas of cooperation include staff exchange, joint research and student mobility. "
            "Digital learning is one of the pillars of the reform. "
            "The challenges are funding, staffing and access.")
    assert areas(body) == []


def test_list_items_after_cue_sentence() -> None:
    title = "Ministry sets priorities"
    text, blocks = assemble(title, [
        ("paragraph", "The minister announced the key priorities for the coming year:"),
        ("list_item", "Recruiting 5,000 new teachers"),
        ("list_item", "Connecting every secondary school to the internet"),
        ("list_item", "Scholarships for girls in science"),
        ("paragraph", "The plan will be reviewed next year."),
    ])
    article = clean_text("x\n\ny")
    article.text, article.blocks, article.title = text, blocks, title
    rows = areas_of(article)
    assert [r.area for r in rows] == ["Recruiting 5,000 new teachers",
                                      "Connecting every secondary school to the internet",
                                      "Scholarships for girls in science"]
    assert [r.theme for r in rows] == ["4.c", "4.a", "4.b"]
    assert all(text[r.start_char:r.end_char] == r.area for r in rows)


def test_theme_is_empty_without_keywords() -> None:
    assert theme_of("quality") is None
    assert theme_of("universal access to pre-primary education") == "4.2"


# Varied cue phrasing: each body is one announced list; the expected items in order.
CUE_CASES: list[tuple[str, list[str]]] = [
    ("The ministry will focus on three areas: teacher training, school feeding and digital learning.",
     ["teacher training", "school feeding", "digital learning"]),
    ("The plan's four pillars are access, quality, equity and relevance.",
     ["access", "quality", "equity", "relevance"]),
    ("Key priorities include early childhood education, teacher recruitment and school safety.",
     ["early childhood education", "teacher recruitment", "school safety"]),
    ("The government identified three priority areas: (1) expanding access to secondary school, "
     "(2) improving teacher quality and (3) strengthening school management.",
     ["expanding access to secondary school", "improving teacher quality", "strengthening school management"]),
    ("The board named two priority areas: (a) inclusive classrooms (b) vocational training for young people.",
     ["inclusive classrooms", "vocational training for young people"]),
    ("Its priorities for the coming year are: more qualified teachers; safer classrooms; and free school meals.",
     ["more qualified teachers", "safer classrooms", "free school meals"]),
    ("The minister outlined the ministry's top priorities, namely curriculum reform, teacher welfare and "
     "ICT in schools.",
     ["curriculum reform", "teacher welfare", "ICT in schools"]),
    ("The strategy's priority areas - equity, quality and relevance - will guide spending until 2030.",
     ["equity", "quality", "relevance"]),
    ("The focus is on three areas: literacy, numeracy and digital skills.",
     ["literacy", "numeracy", "digital skills"]),
]


@pytest.mark.parametrize(("body", "expected"), CUE_CASES)
def test_cue_phrasings(body: str, expected: list[str]) -> None:
    assert areas(body) == expected


NEAR_MISSES = [
    "The project has three objectives: improving literacy, raising enrolment and reducing dropout.",
    "The main challenges are overcrowded classrooms, a shortage of teachers and poor sanitation.",
    "Teacher welfare is one of the priorities of the new government.",
    "The goals are simple: every child in school, every child learning.",
    "Education is a top priority for the government, the minister said, and funding will rise.",
    "Among the lessons learned were the need for early warning, community engagement and flexible calendars.",
    "Key areas of cooperation include teacher exchange, joint research and student mobility.",
    "Our priority is clear: getting every child back to school.",
    "The priorities of donors, however, differ from those of the ministry.",
]


@pytest.mark.parametrize("body", NEAR_MISSES)
def test_hard_negatives(body: str) -> None:
    assert areas(body) == []


def _list_article(lead: str, items: list[str]) -> Article:
    title = "Ministry sets out its plan"
    text, blocks = assemble(title, [("paragraph", lead), *[("list_item", i) for i in items],
                                    ("paragraph", "The plan will be reviewed next year.")])
    article = clean_text("x\n\ny")
    article.text, article.blocks, article.title = text, blocks, title
    return article


def test_bulleted_pillars_after_colon() -> None:
    article = _list_article("The strategy rests on four pillars:",
                            ["Access to quality schooling", "Teacher development", "Learning assessment",
                             "School governance"])
    assert [r.area for r in areas_of(article)] == ["Access to quality schooling", "Teacher development",
                                                   "Learning assessment", "School governance"]


def test_numbered_list_items_lose_their_numbers() -> None:
    article = _list_article("Key priorities for the sector include:",
                            ["1. Expanding early learning", "2) Training teachers", "(3) Building classrooms"])
    assert [r.area for r in areas_of(article)] == ["Expanding early learning", "Training teachers",
                                                   "Building classrooms"]


def test_list_items_after_objectives_are_not_priorities() -> None:
    article = _list_article("The programme has the following objectives:",
                            ["Raise enrolment", "Reduce dropout", "Improve learning"])
    assert areas_of(article) == []


def test_cue_test_and_themes_match_their_plain_regexes() -> None:
    """The folded, word-filtered cue test and keyword test give the plain regexes' answers."""
    cues = _cues()
    seed = SEED.read_text("utf-8")
    lines = [*seed.splitlines(), "Our THREE PRIORITY AREAS are: a, b and c.", "We will prioritise x, y, and z.",
             "Teaching and learning will be our focus.", "Focus on two key areas", "the focus is two-fold",
             "\u212aey areas: one, two", "ECD and TVET and ecd, Pre-Primary"]
    text = "\n".join(lines)
    assert fold(text) is not None
    start = 0
    for line in lines:
        end = start + len(line)
        plain = bool(cues.cue.search(line) or cues.verb.search(line) or cues.trailing.search(line))
        assert _has_cue(cues, text, fold(text), start, end) == plain, line
        assert _has_cue(cues, text, None, start, end) == plain, line
        best, best_score = None, 0
        for code, pats, weights, _ in cues.themes:
            score = sum(w for p, w in zip(pats, weights, strict=True) if p.search(line))
            if score > best_score:
                best, best_score = code, score
        assert theme_of(line) == best, line
        start = end + 1


def test_label_and_list_in_separate_sentences() -> None:
    body = ("The ministry has set out its priorities for the year. They are as follows:\n\n"
            "Access to early childhood education, teacher training and support, and school meals.\n\n"
            "The minister thanked the partners.")
    assert areas(body) == ["Access to early childhood education", "teacher training and support", "school meals"]


def test_numbered_paragraphs_after_cue_sentence() -> None:
    article = _list_article("The council agreed on its key priorities:", [])
    text, blocks = assemble(article.title, [
        ("paragraph", "The council agreed on its key priorities:"),
        ("paragraph", "1. Recruiting rural teachers"),
        ("paragraph", "2. Building classrooms for girls and boys"),
        ("paragraph", "The plan will be reviewed next year, the chair said."),
    ])
    article.text, article.blocks = text, blocks
    assert [r.area for r in areas_of(article)] == ["Recruiting rural teachers",
                                                   "Building classrooms for girls and boys"]


def test_html_list_items_reach_the_extractor() -> None:
    para = "<p>The Minister of Education opened the national conference in the capital and spoke about schools.</p>"
    html = ("<html><head><title>Ministry sets out plan</title></head><body><article><h1>Ministry sets out plan</h1>"
            + para + "<p>The ministry has set out its priorities for the coming year:</p><ul><li>Access to early "
            "childhood education</li><li>Teacher training and support</li></ul>" + para + "</article></body></html>")
    article = clean_page(RawPage(html.encode(), "http://example.org/news/plan", "x", "x", "text/html"))
    assert [r.area for r in areas_of(article)] == ["Access to early childhood education",
                                                   "Teacher training and support"]


def test_focus_on_colon_bullets_without_their_conjunction() -> None:
    article = _list_article("He recommended that donors focus on:",
                            ["Health interventions for pupils;", "Nutrition programmes; and", "Community engagement."])
    assert [r.area for r in areas_of(article)] == ["Health interventions for pupils", "Nutrition programmes",
                                                   "Community engagement"]


def test_counted_areas_keep_their_inner_and() -> None:
    body = ("Reforms are needed in at least three areas: boosting early education, improving the lot of "
            "teachers in terms of skills and workload, and raising reading levels by Grade 3.")
    assert areas(body) == ["boosting early education", "improving the lot of teachers in terms of skills and workload",
                           "raising reading levels by Grade 3"]


@pytest.mark.parametrize("body", [
    "The programme works in three areas: Kenya, Uganda and Tanzania.",
    "Employers are urged to prioritize hiring young graduates for technical jobs, which reduces unemployment.",
    "The minister stressed improving infrastructure, prioritising Technical and Vocational Education and "
    "Training (TVET), and implementing new initiatives to enhance teaching.",
])
def test_list_ends_at_a_clause_a_change_of_form_or_places(body: str) -> None:
    assert areas(body) == []
