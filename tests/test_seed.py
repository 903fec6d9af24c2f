"""DESIGN's "What the seed article must yield", through `edunews extract` on the seed page."""

from __future__ import annotations

import json

import pytest
from conftest import SEED_PAGE, edunews

from pipeline.ids import normalize_name

SEED_URL = "http://en.unesco.kz/a-workshop-on-leveraging-information-and-communication-technology-ict-and-open"


@pytest.fixture(scope="module")
def seed() -> dict:
    proc = edunews("extract", str(SEED_PAGE), "--url", SEED_URL, "--format", "json", check=True)
    return json.loads(proc.stdout)


def _names(rows: list[dict], *keys: str) -> set[str]:
    out = set()
    for row in rows:
        for key in keys:
            for value in (row.get(key) or "").split("; "):
                if value:
                    out.add(normalize_name(value))
    return out


def test_json_shape_has_the_table_columns(seed: dict) -> None:
    from pipeline.records import TABLES

    assert set(seed) == {"article", "people", "organizations", "places", "dates", "priority_areas"}
    assert list(seed["article"]) == list(TABLES["articles"].__dataclass_fields__)
    for table in ("people", "organizations", "places", "dates", "priority_areas"):
        assert seed[table], table
        for row in seed[table]:
            assert list(row) == list(TABLES[table].__dataclass_fields__), table


def test_dates(seed: dict) -> None:
    assert seed["article"]["published"] == "2018-11-09"
    events = {(d["start"], d["end"]) for d in seed["dates"] if d["kind"] == "event"}
    assert ("2018-10-22", "2018-10-23") in events
    assert not any(d["text"].strip() in {"2030", "2015"} and d["kind"] == "event" for d in seed["dates"])


PEOPLE = {
    "Rahmatulo Mirboboev": ("Mr", "First Deputy Minister", "Ministry of Education and Science of Tajikistan"),
    "Fengchun Miao": ("Mr", "Chief of the Unit for ICT in Education", "UNESCO"),
    "Zhiqian Wang": ("Mr", "Chairman Assistant and Overseas General Manager", "WeiDong Cloud Education Group"),
    "Lina Benete": ("Ms", "Education Programme Specialist", "UNESCO Almaty Cluster Office"),
}


def test_people_with_titles_and_organizations(seed: dict) -> None:
    orgs = {o["name"]: o for o in seed["organizations"]}
    people = {p["name"]: p for p in seed["people"]}
    assert set(PEOPLE) <= set(people), sorted(people)
    for name, (honorific, title, org) in PEOPLE.items():
        row = people[name]
        assert row["honorific"] == honorific, name
        assert row["title"] == title, name
        # the organization is named canonically; its aliases must include the form in DESIGN
        assert row["organization"] in orgs, (name, row["organization"])
        forms = _names([orgs[row["organization"]]], "name", "aliases")
        assert normalize_name(org) in forms, (name, row["organization"], forms)
        assert row["org_id"] == orgs[row["organization"]]["org_id"]


def test_organizations(seed: dict) -> None:
    forms = _names(seed["organizations"], "name", "aliases")
    for org in ("Ministry of Education and Science of Tajikistan", "Republican Center for ICT",
                "National Testing Center", "UNESCO", "UNESCO Almaty Cluster Office",
                "WeiDong Cloud Education Group", "UNESCO Institute for Information Technologies in Education",
                "UNESCO Tashkent Office"):
        assert normalize_name(org) in forms, org
    for alias in ("Ministry of Education and Science", "MoES", "UNESCO Headquarters", "IITE"):
        assert normalize_name(alias) in forms, alias
    names = {normalize_name(o["name"]) for o in seed["organizations"]}
    for concept in ("ICT", "OER", "EMIS", "UNESCO-WeiDong Group Funds-in-Trust"):
        assert normalize_name(concept) not in forms and normalize_name(concept) not in names, concept
    # the ministry and its aliases are one organization, not three
    ministry = [o for o in seed["organizations"] if "moes" in _names([o], "name", "aliases")]
    assert len(ministry) == 1


def test_places(seed: dict) -> None:
    places = {p["name"]: p for p in seed["places"]}
    assert {k: (places[k]["kind"], places[k]["country_code"]) for k in ("Dushanbe", "Tajikistan", "China")
            if k in places} == {"Dushanbe": ("city", "TJ"), "Tajikistan": ("country", "TJ"), "China": ("country", "CN")}
    assert "Almaty" not in places and "Tashkent" not in places
    for row in places.values():
        if row["place_id"]:
            assert row["latitude"] is not None and row["longitude"] is not None


def test_priority_areas_in_order(seed: dict) -> None:
    areas = [p["area"] for p in sorted(seed["priority_areas"], key=lambda r: r["position"])]
    assert areas == ["provision of teaching and learning resources", "educators ICT competence development",
                     "ICT-enhanced EMIS"]
    assert all("priority areas" in p["cue"] for p in seed["priority_areas"])


def test_offsets_point_into_the_article_text(seed: dict) -> None:
    text = seed["article"]["text"]
    for table in ("people", "organizations", "places", "priority_areas"):
        for row in seed[table]:
            span = text[row["start_char"]:row["end_char"]]
            assert span, (table, row)
            if table == "priority_areas":
                assert span == row["area"]
