"""`edunews ingest` never overwrites, never archives a page twice, and takes the forms analysts have.

Rows of issue 14 checked here (reading what ingest archived, without the spaCy model):
90 pages ingested in a loop lost 78 to name collisions; a folder of .html.gz ingested 0
pages; a folder's manifest.jsonl was ignored (and `ingest manifest.jsonl` archived it as
a page); .txt and file pages got HTTP headers in their text.
"""

from __future__ import annotations

import csv
import gzip
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, SHARED, edunews
from warc_fixtures import old_ingest_warc, real_pages

from pipeline.ingest import ingest_paths, iter_raw

CLEANING_DEV = SHARED / "data" / "cleaning-dev"


def archived(data: Path) -> dict[str, object]:
    """url (or origin, for pages without one) -> RawPage, for everything under DATA/raw."""
    out = {}
    for page in iter_raw(data / "raw"):
        assert page.error is None, page
        out[page.url or page.origin] = page
    return out


def raw_files(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted((data / "raw").rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_fifty_ingests_within_one_second_all_survive(tmp_path: Path) -> None:
    pages = (real_pages(".html") + real_pages(".txt"))[:50]
    assert len(pages) == 50
    raw = tmp_path / "data" / "raw"
    started = time.monotonic()
    for url, path in pages:
        report = ingest_paths([path], raw, url=url)
        assert report.pages == 1 and not report.failed, report
    elapsed = time.monotonic() - started
    names = sorted(p.name for p in raw.glob("ingest-*.warc.gz"))
    assert len(names) == 50
    seconds = [name.split(".")[0] for name in names]  # ingest-YYYYmmddTHHMMSS: the old name's resolution
    assert len(set(seconds)) < 50, f"50 ingests in {elapsed:.2f} s never shared a second: the test proves nothing"
    got = archived(tmp_path / "data")
    assert set(got) == {url for url, _ in pages}
    for url, path in pages:
        assert got[url].body == path.read_bytes()


def test_concurrent_ingests_all_survive(tmp_path: Path) -> None:
    pages = real_pages(".html")[:24]
    raw = tmp_path / "data" / "raw"
    failures: list[BaseException] = []

    def ingest(chunk: list[tuple[str, Path]]) -> None:
        try:
            for url, path in chunk:
                ingest_paths([path], raw, url=url)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(exc)

    threads = [threading.Thread(target=ingest, args=(pages[i::6],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert set(archived(tmp_path / "data")) == {url for url, _ in pages}

    # the way the user did it: one command per page, here six at once
    data = tmp_path / "cli"
    procs = [subprocess.Popen([sys.executable, "-m", "pipeline", "ingest", str(path), "--url", url, "--data",
                               str(data)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for url, path in pages[:6]]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    assert set(archived(data)) == {url for url, _ in pages[:6]}


def test_the_same_ingest_twice_is_a_no_op(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    shutil.copytree(SAMPLE, folder)
    warc = tmp_path / "cc.warc.gz"
    old_ingest_warc(warc, [(folder / "EXPECTED.md", b"x", "text/plain")])
    data = tmp_path / "data"
    first = edunews("ingest", str(folder), str(warc), "--data", str(data))
    assert first.returncode == 0, first.stderr
    assert "ingested 1 WARC file(s) and 10 page(s)" in first.stderr
    before = raw_files(data)
    second = edunews("ingest", str(folder), str(warc), "--data", str(data))
    assert second.returncode == 0, second.stderr
    assert "ingested 0 WARC file(s) and 0 page(s)" in second.stderr
    assert second.stderr.count("already ingested") == 11
    assert raw_files(data) == before
    # a page changed since is a new page; the unchanged ones are still skipped
    page = folder / "kenya-moe-digital-learning-strategy.html"
    page.write_text(page.read_text("utf-8").replace("</body>", "<p>Updated.</p></body>"), "utf-8")
    third = edunews("ingest", str(folder), "--data", str(data))
    assert "ingested 0 WARC file(s) and 1 page(s)" in third.stderr
    # a different WARC file of the same name is kept beside the first, never over it
    old_ingest_warc(warc, [(folder / "EXPECTED.md", b"y", "text/plain")])
    fourth = edunews("ingest", str(warc), "--data", str(data))
    assert "ingested 1 WARC file(s)" in fourth.stderr
    copies = sorted(p.name for p in (data / "raw" / "ingested").iterdir())
    assert len(copies) == 2 and copies[0].startswith("cc") and copies[1].startswith("cc")
    assert {data / "raw" / "ingested" / name for name in copies} >= {data / "raw" / "ingested" / "cc.warc.gz"}
    assert (data / "raw" / "ingested" / "cc.warc.gz").read_bytes() == before["raw/ingested/cc.warc.gz"]


def test_a_lost_index_is_rebuilt_from_the_archives(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    pages = real_pages(".txt")[:3]
    for url, path in pages:
        ingest_paths([path], raw, url=url)
    (raw / ".ingest-index.json").unlink()
    report = ingest_paths([pages[0][1]], raw, url=pages[0][0])
    assert report.pages == 0 and "already ingested" in report.skipped[0][1]


@pytest.mark.skipif(not CLEANING_DEV.is_dir(), reason="needs ../shared/data/cleaning-dev")
def test_folder_of_html_gz_pages(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    gz = sorted((CLEANING_DEV / "html").glob("*.html.gz"))[:6]
    for path in gz:
        shutil.copy(path, folder / path.name)
    (folder / "cut.html.gz").write_bytes(gz[0].read_bytes()[:500])
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    data = tmp_path / "data"
    proc = edunews("ingest", str(folder), "--data", str(data))
    assert proc.returncode == 1  # the cut file failed
    assert "ingested 0 WARC file(s) and 6 page(s)" in proc.stderr
    assert "failed" in proc.stderr and "cut.html.gz: not a readable gzip file" in proc.stderr
    assert "skipped" in proc.stderr and "photo.png: not a page or WARC file (.png" in proc.stderr
    got = archived(data)
    for path in gz:
        page = got[str(path.resolve()).replace(str(CLEANING_DEV / "html"), str(folder.resolve()))]
        assert page.body == gzip.decompress(path.read_bytes())
        assert page.url is None and page.content_type == "text/html"


def test_a_folders_manifest_gives_each_page_its_url(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    shutil.copytree(SAMPLE, folder)
    manifest = [json.loads(line) for line in (folder / "manifest.jsonl").read_text("utf-8").splitlines()]
    data = tmp_path / "data"
    proc = edunews("ingest", str(folder), "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    assert "EXPECTED.md: not listed in its folder's manifest.jsonl" in proc.stderr
    got = archived(data)
    assert set(got) == {entry["url"] for entry in manifest}
    for entry in manifest:
        page = got[entry["url"]]
        assert page.body == (folder / entry["file"]).read_bytes()
        assert page.fetched_at == entry["fetched_at"] and page.content_type == entry["content_type"]
    # the manifest itself named on the command line: its pages, never the manifest as a page
    other = tmp_path / "other"
    assert edunews("ingest", str(folder / "manifest.jsonl"), "--data", str(other)).returncode == 0
    assert set(archived(other)) == {entry["url"] for entry in manifest}
    # a line naming a missing file is a failure with its line number; the rest is ingested
    (folder / manifest[3]["file"]).unlink()
    third = tmp_path / "third"
    proc = edunews("ingest", str(folder), "--data", str(third))
    assert proc.returncode == 1
    assert f"manifest.jsonl:4: {manifest[3]['file']}: no such file" in proc.stderr
    assert len(archived(third)) == 9


def test_urls_from_a_tab_separated_list(tmp_path: Path) -> None:
    pages = real_pages(".html")[:5]
    lines = ["path\turl"] + [f"{path}\t{url}" for url, path in pages]
    lines += ["no-tab-here.html", f"{tmp_path / 'missing.html'}\thttps://example.org/missing", "x.html\tftp://x"]
    tsv = tmp_path / "pages.tsv"
    tsv.write_text("\n".join(lines) + "\n", "utf-8")
    data = tmp_path / "data"
    proc = edunews("ingest", "--urls-from", str(tsv), "--data", str(data))
    assert proc.returncode == 1
    assert "ingested 0 WARC file(s) and 5 page(s)" in proc.stderr
    assert "pages.tsv:7: no TAB between the path and the URL" in proc.stderr
    assert "missing.html: no such file (listed with https://example.org/missing)" in proc.stderr
    assert "pages.tsv:9: not an http(s) URL" in proc.stderr
    got = archived(data)
    assert {url: page.body for url, page in got.items()} == {url: path.read_bytes() for url, path in pages}


def test_pages_are_stored_without_http_headers_in_their_payload(tmp_path: Path) -> None:
    html_url, html = real_pages(".html")[0]
    txt = real_pages(".txt")[0][1]
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    data = tmp_path / "data"
    assert edunews("ingest", str(html), "--url", html_url, "--data", str(data)).returncode == 0
    assert edunews("ingest", str(txt), str(pdf), "--data", str(data)).returncode == 0
    got = archived(data)
    assert got[html_url].body == html.read_bytes() and got[html_url].content_type == "text/html"
    text = got[str(txt.resolve())]
    assert text.body == txt.read_bytes() and text.content_type == "text/plain" and text.url is None
    assert got[str(pdf.resolve())].content_type == "application/pdf"
    assert got[str(pdf.resolve())].body == pdf.read_bytes()


def test_older_ingest_archives_are_read_without_their_http_headers(tmp_path: Path) -> None:
    txt = real_pages(".txt")[0][1]
    html = real_pages(".html")[0][1]
    raw = tmp_path / "raw"
    raw.mkdir()
    old_ingest_warc(raw / "ingest-20260101T000000Z.warc.gz",
                    [(txt, txt.read_bytes(), "text/plain"), (html, html.read_bytes(), "text/html")])
    pages = list(iter_raw(raw))
    assert [p.body for p in pages] == [txt.read_bytes(), html.read_bytes()]
    assert [p.content_type for p in pages] == ["text/plain", "text/html"]
    assert [p.url for p in pages] == [None, None] and pages[0].origin == str(txt.resolve())


def test_bad_usage_of_ingest_exits_2(tmp_path: Path) -> None:
    page = real_pages(".html")[0][1]
    assert edunews("ingest", "--data", str(tmp_path)).returncode == 2
    assert edunews("ingest", str(page), "--url", "not a url", "--data", str(tmp_path)).returncode == 2
    many = edunews("ingest", str(page.parent), "--url", "https://example.org/a", "--data", str(tmp_path))
    assert many.returncode == 2 and "--urls-from" in many.stderr


def test_a_record_read_under_a_new_article_id_leaves_no_orphan(tmp_path: Path) -> None:
    """An older ingest's page had its file:// URI as URL (article id from it); read again, it has no URL
    (id from its text): the article's old row must go, or the page would be two articles."""
    from pipeline.state import StateStore

    store = StateStore(tmp_path / "state.sqlite")
    ref = "ingest-20260101T000000Z.warc.gz#0"
    store.commit_batch([(ref, "sha", "0.1", "old-id", "t")], [("old-id", ref, None, "c1", "2024", {"a": 1})], [])
    store.commit_batch([(ref, "sha", "0.2", "new-id", "t")], [("new-id", ref, None, "c1", "2024", {"a": 2})], [])
    assert [article_id for article_id, _ in store.results()] == ["new-id"]
    store.commit_batch([(ref, "sha", "0.3", None, "t")], [], [(ref + " (/x/page.html)", "clean", "empty", "t")])
    assert [article_id for article_id, _ in store.results()] == ["new-id"]  # a failure alone drops nothing
    store.commit_batch([(ref, "sha", "0.4", "new-id", "t")], [("new-id", ref, None, "c1", "2024", {"a": 3})], [])
    assert store.errors() == []  # the row naming the file goes once the record succeeds
    store.close()


def test_an_ingested_jekyll_post_is_dated_by_its_file_name(tmp_path: Path) -> None:
    """Jekyll dates a post by its file name (``_posts/2018-07-28-how-it-all-started.md``) when the
    front matter has no ``date:``; ingest archives the file under a WARC offset, and the day must
    still come from the file's own name (a real post of the tune set, under its original name)."""
    posts = tmp_path / "_posts"
    posts.mkdir()
    shutil.copy(ROOT / "tests/fixtures/real/tune/articles/ng-pwsafrica-how-it-all-started.md",
                posts / "2018-07-28-how-it-all-started.md")
    data = tmp_path / "data"
    assert edunews("ingest", str(posts), "--data", str(data)).returncode == 0
    proc = edunews("process", "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    with (data / "processed" / "articles.csv").open(encoding="utf-8", newline="") as fh:
        (row,) = csv.DictReader(fh)
    assert (row["title"], row["published"]) == ("PWSAfrica - How it all started", "2018-07-28")


def test_markdown_and_text_suffixes_are_pages(tmp_path: Path) -> None:
    """Jekyll writes new posts as ``.markdown``; ingest takes them (and ``.text``) as ``edunews clean``
    reads them, two real posts of the tune set under those suffixes."""
    posts = tmp_path / "_posts"
    posts.mkdir()
    shutil.copy(ROOT / "tests/fixtures/real/tune/articles/au-cyoa-national-languages-policy.markdown",
                posts / "2019-03-01-languages-policy.markdown")
    shutil.copy(ROOT / "tests/fixtures/real/tune/articles/ng-pwsafrica-how-it-all-started.md",
                posts / "how-it-all-started.text")
    data = tmp_path / "data"
    proc = edunews("ingest", str(posts), "--data", str(data))
    assert proc.returncode == 0 and "2 page(s)" in proc.stderr and "skipped 0" in proc.stderr, proc.stderr
    types = {Path(str(p.origin)).name: p.content_type for p in archived(data).values()}
    assert types == {"2019-03-01-languages-policy.markdown": "text/markdown", "how-it-all-started.text": "text/plain"}
