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
    found = extract(ctx)
    rows = found.rows
    assert [o.name for o in found.entities] == [r.name for r in rows]
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


def test_name_cut_by_glued_markup_is_not_an_organization() -> None:
    got = orgs_of("Press release: [University Of The Western Cape](https://example.org/uwc) "
                  f"\n\nThe University of the Western Cape opened a lab. {BODY}")
    assert "University Of The Western" not in got and "University of the Western" not in got


def test_forum_is_an_event_unless_known() -> None:
    got = orgs_of(f"The Youth Leadership Forum opened in Nairobi with the Teacher Training Conference. {BODY}")
    assert not any("Forum" in name or "Conference" in name for name in got)


def test_plural_possessive_inside_a_name() -> None:
    got = orgs_of(f"Members of the Malawi Women\u2019s Rights Network marched. {BODY}")
    assert "Malawi Women's Rights Network" in got  # the name with a straight apostrophe
    assert "Rights Network" not in got


def test_discipline_unit_takes_its_parent_and_alone_is_a_unit_of_its_own() -> None:
    """A university's news names its units without the university ("the Department of
    Mathematics"); the real pages' gold annotates them as organizations."""
    got = orgs_of("Dr Jane Okoro, a lecturer in the Department of Physics at the University of Ibadan, "
                  f"spoke. Pupils from the Department of Chemistry built a kit. {BODY}")
    assert "Department of Physics, University of Ibadan" in got
    assert "Department of Physics" in got["Department of Physics, University of Ibadan"]
    assert "Department of Chemistry" in got


def test_government_of_the_federation_is_not_an_organization() -> None:
    got = orgs_of(f"He is an aide to the Secretary to the Government of the Federation. {BODY}")
    assert not any("Government" in name for name in got)


def test_known_organization_and_country_is_a_country_office() -> None:
    got = orgs_of(f"UNICEF Malawi and Samsung Kenya signed a deal with Samsung. {BODY}")
    assert "UNICEF Malawi" in got and "Samsung Kenya" in got and "Samsung" in got


def test_unit_with_and_without_the_parent_acronym_is_one_body() -> None:
    got = orgs_of("The UNICEF Malawi Innovation Lab trains girls. The Malawi Innovation Lab also "
                  f"builds kits. {BODY}")
    assert got["UNICEF Malawi Innovation Lab"] == ["Malawi Innovation Lab"]


def test_company_name_used_for_its_product_is_not_a_mention() -> None:
    got = orgs_of(f"Pupils used Zoom and Google classes at home. {BODY}")
    assert "Google" not in got
    assert "Google" in orgs_of(f"Google signed an agreement with the school board. {BODY}")


def test_government_word_orders_are_one_organization() -> None:
    got = orgs_of("The New Zealand Government will fund the plan. The Government of New Zealand "
                  "said the money would go to schools.")
    assert "Government of New Zealand" in got and "New Zealand Government" in got["Government of New Zealand"]


def test_short_department_form_merges_with_the_long_form() -> None:
    got = orgs_of("The U.S. Department of Labor said Monday it would fund apprenticeships. The Labor "
                  "Department will publish the rules.")
    assert got == {"U.S. Department of Labor": ["Labor Department"]} or "Labor Department" in got.get(
        "U.S. Department of Labor", [])


def test_places_are_not_organizations() -> None:
    got = orgs_of("Schools in the West Bank and KwaZulu-Natal reopened, UNICEF said.")
    assert "West Bank" not in got and "KwaZulu-Natal" not in got


def test_name_ends_before_and_a_country() -> None:
    got = orgs_of("According to the Ministry of Health and Chile's National Institute of Statistics (INE), "
                  "cases fell.")
    assert "Ministry of Health" in got and "Ministry of Health and Chile" not in got


def test_field_of_a_title_is_not_an_organization() -> None:
    found = orgs_of("Moi University's Deputy Vice-Chancellor for Student Affairs, Prof. Jane Kamau, and the "
                    "Secretary of Basic Education, Peter Otieno, opened the new library on Monday.")
    assert "Student Affairs" not in found
    assert "Basic Education" not in found


def test_generic_unit_alone_is_not_an_organization() -> None:
    found = orgs_of("The Kenya Examinations Council's Head of National Office, Mrs Esi Quansah, said the "
                    "results were out.")
    assert "National Office" not in found


def test_members_possessive_opens_a_union_name() -> None:
    got = orgs_of("The Zambia Nurses' Union said on Friday that the wards had no staff at night.")
    assert "Zambia Nurses' Union" in got


def test_singular_member_word_opens_a_commission_name() -> None:
    got = orgs_of("Applicants will sit an exam set by the Teacher Service Commission next year.")
    assert "Teacher Service Commission" in got


def test_coordinated_portfolios_stay_in_a_ministry_name() -> None:
    got = orgs_of("The Ministry of Youth, Sport and Culture will fund the new halls in each district.")
    assert "Ministry of Youth, Sport and Culture" in got
    got = orgs_of("The Ministry of Health, UNICEF and WFP will fund the new clinics in each district.")
    assert "Ministry of Health" in got and "World Food Programme" in got


def test_text_long_form_of_a_known_acronym_keeps_its_own_name() -> None:
    # TSC is also a gazetteer acronym (another country's "Teachers Service Commission")
    got = orgs_of("The Teaching Service Commission (TSC) will hire 900 teachers. The TSC said so on "
                  f"Monday. {BODY}")
    assert got.get("Teaching Service Commission") == ["TSC"]
    assert "Teachers Service Commission" not in got
    got = orgs_of(f"The Teachers Service Commission (TSC) will hire 900 teachers. {BODY}")
    assert got.get("Teachers Service Commission") == ["TSC"]


def test_consistent_long_form_may_be_shorter_or_spelled_otherwise() -> None:
    from pipeline.extract.organizations.recognizers import consistent_long_form

    assert consistent_long_form("Teachers' Service Commission", "Teachers Service Commission")
    assert consistent_long_form("Children's Fund", "United Nations Children's Fund")
    assert consistent_long_form("United Nations Development Program", "United Nations Development Programme")
    assert not consistent_long_form("Teaching Service Commission", "Teachers Service Commission")


