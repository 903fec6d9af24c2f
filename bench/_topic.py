"""The labelled topic set (data/topic/): pages -> cleaned articles -> (label, title, text, split).

Shared by bench/calibrate_education.py and bench/eval_education.py; the pages are cleaned
by the pipeline's own clean stage, as `edunews process` would.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from pipeline.clean import clean_page, content_type_of
from pipeline.errors import CleanError
from pipeline.records import RawPage

TOPIC_DIR = Path(__file__).resolve().parent.parent / "data" / "topic"


@dataclass(frozen=True)
class Labelled:
    file: str
    label: str  # education | other
    site: str
    split: str  # calibration | check | check2 | check3 | check4
    source: str  # the repository the page came from (the tune articles: one source), for leave-one-source-out
    title: str
    text: str
    language: str | None


def load(split: str | None = None, topic_dir: Path = TOPIC_DIR) -> Iterator[Labelled]:
    """The labelled pages of one split (or all), cleaned; pages that do not clean as English are skipped."""
    for line in (topic_dir / "labels.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if split and row["split"] != split:
            continue
        path = topic_dir / "pages" / row["file"]
        body = path.read_bytes()
        if path.suffix == ".gz":
            body = gzip.decompress(body)
        ctype = content_type_of(row["file"].removesuffix(".gz"))  # .txt/.md pages are text forms
        try:
            article = clean_page(RawPage(body, row.get("url"), row["file"], row["file"], ctype))
        except CleanError:  # an errors row in a run (e.g. a page that is only a script): no article
            continue
        if article.language != "en" or not article.text.strip():
            continue
        source = row["source"] if row["source"] == "tune-articles" else row["repository"]
        yield Labelled(row["file"], row["label"], row["site"], row["split"], source, article.title, article.text,
                       article.language)


def host(url: str | None) -> str:
    """A URL's host name without ``www.`` ("" without a URL): the site of a labelled page."""
    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def fixture_sources() -> tuple[set[str], set[str]]:
    """Repositories and URL hosts of tests/fixtures/real's sources, which a labelled split must not reuse.

    Only those two fields of the ``sources.jsonl`` files are read: the check half's articles and gold
    stay unread by the builders that call this.
    """
    repos: set[str] = set()
    hosts: set[str] = set()
    for sources in sorted((TOPIC_DIR.parent.parent / "tests" / "fixtures" / "real").glob("*/sources.jsonl")):
        for line in sources.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                repos.add(str(row.get("repository") or ""))
                hosts.add(host(row.get("url")))
    return repos - {""}, hosts - {""}


def clashes(built: list[tuple[dict[str, object], bytes]], other_sites: set[str]) -> list[str]:
    """What makes a new labelled split not new: a site already labelled, or a repository or URL host of
    tests/fixtures/real's sources (a builder refuses to write when this is not empty)."""
    found = sorted({str(row["site"]) for row, _ in built} & other_sites)
    fixture_repos, fixture_hosts = fixture_sources()
    found += sorted({str(row["repository"]) for row, _ in built} & fixture_repos)
    found += sorted({host(str(row["url"])) for row, _ in built if row["url"]} & fixture_hosts)
    return found
