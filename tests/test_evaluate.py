"""Tests of the gold-set scorer: each README scoring rule on a hand-made gold/prediction pair.

The expected counts are worked out by hand in the comments, so a scorer that drifts from
the README (lenient matching, merged aliases, greedy order effects) fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import (
    TABLES,
    Counts,
    EvalReport,
    evaluate,
    format_report,
    load_gold,
    naive_baseline,
    normalize,
    priority_token_f1,
    score,
    title_matches,
)


def gold_record(**fields: Any) -> dict[str, Any]:
    """A gold.jsonl record with empty tables unless given."""
    record: dict[str, Any] = {
        "id": "a1",
        "publication_date": None,
        "dates": [],
        "people": [],
        "organizations": [],
        "places": [],
        "priority_areas": [],
        "notes": "",
    }
    record.update(fields)
    return record


def prediction(**tables: Any) -> dict[str, Any]:
    """An `edunews extract` object with empty tables unless given."""
    pred: dict[str, Any] = {
        "article": {"article_id": "a1", "url": None, "title": None, "published": None},
        "people": [],
        "organizations": [],
        "places": [],
        "dates": [],
        "priority_areas": [],
    }
    article = tables.pop("article", None)
    if article:
        pred["article"].update(article)
    pred.update(tables)
    return pred


def counts(report: EvalReport, table: str) -> tuple[int, int, int]:
    c = report.table(table)
    return (c.tp, c.fp, c.fn)


def person(name: str, title: str | None = None, organization: str | None = None) -> dict:
    return {"name": name, "honorific": None, "title": title, "organization": organization}


# --- normalisation ---------------------------------------------------------------------


def test_normalize_applies_nfkc_casefold_quotes_dashes_and_whitespace() -> None:
    assert normalize("ＵＮＥＳＣＯ") == "unesco"  # NFKC: full-width letters
    assert normalize("Straße") == "strasse"  # case-folding, not just lower()
    assert normalize("Fiji Women\u2019s Rights") == "fiji women's rights"
    assert normalize("\u201cSmart Education\u201d") == '"smart education"'
    assert normalize("Timor\u2013Leste") == "timor-leste"  # en dash
    assert normalize("Vice\u2010Chancellor") == "vice-chancellor"  # Unicode hyphen
    assert normalize("  Lina \n\t Benete\u00a0 ") == "lina benete"
    assert normalize(None) == ""
    assert normalize(float("nan")) == ""
    # Only those rules: articles and punctuation still count.
    assert normalize("the World Bank") != normalize("World Bank")


def test_people_match_by_normalised_name_and_duplicates_are_false_positives() -> None:
    gold = [gold_record(people=[{"name": "Rahmatulo Mirboboev", "titles": []}])]
    pred = prediction(
        people=[
            person("RAHMATULO  MIRBOBOEV"),  # matches after case/whitespace normalisation
            person("Rahmatulo Mirboboev"),  # second row for the same person: FP
            person("Mirboboev"),  # partial name: FP
        ]
    )
    report = score(gold, {"a1": pred})
    assert counts(report, "people") == (1, 2, 0)
    assert report.table("people").precision == pytest.approx(1 / 3)
    assert report.table("people").recall == 1.0


# --- person + title --------------------------------------------------------------------


def test_title_matches_one_title_or_all_joined() -> None:
    titles = ["Chairman Assistant", "Overseas General Manager"]
    assert title_matches("Chairman Assistant", titles)
    assert title_matches("chairman assistant and overseas general manager", titles)
    assert title_matches("Overseas General Manager and Chairman Assistant", titles)
    assert title_matches("Chairman Assistant, Overseas General Manager", titles)
    assert not title_matches("Chairman", titles)
    assert not title_matches("Chairman Assistant and Vice Chair", titles)
    assert not title_matches("", titles)
    assert not title_matches("President", [])
    # A single gold title that itself contains "and" must be matched whole.
    assert title_matches("Vice\u2013Chancellor and President", ["Vice-Chancellor and President"])
    assert not title_matches("Vice-Chancellor", ["Vice-Chancellor and President"])
    # Two of three titles is neither one title nor all of them.
    assert not title_matches("Dean and Lead", ["Dean", "Lead", "Chair"])


def test_person_title_counts_only_people_with_titles() -> None:
    gold = [
        gold_record(
            people=[
                {"name": "Zhiqian Wang", "titles": ["Chairman Assistant", "Overseas GM"]},
                {"name": "Lina Benete", "titles": ["Education Programme Specialist"]},
                {"name": "Paige Kirby", "titles": []},
                {"name": "Fengchun Miao", "titles": ["Chief"]},
            ]
        )
    ]
    pred = prediction(
        people=[
            person("Zhiqian Wang", title="Overseas GM and Chairman Assistant"),  # TP
            person("Lina Benete", title="Programme Specialist"),  # wrong: FP + FN
            person("Paige Kirby", title="Author"),  # gold has no title: FP
            person("Fengchun Miao"),  # no title predicted: FN only
            person("Nobody Known", title="Director"),  # not a gold person: FP
        ]
    )
    report = score(gold, {"a1": pred})
    assert counts(report, "person_title") == (1, 3, 2)
    art = report.articles[0]
    assert any(e.startswith("title of Lina Benete") for e in art.attribute_errors)
    missed = [m.split(":")[0] for m in art.false_negatives["person_title"]]
    assert missed == ["Lina Benete", "Fengchun Miao"]


# --- person + organization -------------------------------------------------------------


UNESCO_LONG = "United Nations Educational, Scientific and Cultural Organization"


def test_person_organization_accepts_gold_aliases() -> None:
    orgs = [
        {
            "name": "United Nations Educational, Scientific and Cultural Organization",
            "aliases": ["UNESCO", "UNESCO Headquarters"],
        },
        {"name": "UNESCO Almaty Cluster Office", "aliases": ["Almaty Cluster Office"]},
    ]
    gold = [
        gold_record(
            organizations=orgs,
            people=[
                {
                    "name": "Fengchun Miao",
                    "titles": [],
                    "organization": UNESCO_LONG,
                },
                {
                    "name": "Lina Benete",
                    "titles": [],
                    "organization": "UNESCO Almaty Cluster Office",
                },
                {"name": "Paige Kirby", "titles": [], "organization": None},
            ],
        )
    ]
    pred = prediction(
        people=[
            person("Fengchun Miao", organization="UNESCO Headquarters"),  # alias: TP
            person("Lina Benete", organization="UNESCO"),  # another org's form: FP + FN
            person("Paige Kirby", organization="Development Gateway"),  # gold none: FP
        ]
    )
    report = score(gold, {"a1": pred})
    assert counts(report, "person_organization") == (1, 2, 1)


@pytest.mark.parametrize(
    ("predicted", "gold_org", "ok"),
    [
        ("Government of Nauru", "Government of Nauru", True),
        ("the Nauru Government", "Government of Nauru", True),
        ("Nauru Ministry of Education", "Government of Nauru", True),
        ("Australian Government", "Government of Australia", True),
        ("Ministry of Foreign Affairs of Australia", "Government of Australia", True),
        ("Korean Government", "Government of the Republic of Korea", True),
        ("Government of the Republic of Korea", "Government of the Republic of Korea", True),
        ("Ghanaian Ministry of Education", "Government of Ghana", True),
        ("Federal Government of Nigeria", "Government of Nigeria", True),
        ("University of Nauru", "Government of Nauru", False),  # names Nauru, not its government
        ("Government of Fiji", "Government of Nauru", False),  # another country
        ("Ministry of Education", "Government of Ghana", False),  # no country named
        ("Pacific Islands Forum", "Government of Nauru", False),
    ],
)
def test_government_of_country_rule(predicted: str, gold_org: str, ok: bool) -> None:
    gold = [
        gold_record(
            people=[{"name": "Baron Waqa", "titles": ["President"], "organization": gold_org}],
            organizations=[{"name": gold_org, "aliases": []}],
        )
    ]
    pred = prediction(people=[person("Baron Waqa", organization=predicted)])
    report = score(gold, {"a1": pred})
    assert counts(report, "person_organization") == ((1, 0, 0) if ok else (0, 1, 1))


def test_government_rule_only_applies_to_government_gold() -> None:
    gold = [
        gold_record(
            people=[{"name": "A B", "titles": [], "organization": "University of Ghana"}],
            organizations=[{"name": "University of Ghana", "aliases": []}],
        )
    ]
    pred = prediction(people=[person("A B", organization="Government of Ghana")])
    assert counts(score(gold, {"a1": pred}), "person_organization") == (0, 1, 1)


# --- organizations ---------------------------------------------------------------------


SEED_ORGS = [
    {
        "name": "Ministry of Education and Science of Tajikistan",
        "aliases": ["Ministry of Education and Science", "MoES"],
    },
    {
        "name": "United Nations Educational, Scientific and Cultural Organization",
        "aliases": ["UNESCO", "UNESCO Headquarters"],
    },
    {"name": "National Testing Center", "aliases": []},
]


def test_organizations_match_on_any_name_or_alias() -> None:
    gold = [gold_record(organizations=SEED_ORGS)]
    pred = prediction(
        organizations=[
            # name vs gold alias
            {"name": "UNESCO", "aliases": ""},
            # predicted alias ("; "-joined) vs gold alias
            {"name": "Ministry of Education & Science", "aliases": "Tajik ministry; MOES"},
            # not in gold
            {"name": "ICT", "aliases": ""},
        ]
    )
    report = score(gold, {"a1": pred})
    assert counts(report, "organizations") == (2, 1, 1)
    art = report.articles[0]
    assert art.false_positives["organizations"] == ["ICT"]
    assert art.false_negatives["organizations"] == ["National Testing Center"]


def test_second_prediction_for_same_gold_org_is_false_positive() -> None:
    gold = [gold_record(organizations=SEED_ORGS)]
    pred = prediction(
        organizations=[
            {"name": "United Nations Educational, Scientific and Cultural Organization"},
            {"name": "UNESCO Headquarters", "aliases": ""},  # aliases not merged: FP
            {"name": "UNESCO", "aliases": ""},  # and again: FP
        ]
    )
    assert counts(score(gold, {"a1": pred}), "organizations") == (1, 2, 2)


def test_organization_matching_does_not_depend_on_prediction_order() -> None:
    gold_orgs = [
        {"name": "University of Lagos", "aliases": ["UNILAG"]},
        {
            "name": "Department of English, University of Lagos",
            "aliases": ["Department of English"],
        },
    ]
    # The first prediction fits both gold orgs; the second fits only the university.
    broad = {"name": "Department of English", "aliases": "University of Lagos"}
    narrow = {"name": "UNILAG", "aliases": ""}
    gold = [gold_record(organizations=gold_orgs)]
    for order in ([broad, narrow], [narrow, broad]):
        report = score(gold, {"a1": prediction(organizations=order)})
        assert counts(report, "organizations") == (2, 0, 0)


# --- places ----------------------------------------------------------------------------


def test_places_match_by_name_then_kind_and_country_accuracy() -> None:
    gold = [
        gold_record(
            places=[
                {"name": "Dushanbe", "kind": "city", "country_code": "TJ"},
                {"name": "Tajikistan", "kind": "country", "country_code": "TJ"},
                {"name": "Pacific", "kind": "region", "country_code": None},
                {"name": "China", "kind": "country", "country_code": "CN"},
            ]
        )
    ]
    pred = prediction(
        places=[
            {"name": "dushanbe", "kind": "City", "country_code": "tj"},  # all right
            {"name": "Tajikistan", "kind": "region", "country_code": "TJ"},  # kind wrong
            {"name": "Pacific", "kind": "region", "country_code": None},  # null code right
            {"name": "Almaty", "kind": "city", "country_code": "KZ"},  # not gold: FP
        ]
    )
    report = score(gold, {"a1": pred})
    assert counts(report, "places") == (3, 1, 1)
    assert report.place_kind_accuracy == (2, 3)
    assert report.place_country_accuracy == (3, 3)


def test_place_null_country_code_is_wrong_when_gold_has_one() -> None:
    gold = [gold_record(places=[{"name": "Fiji", "kind": "country", "country_code": "FJ"}])]
    pred = prediction(places=[{"name": "Fiji", "kind": None, "country_code": None}])
    report = score(gold, {"a1": pred})
    assert report.place_kind_accuracy == (0, 1)
    assert report.place_country_accuracy == (0, 1)


# --- dates -----------------------------------------------------------------------------


def test_event_dates_match_on_start_and_end_only_for_event_rows() -> None:
    gold = [
        gold_record(
            publication_date="2018-11-09",
            dates=[
                {"text": "from 22 to 23 October", "start": "2018-10-22", "end": "2018-10-23"},
                {"text": "June 2012", "start": "2012-06-01", "end": "2012-06-30"},
                {"text": "27 March", "start": "2012-03-27", "end": "2012-03-27"},
            ],
        )
    ]
    pred = prediction(
        dates=[
            {"text": "22-23 Oct", "start": "2018-10-22", "end": "2018-10-23", "kind": "event"},
            # a month as a single day: wrong range, FP (and the gold month stays FN)
            {"text": "June 2012", "start": "2012-06-01", "end": "2012-06-01", "kind": "event"},
            # no end: a single day
            {"text": "27 March", "start": "2012-03-27", "end": None, "kind": "event"},
            # publication rows and "other" rows are not event dates
            {
                "text": "9 November 2018",
                "start": "2018-11-09",
                "end": "2018-11-09",
                "kind": "published",
            },
            {"text": "2015", "start": "2015-01-01", "end": "2015-12-31", "kind": "other"},
        ]
    )
    report = score(gold, {"a1": pred})
    assert counts(report, "event_dates") == (2, 1, 1)


def test_publication_date_accuracy_counts_dates_on_undated_pages_as_wrong() -> None:
    gold = [
        gold_record(id="right", publication_date="2018-11-09"),
        gold_record(id="wrong", publication_date="2012-03-28"),
        gold_record(id="missing", publication_date="2011-11-11"),
        gold_record(id="undated-guessed", publication_date=None),
        gold_record(id="undated-ok", publication_date=None),
        gold_record(id="from-dates-table", publication_date="2020-08-20"),
    ]
    preds = {
        "right": prediction(article={"published": "2018-11-09"}),
        "wrong": prediction(article={"published": "2012-01-01"}),
        "missing": prediction(),
        "undated-guessed": prediction(article={"published": "2013-01-01"}),
        "undated-ok": prediction(),
        # no article.published: the `published` row of the dates table is used
        "from-dates-table": prediction(
            dates=[{"text": "x", "start": "2020-08-20", "end": "2020-08-20", "kind": "published"}]
        ),
    }
    report = score(gold, preds)
    assert report.publication == {
        "dated": 4,
        "dated_correct": 2,
        "undated": 2,
        "undated_predicted": 1,
    }
    # TP: right, from-dates-table; FP: wrong, undated-guessed; FN: wrong, missing.
    assert counts(report, "publication_date") == (2, 2, 2)
    assert report.to_dict()["publication_date"]["accuracy"] == pytest.approx(2 / 5)


# --- priority areas --------------------------------------------------------------------


def test_priority_token_f1_values() -> None:
    assert priority_token_f1("ICT-enhanced EMIS", "ict-enhanced emis") == 1.0
    # 3 shared tokens of 5 and 5: P = R = 0.6
    assert priority_token_f1("a b c x y", "a b c d e") == pytest.approx(0.6)
    assert priority_token_f1("anything", "") == 0.0


def test_priority_areas_threshold_and_single_use_of_gold_items() -> None:
    gold = [
        gold_record(
            priority_areas=[
                "provision of teaching and learning resources",
                "educators ICT competence development",
                "ICT-enhanced EMIS",
            ]
        )
    ]
    pred = prediction(
        priority_areas=[
            # 5/6 tokens, all predicted tokens right: F1 0.91 -> TP
            {"position": 1, "area": "provision of teaching and learning"},
            # same gold item again: it is already used -> FP
            {"position": 2, "area": "provision of teaching and learning resources"},
            # "educators competence": P 1, R 2/4, F1 0.667 -> TP
            {"position": 3, "area": "educators competence"},
            # "EMIS data": 1 of 2 vs 1 of 3 tokens, F1 0.4 < 0.6 -> FP
            {"position": 4, "area": "EMIS data"},
        ]
    )
    report = score(gold, {"a1": pred})
    assert counts(report, "priority_areas") == (2, 2, 1)
    assert report.articles[0].false_negatives["priority_areas"] == ["ICT-enhanced EMIS"]


def test_priority_area_at_exactly_threshold_matches_and_below_does_not() -> None:
    gold = [gold_record(priority_areas=["a b c d e"])]
    at = prediction(priority_areas=[{"position": 1, "area": "a b c x y"}])  # F1 0.6
    below = prediction(priority_areas=[{"position": 1, "area": "a b c x y z"}])  # F1 0.545
    assert counts(score(gold, {"a1": at}), "priority_areas") == (1, 0, 0)
    assert counts(score(gold, {"a1": below}), "priority_areas") == (0, 1, 1)


# --- empty and missing predictions, micro-averaging -------------------------------------


def test_missing_prediction_scores_all_gold_as_false_negatives() -> None:
    gold = [
        gold_record(
            publication_date="2018-11-09",
            people=[{"name": "A B", "titles": ["Dean"], "organization": "X"}],
            organizations=[{"name": "X", "aliases": []}],
            places=[{"name": "Fiji", "kind": "country", "country_code": "FJ"}],
            dates=[{"text": "t", "start": "2018-10-22", "end": "2018-10-22"}],
            priority_areas=["access"],
        )
    ]
    for preds in ({}, {"a1": prediction()}):
        report = score(gold, preds)
        for table in TABLES:
            c = report.table(table)
            assert (c.tp, c.fp) == (0, 0), table
            assert c.fn == 1, table
            assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0), table
    assert score(gold, {}).errors == {"a1": "no prediction"}
    assert score(gold, {"a1": prediction()}).errors == {}


def test_nothing_expected_and_nothing_predicted_is_perfect() -> None:
    report = score([gold_record()], {"a1": prediction()})
    assert report.table("people").f1 == 1.0
    assert Counts(0, 2, 0).f1 == 0.0  # predicting where nothing is expected is not


def test_counts_are_micro_averaged_over_articles() -> None:
    gold = [
        gold_record(id="big", people=[{"name": f"P{i}", "titles": []} for i in range(9)]),
        gold_record(id="small", people=[{"name": "Q", "titles": []}]),
    ]
    preds = {
        "big": prediction(people=[person(f"P{i}") for i in range(9)]),  # 9/9
        "small": prediction(people=[person("Z")]),  # 0/1
    }
    report = score(gold, preds)
    assert counts(report, "people") == (9, 1, 1)
    assert report.table("people").f1 == pytest.approx(0.9)  # macro would give 0.5
    per_article = {a.article_id: a.counts["people"] for a in report.articles}
    assert (per_article["small"].tp, per_article["small"].fp) == (0, 1)


# --- loading, evaluating, reporting ----------------------------------------------------


def write_gold(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "one.txt").write_text("Mr Lina Benete spoke.", encoding="utf-8")
    (tmp_path / "articles" / "two.txt").write_text("boom", encoding="utf-8")
    records = [
        gold_record(id="one", people=[{"name": "Lina Benete", "titles": []}]),
        gold_record(id="two", places=[{"name": "Fiji", "kind": "country", "country_code": "FJ"}]),
    ]
    sources = [
        {"id": "one", "file": "articles/one.txt", "url": "https://example.org/one"},
        {"id": "two", "file": "articles/two.txt", "url": None},
    ]
    (tmp_path / "gold.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8"
    )
    (tmp_path / "sources.jsonl").write_text(
        "\n".join(json.dumps(s) for s in sources), encoding="utf-8"
    )
    return tmp_path


def test_load_gold_joins_sources_relative_to_gold_dir(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path))
    assert [g.id for g in gold] == ["one", "two"]
    assert gold[0].file == tmp_path / "articles" / "one.txt"
    assert gold[0].url == "https://example.org/one"
    assert gold[1].url is None
    assert gold[0].people == [{"name": "Lina Benete", "titles": []}]


def test_load_gold_rejects_bad_json_with_line_number(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text('{"id": "x"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2"):
        load_gold(tmp_path)


def test_evaluate_records_failures_and_goes_on(tmp_path: Path) -> None:
    seen: list[tuple[str, str | None]] = []

    def predict(path: Path, url: str | None) -> dict[str, Any]:
        seen.append((path.name, url))
        if path.read_text(encoding="utf-8") == "boom":
            raise RuntimeError("extractor crashed")
        return prediction(people=[person("Lina Benete")])

    report = evaluate(write_gold(tmp_path), predict)
    assert seen == [("one.txt", "https://example.org/one"), ("two.txt", None)]
    assert counts(report, "people") == (1, 0, 0)
    assert counts(report, "places") == (0, 0, 1)  # the failed article still counts
    assert report.errors == {"two": "RuntimeError: extractor crashed"}


def test_format_report_and_to_dict(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path))
    good = score(gold, {"one": prediction(people=[person("Lina Benete")])})
    base = score(gold, {})
    text = format_report(good, base, details=True)
    for label in TABLES.values():
        assert label in text
    assert "base F1" in text
    people_line = next(line for line in text.splitlines() if line.startswith("people"))
    assert people_line.split()[-3:] == ["1.00", "1.00", "0.00"]  # R, F1, baseline F1
    assert "Fiji" in text  # the missed place of article "two" is listed
    assert "base F1" not in format_report(good)

    data = json.loads(json.dumps(good.to_dict()))
    assert data["tables"]["people"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert [a["article_id"] for a in data["articles"]] == ["one", "two"]
    assert data["articles"][1]["false_negatives"]["places"] == ["Fiji"]


# --- the naive baseline on the development gold set ------------------------------------


def _gold_dev() -> Path | None:
    here = Path(__file__).resolve()
    for candidate in (
        here.parents[2] / "shared" / "data" / "gold-dev",
        Path("/work/shared/data/gold-dev"),
    ):
        if (candidate / "gold.jsonl").is_file():
            return candidate
    return None


@pytest.mark.slow
def test_naive_baseline_on_gold_dev_is_in_a_sane_range() -> None:
    gold_dir = _gold_dev()
    if gold_dir is None:
        pytest.skip("shared/data/gold-dev not found beside the repository")
    report = evaluate(gold_dir, naive_baseline)
    assert report.errors == {}
    assert 0.4 <= report.table("people").f1 <= 0.9
    # The baseline knows nothing of titles, affiliations or priority areas.
    assert report.table("person_title").tp == 0
    assert report.table("person_organization").tp == 0
    assert counts(report, "priority_areas")[:2] == (0, 0)
    # Its places carry no kind.
    assert report.place_kind_accuracy[0] == 0
