"""News datasets (CSV, JSON Lines, Parquet; one article a row) through `edunews ingest` and `process`.

Rows are built from real pages: the seed article's text (tests/fixtures/seed.txt) and the
bundled sample's saved HTML pages. What a researcher checks: every row is an article with
the dataset's own title and date, entities come out, a row with nothing in it is an
`errors` row naming the row, and a rerun costs only what changed.
"""

from __future__ import annotations

import csv
import json
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from pipeline.ingest.datasets import iter_dataset, resolve_columns
from pipeline.tables import load_tables
from tests.conftest import SAMPLE, edunews

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "tests" / "fixtures" / "seed.txt").read_text("utf-8")
SEED_BODY = SEED_TEXT.split("\n\n", 1)[1]  # the dataset gives the headline in its own column
MANIFEST = [json.loads(line) for line in (SAMPLE / "manifest.jsonl").read_text("utf-8").splitlines() if line.strip()]


def _html_rows(n: int) -> list[dict[str, str]]:
    rows = []
    for entry in MANIFEST[:n]:
        html = (SAMPLE / entry["file"]).read_text("utf-8", errors="replace")
        rows.append({"url": entry["url"], "html": html})
    return rows


def _csv_rows() -> list[dict[str, str]]:
    return [
        {"link": "https://en.unesco.kz/ict-oer-workshop-tajikistan", "headline": "ICT and OER workshop in Dushanbe",
         "body": SEED_BODY, "date": "2018-11-09"},
        {"link": "https://example.org/news/2", "headline": "Row without text", "body": "", "date": "2020-01-01"},
        {"link": "https://en.unesco.kz/ict-oer-workshop-tajikistan-crlf", "headline": "Same story, CRLF copy",
         "body": SEED_BODY.replace("\n", "\r\n"), "date": "9 November 2018"},
    ]


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def csv_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("csv-dataset")
    data, table = root / "data", _write_csv(root / "news.csv", _csv_rows())
    edunews("ingest", str(table), "--data", str(data), "--columns",
            "url=link,title=headline,text=body,published=date", check=True)
    proc = edunews("process", "--data", str(data), "-q")
    assert proc.returncode == 1, proc.stderr  # one row failed: exit 1, the rest processed
    return data, table


def test_csv_rows_become_articles_with_their_own_title_and_date(csv_run: tuple[Path, Path]) -> None:
    data, _ = csv_run
    tables = load_tables(data / "processed")
    arts = tables["articles"].set_index("url")
    seed = arts.loc["https://en.unesco.kz/ict-oer-workshop-tajikistan"]
    assert seed["status"] == "ok"
    assert seed["title"] == "ICT and OER workshop in Dushanbe"
    assert str(seed["published"])[:10] == "2018-11-09"
    crlf = arts.loc["https://en.unesco.kz/ict-oer-workshop-tajikistan-crlf"]
    assert crlf["status"] == "ok" and str(crlf["published"])[:10] == "2018-11-09"
    people = tables["people"]
    for article_id in (seed["article_id"], crlf["article_id"]):
        names = set(people.loc[people["article_id"] == article_id, "name"])
        assert {"Rahmatulo Mirboboev", "Fengchun Miao"} <= names


def test_a_row_without_text_is_an_errors_row_naming_the_row(csv_run: tuple[Path, Path]) -> None:
    data, _ = csv_run
    errors = load_tables(data / "processed")["errors"]
    assert len(errors) == 1
    row = errors.iloc[0]
    assert "news.csv#row=2" in row["source"]
    assert "row 2" in row["error"] and "no text or html" in row["error"]


def test_rerun_processes_nothing_and_a_changed_row_only_that_row(csv_run: tuple[Path, Path]) -> None:
    data, table = csv_run
    again = edunews("ingest", str(table), "--data", str(data), "--columns",
                    "url=link,title=headline,text=body,published=date", check=True)
    assert "unchanged" in again.stderr
    proc = edunews("process", "--data", str(data), "-q")
    assert "new 0, changed 0, unchanged 3" in proc.stderr  # the failed row is known too: not retried

    rows = _csv_rows()
    rows[0]["headline"] = "ICT and OER workshop in Dushanbe (updated)"
    _write_csv(table, rows)
    assert "updated" in edunews("ingest", str(table), "--data", str(data), "--columns",
                                "url=link,title=headline,text=body,published=date", check=True).stderr
    proc = edunews("process", "--data", str(data), "-q")
    assert "new 0, changed 1, unchanged 2" in proc.stderr, proc.stderr
    arts = load_tables(data / "processed")["articles"]
    assert "ICT and OER workshop in Dushanbe (updated)" in set(arts["title"])
    assert len(arts) == 2  # the changed row replaced its article, nothing duplicated


def test_jsonl_and_parquet_datasets_of_html_pages_with_guessed_columns(tmp_path: Path) -> None:
    rows = _html_rows(4)
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows[:2]), "utf-8")
    parquet = tmp_path / "pages.parquet"
    pd.DataFrame(rows[2:]).to_parquet(parquet)
    data = tmp_path / "data"
    edunews("ingest", str(jsonl), str(parquet), "--data", str(data), check=True)
    edunews("process", "--data", str(data), "-q", check=True)
    arts = load_tables(data / "processed")["articles"]
    assert set(arts["url"]) == {r["url"] for r in rows}
    assert (arts["status"] == "ok").sum() >= 3
    assert not load_tables(data / "processed")["people"].empty


def test_bad_columns_are_refused_with_what_to_do(tmp_path: Path) -> None:
    table = _write_csv(tmp_path / "news.csv", _csv_rows())
    proc = edunews("ingest", str(table), "--data", str(tmp_path / "d"), "--columns", "text=nosuch")
    assert proc.returncode != 0
    assert "no column 'nosuch'" in proc.stderr and "link, headline, body, date" in proc.stderr
    plain = _write_csv(tmp_path / "other.csv", [{"a": "1", "b": "2"}])
    proc = edunews("ingest", str(plain), "--data", str(tmp_path / "d"))
    assert proc.returncode != 0 and "--columns text=COLUMN" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_rows_are_streamed_not_loaded(tmp_path: Path) -> None:
    """A dataset far larger than the memory the reader may use is read row by row."""
    table = tmp_path / "big.jsonl"
    row = json.dumps({"url": "https://example.org/x", "text": SEED_TEXT}) + "\n"
    with table.open("w", encoding="utf-8") as fh:
        for _ in range(8000):  # ~40 MB
            fh.write(row)
    size = table.stat().st_size
    tracemalloc.start()
    count = sum(1 for _ in iter_dataset(table, "big.jsonl", resolve_columns(table, {})))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 8000
    assert peak < size / 20, f"peak {peak} bytes for a {size}-byte file"