def test_curly_apostrophes_are_straight_in_names_and_aliases() -> None:
    got = orgs_of("Leaders of the Lakeside Teachers\u2019 Association (LTA) met. The Lakeside Teachers\u2019 "
                  f"Association will vote. {BODY}")
    assert "Lakeside Teachers' Association" in got
    assert not any("\u2019" in n or any("\u2019" in a for a in al) for n, al in got.items())


def test_name_without_its_institution_head_is_an_alias() -> None:
    got = orgs_of("At Brookfield Primary School, the principal said pupils had lost weeks. A parent whose "
                  f"son attends Brookfield Primary said the roof leaked. {BODY}")
    assert got == {"Brookfield Primary School": ["Brookfield Primary"]}


def test_contact_block_labels_are_not_part_of_a_name() -> None:
    got = orgs_of(f"{BODY} For more information, please contact: Jane Doe, Press Officer, Ministry of "
                  "Education Email: info@example.org Tel: +250 788 000 000")
    assert "Ministry of Education" in got
    assert not any("Email" in name or "Tel" in name for name in got)


@pytest.mark.parametrize("name", ["Darkhan School No. 2", "Darkhan School No 14", "Darkhan School Number 3"])
def test_school_names_keep_their_number(name: str) -> None:
    got = orgs_of(f"The dormitory manager at {name} said 180 children live there. {BODY}")
    assert name in got


@pytest.mark.parametrize("name", ["Christ the King College", "Our Lady of the Rosary School",
                                  "St Joseph the Worker School"])
def test_names_with_an_inner_the(name: str) -> None:
    got = orgs_of(f"Ama Mensah, who teaches chemistry at {name}, said so. {BODY}")
    assert name in got


@pytest.mark.parametrize("text", ["On Friday the National Council met.",
                                  "Separately the University of Ghana opened a lab.",
                                  "He told Reuters the National Council would act.",
                                  "The Director-General of the Lakeside Education Service spoke."])
def test_inner_the_does_not_join_a_date_adverb_or_another_body(text: str) -> None:
    got = orgs_of(f"{text} {BODY}")
    assert not any(" the " in name for name in got)


def test_sentence_opening_preposition_is_not_part_of_a_name() -> None:
    got = orgs_of(f"{BODY} At Brookfield Primary School, the principal said pupils had lost weeks.")
    assert "Brookfield Primary School" in got and "At Brookfield Primary School" not in got


def test_person_names_tagged_org_are_not_organizations() -> None:
    # a person named with an age and "who", then by surname; a surname of a PERSON entity
    got = orgs_of("Kofi Boateng-Mensah, the Minister of Education, opened the school. \"We are proud,\" "
                  "Boateng-Mensah said. For Abena Sarpong, 18, who passed all her exams, the results "
                  "opened a door. \"I will be a nurse,\" said Sarpong, who has applied to a college. "
                  f"{BODY}")
    assert not any("Sarpong" in name or "Boateng" in name for name in got)


def test_person_after_a_job_title_is_not_an_organization() -> None:
    got = orgs_of("The Foundation for Open Learning (FOL) will train 600 teachers. Its representative in "
                  "Peru, Marta Quispe, said the work would start in May. Party education spokesperson "
                  f"Rhona Blackwood said so. {BODY}")
    assert not any("Quispe" in name or "Blackwood" in name for name in got)
    # a body after a title of the person named before it stays a body
    got = orgs_of("Mr Kwame Ofori (Executive Director, Lakeside Education Watch) said the placement was "
                  f"late. Lakeside Education Watch wrote to the minister. {BODY}")
    assert "Lakeside Education Watch" in got


def test_later_portfolio_of_a_title_is_not_an_organization() -> None:
    got = orgs_of("The Ministry of Education and Science (MES) acted. The Minister of Education and Science, "
                  f"Dorj Bat, said the ministry would help. Science teachers met. {BODY}")
    assert "Science" not in got
    assert "Ministry of Education and Science" in got


def test_single_common_words_and_lower_case_endings_are_not_organizations() -> None:
    got = orgs_of(f"{BODY} Social mobilizer Chenda Sok travels by boat. Media contact\n\nJane Doe | Senior "
                  "Media Adviser")
    assert "Social mobilizer" not in got and "Social" not in got and "Media" not in got


def test_item_of_a_list_of_places_is_not_an_organization() -> None:
    got = orgs_of("Most of the dormitories are in Zavkhan, Govi-Altai, Uvs, Khuvsgul and Bayankhongor "
                  f"provinces. {BODY}")
    assert got == {}


def test_funds_are_not_organizations_unless_known_or_defined() -> None:
    got = orgs_of("The research was funded by the Kauri Research Fund, administered by the Royal Society "
                  f"of Tonga. UNICEF and the Tertiary Education Trust Fund paid too. {BODY}")
    assert "Kauri Research Fund" not in got
    assert "United Nations Children's Fund" in got and "Tertiary Education Trust Fund" in got
    got = orgs_of(f"The Education Equity Fund (EEF) gave grants. The EEF will give more. {BODY}")
    assert got.get("Education Equity Fund") == ["EEF"]


def test_exam_profile_is_not_an_organization() -> None:
    got = orgs_of(f"The Primary Exit Profile results in June will tell us more. {BODY}")
    assert got == {}


def test_acronym_written_as_a_word() -> None:
    got = orgs_of("The Convention of Highland Local Authorities (Cohla) said the threat was unhelpful. "
                  f"Cohla's spokesperson agreed. {BODY}")
    assert got == {"Convention of Highland Local Authorities": ["Cohla"]}


def test_party_with_its_nation_adjective() -> None:
    from spacy.tokens import Span

    article = clean_text(f"Scottish Labour education spokesperson Rhona Blackwood accused ministers. {BODY}")
    doc = get_nlp()(article.text)
    doc.ents = [Span(doc, 0, 1, "NORP"), Span(doc, 1, 2, "ORG"), Span(doc, 4, 6, "PERSON")]  # as spaCy tags it
    rows = extract(Context(doc=doc, article=article)).rows
    assert [r.name for r in rows] == ["Scottish Labour"]


