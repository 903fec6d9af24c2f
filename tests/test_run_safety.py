"""One document never stops a run (issue 14): long texts are parsed in pieces, a failure is one errors row."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SEED_PAGE, edunews

import pipeline
import pipeline.extract as extract
from pipeline.clean import clean_page
from pipeline.extract import extract_articles, pieces
from pipeline.extract.nlp import get_nlp
from pipeline.records import RawPage
from pipeline.run import process
from pipeline.settings import load_settings

SEED_URL = "http://en.unesco.kz/a-workshop-on-leveraging-ict-and-oer"
COPIES = 6


def _inflated(copies: int) -> str:
    """The seed page with its article body written ``copies`` times (each copy numbered, so none is a repeat)."""
    html = SEED_PAGE.read_text("utf-8")
    body = re.search(r"<p>Around 30 decision makers.*?f\.miao@unesco\.org</a>\.</p>", html, re.S)
    assert body is not None
    more = "".join(body.group(0).replace("<p>", f"<p>Report {k}. ") for k in range(1, copies))
    return html[:body.end()] + more + html[body.end():]


def _manifest(folder: Path, pages: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    entries = []
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, "utf-8")
        entries.append({"file": f"{name}.html", "url": f"{SEED_URL}-{name}", "fetched_at": "2024-01-01T00:00:00Z"})
    (folder / "manifest.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries), "utf-8")


def test_pieces_join_back_and_cut_at_block_breaks() -> None:
    text = "\n\n".join(f"Paragraph {i} says something. " * 8 for i in range(40))
    parts = pieces(text, 1000)
    assert "".join(parts) == text and len(parts) > 5
    assert all(len(p) <= 1000 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])
    assert pieces("x" * 2500, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]  # no break at all: a hard cut
    assert pieces("short", 1000) == ["short"]


def test_default_limit_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    article = clean_page(RawPage(SEED_PAGE.read_bytes(), SEED_URL, "t", "t#1"))
    assert next(extract_articles([article])).people
    assert load_settings().max_length == 100_000 == get_nlp(load_settings().spacy_model).max_length
    monkeypatch.setenv("EDUNEWS_MAX_LENGTH", "5000")
    assert load_settings().max_length == 5000


def test_a_text_parsed_in_pieces_gives_the_rows_of_one_parse() -> None:
    article = clean_page(RawPage(SEED_PAGE.read_bytes(), SEED_URL, "t", "t#1"))
    whole = next(extract_articles([article]))
    assert len(article.text) > 1500
    cut = next(extract_articles([article], max_length=len(article.text) // 3))
    for table in ("people", "organizations", "places", "priority_areas"):
        assert getattr(cut, table) == getattr(whole, table), table


def test_a_page_over_the_limit_is_processed_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    _manifest(data / "raw" / "pages", {"big": _inflated(COPIES), "one": SEED_PAGE.read_text("utf-8")})
    monkeypatch.setenv("EDUNEWS_MAX_LENGTH", "4000")  # a page of over 4 times that: spaCy alone would refuse it (E088)
    proc = edunews("process", "--data", str(data), "-q")
    assert proc.returncode == 0, proc.stderr
    tables = pipeline.load_tables(data / "processed")
    arts = tables["articles"].set_index(tables["articles"]["url"].str.rsplit("-", n=1).str[1])
    assert arts.loc["big", "status"] == "ok" and len(arts.loc["big", "text"]) > 4 * 4000
    assert tables["errors"].empty
    text = arts.loc["big", "text"]
    people = tables["people"].set_index(["article_id", "name"])
    big, one = arts.loc["big", "article_id"], arts.loc["one", "article_id"]
    # one Doc over the pieces: a person named in every copy is one row with every mention
    assert people.loc[(big, "Fengchun Miao"), "mention_count"] == COPIES * people.loc[(one, "Fengchun Miao"),
                                                                                   "mention_count"]
    places = tables["places"][tables["places"]["article_id"] == big]
    assert set(places["name"]) == set(tables["places"][tables["places"]["article_id"] == one]["name"])
    assert all(text[s:e] == n for n, s, e in zip(places["name"], places["start_char"], places["end_char"], strict=True))


def test_a_text_over_max_chars_is_read_up_to_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    _manifest(data / "raw" / "pages", {"big": _inflated(COPIES)})
    monkeypatch.setenv("EDUNEWS_MAX_LENGTH", "3000")
    monkeypatch.setenv("EDUNEWS_MAX_CHARS", "8000")
    proc = edunews("process", "--data", str(data), "-q")
    assert proc.returncode == 0, proc.stderr
    tables = pipeline.load_tables(data / "processed")
    (row,) = tables["articles"].itertuples()
    assert row.status == "too_long" and len(row.text) > 2 * 8000  # the article keeps its whole text
    for table in ("people", "organizations", "places"):
        assert 0 < tables[table]["end_char"].max() <= 8000, table


def test_a_page_over_the_default_limit(tmp_path: Path) -> None:
    """Default settings: a text over max_length (100,000) is parsed in pieces, nothing lost."""
    data = tmp_path / "data"
    copies = 40
    _manifest(data / "raw" / "pages", {"big": _inflated(copies), "one": SEED_PAGE.read_text("utf-8")})
    proc = edunews("process", "--data", str(data), "-q")
    assert proc.returncode == 0, proc.stderr
    tables = pipeline.load_tables(data / "processed")
    arts = tables["articles"].set_index(tables["articles"]["url"].str.rsplit("-", n=1).str[1])
    assert arts.loc["big", "status"] == "ok" and len(arts.loc["big", "text"]) > 100_000
    people = tables["people"].set_index(["article_id", "name"])
    big, one = arts.loc["big", "article_id"], arts.loc["one", "article_id"]
    assert people.loc[(big, "Fengchun Miao"), "mention_count"] == copies * people.loc[(one, "Fengchun Miao"),
                                                                                   "mention_count"]


@pytest.mark.slow
def test_a_text_over_spacys_default_limit_is_capped(tmp_path: Path) -> None:
    """Over 1,000,000 characters (spaCy's own limit, where the reported 30 MB page died with E088):
    read up to max_chars, status too_long, no error, and the pages around it are there."""
    data = tmp_path / "data"
    _manifest(data / "raw" / "pages", {"a": SEED_PAGE.read_text("utf-8"), "huge": _inflated(360),
                                       "z": SEED_PAGE.read_text("utf-8").replace("30 decision", "40 decision")})
    proc = edunews("process", "--data", str(data), "-q", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    tables = pipeline.load_tables(data / "processed")
    arts = tables["articles"].set_index(tables["articles"]["url"].str.rsplit("-", n=1).str[1])
    assert list(arts["status"].sort_index()) == ["ok", "too_long", "ok"]
    assert len(arts.loc["huge", "text"]) > 1_000_000 and tables["errors"].empty
    mentions = tables["people"][tables["people"]["article_id"] == arts.loc["huge", "article_id"]]
    assert 0 < mentions["end_char"].max() <= 1_000_000
    assert mentions.set_index("name").loc["Fengchun Miao", "mention_count"] >= 2 * 300


def _failing_extractor(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """An extractor bug that shows on one document only (the fault is injected: no real page has it yet)."""
    real = extract.priority_areas.extract

    def harvest(ctx):  # noqa: ANN001, ANN202
        if marker in ctx.article.text:
            raise KeyError("organization")
        return real(ctx)
    monkeypatch.setattr(extract.priority_areas, "extract", harvest)


def _check_failed_run(summary, data: Path, settings) -> None:  # noqa: ANN001
    assert summary.failed == 1 and summary.new == 10
    tables = pipeline.load_tables(data / "processed")
    assert len(tables["articles"]) == 9  # every other page
    (err,) = tables["errors"].itertuples()
    assert err.stage == "extract" and "organization" in err.error and "KeyError:" not in err.error
    again = process(settings)  # remembered as failed for these bytes and this extractor version
    assert (again.unchanged, again.failed, again.new) == (10, 0, 0)


def _sample(tmp_path: Path) -> Path:
    from conftest import copy_sample

    return copy_sample(tmp_path / "data")


def test_an_exception_in_one_document_is_its_errors_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _sample(tmp_path)
    _failing_extractor(monkeypatch, "Fengchun Miao")
    settings = load_settings(data_dir=data, workers=1, progress=False)
    _check_failed_run(process(settings), data, settings)


def test_an_exception_in_one_document_on_dask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    data = _sample(tmp_path)
    _failing_extractor(monkeypatch, "Fengchun Miao")
    # workers in this process, so the injected fault is theirs too
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        settings = load_settings(data_dir=data, engine="dask", scheduler=cluster.scheduler_address, batch_size=3,
                                 progress=False)
        _check_failed_run(process(settings), data, settings)


def test_a_parse_failure_costs_only_its_document() -> None:
    from spacy.language import Language

    @Language.component("test_fails_on_marker")
    def fails(doc):  # noqa: ANN001, ANN202
        if "Fengchun Miao" in doc.text:
            raise ValueError("cannot parse this one")
        return doc

    articles = [clean_page(RawPage(p.read_bytes(), f"https://x.org/{p.stem}", "t", f"t#{i}"))
                for i, p in enumerate(sorted(SEED_PAGE.parent.glob("*.html")))]
    english = [a for a in articles if a.status == "ok"]
    nlp = get_nlp(load_settings().spacy_model)  # the one extract_articles uses
    nlp.add_pipe("test_fails_on_marker")
    try:
        errors: list = []
        done = list(extract_articles(english, errors=errors, batch_size=8))
    finally:
        nlp.remove_pipe("test_fails_on_marker")
    assert [a.raw_ref for a, _ in errors] == [a.raw_ref for a in english if "Fengchun Miao" in a.text]
    assert len(done) == len(english) - 1 >= 4


def test_batches_count_texts_to_parse_and_keep_input_order() -> None:
    """Pages that are not parsed (other languages) do not shrink nlp.pipe's batches or reorder the results."""
    english = [clean_page(RawPage(p.read_bytes(), f"https://x.org/{p.stem}", "t", f"t#{i}"))
               for i, p in enumerate(sorted(SEED_PAGE.parent.glob("*.html")))]
    english = [a for a in english if a.status == "ok"][:3]
    others = []
    for i in range(5):
        other = clean_page(RawPage(SEED_PAGE.read_bytes(), f"https://x.org/de{i}", "t", f"de#{i}"))
        other.status, other.language = "not_english", "de"
        others.append(other)
    mixed = [others[0], english[0], others[1], others[2], english[1], others[3], english[2], others[4]]
    one_by_one = {x.article.raw_ref: x.people for x in extract_articles(english, batch_size=1)}
    out = list(extract_articles(mixed, batch_size=2))
    assert [x.article.raw_ref for x in out] == [a.raw_ref for a in mixed]
    assert all(not x.people for x in out if x.article.language == "de")
    assert {x.article.raw_ref: x.people for x in out if x.article.language != "de"} == one_by_one
    assert all(one_by_one.values())
