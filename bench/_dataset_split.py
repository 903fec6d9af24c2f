"""Blind-set parts made from news datasets (rows of title and full text, no page chrome): one shape for every builder.

A dataset row becomes a small HTML page (its title as ``<title>`` and ``<h1>``, its date line, its paragraphs), as
check3 did for Capital News Service; the builders (bench/build_check10b.py, build_check10e.py) keep only what is
theirs: where the rows are, how one is read, and every label.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from _topic import Spread, host, source_args, write_split

LABEL = {"E": "education", "O": "other"}


@dataclass(frozen=True)
class Article:
    """One dataset row as read: where it is (path and commit), its URL, title, date and body text."""

    path: str
    commit: str
    url: str
    title: str
    date: str
    body: str


@dataclass(frozen=True)
class Source:
    """A news dataset in one repository: how its rows are read, and every label (article URL -> "E" | "O")."""

    key: str
    repository: str
    source: str  # the `source` field of the rows
    labels: dict[str, str]
    read: Callable[[str], Iterator[Article]]  # clone -> every row of the files used, in file order


def squash(text: str) -> str:
    """HTML entities decoded and white space collapsed: a dataset's text as one clean line."""
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def row_page(art: Article) -> bytes:
    """A small HTML page made from one dataset row: its title as <title> and <h1>, its date, its body."""
    t = html.escape(squash(art.title))
    paras = "\n".join(f"<p>{html.escape(squash(p))}</p>" for p in art.body.split("\n") if squash(p))
    dateline = f'<p class="dateline">{html.escape(squash(art.date))}</p>\n' if squash(art.date) else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{t}</title>'
            f'<link rel="canonical" href="{html.escape(art.url)}"></head>\n<body><article><h1>{t}</h1>\n'
            f"{dateline}{paras}\n</article></body></html>\n").encode()


def page_name(url: str) -> str:
    """A file name from a URL (host and path, unsafe characters as ``_``, the last 150 characters)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", re.sub(r"^https?://(www\.)?", "", url).strip("/"))[-150:]


def rows_and_pages(sources: tuple[Source, ...], clones: dict[str, str], split: str, part: str, *,
                   need_title: bool = False) -> list[tuple[dict[str, object], bytes]]:
    """Every labelled row of one part with its page bytes, first copy of each URL in file order.

    Refuses a label whose URL is in none of its source's files, and with ``need_title`` a row without a title
    (a page needs the publisher's headline, never one made up).
    """
    out: list[tuple[dict[str, object], bytes]] = []
    for src in sources:
        seen: set[str] = set()
        for art in src.read(clones[src.key]):
            if art.url not in src.labels or art.url in seen:
                continue
            if need_title and not squash(art.title):
                raise SystemExit(f"{src.key}: no title for {art.url}")
            seen.add(art.url)
            row = {"file": f"{split}/{part}-{src.key}/{page_name(art.url)}.html.gz",
                   "label": LABEL[src.labels[art.url]], "site": host(art.url), "source": src.source,
                   "repository": src.repository, "path": f"{art.path}#{art.url}", "commit": art.commit,
                   "url": art.url, "title": squash(art.title), "split": split}
            out.append((row, row_page(art)))
        missing = sorted(set(src.labels) - seen)
        if missing:
            raise SystemExit(f"{src.key}: labelled URLs not found in the files: {missing}")
    return out


def write_part(built: list[tuple[dict[str, object], bytes]], split: str, part: str, *, site_pages: int,
               repository_pages: int, kind: str = "part") -> int:
    """Write one part's rows and pages (``write_split``), keeping every other row of labels.jsonl.

    A split built by several helpers at once is written part by part: only rows whose file starts with
    ``<split>/<part>-`` are replaced, and no site or repository may hold more than its cap of the part.
    """
    return write_split(built, f"{split} {kind} {part}", lambda row: str(row["file"]).startswith(f"{split}/{part}-"),
                       spread=Spread(site_pages=site_pages, repository_pages=repository_pages),
                       rivals=lambda row: row["split"] != split)


def build_part(argv: list[str], sources: tuple[Source, ...], split: str, part: str, *, site_pages: int,
               repository_pages: int, need_title: bool = False) -> int:
    """A part builder's whole run: the clones named on the command line, every labelled row, the part written.

    Exit status 2 when a clone is missing (``source_args`` says which), else ``write_part``'s.
    """
    clones = source_args(argv, {s.key for s in sources})
    if clones is None:
        return 2
    built = rows_and_pages(sources, clones, split, part, need_title=need_title)
    return write_part(built, split, part, site_pages=site_pages, repository_pages=repository_pages)