def test_saint_possessive_opens_a_school_name() -> None:
    got = orgs_of(f"Lorna Grant, depute head at St John's RC Academy, agreed. {BODY}")
    assert "St John's RC Academy" in got and "RC Academy" not in got


def test_complement_stops_before_a_title_and_a_person() -> None:
    got = orgs_of("Also present were Examinations Council of Malawi Director Dr. Esther Banda and Mzuzu "
                  f"University Vice-Chancellor Prof. Harrison Daka. {BODY}")
    assert "Examinations Council of Malawi" in got and "Mzuzu University" in got
    assert not any("Banda" in name or "Daka" in name for name in got)


def test_complement_stops_before_in_and_a_known_town() -> None:
    got = orgs_of(f"Speaking at the Department of Examinations in Battaramulla, he said so. {BODY}")
    assert "Department of Examinations" in got


def test_leading_lower_case_possessive_is_not_part_of_a_name() -> None:
    from spacy.tokens import Span

    article = clean_text(f"Rasha Saad, head of the ministry's Technical Education Development Unit, "
                         f"spoke. {BODY}")
    doc = get_nlp()(article.text)
    unit = [t.i for t in doc if t.text == "Unit"][0]
    doc.ents = [Span(doc, 5, unit + 1, "ORG")]  # "the ministry's ... Unit", as spaCy tags it
    rows = extract(Context(doc=doc, article=article)).rows
    assert [r.name for r in rows] == ["Technical Education Development Unit"]


def test_headline_in_capitals_is_not_an_organization() -> None:
    got = orgs_of(f"MINISTRY OF EDUCATION LAUNCHES NEW EDUCATION SECTOR PLAN\n\n{BODY} The Ministry of "
                  "Education said so.")
    assert not any("LAUNCHES" in name for name in got)


def test_confederation_takes_its_country() -> None:
    got = orgs_of("The Confederation of Indigenous Nationalities of Ecuador (CONAIE) has demanded it. "
                  f"CONAIE agreed. {BODY}")
    assert got == {"Confederation of Indigenous Nationalities of Ecuador": ["CONAIE"]}


def test_name_said_to_be_a_body_is_an_organization() -> None:
    got = orgs_of("The plan is supported by Vandel, the Dutch development agency, and by the charity Snap "
                  f"Kernow, which advises families. Ms Sofie Claes, Vandel's representative, agreed. {BODY}")
    assert "Vandel" in got and "Snap Kernow" in got
    got = orgs_of(f"Nairobi, the capital, and Amina Yusuf, a teacher, and Kisumu, a city, were named. {BODY}")
    assert got == {}


def test_headline_capitals_are_not_the_canonical_name() -> None:
    names = orgs_of("MINISTRY OF EDUCATION LAUNCHES PLAN\n\nThe Ministry of Education launched a plan "
                    "for schools on Monday. The Ministry of Education said it would hire teachers.")
    assert "Ministry of Education" in names and not any(n.isupper() and " " in n for n in names)


# --- issue 15: type checks after NER, span repair, lower-case governments ---------------


def test_name_in_a_list_of_people_is_not_an_organization() -> None:
    got = orgs_of("Her students, Patti Hunter, Della Dumbaugh, Sloan Despeaux and Deborah Kent, "
                  f"wrote theses at Indiana University. {BODY}")
    assert "Della Dumbaugh" not in got and "Indiana University" in got


def test_surname_of_a_person_named_elsewhere_is_not_an_organization() -> None:
    got = orgs_of("Vice President Sara Duterte spoke on Monday. Critics said VP Duterte ignored "
                  f"the Commission on Audit. {BODY}")
    assert not any("Duterte" in name for name in got)
    assert "Commission on Audit" in got


def test_byline_and_quoted_names_are_not_organizations() -> None:
    got = orgs_of("By Alina Karki\n\nThe book \u201cIsang Kaibigan\u201d was given to pupils of "
                  f"Shree Buddha Secondary School. {BODY}")
    assert "Alina Karki" not in got and "Isang Kaibigan" not in got
    assert "Shree Buddha Secondary School" in got


def test_plural_ending_and_headline_are_not_organizations() -> None:
    got = orgs_of("Liberia Launches Mobile Tax Payments\n\nThe McNair Scholars met the Liberia "
                  f"Revenue Authority in May. {BODY}")
    assert "McNair Scholars" not in got
    assert not any("Launches" in name for name in got)
    assert "Liberia Revenue Authority" in got


def test_companies_named_alike_in_a_list_stay_organizations() -> None:
    got = orgs_of("The tax office chose two firms, Orange Telecom and Lonestar Telecom, to run "
                  f"the payments. {BODY}")
    assert {"Orange Telecom", "Lonestar Telecom"} <= set(got)


def test_ampersand_inside_a_name_and_honorific_word_at_its_end() -> None:
    got = orgs_of("He won an award from the Ministry of Science & Technology and taught at the "
                  f"University of Notre Dame, Indiana. {BODY}")
    assert "Ministry of Science & Technology" in got
    assert "University of Notre Dame" in got


def test_complement_stops_before_a_person_an_acronym_and_an_adjective() -> None:
    got = orgs_of("The grant was written by Dr. William Head of the Division of Science and "
                  "Environmental Policy and Dr. Renee Curry. Staff thanked the Parliament of Uganda "
                  "and IASSIST Africa Chapter. It is a partnership with the Government of Rwanda and "
                  f"African tech training provider ALX. {BODY}")
    assert "Division of Science and Environmental Policy" in got
    assert {"Parliament of Uganda", "IASSIST Africa Chapter"} <= set(got)
    assert "Government of Rwanda" in got
    assert not any(name.endswith((" and", "African")) for name in got)


