"""Joins that hold (issue 14): people.org_id -> organizations of the same article; one place_id per article."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import SHARED, edunews

import pipeline


def _check_joins(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Assert referential integrity; return the people rows that have an organization."""
    people, orgs, places = tables["people"], tables["organizations"], tables["places"]
    articles = set(tables["articles"]["article_id"])
    for name, frame in tables.items():
        if name not in ("articles", "errors"):
            assert set(frame["article_id"]) <= articles, name
    known = set(zip(orgs["article_id"], orgs["org_id"], strict=True))
    with_org = people[people["org_id"].notna()]
    dangling = [(a, n, o) for a, n, o, i in zip(with_org["article_id"], with_org["name"], with_org["organization"],
                                                with_org["org_id"], strict=True) if (a, i) not in known]
    assert not dangling, dangling
    # the organization named in people is the one the row holds
    named = orgs.set_index(["article_id", "org_id"])["name"]
    assert all(named[(a, i)] == o for a, i, o in zip(with_org["article_id"], with_org["org_id"],
                                                       with_org["organization"], strict=True))
    assert not orgs.duplicated(["article_id", "org_id"]).any()
    assert not people.duplicated(["article_id", "person_id"]).any()
    resolved = places[places["place_id"].notna()]
    assert not resolved.duplicated(["article_id", "place_id"]).any()
    return with_org


def test_joins_hold_on_the_bundled_sample(sample_run: Path) -> None:
    with_org = _check_joins(pipeline.load_tables(sample_run / "processed"))
    assert len(with_org) >= 10


def _real_set(raw: Path) -> int:
    """gold-dev articles and cleaning-dev pages as a folder of pages with a manifest.jsonl."""
    raw.mkdir(parents=True)
    entries = []
    gold = SHARED / "data" / "gold-dev"
    for line in (gold / "sources.jsonl").read_text("utf-8").splitlines():
        src = json.loads(line)
        path = gold / src["file"]
        (raw / path.name).write_bytes(path.read_bytes())
        entries.append({"file": path.name, "url": src["url"], "fetched_at": "2024-01-01T00:00:00Z",
                        "content_type": "text/plain" if path.suffix == ".txt" else "text/html"})
    for path in sorted((SHARED / "data" / "cleaning-dev" / "html").glob("*.html.gz")):
        name = path.name[:16] + ".html"
        (raw / name).write_bytes(gzip.decompress(path.read_bytes()))
        entries.append({"file": name, "url": f"https://news.example.org/{name}", "fetched_at": "2024-01-01T00:00:00Z"})
    (raw / "manifest.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries), "utf-8")
    return len(entries)


@pytest.mark.slow
def test_joins_hold_on_a_real_set(tmp_path: Path) -> None:
    if not (SHARED / "data" / "gold-dev").is_dir():
        pytest.skip("the shared gold-dev and cleaning-dev sets are not here")
    data = tmp_path / "data"
    n = _real_set(data / "raw" / "real")
    edunews("process", "--data", str(data), "-q", check=True)
    tables = pipeline.load_tables(data / "processed")
    assert len(tables["articles"]) == n
    with_org = _check_joins(tables)
    # organizations only implied (a President's government, a Senator's chamber) have their row, with no
    # mention in the text
    orgs = tables["organizations"]
    implied = orgs[orgs["mention_count"] == 0]
    inferred = implied["name"].str.startswith("Government of") | implied["name"].str.startswith("United States ")
    assert len(implied) >= 5 and inferred.all(), implied["name"][~inferred].tolist()
    assert set(zip(implied["article_id"], implied["org_id"], strict=True)) <= set(
        zip(with_org["article_id"], with_org["org_id"], strict=True))
