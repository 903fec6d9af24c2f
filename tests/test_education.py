"""The education score and --only-education, on real pages from data/topic/ (labelled before scoring)."""

from __future__ import annotations

import gzip
import json
import math
import sys
from collections import Counter
from pathlib import Path

import pytest

import pipeline
from pipeline.clean import clean_page
from pipeline.errors import ConfigError
from pipeline.extract.education import annotate, headline, score, topics
from pipeline.records import RawPage
from pipeline.settings import load_settings
from tests.conftest import ROOT, edunews

TOPIC = ROOT / "data" / "topic"
LABELS = {json.loads(line)["file"]: json.loads(line) for line in (TOPIC / "labels.jsonl").read_text().splitlines()}
TEACHERS_PROTEST = "cleaning-dev/7de5241947a5f7147fe9787c6f6fa16685bfe66e6c35510a68780f27690dc4f0.html.gz"
PRECISION_CHECK3, RECALL_CHECK3 = 0.89, 0.94  # measured 0.920 and 0.964 (stored model, curve fitted with check3)
# classifier, sources dealt into 5 folds (each held out whole): measured 0.872 and 0.804 on 2,247 pages (class
# balance 0.25); into 10 folds 0.875 and 0.808, on its 24 news sources 0.898 and 0.906
LOSO_PRECISION, LOSO_RECALL = 0.85, 0.78
DAVIS_CUP = "cleaning-dev/0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0.html.gz"


# Hard cases of the development splits (labels read before scoring): stories set at a school or a
# university whose headline is about another beat, and education news whose headline names one.
HARD_OTHER = [
    "check3/cns/beat-066.html.gz",      # students prepare for their school's first prom
    "check3/cns/beat-070.html.gz",      # a university opens an e-sports and gaming arena
    "check3/cns/post-87875.html.gz",    # schools await the COVID vaccine for children
    "mcb-harvard/story-2014-3704-catherine-dulac-to-deliver-prestigious-harvey-lecture.html.gz",  # a named lecture
    "mcb-harvard/story-2005-3353-the-first-annual-mbb-graduate-student-conference-may-12-13.html.gz",  # science meeting
    "check4/stardem/1983F9E65A109F68.html.gz",  # shelter-in-place status lifted at an elementary school
    "check4/stardem/19782083103068C0.html.gz",  # board of education president undergoes a liver transplant
]
HARD_EDUCATION = [
    "check3/cns/post-85423.html.gz",    # COVID relief plan: $130 billion to help schools reopen
    "check3/cns/beat-023.html.gz",      # school board candidates on school safety (police officers)
    "mcb-harvard/story-2016-3880-mcb-lecturer-receives-q-award.html.gz",  # a lecturer's teaching award
]


def _raw(file: str) -> bytes:
    body = (TOPIC / "pages" / file).read_bytes()
    return gzip.decompress(body) if file.endswith(".gz") else body


def _article(file: str):  # noqa: ANN202
    ctype = "text/plain" if file.endswith(".txt") else None
    return clean_page(RawPage(_raw(file), LABELS[file]["url"], file, file, ctype))


@pytest.mark.parametrize("file", [
    TEACHERS_PROTEST,                                   # Detroit News: teachers rally for pay
    "gold-dev/gh-iddrisu-teachers.html",                # Ghana: minister-designate on teachers
    "cleaning-datasets/dragnet_data-R170.html.gz",      # Washington Post: schools in Pakistan's conflict
    "cleaning-datasets/dragnet_data-T68.html.gz",       # Education Week: official leaves the department
])
def test_education_pages_score_high(file: str) -> None:
    assert LABELS[file]["label"] == "education"
    article = _article(file)
    assert score(article.title, article.text) >= 0.9