def test_programme_word_after_a_complement_is_not_part_of_a_name() -> None:
    got = orgs_of("She held a Jawaharlal Nehru Centre for Advanced Scientific Research Fellowship "
                  f"in 2012. {BODY}")
    assert not any("Fellowship" in name for name in got)


def test_national_body_keeps_its_country() -> None:
    got = orgs_of(f"The workshop was held at the National Library of Uganda in Kampala. {BODY}")
    assert "National Library of Uganda" in got


def test_person_before_of_is_not_part_of_the_body() -> None:
    got = orgs_of("Guests included Graham Fletcher of the Embassy of Australia, Gene Sperling of "
                  f"the National Economic Council and others. {BODY}")
    assert "National Economic Council" in got
    assert not any("Sperling" in name for name in got)


def test_linked_name_in_markdown_is_found() -> None:
    got = orgs_of("The German development agency [GIZ](https://www.giz.de/en/) has committed "
                  f"funds. {BODY}")
    assert "Deutsche Gesellschaft für Internationale Zusammenarbeit" in got


def test_lower_case_governments_get_their_canonical_names() -> None:
    got = orgs_of("The Scottish government and the UK government disagreed. Kenya's government "
                  f"was not asked. {BODY}")
    assert {"Scottish Government", "Government of the United Kingdom", "Government of Kenya"} <= set(got)


def test_a_leaders_administration_is_a_body() -> None:
    """"the Biden administration": the surname of a person the text names, then "administration";
    a name of its own ("Food and Drug Administration") and "the school administration" are not one."""
    got = orgs_of("The Biden administration asked the court to act. Critics of the Shapiro administration, "
                  "which Gov. Josh Shapiro leads, disagreed; the school administration and the Food and Drug "
                  f"Administration did not. {BODY}")
    assert {"Biden administration", "Shapiro administration"} <= set(got)
    assert not {"school administration", "Drug Administration"} & set(got)


def test_org_and_country_opening_a_project_name_is_no_office() -> None:
    got = orgs_of("The job fair was supported by the USAID Jordan Workforce Development Project "
                  f"in Amman. {BODY}")
    assert "USAID Jordan" not in got


def test_opening_preposition_is_not_part_of_a_name() -> None:
    got = orgs_of("Links: example.html About Sugar Labs: Sugar Labs is a volunteer-driven member "
                  f"project. {BODY}")
    assert "About Sugar Labs" not in got and "Sugar Labs" in got


def test_acronym_or_name_the_text_calls_a_kind_of_body() -> None:
    got = orgs_of("Teachers backed the pay claim of the EIS union. Rwanda signed a deal with African "
                  f"tech training provider ALX on Monday. {BODY}")
    assert {"EIS", "ALX"} <= set(got)
    got = orgs_of(f"The plan covers the ICT sector and the STEM union of ideas. {BODY}")
    assert not {"ICT", "STEM"} & set(got)


def test_head_initial_names_in_spanish_and_portuguese() -> None:
    got = orgs_of("Winners came from the Universidad del Trabajo del Uruguay and the Pontificia "
                  "Universidad Javeriana. They met at Centro Ático and the Universidade Federal do "
                  f"Rio Grande do Sul. {BODY}")
    assert {"Universidad del Trabajo del Uruguay", "Pontificia Universidad Javeriana",
            "Centro Ático"} <= set(got)
    assert any(name.startswith("Universidade Federal do Rio Grande") for name in got)


def test_reference_style_markdown_link_keeps_the_name_whole() -> None:
    got = orgs_of(f"The event was hosted with the [Pontificia Universidad Javeriana][1] in Bogota. {BODY}")
    assert "Pontificia Universidad Javeriana" in got


def test_portfolio_of_a_title_with_its_own_of_state_is_not_a_body() -> None:
    got = orgs_of("The summit was opened by Minister of State for Primary Education Rosemary Seninde "
                  f"and Minister for Education and Sports Janet Museveni. {BODY}")
    assert not any("Seninde" in name or name == "Primary Education" for name in got)


def test_one_word_name_beside_a_person_named_elsewhere_is_a_person() -> None:
    got = orgs_of("Danson Mwangi teaches in Dalu. For foreigners like Adetta and Thomas the trip was "
                  f"long. Danson and Adetta met the elders of Dalu Primary School. {BODY}")
    assert "Adetta" not in got


def test_name_cut_short_of_another_name_is_its_alias() -> None:
    got = orgs_of("The workshop was hosted by the East African School of Library and Information "
                  "Science at Makerere University. It was facilitated by Prof. Constant Okello, East "
                  "African School of Library and Information, and staff of the Makerere University "
                  f"Library. {BODY}")
    assert "East African School of Library and Information Science" in got
    assert "East African School of Library and Information" not in got
    assert {"Makerere University", "Makerere University Library"} <= set(got)


def test_plural_tagged_as_proper_noun_is_not_a_body_but_media_and_company_words_are() -> None:
    got = orgs_of("The department welcomes Whyburn Instructors Prasit Bhattacharya and Liron Speyer. "
                  "The firm Smith Associates reported the numbers of Long Term English Learners. "
                  f"{BODY}")
    assert "Whyburn Instructors" not in got and "Long Term English Learners" not in got
    assert "Smith Associates" in got


# ---- issue 15: type checks and span repair that generalize to real pages ----------------


def test_undefined_acronym_acting_as_a_body_is_an_organization() -> None:
    got = orgs_of(f"KLMX is supporting the reading programme in three districts. {BODY}")
    assert "KLMX" in got
    got = orgs_of(f"KLMX's country director Jane Okello opened the school. {BODY}")
    assert "KLMX" in got


def test_undefined_acronym_that_titles_a_person_is_not_a_body() -> None:
    got = orgs_of(f"VP Sarah Duterte spoke. Later VP Duterte left. The book was written by the VP. {BODY}")
    assert "VP" not in got


def test_undefined_acronym_without_a_body_role_stays_out() -> None:
    got = orgs_of(f"Pupils sat the QRTX in June and most of them passed it well. {BODY}")
    assert "QRTX" not in got


