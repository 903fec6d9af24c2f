"""Organization extractor: one test per recognizer and merging rule (sentences written here)."""

from __future__ import annotations

import pytest

from pipeline.clean import clean_text
from pipeline.extract.base import Context
from pipeline.extract.nlp import get_nlp
from pipeline.extract.organizations import extract
from pipeline.ids import entity_id


def orgs_of(text: str) -> dict[str, list[str]]:
    article = clean_text(text)
    ctx = Context(doc=get_nlp()(article.text), article=article)
    rows = extract(ctx)
    assert [o.name for o in ctx.orgs] == [r.name for r in rows]
    for row in rows:
        assert row.org_id == entity_id(row.name)
        assert article.text[row.start_char:row.end_char]
    return {r.name: (r.aliases or "").split("; ") if r.aliases else [] for r in rows}


BODY = "The meeting was held last week and many people came to it from several places."


def test_head_word_phrase_with_complement_and_country() -> None:
    got = orgs_of(f"Officials of the Ministry of Health and Sanitation of Zambia spoke. {BODY}")
    assert "Ministry of Health and Sanitation of Zambia" in got


def test_acronym_definition_gives_alias_and_later_uses_merge() -> None:
    got = orgs_of(f"The Kivu Teachers Federation (KTF) met. Later the KTF voted. {BODY}")
    assert got["Kivu Teachers Federation"] == ["KTF"]


def test_acronym_letters_span_commas() -> None:
    got = orgs_of(f"She joined the Faculty of Science, Art and Design (FSAD) in May. {BODY}")
    assert "Faculty of Science, Art and Design" in got
    assert got["Faculty of Science, Art and Design"] == ["FSAD"]


def test_gazetteer_gives_canonical_long_form() -> None:
    got = orgs_of(f"UNICEF and the World Bank signed an agreement with JICA. {BODY}")
    assert "United Nations Children's Fund" in got and "UNICEF" in got["United Nations Children's Fund"]
    assert "Japan International Cooperation Agency" in got
    assert "World Bank" in got


def test_concepts_are_not_organizations() -> None:
    got = orgs_of(f"The plan covers ICT, OER and TVET to reach SDG 4 and EMIS reform. {BODY}")
    assert not {"ICT", "OER", "TVET", "EMIS", "SDG"} & set(got)


def test_projects_and_funds_are_not_organizations() -> None:
    got = orgs_of(f"The UNICEF-Acme Group Funds-in-Trust project trained teachers. {BODY}")
    assert not any("Funds" in name or "Acme" in name for name in got)


def test_headquarters_is_an_alias_of_the_parent() -> None:
    got = orgs_of(f"Experts from UNICEF Headquarters joined. UNICEF paid for it. {BODY}")
    name = "United Nations Children's Fund"
    assert "UNICEF Headquarters" in got[name]
    assert len([n for n in got if "Headquarters" in n]) == 0


def test_coordinated_units_inherit_the_parent_prefix() -> None:
    got = orgs_of(f"It was organized by UNICEF Headquarters, Nairobi Regional Office and "
                  f"Lusaka Field Office. {BODY}")
    assert "UNICEF Nairobi Regional Office" in got
    assert "UNICEF Lusaka Field Office" in got


def test_person_with_honorific_is_not_an_organization() -> None:
    got = orgs_of(f"In closing, Ms Tamara Okonkwo thanked the guests of the Lagos Book Club. {BODY}")
    assert not any("Okonkwo" in name for name in got)


def test_single_token_place_is_not_an_organization() -> None:
    got = orgs_of(f"The workshop in Nairobi was organized by Nairobi and the Kenya Red Cross "
                  f"Society. {BODY}")
    assert "Nairobi" not in got


def test_spelling_variants_merge() -> None:
    got = orgs_of(f"The National Examinations Centre met. Later the National Examinations Center "
                  f"agreed. {BODY}")
    assert len([n for n in got if n.startswith("National Examinations")]) == 1


def test_coordination_is_split() -> None:
    got = orgs_of(f"Staff of the University of Ghana, the Ghana Education Service and the "
                  f"Teachers Council of Ghana attended. {BODY}")
    assert "University of Ghana" in got
    assert "Ghana Education Service" in got


@pytest.mark.parametrize("text", ["", "No organizations at all in this short line of words."])
def test_no_organizations(text: str) -> None:
    assert orgs_of(text + " " + BODY) == {}