@pytest.mark.parametrize("file", [
    DAVIS_CUP,                                                                             # tennis
    "cleaning-dev/06ee193de4bd611f7fafbab0c59b0f6fe3495093516720632cd093b24c7a0e98.html.gz",  # cars
    "cleaning-dev/65ce3a4577a0306994efa190a0d96e84014f9d4257ad54753e807ede518f02c0.html.gz",  # college football
])
def test_other_news_scores_low(file: str) -> None:
    assert LABELS[file]["label"] == "other"
    article = _article(file)
    assert score(article.title, article.text) < 0.1


@pytest.mark.parametrize("file", HARD_OTHER)
def test_school_set_stories_about_another_beat_are_off_topic(file: str) -> None:
    assert LABELS[file]["label"] == "other"
    article = _article(file)
    assert score(article.title, article.text) < 0.5


@pytest.mark.parametrize("file", HARD_EDUCATION)
def test_education_news_naming_another_beat_stays_education(file: str) -> None:
    assert LABELS[file]["label"] == "education"
    article = _article(file)
    assert score(article.title, article.text) >= 0.5


@pytest.mark.parametrize(("title", "expected"), [
    ("Erin O'Shea to Join MCB Faculty - Molecular & Cellular Biology - News Archives - Harvard University",
     "Erin O'Shea to Join MCB Faculty"),
    ("Teachers strike over pay | The Daily Nation", "Teachers strike over pay"),
    ("Kenya – Ministry of Education opens 40 e-learning centres", "Ministry of Education opens 40 e-learning centres"),
    ("Year-round schooling: a state-by-state guide", "Year-round schooling: a state-by-state guide"),  # hyphenated
])
def test_headline_is_the_story_not_the_site_name(title: str, expected: str) -> None:
    assert headline(title) == expected


def test_an_off_topic_headline_word_lowers_the_score_of_the_same_body() -> None:
    article = _article(TEACHERS_PROTEST)
    body = article.text[len(article.title):]
    plain = score("Detroit teachers rally for a raise", body)
    assert plain >= 0.5
    assert score("Detroit teachers rally for a raise after the football game", body) < plain
    # The site name after a separator does not count: the same headline with one scores the same.
    assert score("Detroit teachers rally for a raise | Detroit News Sports", body) == plain


def test_topics_name_the_sdg4_targets_of_an_education_article() -> None:
    article = annotate(_article(TEACHERS_PROTEST))
    assert article.education is not None and article.education >= 0.5
    assert "4.c" in article.education_topics  # teachers
    assert topics(article.text, education=0.1) == []  # no topics for articles that are not about education


def test_only_education_marks_off_topic_without_touching_education() -> None:
    sport = annotate(_article(DAVIS_CUP), only_education=True, min_education=0.5)
    school = annotate(_article(TEACHERS_PROTEST), only_education=True, min_education=0.5)
    assert sport.status == "off_topic" and school.status == "ok"
    assert annotate(_article(DAVIS_CUP)).status == "ok"  # without the flag nothing is dropped