def test_undefined_acronym_listed_between_bodies_is_a_body() -> None:
    got = orgs_of(f"Partners include the Law Development Centre, YWXA, Kampala City Council "
                  f"Authority and others. {BODY}")
    assert "YWXA" in got


def test_run_hanging_on_head_of_extends_over_it() -> None:
    got = orgs_of(f"She trained at the University of Ghana Medical School last year. {BODY}")
    assert "University of Ghana Medical School" in got
    assert "Ghana Medical School" not in got


def test_title_of_is_not_a_parent_head() -> None:
    got = orgs_of(f"The Minister of Kenya Teachers Service Commission affairs spoke. {BODY}")
    assert not any(name.startswith("Minister") for name in got)


def test_romance_connectors_inside_a_complement() -> None:
    got = orgs_of(f"He visited the Federal University of Rio Grande do Sul in Brazil. {BODY}")
    assert "Federal University of Rio Grande do Sul" in got


def test_abbreviated_company_head_keeps_its_period_mid_sentence() -> None:
    got = orgs_of(f"The CEO of Tamarind Learning Inc., Maria Lopez, spoke. {BODY}")
    assert "Tamarind Learning Inc." in got
    got = orgs_of(f"The grant went to Tamarind Learning Inc and the city council agreed. {BODY}")
    assert "Tamarind Learning Inc" in got


def test_spelling_variants_of_and_for_are_one_row() -> None:
    got = orgs_of(f"The Eastern Bank of Commerce lent money. The Eastern Bank for Commerce said so. {BODY}")
    rows = [n for n in got if n.startswith("Eastern Bank")]
    assert rows == ["Eastern Bank of Commerce"] and got[rows[0]] == ["Eastern Bank for Commerce"]


def test_country_unit_absorbs_its_country_less_form() -> None:
    got = orgs_of(f"USAID Kenya Mission Director Tom Lee spoke. The USAID Mission paid for it. {BODY}")
    assert "USAID Kenya Mission" in got and "USAID Mission" in got["USAID Kenya Mission"]
    assert "USAID Mission" not in got


def test_university_with_its_campus_after_at() -> None:
    got = orgs_of(f"The prize is run by the University of California at Berkeley each year. {BODY}")
    assert "University of California at Berkeley" in got


def test_us_state_university_with_its_campus_after_a_comma() -> None:
    """"University of California, Berkeley" is one name; a city after another university's comma
    says where it is ("University of Queensland, Brisbane"), and a name going on is no campus."""
    got = orgs_of(f"She is an undergraduate at the University of California, Berkeley, and studies physics. {BODY}")
    assert "University of California, Berkeley" in got
    got = orgs_of(f"He studied at the University of Queensland, Brisbane, and taught at the University of "
                  f"Minnesota, Austin Community College and Yale University. {BODY}")
    assert "University of Queensland" in got and "University of Queensland, Brisbane" not in got
    assert not any(name.startswith("University of Minnesota,") for name in got)


def test_unit_named_after_a_known_parent_long_form() -> None:
    got = orgs_of(f"Data from the United Nations Educational, Scientific and Cultural Organization "
                  f"Institute for Statistics show a gap. {BODY}")
    assert "United Nations Educational, Scientific and Cultural Organization Institute for Statistics" in got


def test_capital_the_in_mid_sentence_is_part_of_the_name() -> None:
    got = orgs_of(f"The school is an initiative of The Kadisha Network, a local group. {BODY}")
    assert "The Kadisha Network" in got and got["The Kadisha Network"] == ["Kadisha Network"]
    got = orgs_of(f"It appeared in Transactions of The Kadisha Network Society last May. {BODY}")
    assert not any(name.startswith("The ") for name in got)


def test_unit_after_its_parent_acronym_has_its_own_name_as_alias() -> None:
    got = orgs_of(f"NMSU's new dean spoke. The NMSU College of Education opened a lab. {BODY}")
    assert "College of Education" in got.get("NMSU College of Education", [])


def test_generic_international_office_is_no_body_by_itself() -> None:
    got = orgs_of(f"Li Wei, Director of the International Office at Lakeside University, came. {BODY}")
    assert "International Office" not in got


def test_headless_name_the_text_calls_a_common_noun_is_not_a_body() -> None:
    got = orgs_of(f"Code Club, a volunteer group, started a Solar Skills Training for girls in Mombasa. "
                  f"The training lasts a week. {BODY}")
    assert not any("Training" in name for name in got)


def test_trademark_sign_marks_a_product() -> None:
    got = orgs_of(f"The club competes with Brixo\u00ae Robotix\u00ae every year. {BODY}")
    assert not any("\u00ae" in name for name in got)


def test_brand_word_with_inner_capital_acting_as_a_body() -> None:
    got = orgs_of(f"To help the ministry, BrightPath is partnering with the Examinations Council of Zambia. {BODY}")
    assert "BrightPath" in got
    got = orgs_of(f"Dr McGregor said the school would open. DeVos spoke later. {BODY}")
    assert not {"McGregor", "DeVos"} & set(got)


def test_party_named_by_its_members_plural_after_an_adjective() -> None:
    got = orgs_of(f"Welsh Conservatives called on the minister to act. Conservatives said more. {BODY}")
    assert "Welsh Conservatives" in got
    assert "Conservatives" not in got


def test_known_body_followed_by_a_nation_is_its_national_unit() -> None:
    got = orgs_of(f"The figures were given to BBC Scotland on Monday by the council. {BODY}")
    assert "BBC Scotland" in got


def test_one_word_whose_other_uses_are_inside_a_name_is_not_a_body() -> None:
    got = orgs_of(f"Tamale Technical University opened a lab. The plan puts Technical and Vocational "
                  f"Education first. {BODY}")
    assert "Tamale Technical University" in got and "Technical" not in got


def test_bare_senate_and_houses_of_a_legislature_are_bodies() -> None:
    got = orgs_of(f"The House of Representatives passed the bill and the Senate approved it. {BODY}")
    assert {"House of Representatives", "Senate"} <= set(got)


