"""bench/build_weak.py: the weak corpus builder on real git repositories, and the committed corpus's shape."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import build_weak  # noqa: E402

WEAK = ROOT / "data" / "topic" / "weak" / "weak.jsonl.gz"
KEYS = {"title", "lead", "label", "publisher", "category", "source", "path", "commit"}


def _repo(tmp: Path, name: str, path: str, text: str) -> tuple[str, tuple[str, str, str]]:
    """A real git repository holding one file; returns its directory and its (repo, commit, path)."""
    d = tmp / name
    (d / path).parent.mkdir(parents=True, exist_ok=True)
    (d / path).write_text(text, encoding="utf-8")
    git = ["git", "-C", str(d), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(d)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "data"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    return str(d), (f"owner/{name}", commit, path)


def test_split_glued_finds_the_end_of_the_headline() -> None:
    key = build_weak.norm("can we learn to get along ?")
    assert build_weak.split_glued("Can We Learn To Get Along?The answer is no.", key) == (
        "Can We Learn To Get Along?",
        "The answer is no.",
    )
    assert build_weak.split_glued("Short", build_weak.norm("a much longer headline")) is None


def test_detokenize_undoes_the_few_shot_tokenisation() -> None:
    assert build_weak.detokenize("world cup 's official song , and we ca n't stop") == (
        "world cup's official song, and we can't stop"
    )
    assert build_weak.detokenize("high - school students ( part 3 )") == "high-school students (part 3)"


def test_category_table() -> None:
    assert build_weak.label_of("huffpost", "EDUCATION") == "education"
    assert build_weak.label_of("huffpost", "COLLEGE") is None
    assert build_weak.label_of("huffpost", "PARENTS") == "other"
    assert build_weak.label_of("toi", "home.education") == "education"
    assert build_weak.label_of("toi", "unknown") is None
    assert build_weak.label_of("url", "/education/") == "education"


def test_build_on_real_repositories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_weak, "OTHER_N", 3)
    names = list(build_weak.HUFF_FS_NAMES)
    fs_lines = [
        {"raw": "teachers strike over pay , again", "label": names.index("EDUCATION")},
        {"raw": "campus party ends in arrests", "label": names.index("COLLEGE")},
        {"raw": "senate passes budget", "label": names.index("POLITICS")},
        {"raw": "a new museum opens", "label": names.index("ARTS")},
    ]
    v2 = {
        "headline": "Senate Passes Budget",
        "short_description": "After a long night. " + "word " * 200,
        "category": "POLITICS",
        "link": "https://www.huffingtonpost.com/entry/senate-budget_us_1",
    }
    v3 = {"headline": "Storm Hits Coast", "short_description": "", "category": "U.S. NEWS", "link": "https://www.huffpost.com/entry/x"}
    repos = [
        _repo(tmp_path, "fs", "data/huffpost.json", "\n".join(json.dumps(x) for x in fs_lines) + "\n"),
        _repo(tmp_path, "v2", "v2.json", json.dumps(v2) + "\n" + '{"headline": "cut'),
        _repo(tmp_path, "glued", "d.csv", '"Teachers Strike Over Pay, AgainA ""third"" walkout."\tEDUCATION\n'),
        _repo(tmp_path, "v3", "v3.json", json.dumps(v3) + "\n"),
        _repo(
            tmp_path,
            "toi",
            "toi.csv",
            "publish_date,headline_category,headline_text\n1,home.education,Board exams postponed\n"
            "2,unknown,Something\n3,city.delhi,Metro fares rise\n",
        ),
        _repo(
            tmp_path,
            "india",
            "india.csv",
            "id,title,date,category,source,url\n1,NIRF rankings out,2025,Politics,IE,"
            "https://indianexpress.com/article/education/nirf-1/\n",
        ),
    ]
    rows = build_weak.build([d for d, _ in repos], tuple(s for _, s in repos))
    by_title = {r["title"]: r for r in rows}
    assert set(by_title) >= {"Teachers Strike Over Pay, Again", "Board exams postponed", "NIRF rankings out"}
    glued = by_title["Teachers Strike Over Pay, Again"]
    assert (glued["label"], glued["lead"], glued["source"]) == ("education", 'A "third" walkout.', "owner/glued")
    assert by_title["NIRF rankings out"]["publisher"] == "indianexpress.com"
    assert "campus party ends in arrests" not in by_title and "Something" not in by_title  # dropped desks
    assert sum(r["label"] == "other" for r in rows) == 3  # OTHER_N
    senate = [r for r in rows if build_weak.norm(r["title"]) == build_weak.norm("Senate Passes Budget")]
    assert len(senate) <= 1  # one story kept once
    if senate:
        assert senate[0]["publisher"] == "huffingtonpost.com" and len(senate[0]["lead"].split()) == 120


def test_committed_corpus_shape() -> None:
    with gzip.open(WEAK, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    assert all(set(r) == KEYS for r in rows)
    assert {r["label"] for r in rows} == {"education", "other"}
    assert all(r["title"] and len(r["lead"].split()) <= build_weak.LEAD_WORDS for r in rows)
    keys = [build_weak.norm(r["title"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert sum(r["label"] == "other" for r in rows) == build_weak.OTHER_N
    edu_categories = {r["category"] for r in rows if r["label"] == "education"}
    assert edu_categories == {"EDUCATION", "home.education", "/education/"}
    assert len({r["publisher"] for r in rows}) >= 3
    assert WEAK.stat().st_size <= 8 * 1024 * 1024
