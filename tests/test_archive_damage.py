"""One bad record costs one row in `errors`, never the run; ingested pages look like crawled ones.

One data folder holds what issue 14's analysts had, all real pages in real WARC files:
a crawl whose 10th record has 200 random bytes written over its middle, an intact crawl
after it, a crawl cut in the middle of its 12th record (gzipped and not), an archive of
an older `edunews ingest` (HTTP headers inside file:// records), and pages ingested now:
.txt and .html files with and without a URL, a zero-byte page and a binary one. One
`edunews process` runs over all of it, as a user would run it; each test checks one row
of the issue's table.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT
from warc_fixtures import crawler_warc, old_ingest_warc, overwrite, random_bytes, real_pages

import pipeline
from pipeline.clean import clean_page
from pipeline.records import RawPage


def _pages(tag: str, n: int, skip: int = 0) -> list[tuple[str, bytes]]:
    """n real pages under URLs of their own (the same article text may recur under another tag)."""
    out = []
    for url, path in real_pages(".html")[skip: skip + n]:
        scheme, _, host, rest = url.split("/", 3)
        out.append((f"{scheme}//{host}/{tag}/{rest}", path.read_bytes()))
    return out


def _run(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "process", "--data", str(data), "--workers", "1"],
                          capture_output=True, cwd=ROOT, timeout=900)


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("damage")
    data = tmp / "data"
    raw = data / "raw"
    raw.mkdir(parents=True)
    info: dict = {"data": data}

    corrupt = _pages("a", 13)
    spans = crawler_warc(raw / "a-crawl.warc.gz", corrupt)
    start, end = spans[9]
    at = (start + end) // 2
    overwrite(raw / "a-crawl.warc.gz", at - 100, random_bytes(200, seed=10))
    info["corrupt"] = (corrupt, spans[9][0])

    info["intact"] = _pages("b", 5, skip=13)
    crawler_warc(raw / "b-crawl.warc.gz", info["intact"])

    for name, gz in (("c-cut.warc.gz", True), ("d-cut.warc", False)):
        cut = _pages(name[0], 13)
        spans = crawler_warc(raw / name, cut, gzip=gz)
        start, end = spans[11]
        whole = (raw / name).read_bytes()
        (raw / name).write_bytes(whole[: (start + end) // 2])
        info[name] = (cut, start)

    saved = tmp / "saved"
    saved.mkdir()
    txts = real_pages(".txt")[:3]
    for _url, path in txts:
        shutil.copy(path, saved / path.name)
    (saved / "zero.html").write_bytes(b"")
    (saved / "binary.html").write_bytes(bytes(range(256)) * 20)
    html_url, html = real_pages(".html")[20]
    info["saved"], info["txts"], info["html"] = saved, txts, (html_url, html)
    old = tmp / "old"
    old.mkdir()
    for _url, path in real_pages(".txt")[3:5]:
        shutil.copy(path, old / path.name)
    (old / "empty.html").write_bytes(b"")
    old_ingest_warc(raw / "ingest-20260101T000000Z.warc.gz",
                    [(p, p.read_bytes(), "text/html" if p.suffix == ".html" else "text/plain")
                     for p in sorted(old.iterdir())])
    info["old"] = old
    for args in ([str(saved)], [str(html), "--url", html_url]):
        proc = subprocess.run([sys.executable, "-m", "pipeline", "ingest", *args, "--data", str(data)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert proc.returncode == 0, proc.stderr

    first = _run(data)
    info["first"] = first
    info["tables"] = pipeline.load_tables(data / "processed")
    info["second"] = _run(data)
    info["tables2"] = pipeline.load_tables(data / "processed")
    return info


def _errors(info: dict, archive: str) -> pd.DataFrame:
    errors = info["tables"]["errors"]
    return errors[errors["source"].str.startswith(archive + "#")]


def _urls(info: dict) -> set[str]:
    return set(info["tables"]["articles"]["url"].dropna())


def test_a_corrupt_record_costs_one_errors_row_not_the_run(damaged: dict) -> None:
    first = damaged["first"]
    assert first.returncode == 1  # some document failed: see the errors table
    stderr = first.stderr.decode("utf-8")  # strict: no binary bytes reached the terminal
    assert all(ch.isprintable() or ch in "\n\r\t" for ch in stderr), stderr
    assert "Traceback" not in stderr
    assert "new " in stderr.splitlines()[-1] and "failed" in stderr.splitlines()[-1]
    pages, offset = damaged["corrupt"]
    urls = _urls(damaged)
    assert {url for url, _ in pages[:9]} <= urls, "a record before the damage is lost"
    assert {url for url, _ in pages[10:]} <= urls, "a record after the damage is lost"
    assert pages[9][0] not in urls
    rows = _errors(damaged, "a-crawl.warc.gz")
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["source"] == f"a-crawl.warc.gz#{offset} ({pages[9][0]})"
    assert row["stage"] == "read" and row["error"].startswith("corrupt record")
    assert {url for url, _ in damaged["intact"]} <= urls, "an archive after the damaged one is lost"


def test_a_rerun_after_damage_succeeds_and_keeps_the_errors_row(damaged: dict) -> None:
    second = damaged["second"]
    assert second.returncode == 0, second.stderr.decode()
    assert "new 0, changed 0" in second.stderr.decode() and "failed 0" in second.stderr.decode()
    pd.testing.assert_frame_equal(damaged["tables2"]["errors"], damaged["tables"]["errors"])
    assert len(damaged["tables2"]["articles"]) == len(damaged["tables"]["articles"])


@pytest.mark.parametrize("archive", ["c-cut.warc.gz", "d-cut.warc"])
def test_a_record_cut_short_is_an_errors_row_never_an_article(damaged: dict, archive: str) -> None:
    pages, offset = damaged[archive]
    urls = _urls(damaged)
    assert {url for url, _ in pages[:11]} <= urls
    assert pages[11][0] not in urls
    rows = _errors(damaged, archive)
    assert len(rows) == 1
    assert rows.iloc[0]["source"] == f"{archive}#{offset} ({pages[11][0]})"
    assert rows.iloc[0]["error"].startswith("truncated record")
    assert rows.iloc[0]["stage"] == "read"


def test_ingested_pages_have_no_http_headers_in_their_text(damaged: dict) -> None:
    articles = damaged["tables"]["articles"]
    assert not articles["title"].str.contains("HTTP/1", regex=False).any()
    assert not articles["text"].str.contains("HTTP/1.1 200 OK", regex=False).any()
    assert not articles["text"].str.contains("Content-Length:", regex=False).any()
    # the title is the file's own, as `edunews clean FILE` gives it, for new and older ingests alike
    files = [path for _url, path in damaged["txts"]] + sorted(damaged["old"].glob("*.txt"))
    for path in files:
        expected = clean_page(RawPage(path.read_bytes(), None, "file", "file", "text/plain")).title
        assert expected and expected in set(articles["title"]), path


def test_source_is_the_host_or_the_folder_and_url_is_kept(damaged: dict) -> None:
    articles = damaged["tables"]["articles"]
    assert not articles["source"].str.contains(r"warc|ingest-", regex=True).any()
    html_url, _ = damaged["html"]
    row = articles[articles["url"] == html_url]
    assert len(row) == 1 and row["source"].iloc[0] == html_url.split("/")[2].removeprefix("www.")
    no_url = articles[articles["raw_ref"].str.startswith("ingest-") & articles["url"].isna()]
    assert set(no_url["source"]) == {"saved", "old"}

    def without_url(paths: list[Path]) -> int:  # a text may name its own URL (front matter, a source line)
        return sum(clean_page(RawPage(p.read_bytes(), None, "f", "f", "text/plain")).url is None for p in paths)

    saved = [path for _url, path in damaged["txts"]]
    assert (no_url["source"] == "saved").sum() == without_url(saved) >= 2
    assert (no_url["source"] == "old").sum() == without_url(sorted(damaged["old"].glob("*.txt")))


def test_zero_byte_and_header_only_pages_are_errors_rows(damaged: dict) -> None:
    articles = damaged["tables"]["articles"]
    assert not (articles["status"] == "empty").any()
    errors = damaged["tables"]["errors"]
    zero = errors[errors["source"].str.endswith(str(damaged["saved"].resolve() / "zero.html") + ")")]
    header_only = errors[errors["source"].str.endswith(str(damaged["old"].resolve() / "empty.html") + ")")]
    assert len(zero) == 1 and len(header_only) == 1
    assert "empty document" in zero["error"].iloc[0] and "empty document" in header_only["error"].iloc[0]


def test_an_errors_row_names_the_original_file(damaged: dict) -> None:
    errors = damaged["tables"]["errors"]
    binary = errors[errors["source"].str.contains("binary.html", regex=False)]
    assert len(binary) == 1
    source = binary["source"].iloc[0]
    assert source.startswith("ingest-") and source.endswith(f"({damaged['saved'].resolve() / 'binary.html'})")
    assert "binary" in binary["error"].iloc[0]