def test_name_a_kind_noun_introduces_keeps_its_for_complement() -> None:
    got = orgs_of(f"Today the nonprofit Code for Malawi announced a conference. Code for Malawi "
                  f"works in villages. {BODY}")
    assert "Code for Malawi" in got and "Code" not in got


def test_media_name_keeps_its_word_when_the_text_says_the_news() -> None:
    got = orgs_of(f"Reporters from Sky News arrived at noon. The news spread fast. {BODY}")
    assert "Sky News" in got


def test_company_suffix_after_an_abbreviation_stays_in_the_name() -> None:
    got = orgs_of(f"Lecturers include Amit Rai, CEO of Kanchan Softworks Pvt. Ltd; and others. {BODY}")
    assert "Kanchan Softworks Pvt. Ltd" in got


def test_fields_and_things_in_everyday_words_are_not_organizations() -> None:
    """spaCy tags "Social Media" and "Mechanical Engineering" ORG; everyday words with no head word and
    no "the" make no body, while "the Federal Reserve" keeps its article and stays."""
    got = orgs_of("Students learned Mechanical Engineering and Social Media skills at the centre. "
                  "Rates set by the Federal Reserve rose again in March, and the Ministry of Education said so.")
    assert "Mechanical Engineering" not in got and "Social Media" not in got
    assert "Federal Reserve" in got and "Ministry of Education" in got


def test_an_undefined_acronym_spelled_by_a_name_of_the_article_is_that_body() -> None:
    found = orgs_of("The Higher Education Commission released funds. Chairman HEC Dr Mukhtar Ahmed said "
                    "the HEC will pay universities by June. The WHO and the UN were not involved.")
    assert "HEC" in found["Higher Education Commission"]
    assert "HEC" not in found


def test_an_org_span_loses_the_post_before_it_and_the_honorific_after_it() -> None:
    found = orgs_of("The exams start in May. Principal of Government College Lahore Prof Dr Asghar Zaidi spoke "
                    "to the students.")
    assert "Government College Lahore" in found
    assert not any("Principal" in name or "Prof" in name for name in found)



def test_a_title_word_before_the_head_opens_a_name_after_an_inner_the() -> None:
    """"worker" is a post ("social worker"), and still a word of "St Joseph the Worker School"."""
    found = orgs_of("Ama Mensah, a social worker at St Joseph the Worker School, said so. The term ends soon.")
    assert "St Joseph the Worker School" in found


def test_an_ap_course_is_not_the_associated_press() -> None:
    """US school news: "AP Euro", "AP and Honors Chemistry" are course levels; "the AP reported" is the agency."""
    got = orgs_of("Mr. Zanfagna has taught AP Euro for years. Ms. van Hoff will lead AP and Honors Chemistry, "
                  "and students sat the AP Spanish Exam held by the College Board.")
    assert "Associated Press" not in got and "College Board" in got
    assert "Associated Press" in orgs_of("The AP reported that AP Calculus scores fell across the state.")


def test_a_given_name_and_surname_spacy_tagged_org_is_no_organization() -> None:
    """"Taryn Whiteaker" (spaCy: ORG) is a person; "Grace Church" (an everyday word) may still be a body."""
    got = orgs_of("Speakers included Eli Finegood, Taryn Whiteaker and the Renton Technical College Foundation.")
    assert not {"Eli Finegood", "Taryn Whiteaker"} & set(got)


@pytest.mark.parametrize(("text", "org"), [
    ("June 4, 2024 10:30 A.M. Ministry of Education TORONTO — Today, the province is investing in schools.",
     "Ministry of Education"),
    ("January 22, 2020 12:00 P.M. Ministry of Colleges and Universities TORONTO — Today, the minister spoke.",
     "Ministry of Colleges and Universities"),
])
def test_a_release_header_leaves_the_body_alone(text: str, org: str) -> None:
    """A release's time ("P.M.") and dateline in capitals ("TORONTO") around the issuing body are no part of it."""
    got = orgs_of(text)
    assert org in got
    assert not any("TORONTO" in name or "M." in name for name in got)


def test_news_outlets_are_known_organizations() -> None:
    """Outlets rarely carry an organization head word; the known list names them (and CNN as CNN)."""
    got = orgs_of("At a town hall the president spoke, Politico reported. He said on Citi FM's "
                  "Eyewitness News that the Philippine Daily Inquirer had it wrong.")
    assert {"Politico", "Citi FM", "Philippine Daily Inquirer"} <= set(got)
    assert "Citi FM's Eyewitness News" not in got


def test_legislatures_known_by_their_own_names() -> None:
    """"Lok Sabha", "Senedd", "White House" carry no organization head word; spaCy calls some of
    them people ("Lok Sabha" was a person on a real page)."""
    got = orgs_of("The bill passed the Lok Sabha on Monday and goes to the Rajya Sabha; the White House and "
                  f"the Senedd welcomed it. {BODY}")
    assert {"Lok Sabha", "Rajya Sabha", "White House", "Senedd"} <= set(got)


def test_software_and_platforms_are_no_organizations_people_or_places() -> None:
    """The guidelines' platforms and apps: "Slack", "Python" are no bodies, "Raspberry Pi" no person,
    "in Python" no town; the companies behind them stay organizations."""
    from test_people import people_of
    from test_places import places

    text = "Students learned Python on Raspberry Pi computers, chatting on Slack with Microsoft and Google staff."
    got = orgs_of(f"{text} {BODY}")
    assert not {"Python", "Slack"} & set(got) and {"Microsoft", "Google"} <= set(got)
    assert "Raspberry Pi" not in people_of(text)
    assert "Python" not in places("We teach lessons in Python and OpenRefine in Nairobi.")


