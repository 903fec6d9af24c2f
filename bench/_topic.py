"""The labelled topic set (data/topic/): pages -> cleaned articles -> (label, title, text, split).

Shared by bench/calibrate_education.py and bench/eval_education.py; the pages are cleaned
by the pipeline's own clean stage, as `edunews process` would.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
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


def git_show(repo: str, path: str, commit: str) -> bytes:
    """A file of a clone (or bare mirror) at a commit: every builder reads its pages where their rows' `commit` says."""
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True, capture_output=True).stdout


def host(url: str | None) -> str:
    """A URL's host name without ``www.`` ("" without a URL): the site of a labelled page."""
    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def fixture_sources() -> tuple[set[str], set[str]]:
    """Repositories and URL hosts of tests/fixtures/real's sources, which a labelled split must not reuse.

    Only those fields of the ``sources.jsonl`` files are read: the check half's articles and gold
    stay unread by the builders that call this. Articles the yardstick took from data/topic itself
    (``topic_file``) are left out: their split is where they came from, and their sites are labelled
    already, so a new split cannot take them again anyway (``clashes`` refuses labelled sites).
    """
    repos: set[str] = set()
    hosts: set[str] = set()
    for sources in sorted((TOPIC_DIR.parent.parent / "tests" / "fixtures" / "real").glob("*/sources.jsonl")):
        for line in sources.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if "topic_file" in row:
                    continue
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


def source_args(argv: list[str], keys: Iterable[str], whole: bool = True) -> dict[str, str] | None:
    """A builder's ``KEY=GIT_DIR`` arguments as a dict, or None after a one-line message on stderr.

    ``whole``: every source must be given (a blind split is built whole or not at all); otherwise any subset of
    the known keys (a development split rebuilt a few sources at a time), an unknown key refused.
    """
    given = dict(arg.split("=", 1) for arg in argv)
    known = set(keys)
    if whole and (missing := sorted(known - set(given))):
        print("give every source as KEY=GIT_DIR; missing:", missing, file=sys.stderr)
        return None
    if not whole and (unknown := sorted(set(given) - known)):
        print("unknown source keys:", unknown, file=sys.stderr)
        return None
    return given


@dataclass(frozen=True)
class Spread:
    """How much of a split one site or one repository may hold, so that no single source decides the split's
    precision or recall. A cap is a share of the split's pages, a number of pages, or both (the lower binds)."""

    site_share: float | None = None
    repository_share: float | None = None
    site_pages: int | None = None
    repository_pages: int | None = None
    binding_from: int = 0  # a split of fewer pages (built a few sources at a time) gets a warning, not a refusal

    def problems(self, rows: list[dict[str, Any]]) -> list[str]:
        """Each site or repository of ``rows`` (the split's rows) holding more pages than its cap allows."""
        n = len(rows)
        found: list[str] = []
        for field, share, pages in (("site", self.site_share, self.site_pages),
                                    ("repository", self.repository_share, self.repository_pages)):
            caps = ([share * n] if share is not None else []) + ([pages] if pages is not None else [])
            if caps:
                counts = Counter(str(row[field]) for row in rows)
                found += [f"{field} {key}: {count} of {n}" for key, count in counts.most_common()
                          if count > min(caps)]
        return found


def write_split(built: list[tuple[dict[str, object], bytes]], name: str, mine: Callable[[dict[str, Any]], bool],
                rebuilt: Callable[[dict[str, Any]], bool] | None = None, spread: Spread | None = None,
                rivals: Callable[[dict[str, Any]], bool] | None = None, topic_dir: Path = TOPIC_DIR) -> int:
    """Write a builder's pages (gzip'd) and rows into data/topic, or refuse (one message, status 1) writing nothing.

    One step for every split builder, so that they all refuse the same things: a site already labelled outside
    this split (or this half of one), a repository or URL host of tests/fixtures/real's sources (``clashes``), two
    pages for one file name (within the split or against a row kept), a split more concentrated than ``spread``.
    ``mine`` tells the rows of labels.jsonl this builder writes (its split, or its half of one); of those,
    ``rebuilt`` (default: all) are replaced by ``built`` and the others kept, so that a split can be built a few
    sources at a time. ``rivals`` tells the rows whose sites a new page must not share (default: every row not
    ``mine``; half b of check8 leaves out half a, the two halves were built at once on two branches).
    The file keeps the other rows in their order, then the kept rows, then the new ones.
    Returns the exit status: 0 written, 1 refused.
    """
    replaced = rebuilt or mine
    lines = (topic_dir / "labels.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    others = [line for line, row in zip(lines, rows, strict=True) if not mine(row)]
    kept = [line for line, row in zip(lines, rows, strict=True) if mine(row) and not replaced(row)]
    rival = rivals or (lambda row: not mine(row))
    clash = clashes(built, {str(row["site"]).removeprefix("www.") for row in rows if rival(row)})
    if clash:
        print("sources already in data/topic or tests/fixtures/real:", clash, file=sys.stderr)
        return 1
    files = [str(row["file"]) for row, _ in built]
    taken = {row["file"] for row in rows if not mine(row) or not replaced(row)}
    shared = sorted({f for f, c in Counter(files).items() if c > 1} | (set(files) & taken))
    if shared:
        print("two pages map to one file name:", shared, file=sys.stderr)
        return 1
    split = [json.loads(line) for line in kept] + [row for row, _ in built]
    too_many = spread.problems(split) if spread else []
    if too_many:
        print(f"{name} is too concentrated:", too_many, file=sys.stderr)
        if spread and len(split) >= spread.binding_from:
            return 1
    for row, body in built:
        target = topic_dir / "pages" / str(row["file"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.compress(body, mtime=0))
    (topic_dir / "labels.jsonl").write_text(
        "\n".join(others + kept + [json.dumps(row, ensure_ascii=False) for row, _ in built]) + "\n", "utf-8")
    sites = Counter(str(row["site"]) for row in split)
    top_site, top = sites.most_common(1)[0] if sites else ("", 0)
    edu = [row for row in split if row["label"] == "education"]
    print(f"{name}: {len(split)} pages, {len(edu)} education, {len(sites)} sites "
          f"({len({row['site'] for row in edu})} with education); "
          f"largest site {top_site} {top} ({top / max(len(split), 1):.1%})")
    return 0
