"""The whole flow, end to end, through the real command line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import SAMPLE, copy_sample, edunews

import pipeline
from pipeline.ids import canonical_url
from pipeline.records import TABLES

TABLE_NAMES = ["articles", "people", "organizations", "places", "dates", "priority_areas", "errors"]


def test_run_writes_every_table_as_csv_parquet_and_datapackage(sample_run: Path) -> None:
    processed = sample_run / "processed"
    assert list(TABLES) == TABLE_NAMES
    for table in TABLE_NAMES:
        assert (processed / f"{table}.csv").is_file(), table
        assert (processed / f"{table}.parquet").exists(), table
        frame = pd.read_csv(processed / f"{table}.csv")
        assert list(frame.columns) == [c for c in TABLES[table].__dataclass_fields__]
        assert len(pd.read_parquet(processed / f"{table}.parquet").columns) >= len(frame.columns)
    package = json.loads((processed / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == TABLE_NAMES
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            assert field["description"], (resource["name"], field["name"])


def test_every_sample_page_becomes_an_article(sample_run: Path) -> None:
    manifest = [json.loads(line) for line in (SAMPLE / "manifest.jsonl").read_text().splitlines() if line.strip()]
    articles = pipeline.load_tables(sample_run / "processed")["articles"]
    assert len(articles) == len(manifest) >= 9
    assert set(articles["url"]) == {canonical_url(m["url"]) for m in manifest}
    assert articles["article_id"].is_unique


def test_load_tables_gives_documented_dtypes(sample_run: Path) -> None:
    tables = pipeline.load_tables(sample_run / "processed")
    assert set(tables) == set(TABLE_NAMES)
    arts = tables["articles"]
    assert pd.api.types.is_datetime64_any_dtype(arts["published"])
    assert pd.api.types.is_datetime64_any_dtype(arts["fetched_at"])
    assert arts["article_id"].dtype == "string"
    assert arts["word_count"].dtype == "Int64"
    assert tables["people"]["mention_count"].dtype == "Int64"
    assert tables["places"]["latitude"].dtype == "Float64"
    assert pd.api.types.is_datetime64_any_dtype(tables["dates"]["start"])
    assert tables["priority_areas"]["position"].dtype == "Int64"


def test_non_english_article_is_kept_with_its_language_and_no_mentions(sample_run: Path) -> None:
    tables = pipeline.load_tables(sample_run / "processed")
    arts = tables["articles"]
    foreign = arts[arts["language"] != "en"]
    assert len(foreign) >= 1
    assert set(foreign["status"]) == {"not_english"}
    ids = set(foreign["article_id"])
    for table in ("people", "organizations", "places", "priority_areas"):
        assert not ids & set(tables[table]["article_id"]), table
    assert set(tables["dates"][tables["dates"]["article_id"].isin(ids)]["kind"]) <= {"published"}


def _digests(processed: Path) -> dict[str, str]:
    return {
        p.relative_to(processed).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(processed.rglob("*"))
        if p.is_file() and p.name != "report.html"
    }


def test_same_input_gives_byte_identical_files(sample_run: Path, tmp_path: Path) -> None:
    second = copy_sample(tmp_path / "again")
    edunews("run", "--data", str(second), "-q", check=True)
    assert _digests(second / "processed") == _digests(sample_run / "processed")
    # and a second run over the same folder changes nothing
    before = _digests(second / "processed")
    proc = edunews("run", "--data", str(second), "-q", check=True)
    assert "unchanged 10" in proc.stderr or "new 0" in proc.stderr
    assert _digests(second / "processed") == before


def _write_manifest(folder: Path, pages: dict[str, bytes], content_types: dict[str, str] | None = None) -> None:
    folder.mkdir(parents=True)
    lines = []
    for i, (name, body) in enumerate(sorted(pages.items())):
        (folder / name).write_bytes(body)
        entry = {"file": name, "url": f"https://news.example.org/{i}-{name.split('.')[0]}",
                 "fetched_at": "2024-05-01T10:00:00Z"}
        if content_types and name in content_types:
            entry["content_type"] = content_types[name]
        lines.append(json.dumps(entry))
    (folder / "manifest.jsonl").write_text("\n".join(lines) + "\n")


def _page(title: str, paragraphs: list[str], charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html><head><meta charset="{charset}"><title>{title}</title></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>{body}</article>'
            f"<footer>Copyright 2024 Example News</footer></body></html>")


GOOD = [
    "The Minister of Education, Dr Amina Yusuf, opened a new teacher training college in Kano on Tuesday.",
    "The college will train 2,000 primary school teachers every year, the ministry said in a statement.",
    "Officials said the programme is part of a wider effort to improve learning outcomes in northern states.",
]


@pytest.mark.slow
def test_bad_documents_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    cyrillic = ["Министерство образования открыло новую школу в городе Душанбе для детей из сельских районов.",
                "Учителя прошли подготовку по цифровым технологиям и новым методам преподавания в классе."] * 3
    latin1 = ["Le ministère de l'Éducation a annoncé une réforme des écoles élémentaires à Dakar cette année.",
              "Les enseignants recevront une formation complémentaire pour améliorer la qualité de l'éducation."] * 3
    pages = {
        "a-empty.html": b"",
        "b-binary.html": bytes(range(256)) * 20,
        "c-no-text.html": b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        # declared as UTF-8 by the server, really windows-1251: the bytes must win
        "d-cp1251.html": _page("Новая школа", cyrillic, charset="utf-8").encode("cp1251"),
        "e-latin1.html": _page("Réforme des écoles", latin1, charset="iso-8859-1").encode("latin-1"),
        "f-good.html": _page("New teacher training college opens", GOOD).encode("utf-8"),
    }
    data = tmp_path / "data"
    _write_manifest(data / "raw" / "batch", pages, {"d-cp1251.html": "text/html; charset=utf-8"})
    proc = edunews("process", "--data", str(data), "-q")
    assert proc.returncode == 1, proc.stderr  # some documents failed
    assert "Traceback" not in proc.stderr
    tables = pipeline.load_tables(data / "processed")
    errors = tables["errors"]
    failed = {src.split("#")[1].split(" ")[0] for src in errors["source"]}
    assert any(src.endswith("(batch/a-empty.html)") for src in errors["source"])  # the row names the file
    assert failed == {"1", "2", "3"}, errors.to_string()
    assert set(errors["stage"]) == {"clean"}
    assert all("\n" not in e and len(e) < 200 for e in errors["error"])
    arts = tables["articles"].set_index(tables["articles"]["raw_ref"].str.split("#").str[1])
    assert "Министерство образования" in arts.loc["4", "text"]
    assert arts.loc["4", "language"] == "ru"
    assert "ministère de l'Éducation" in arts.loc["5", "text"]
    assert arts.loc["6", "status"] == "ok"
    assert "Amina Yusuf" in set(tables["people"]["name"])


def test_cli_help_and_usage_errors(tmp_path: Path) -> None:
    for command in ("run", "process", "ingest", "clean", "extract", "eval"):
        proc = edunews(command, "--help")
        assert proc.returncode == 0, command
        assert "Example" in proc.stdout and "--data" in proc.stdout, command
    assert edunews("no-such-command").returncode == 2
    assert edunews("extract").returncode == 2
    assert edunews("extract", "x.html", "--published", "yesterday").returncode == 2
    missing = edunews("clean", str(tmp_path / "missing.html"))
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) == 1


def test_ingest_html_files_then_process(tmp_path: Path) -> None:
    pages = tmp_path / "saved"
    pages.mkdir()
    (pages / "one.html").write_text(_page("New teacher training college opens", GOOD))
    data = tmp_path / "data"
    edunews("ingest", str(pages), "--data", str(data), check=True)
    assert list((data / "raw").glob("ingest-*.warc.gz"))
    edunews("process", "--data", str(data), "-q", check=True)
    arts = pipeline.load_tables(data / "processed")["articles"]
    assert list(arts["title"]) == ["New teacher training college opens"]
    assert arts["raw_ref"][0].startswith("ingest-") and "#" in arts["raw_ref"][0]


def test_table_docs_are_current() -> None:
    from pipeline.tables.docs import render

    docs = Path(__file__).resolve().parent.parent / "docs" / "tables.md"
    assert docs.read_text(encoding="utf-8") == render(), "run: python -m pipeline.tables.docs"