def test_a_named_persons_surname_is_no_organization() -> None:
    """spaCy tags a surname said alone ("Volker said") ORG now and then; once the article names the
    person in full, that word is the person, and the organizations table does not list it (a CBS
    News live blog's words)."""
    from pipeline.extract import extract_one

    article = clean_text(
        "By Stefan Becket, Kathryn Watson, Grace Segers\n\nKurt Volker, the former special envoy to Ukraine, "
        "testified before the House Intelligence Committee on Tuesday.\n\n\"I opposed the hold on U.S. security "
        "assistance as soon as I learned about it on July 18, and thought we could turn it around before the "
        "Ukrainians ever knew or became alarmed about it,\" Volker said.\n\nVolker said he first discussed the "
        "delay with the Ukrainians at the end of August, after Politico reported the aid had been paused.")
    got = extract_one(get_nlp()(article.text), article)
    assert "Kurt Volker" in {p.name for p in got.people}
    assert {row.name for row in got.organizations} == {"House Intelligence Committee", "Politico"}


def test_political_parties_are_known_organizations() -> None:
    """Parties are organizations under the gold rules, and many carry no head word ("Shiv Sena",
    "Likud") or are written by acronym ("BJP"); spaCy read "Shiv Sena" as a person on a real page."""
    got = orgs_of("Shiv Sena members and the BJP opposed the bill, which the Scottish National Party and "
                  f"Likud welcomed. {BODY}")
    assert {"Shiv Sena", "Bharatiya Janata Party", "Scottish National Party", "Likud"} <= set(got)


def test_a_company_is_named_by_itself_not_by_its_products_or_namesakes() -> None:
    """"Amazon will ship" names the company; "Google searches" a product, "the Amazon" and "Amazon
    forests" the rainforest. "AP file" under a photo is the agency's credit."""
    got = orgs_of("Amazon will ship the books, and pupils ran Google searches about the Amazon and the "
                  f"Amazon forests. Photo: J. Scott Applewhite / AP file. {BODY}")
    assert "Amazon" in got and "Associated Press" in got
    assert "Google" not in got
    rainforest = orgs_of(f"Deforestation in the Amazon surged, and Ecuador's Amazon forests shrank. {BODY}")
    assert "Amazon" not in rainforest


def test_a_chamber_or_state_before_a_party_plural_names_members_not_a_party() -> None:
    """"Scottish Conservatives" is a party (a national adjective before the plural); "Senate
    Republicans" and "House Democrats" are members of a chamber, "Trump Republicans" a faction."""
    got = orgs_of("The Scottish Conservatives backed the bill; Senate Republicans, House Democrats and "
                  f"Trump Republicans did not. {BODY}")
    assert "Scottish Conservatives" in got
    assert not {"Senate Republicans", "House Democrats", "Trump Republicans"} & set(got)


def test_armed_and_political_movements_are_known_organizations() -> None:
    """"Hamas" was a German town and "Lashkar-e-Taiba" nothing on real pages; movements named by
    no head word are organizations under the gold rules."""
    got = orgs_of(f"Hamas and Hezbollah condemned the strike, which India blamed on Lashkar-e-Taiba. {BODY}")
    assert {"Hamas", "Hezbollah", "Lashkar-e-Taiba"} <= set(got)


def test_a_name_ending_in_a_number_no_head_takes_is_no_organization() -> None:
    """A version, a model or a class ("Python 2", "Surface Pro 3", "Sec 2") is no body; a school's
    number after its head word stays ("Tosontsengel School No. 2")."""
    got = orgs_of("Upgrading from Python 2 to Python 3 was hard, said the team at Microsoft. The Surface Pro 3 "
                  "sold well. Students of Sec 2 joined the club. Tosontsengel School No. 2 opened in 2019.")
    assert "Microsoft" in got and "Tosontsengel School No. 2" in got
    from pipeline.extract.knowledge.lexicon import get_lexicon
    from pipeline.extract.organizations import _numbered_thing
    from pipeline.extract.organizations.mentions import Mention

    doc = get_nlp()("She teaches in Sweetwater County School District 1 and plays Python 2 games.")
    words = [t.text for t in doc]
    district = Mention(words.index("Sweetwater"), words.index("1") + 1, "rule")
    python = Mention(words.index("Python"), words.index("Python") + 2, "spacy")
    assert not _numbered_thing(doc, district, get_lexicon())  # a school district's number is its name's
    assert _numbered_thing(doc, python, get_lexicon())
    assert not {"Python 2", "Python 3", "Surface Pro 3", "Sec 2"} & set(got)


def test_a_universitys_short_name_written_alone_is_the_university() -> None:
    """"studied at Harvard": the one word news writes for a university (``short`` in
    models/organizations.jsonl) names it, but not inside another name ("Harvard Medical School",
    "Sean Penn", "Penn State")."""
    got = orgs_of("She studied at Harvard and then Penn. He went to Harvard Medical School. "
                  "Sean Penn spoke at Penn State.")
    assert got["Harvard University"] == ["Harvard"]
    assert got["University of Pennsylvania"] == ["Penn"]
    assert "Harvard Medical School" in got and "Penn State" in got
    assert "University of Pennsylvania" not in orgs_of("Sean Penn spoke at Penn State.")


def test_ampersand_joins_the_words_of_one_name() -> None:
    """"Franklin & Marshall College" is one college though Franklin is also a town: "&" joins the
    words of one name, where "and" may join a place to another body."""
    assert "Franklin & Marshall College" in orgs_of("Students at Franklin & Marshall College went home.")


def test_a_school_named_after_a_person_keeps_the_name() -> None:
    """"Hun Sen Mouy Mithona High School": "Sen" after another name word is no "Sen." (senator)
    opening a name, so the school's name is whole and no person "Hun Sen" is read out of it."""
    from test_people import people_of

    text = "He met the principal of Hun Sen Mouy Mithona High School, Mr. Seom Rong, on Monday."
    assert "Hun Sen Mouy Mithona High School" in orgs_of(text)
    got = people_of(text)
    assert "Hun Sen" not in got
    assert got["Seom Rong"][1:] == ("principal", "Hun Sen Mouy Mithona High School")