@pytest.mark.parametrize("value", ["1.5", "-0.1", "half"])
def test_min_education_must_be_a_share(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUNEWS_MIN_EDUCATION", value)
    with pytest.raises(ConfigError, match="min_education"):
        load_settings()


def test_process_only_education_skips_extractors_for_off_topic_pages(tmp_path: Path) -> None:
    raw = tmp_path / "data" / "raw" / "pages"
    raw.mkdir(parents=True)
    lines = []
    for name, file in (("teachers.html", TEACHERS_PROTEST), ("tennis.html", DAVIS_CUP)):
        (raw / name).write_bytes(_raw(file))
        lines.append(json.dumps({"file": name, "url": LABELS[file]["url"], "fetched_at": "2024-01-01T00:00:00Z",
                                 "content_type": "text/html"}))
    (raw / "manifest.jsonl").write_text("\n".join(lines) + "\n")
    data = tmp_path / "data"
    edunews("process", "--data", str(data), "-q", "--workers", "1", "--only-education", check=True)
    tables = pipeline.load_tables(data / "processed")
    arts = tables["articles"].set_index("url")
    tennis, teachers = arts.loc[LABELS[DAVIS_CUP]["url"]], arts.loc[LABELS[TEACHERS_PROTEST]["url"]]
    assert tennis["status"] == "off_topic" and tennis["education"] < 0.5
    assert teachers["status"] == "ok" and teachers["education"] >= 0.5 and "4.c" in teachers["education_topics"]
    people = tables["people"]
    assert not (people["article_id"] == tennis["article_id"]).any()  # Nadal is not extracted
    assert (people["article_id"] == teachers["article_id"]).any()
    report = edunews("report", "--data", str(data), check=True)
    html = (data / "processed" / "report.html").read_text()
    assert report.returncode == 0 and "off topic" in html
    # Turning the filter off processes the records again: the tennis story gets its people.
    again = edunews("process", "--data", str(data), "-q", "--workers", "1", check=True)
    assert "changed 2" in again.stderr + again.stdout
    tables = pipeline.load_tables(data / "processed")
    tennis = tables["articles"].set_index("url").loc[LABELS[DAVIS_CUP]["url"]]
    assert tennis["status"] == "ok"
    assert (tables["people"]["article_id"] == tennis["article_id"]).any()


@pytest.mark.slow
def test_term_density_curve_cross_validation_floor() -> None:
    """The term-density curve (the classifier's first feature, and the score without a classifier file)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import cross_validate, dev_set

    x, y, sites = dev_set()
    assert len(y) >= 1500 and y.sum() >= 550 and len(set(sites)) >= 620
    cv = cross_validate(x, y, sites)
    # measured 0.862 / 0.807 (5 folds x 3 deals, 1,677 pages with dev6); 0.838 / 0.828 on 2,772 pages with check11
    assert cv["precision"] >= 0.82
    assert cv["recall"] >= 0.78
    assert cv["slope"] > 0 and 2 <= -cv["intercept"] / cv["slope"] <= 6  # 0.5 at 2-6 points per 100 words


@pytest.mark.slow
def test_classifier_leave_one_source_out_floor() -> None:
    """Each source (repository) held out whole, the classifier trained on the rest: the score on a new source.

    CV by site overstated precision on check4's and check5's new sources; this is the closer estimate. The
    sources are dealt into 5 folds rather than held out one at a time: 5 fits instead of 60 keep CI short.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import classifier_loso, corpus, dev_pages, weak_rows

    c = corpus(dev_pages(), weak_rows())
    assert len(set(c.sources[:c.hand])) >= 20
    loso = classifier_loso(c, folds=5)
    assert loso["precision"] >= LOSO_PRECISION
    assert loso["recall"] >= LOSO_RECALL


def test_training_is_deterministic_and_the_pipeline_scores_what_training_computed(tmp_path: Path) -> None:
    """The artefact is reproducible from the script: the same pages give the same weights, and the stored
    JSON, read by the pipeline, gives the log-odds the trainer computed (no drift between the two codes)."""
    import shutil

    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import Page, artefact, corpus, logits, train

    items = []
    for file in [*HARD_OTHER, *HARD_EDUCATION, TEACHERS_PROTEST, DAVIS_CUP, "gold-dev/gh-iddrisu-teachers.html",
                 "cleaning-datasets/dragnet_data-R170.html.gz", "cleaning-datasets/dragnet_data-T68.html.gz"]:
        article = _article(file)
        body = article.text[len(article.title):] if article.text.startswith(article.title) else article.text
        row = LABELS[file]
        # every page its own site three times over, so that MIN_SITES keeps n-grams of a tiny set
        for copy in range(3):
            items.append(Page(article.title, body, float(row["label"] == "education"), f"{copy}-{file}", row["source"]))
    c = corpus(tuple(items), [])
    idx = list(range(len(items)))
    first, second = train(c, idx), train(c, idx)
    assert first == second and len(first["weights"]) > 100  # type: ignore[arg-type]
    for name in ("education_terms.json", "taxonomy.json"):
        shutil.copy(ROOT / "models" / name, tmp_path / name)
    stored = artefact(first, len(items), 0)
    (tmp_path / "education_classifier.json").write_text(json.dumps(stored))
    z = logits(first, c, idx)
    for i in range(0, len(items), 3):
        p = items[i]
        got = score(p.title, p.title + p.body, tmp_path)
        assert got == pytest.approx(1 / (1 + math.exp(-z[i])), abs=2e-3)


def test_without_a_classifier_file_the_term_density_score_is_used(tmp_path: Path) -> None:
    """A user's models folder from before the classifier still scores (the term-density curve alone)."""
    import shutil

    from pipeline.extract.education import load_classifier, load_model
    for name in ("education_terms.json", "taxonomy.json"):
        shutil.copy(ROOT / "models" / name, tmp_path / name)
    article = _article(TEACHERS_PROTEST)
    body = article.text[len(article.title):]
    assert load_classifier(tmp_path) is None and load_classifier() is not None
    assert score(article.title, article.text, tmp_path) == load_model(tmp_path).score(article.title, body)
    assert score(article.title, article.text, tmp_path) >= 0.5


def test_the_classifier_is_explainable_and_small() -> None:
    """The stored classifier: a few thousand named n-grams, education words pull up, other beats down."""
    data = json.loads((ROOT / "models" / "education_classifier.json").read_text())
    weights = data["weights"]
    assert 1000 <= len(weights) <= 5000
    assert data["density_weight"] > 0
    assert all(k[:2] in {"h:", "l:", "b:"} for k in weights)
    top = sorted(weights, key=lambda k: -weights[k])[:40]
    assert any(word in k for k in top for word in ("school", "student", "teach", "education", "college"))


def test_check3_floor() -> None:
    """check3 (230 real pages, 101 new sites) with the stored model: a quick regression guard.

    check3 was blind for the previous model and is training data (of the curve) now; the
    cross-validation above is the honest number.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_education import measure

    result = measure("check3", 0.5)
    assert result["pages"] >= 200 and result["education"] >= 80
    assert result["precision"] >= PRECISION_CHECK3
    assert result["recall"] >= RECALL_CHECK3


def test_a_models_copy_without_off_topic_words_still_scores(tmp_path: Path) -> None:
    """A user's models folder from before the headline rule loads; its headlines are simply not penalised."""
    import shutil

    from pipeline.extract.education import load_model
    for name in ("education_terms.json", "taxonomy.json"):
        shutil.copy(ROOT / "models" / name, tmp_path / name)
    data = json.loads((tmp_path / "education_terms.json").read_text())
    del data["title_off_topic"], data["title_off_topic_points"]
    (tmp_path / "education_terms.json").write_text(json.dumps(data))
    article = _article("check3/cns/post-87875.html.gz")  # schools await the COVID vaccine
    assert load_model(tmp_path).off_topic is None
    assert score(article.title, article.text, tmp_path) > score(article.title, article.text)


def _labelled_split(name: str, fixtures: bool = True) -> list[dict[str, str]]:
    """The rows of one split of data/topic, after what every split must hold: each row has every field and names
    its repository, path and commit; each page is stored once under its own file name; the split's sites are in no
    other split, and (``fixtures``) its repositories are none of tests/fixtures/real's sources. Reads labels and
    files only, never a score.

    The yardstick's articles taken from data/topic itself (``topic_file`` in their sources row: 89 pages added in
    the eighth session, after every split was spent) do not count: the rule keeps a labelled split from reusing
    pages the extraction work had read, and those pages went the other way, from a labelled split to the yardstick.
    """
    rows = [json.loads(line) for line in (TOPIC / "labels.jsonl").read_text().splitlines()]
    fields = set(rows[0])
    split = [r for r in rows if r["split"] == name]
    assert split and all(set(r) == fields and r["repository"] and r["path"] and r["commit"] for r in split)
    assert len({r["file"] for r in split}) == len(split)
    assert all((TOPIC / "pages" / r["file"]).is_file() for r in split)
    other_sites = {r["site"].removeprefix("www.") for r in rows if r["split"] != name}
    assert not other_sites & {r["site"].removeprefix("www.") for r in split}
    if fixtures:
        fixture_rows = [json.loads(line) for sources in (ROOT / "tests" / "fixtures" / "real").glob("*/sources.jsonl")
                        for line in sources.read_text().splitlines() if line.strip()]
        assert all((TOPIC / "pages" / r["topic_file"]).is_file() for r in fixture_rows if "topic_file" in r)
        fixture_repos = {r.get("repository") for r in fixture_rows if "topic_file" not in r}
        assert not fixture_repos & {r["repository"] for r in split}
    return split


def test_check4_is_whole_and_development_data() -> None:
    """check4 (issue 16's first blind set, scored once) is complete, from new sites, and now training data."""
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    check4 = _labelled_split("check4", fixtures=False)
    assert len(check4) >= 150 and 0.3 <= sum(r["label"] == "education" for r in check4) / len(check4) <= 0.6
    assert "check4" in DEV_SPLITS


def test_check5_is_whole_varied_and_development_data() -> None:
    """check5 (issue 16's third blind set, scored once: P 0.842, R 0.780) is complete and now training data.

    Its sites are new to the older splits and its repositories new to tests/fixtures/real, and no site
    holds more than a quarter of it.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    check5 = _labelled_split("check5")
    assert len(check5) >= 150 and 0.35 <= sum(r["label"] == "education" for r in check5) / len(check5) <= 0.55
    per_site = Counter(r["site"] for r in check5)
    assert max(per_site.values()) <= len(check5) / 4
    assert "check5" in DEV_SPLITS


def test_check6_is_whole_varied_and_development_data() -> None:
    """check6 (issue 16's fourth blind set, scored once: P 0.755, R 0.794) is complete, spread, and now training data.

    Its sites are new to data/topic and its repositories new to tests/fixtures/real; education and other pages each
    come from at least 12 sites, and no site holds more than 15% of it nor any repository more than 25%, so one
    publisher or source cannot decide its precision or recall. Every page is stored gzip'd with its repository,
    path, commit and title.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    check6 = _labelled_split("check6")
    assert len(check6) >= 190 and 0.40 <= sum(r["label"] == "education" for r in check6) / len(check6) <= 0.55
    assert all(r["title"] for r in check6)
    assert all(r["file"].endswith(".gz") and gzip.decompress((TOPIC / "pages" / r["file"]).read_bytes()).strip()
               for r in check6)
    for label in ("education", "other"):
        assert len({r["site"] for r in check6 if r["label"] == label}) >= 12
    assert max(Counter(r["site"] for r in check6).values()) <= 0.15 * len(check6)
    assert max(Counter(r["repository"] for r in check6).values()) <= 0.25 * len(check6)
    assert "check6" in DEV_SPLITS


def test_check7_is_a_news_archive_sample_and_development_data() -> None:
    """check7 (issue 16's blind set of news pages, scored once: P 0.857, R 0.915) is complete, spread, training data.

    It is meant to look
    like a news archive, so every page is a publisher's (or a city newsroom's) article with its chrome, its education
    share is 35-55%, education pages come from at least 6 publishers and other pages from at least 8, no site holds
    more than 15% and no repository more than 25%, its sites are new to data/topic and its repositories new to
    tests/fixtures/real, and every page is stored gzip'd under a file name of its own.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    check7 = _labelled_split("check7")
    assert len(check7) >= 160 and 0.35 <= sum(r["label"] == "education" for r in check7) / len(check7) <= 0.55
    assert all(r["title"] and r["url"] for r in check7)
    assert all(r["file"].endswith(".html.gz") and b"<" in gzip.decompress((TOPIC / "pages" / r["file"]).read_bytes())
               for r in check7)
    assert len({r["site"] for r in check7 if r["label"] == "education"}) >= 6
    assert len({r["site"] for r in check7 if r["label"] == "other"}) >= 8
    assert max(Counter(r["site"] for r in check7).values()) <= 0.15 * len(check7)
    assert max(Counter(r["repository"] for r in check7).values()) <= 0.25 * len(check7)
    assert "check7" in DEV_SPLITS


def test_check8_is_a_blind_news_sample() -> None:
    """check8 (issue 16's blind news set after check7, scored once: P 0.889, R 0.833) is complete, new and spread.

    Reads only labels and files, never a score. Spent once scored, it is development data since. At least 150
    pages of news
    publishers (papers, student papers, government releases), education pages from at least 5 sites and other pages
    from at least 8, no site over 15% nor repository over 25%, sites new to data/topic and repositories new to
    tests/fixtures/real, every page stored gzip'd under a file name of its own with its repository, path and commit.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    check8 = _labelled_split("check8")
    assert len(check8) >= 150 and 0.25 <= sum(r["label"] == "education" for r in check8) / len(check8) <= 0.55
    assert all(r["url"] for r in check8)
    assert all(r["file"].endswith(".gz") and gzip.decompress((TOPIC / "pages" / r["file"]).read_bytes()).strip()
               for r in check8)
    assert len({r["site"] for r in check8 if r["label"] == "education"}) >= 5
    assert len({r["site"] for r in check8 if r["label"] == "other"}) >= 8
    assert max(Counter(r["site"] for r in check8).values()) <= 0.15 * len(check8)
    assert max(Counter(r["repository"] for r in check8).values()) <= 0.25 * len(check8)
    assert "check8" in DEV_SPLITS


def test_check10_is_a_blind_news_sample() -> None:
    """check10 (issue 16's blind news set after check8, scored once: P 0.817, R 0.860) is complete, new and spread.

    Reads only labels and files, never a score. Spent once scored, it is development data since. At least 150
    pages of news publishers (papers, a broadcaster, student and school papers, government releases), education
    pages from at least 5 sites and other pages from at least 12, no site over 15% nor repository over 25%, sites
    new to data/topic and repositories new to tests/fixtures/real, every page stored gzip'd under a file name of
    its own with its repository, path and commit.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    check10 = _labelled_split("check10")
    assert len(check10) >= 150 and 0.25 <= sum(r["label"] == "education" for r in check10) / len(check10) <= 0.55
    assert all(r["url"] and r["title"] for r in check10)
    assert all(r["file"].endswith(".gz") and gzip.decompress((TOPIC / "pages" / r["file"]).read_bytes()).strip()
               for r in check10)
    assert len({r["site"] for r in check10 if r["label"] == "education"}) >= 5
    assert len({r["site"] for r in check10 if r["label"] == "other"}) >= 12
    assert max(Counter(r["site"] for r in check10).values()) <= 0.15 * len(check10)
    assert max(Counter(r["repository"] for r in check10).values()) <= 0.25 * len(check10)
    assert "check10" in DEV_SPLITS


@pytest.mark.parametrize("split", ["check10", "check11"])
def test_second_reading_covers_the_split(split: str) -> None:
    """A second reader's labels (data/topic/<split>_second_reader.jsonl) cover every page of the split once.

    The agreements in data/topic/README.md (check10: 161 of 168, kappa 0.91; check11: see there) are computed
    over them; a page missing or read twice, or a label outside the rule's two, would make them wrong.
    """
    pages = {r["file"] for r in _labelled_split(split)}
    rows = [json.loads(line) for line in (TOPIC / f"{split}_second_reader.jsonl").read_text("utf-8").splitlines()]
    assert sorted(r["file"] for r in rows) == sorted(pages)
    assert {r["label"] for r in rows} == {"education", "other"}
    assert {r["confidence"] for r in rows} <= {"sure", "edge"}
    assert all(r["note"] for r in rows if r["confidence"] == "edge")


def test_check11_is_a_blind_news_sample() -> None:
    """check11 (issue 16's blind news set after check10, scored once: P 0.824, R 0.862) is complete, new and spread.

    Reads only labels and files, never a score. Spent once scored, it is development data since. At least 150
    pages of news publishers (government and parliamentary press releases of three countries, Indian papers,
    two school papers, ...), education pages from at least 5 sites and other pages from at least 12, no site
    over 15% nor repository over 25%, sites new to data/topic, every page stored gzip'd with its repository,
    path and commit (a URL where the source has one: NewsSumm rows have none).
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    check11 = _labelled_split("check11")
    assert len(check11) >= 150 and 0.25 <= sum(r["label"] == "education" for r in check11) / len(check11) <= 0.55
    assert all(r["title"] and r["repository"] and r["path"] and r["commit"] for r in check11)
    assert all(r["file"].endswith(".gz") and gzip.decompress((TOPIC / "pages" / r["file"]).read_bytes()).strip()
               for r in check11)
    assert len({r["site"] for r in check11 if r["label"] == "education"}) >= 5
    assert len({r["site"] for r in check11 if r["label"] == "other"}) >= 12
    assert max(Counter(r["site"] for r in check11).values()) <= 0.15 * len(check11)
    assert max(Counter(r["repository"] for r in check11).values()) <= 0.25 * len(check11)
    earlier = {r["site"] for r in map(json.loads, (TOPIC / "labels.jsonl").read_text("utf-8").splitlines())
               if r["split"] != "check11"}
    assert not earlier & {r["site"] for r in check11}
    assert "check11" in DEV_SPLITS


def test_dev6_is_whole_new_and_spread() -> None:
    """dev6 (issue 16's development pages from new sites) is complete, new to data/topic and spread over sites.

    Reads only labels and files, never a score. dev6 exists because most education development pages came
    from three sites; so no site may hold more than 8% of it, its education pages come from at least 25 sites,
    its sites are new to the other splits, its repositories new to tests/fixtures/real, and it is development
    data (in DEV_SPLITS).
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    dev6 = _labelled_split("dev6")
    assert len(dev6) >= 250 and sum(r["label"] == "education" for r in dev6) >= 120
    assert all(r["url"] for r in dev6)
    assert max(Counter(r["site"] for r in dev6).values()) <= 0.08 * len(dev6)
    assert len({r["site"] for r in dev6 if r["label"] == "education"}) >= 25
    assert "dev6" in DEV_SPLITS


def test_dev7_is_whole_new_and_development_data() -> None:
    """dev7 (issue 16's news publishers' stories) is complete, new to data/topic and development data.

    Reads only labels and files, never a score. Every row names its repository, feed file, commit and story URL;
    every page exists once and holds its story's title; its sites are new to the other splits, its repositories
    new to tests/fixtures/real, and it is in DEV_SPLITS. dev7 is below its planned size (see data/topic/README.md),
    so the size and education share are not asserted beyond what was delivered.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from train_education import DEV_SPLITS

    dev7 = _labelled_split("dev7")
    assert len(dev7) >= 180 and sum(r["label"] == "education" for r in dev7) >= 19
    assert all(r["url"] for r in dev7)
    for r in dev7:
        page = gzip.decompress((TOPIC / "pages" / r["file"]).read_bytes()).decode()
        assert r["title"] and r["title"] in page.replace("&#x27;", "'").replace("&amp;", "&").replace("&quot;", '"')
    assert len({r["site"] for r in dev7}) >= 15
    assert "dev7" in DEV_SPLITS
