"""Priority areas: only cue-announced lists, split into the announced number of items."""

from __future__ import annotations

from pathlib import Path

from pipeline.clean import assemble, clean_text
from pipeline.extract import extract_one
from pipeline.extract.nlp import get_nlp
from pipeline.extract.priority_areas import theme_of
from pipeline.records import Article, PriorityAreaRow

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