def test_a_couples_given_names_open_one_body() -> None:
    """"Gordon and Betty Moore Foundation": two given names joined by "and", the second one's surname
    shared, are one foundation's name, not "Betty Moore Foundation" and a person "Gordon"."""
    got = orgs_of("Funding came from the Gordon and Betty Moore Foundation and the David and Lucile Packard "
                  "Foundation.")
    assert {"Gordon and Betty Moore Foundation", "David and Lucile Packard Foundation"} <= set(got)


def test_a_unit_named_after_its_parents_acronym_is_the_spelled_out_unit() -> None:
    """"OKCPS Board of Education" is "Oklahoma City Public Schools Board of Education" (OK-C-P-S):
    the same words after the prefix, the acronym's letters one leading piece of each word."""
    got = orgs_of("Oklahoma City schools\n\nThe Oklahoma City Public Schools Board of Education met on Monday. "
                  "Later the OKCPS Board of Education voted 7-0 on the plan.\n\n"
                  "The Kenya Education Network Trust and the Kenya Teachers Union disagreed with the KEN Trust.")
    assert "OKCPS Board of Education" in got["Oklahoma City Public Schools Board of Education"]
    assert "OKCPS Board of Education" not in got
    assert "KEN Trust" in got["Kenya Education Network Trust"]


def test_an_acronym_told_or_cited_is_a_body() -> None:
    """"He told CNN ...", "according to NAN": an undefined acronym that is told something or that
    a report cites is a body (an outlet, an agency), like one that acts."""
    got = orgs_of("He told CNN that the bill would pass. Enrolment fell, according to NAN. She told STEM "
                  "students to apply.")
    assert "CNN" in got and "News Agency of Nigeria" in got
    assert "STEM" not in got


def test_an_acronym_after_a_role_and_a_preposition_is_a_body() -> None:
    """"a spokesperson for HRW", "reporters from NTV", "an interview with KTN": an undefined
    acronym that a role works for or comes from is a body."""
    got = orgs_of("A spokesperson for HRW said the schools closed. Reporters from NTV visited the school. "
                  "In an interview with KTN, she said the plan would work.")
    assert {"HRW", "NTV", "KTN"} <= set(got)


def test_a_lone_title_word_before_a_head_word_opens_a_name() -> None:
    """"Chancellor College", "Dean College": a title word right before the head word, with nothing
    capitalized before it, is the name's first word; after another title it is a post's."""
    got = orgs_of("Abraham Banda will study at Chancellor College in Zomba. Mary Phiri studies at Chancellor "
                  "College too, and Ann Moyo at Dean College.")
    assert {"Chancellor College", "Dean College"} <= set(got)


def test_a_school_named_by_its_level_alone() -> None:
    got = orgs_of("The winners are:\n\nNooria Ahmadi (Forest Lake High)\nHilman Pranowo (Pimlico State High)\n\n"
                  f"She taught at Lincoln High and then at Jefferson Elementary. {BODY}")
    assert {"Forest Lake High", "Pimlico State High", "Lincoln High", "Jefferson Elementary"} <= set(got)
    got = orgs_of(f"Enrollment hit a record high after the Junior High closed and the High Court ruled. {BODY}")
    assert not any(name.endswith(("High", "Middle")) for name in got)
    got = orgs_of(f"Pupils of Northside Elementary and Martin Luther King Elementary took the Beginner-Intermediate "
                  f"course. {BODY}")
    assert {"Northside Elementary", "Martin Luther King Elementary"} <= set(got)
    assert not any("Intermediate" in name or " and " in name for name in got)


def test_a_unit_is_a_body() -> None:
    got = orgs_of("Maureen Atuhaire heads the Child and Family Protection Unit of the police. Unit 3 was closed. "
                  f"{BODY}")
    assert "Child and Family Protection Unit" in got and "Unit" not in got
    got = orgs_of(f"Fengchun Miao, Chief of the Unit for ICT in Education at UNESCO, spoke. {BODY}")
    assert not any(name.split()[0] == "Unit" for name in got)  # a post's unit opens no name


def test_a_news_organizations_unit_is_the_body_the_text_names() -> None:
    """"BBC News", "BBC Radio Scotland": the unit, not the corporation (a reporter's desk, the
    station told); "the BBC" alone stays the corporation."""
    found = orgs_of("Schools reopen\n\nThe head teacher told BBC Radio Scotland on Tuesday that pupils "
                    "were back, as BBC News reported. The BBC also asked the council.")
    assert "BBC Radio Scotland" in found and "BBC News" in found
    assert "British Broadcasting Corporation" in found
    assert "BBC Radio Scotland on Tuesday" not in found


def test_a_headlines_verb_ends_the_body_it_follows() -> None:
    """"Victorian Government Reinforces Commitment to ...": no name holds a finite verb; the body
    before it stands, and "PreComps Are Coming Up" (no head before the verb) is no body."""
    found = orgs_of("Victorian Government Reinforces Commitment to Language Education\n\nThe Victorian "
                    "Government said it would fund schools. PreComps Are Coming Up at the school.")
    assert "Victorian Government" in found
    assert not any("Reinforces" in name or "PreComps" in name for name in found)


def test_a_dotted_acronym_cut_from_its_last_dot_is_still_known() -> None:
    """"the U.N. on Monday": spaCy splits the last dot off; the organization is the United Nations."""
    found = orgs_of("Aid groups warn of hunger\n\nThe warning came from the U.N. on Monday. Officials said aid would "
                    "be sent to the region by the U.N. soon.")
    assert "United Nations" in found and "U.N" not in found


def test_school_heads_of_other_languages_name_their_schools() -> None:
    """"Kaufmännische Berufsschule Bayreuth", "Kendriya Vidyalaya Shillong": a school head of another
    language, with the name words around it, is the school (not a person, not nothing)."""
    found = orgs_of("Exchange week\n\nTeachers of the Kaufmännische Berufsschule Bayreuth welcomed guests. Pupils "
                    "of Kendriya Vidyalaya Shillong and of SMA Sekolah Menengah Atas Negeri 1 Jakarta joined online.")
    assert "Kaufmännische Berufsschule Bayreuth" in found
    assert "Kendriya Vidyalaya Shillong" in found
