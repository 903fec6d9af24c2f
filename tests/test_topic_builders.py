"""The one write step of data/topic's split builders (bench/_topic.py ``write_split``).

Every labelled split is rebuilt from its repositories by a builder script; they all write through
``write_split``, so what it refuses is what keeps a blind set new and spread: a site already labelled,
two pages for one file name, one site holding too much of the split. A refusal writes nothing.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _topic import Spread, source_args, write_split  # noqa: E402


def _row(file: str, site: str, split: str = "new", label: str = "other", repository: str = "someone/site") -> dict:
    return {"file": file, "label": label, "site": site, "source": "test", "repository": repository,
            "path": file, "commit": "0" * 40, "url": f"https://{site}/{file}", "title": file, "split": split}


@pytest.fixture
def topic(tmp_path: Path) -> Path:
    """A data/topic folder with one older split of two rows (sites old.example, older.example)."""
    rows = [_row("old/a.html.gz", "old.example", "old"), _row("old/b.html.gz", "older.example", "old")]
    (tmp_path / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return tmp_path


def _mine(row: dict) -> bool:
    return row["split"] == "new"


def _labels(topic: Path) -> list[dict]:
    return [json.loads(line) for line in (topic / "labels.jsonl").read_text("utf-8").splitlines()]


def test_writes_gzipped_pages_and_appends_rows_keeping_older_splits(topic: Path) -> None:
    built = [(_row("new/x.html.gz", "a.example", label="education"), b"<p>x</p>"),
             (_row("new/y.html.gz", "b.example"), b"<p>y</p>")]
    assert write_split(built, "new", _mine, topic_dir=topic) == 0
    rows = _labels(topic)
    assert [r["file"] for r in rows] == ["old/a.html.gz", "old/b.html.gz", "new/x.html.gz", "new/y.html.gz"]
    assert gzip.decompress((topic / "pages" / "new" / "x.html.gz").read_bytes()) == b"<p>x</p>"
    # a rebuild from the same sources writes the same bytes
    before = (topic / "labels.jsonl").read_bytes()
    assert write_split(built, "new", _mine, topic_dir=topic) == 0
    assert (topic / "labels.jsonl").read_bytes() == before


@pytest.mark.parametrize("built", [
    [(_row("new/x.html.gz", "old.example"), b"x")],  # a site already labelled in another split
    [(_row("new/x.html.gz", "a.example"), b"x"), (_row("new/x.html.gz", "b.example"), b"y")],  # one name, two pages
    [(_row("old/a.html.gz", "a.example"), b"x")],  # a file name another split's row holds
], ids=["labelled-site", "shared-name", "taken-name"])
def test_refuses_and_writes_nothing(topic: Path, built: list, capsys: pytest.CaptureFixture[str]) -> None:
    before = (topic / "labels.jsonl").read_bytes()
    assert write_split(built, "new", _mine, topic_dir=topic) == 1
    assert (topic / "labels.jsonl").read_bytes() == before
    assert not (topic / "pages").exists()
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_site_over_its_cap_is_refused_once_the_split_is_whole(topic: Path) -> None:
    built = [(_row(f"new/{i}.html.gz", "big.example"), b"x") for i in range(3)]
    built.append((_row("new/other.html.gz", "small.example"), b"x"))
    whole = Spread(site_share=0.5)
    assert write_split(built, "new", _mine, spread=whole, topic_dir=topic) == 1
    assert not any(r["split"] == "new" for r in _labels(topic))
    # while a split is built a few sources at a time, the cap only warns
    partial = Spread(site_share=0.5, binding_from=10)
    assert write_split(built, "new", _mine, spread=partial, topic_dir=topic) == 0
    assert sum(r["split"] == "new" for r in _labels(topic)) == 4


def test_a_partial_rebuild_keeps_the_rows_of_the_sources_not_given(topic: Path) -> None:
    first = [(_row("new/x.html.gz", "a.example", repository="one/repo"), b"x"),
             (_row("new/y.html.gz", "b.example", repository="two/repo"), b"y")]
    assert write_split(first, "new", _mine, topic_dir=topic) == 0
    again = [(_row("new/z.html.gz", "c.example", repository="two/repo"), b"z")]
    assert write_split(again, "new", _mine, rebuilt=lambda r: _mine(r) and r["repository"] == "two/repo",
                       topic_dir=topic) == 0
    assert [r["file"] for r in _labels(topic) if r["split"] == "new"] == ["new/x.html.gz", "new/z.html.gz"]


def test_source_arguments_whole_or_a_known_subset(capsys: pytest.CaptureFixture[str]) -> None:
    keys = {"wyofile", "thedp"}
    assert source_args(["wyofile=/a", "thedp=/b"], keys) == {"wyofile": "/a", "thedp": "/b"}
    assert source_args(["wyofile=/a"], keys) is None  # a blind split is built whole
    assert "missing: ['thedp']" in capsys.readouterr().err
    assert source_args(["wyofile=/a"], keys, whole=False) == {"wyofile": "/a"}
    assert source_args(["nosuch=/a"], keys, whole=False) is None
    assert "unknown source keys: ['nosuch']" in capsys.readouterr().err


def _dataset(rows: list[tuple[str, str, str]], labels: dict[str, str]):  # noqa: ANN202
    from _dataset_split import Article, Source

    return Source("ds", "someone/news-data", "news-data", labels,
                  lambda clone: iter(Article("news.csv", "1" * 40, url, title, "4 May 2021", body)
                                     for url, title, body in rows))


def test_dataset_rows_become_small_pages_first_copy_of_each_url() -> None:
    from _dataset_split import rows_and_pages

    src = _dataset([("https://paper.example/a", "Exams &amp; results", "First  line.\nSecond line."),
                    ("https://paper.example/a", "A later copy", "Other text."),
                    ("https://paper.example/b", "Budget", "Roads and bridges.")],
                   {"https://paper.example/a": "E", "https://paper.example/b": "O"})
    built = rows_and_pages((src,), {"ds": "unused"}, "new", "x")
    assert [(r["file"], r["label"], r["title"], r["site"]) for r, _ in built] == [
        ("new/x-ds/paper.example_a.html.gz", "education", "Exams & results", "paper.example"),
        ("new/x-ds/paper.example_b.html.gz", "other", "Budget", "paper.example")]
    page = built[0][1].decode()
    assert "<h1>Exams &amp; results</h1>" in page and "<p>First line.</p>\n<p>Second line.</p>" in page
    assert '<p class="dateline">4 May 2021</p>' in page and "A later copy" not in page


def test_dataset_builder_refuses_a_label_it_cannot_find_or_a_row_without_title() -> None:
    from _dataset_split import rows_and_pages

    missing = _dataset([("https://paper.example/a", "Exams", "Text.")],
                       {"https://paper.example/a": "E", "https://paper.example/gone": "O"})
    with pytest.raises(SystemExit, match="not found"):
        rows_and_pages((missing,), {"ds": "unused"}, "new", "x")
    untitled = _dataset([("https://paper.example/a", "  ", "Text.")], {"https://paper.example/a": "E"})
    assert rows_and_pages((untitled,), {"ds": "unused"}, "new", "x")  # allowed unless asked
    with pytest.raises(SystemExit, match="no title"):
        rows_and_pages((untitled,), {"ds": "unused"}, "new", "x", need_title=True)
