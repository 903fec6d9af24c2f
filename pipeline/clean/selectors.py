"""Per-site hints from the sites file for the clean stage: CSS selectors (title, date, body) and language.

Generic cleaning guesses the headline, the date and the body from the page alone; a
site whose template fools it (a site-wide ``og:title``, a date that belongs to the
footer, a body split by widgets) is fixed with an entry in the sites file instead of
code. A selector that matches nothing falls back to the generic result, so a site
redesign degrades to generic cleaning rather than to empty articles.

``site_hints(path)`` reads the sites file once per process (cached by path and
modification time) into a host index; ``SiteIndex.lookup(url)`` is a dict lookup per
label of the host, so cleaning a batch pays nothing noticeable for it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from pipeline.clean.dateline import dateline_date
from pipeline.clean.metadata import iso_day
from pipeline.errors import ConfigError

log = logging.getLogger("edunews")

_WS = re.compile(r"\s+")
# Block kinds of the article text (pipeline.records.Block) by HTML tag, for a body taken by selector.
_BLOCK_TAGS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
               "p": "paragraph", "li": "list_item", "blockquote": "quote", "pre": "paragraph", "figcaption": "caption",
               "td": "paragraph", "dd": "paragraph"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "aside", "form", "button", "iframe", "svg"}


@dataclass(frozen=True, slots=True)
class SiteHints:
    """What the sites file says about one site's pages."""

    selectors: Mapping[str, str] = field(default_factory=dict)
    language: str | None = None


def _text(node: HtmlElement) -> str:
    return _WS.sub(" ", node.text_content()).strip()


def _select(tree: HtmlElement, css: str) -> list[HtmlElement]:
    return [n for n in CSSSelector(css)(tree) if isinstance(n.tag, str)]


def select_title(tree: HtmlElement, css: str) -> str | None:
    """The text of the first non-empty match."""
    return next((t for t in (_text(n) for n in _select(tree, css)) if t), None)


def select_date(tree: HtmlElement, css: str) -> str | None:
    """YYYY-MM-DD from the first match that holds one: its datetime/content attribute, else its text."""
    for node in _select(tree, css):
        for attr in ("datetime", "content"):
            day = iso_day(node.get(attr))
            if day:
                return day
        text = _text(node)
        day = iso_day(text) or dateline_date([text])
        if day:
            return day
    return None


def select_blocks(tree: HtmlElement, css: str) -> list[tuple[str, str]]:
    """(kind, text) blocks of every match, in reading order: headings, paragraphs, list items, quotes.

    Text directly inside a match (not in a block tag) becomes a paragraph, so a body of bare
    ``<br>``-separated text is not lost.
    """
    out: list[tuple[str, str]] = []
    for root in _select(tree, css):
        _walk(root, out)
    return [(k, t) for k, t in out if t]


def _walk(node: HtmlElement, out: list[tuple[str, str]]) -> None:
    kind = _BLOCK_TAGS.get(node.tag)
    if kind and not any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in node.iterdescendants()):
        out.append((kind, _text(node)))
        return
    loose = [node.text or ""]
    for child in node:
        if not isinstance(child.tag, str) or child.tag in _SKIP_TAGS:
            loose.append(child.tail or "")
            continue
        if child.tag in _BLOCK_TAGS or any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS
                                           for c in child.iterdescendants()):
            _flush(loose, out)
            _walk(child, out)
            loose = [child.tail or ""]
        else:
            loose.append(child.text_content() + (child.tail or ""))
    _flush(loose, out)


def _flush(parts: list[str], out: list[tuple[str, str]]) -> None:
    text = _WS.sub(" ", "".join(parts)).strip()
    if text:
        out.append(("paragraph", text))
    parts.clear()


def apply_selectors(tree: HtmlElement, selectors: Mapping[str, str]) -> tuple[str | None, str | None, list]:
    """(title, published, blocks) found by a site's selectors; None / [] where a selector is absent or misses."""
    title = select_title(tree, selectors["title"]) if selectors.get("title") else None
    published = select_date(tree, selectors["date"]) if selectors.get("date") else None
    blocks = select_blocks(tree, selectors["body"]) if selectors.get("body") else []
    return title, published, blocks


class SiteIndex:
    """Host -> SiteHints for the sites that have selectors or a language (by their allowed domains)."""

    def __init__(self, hints: Mapping[str, SiteHints] | None = None) -> None:
        self.by_host = dict(hints or {})

    def lookup(self, url: str | None) -> SiteHints | None:
        """Hints of the site whose domain is the URL's host or a parent of it (www.x.org -> x.org)."""
        if not self.by_host or not url:
            return None
        host = (urlsplit(url).hostname or "").lower()
        while host:
            found = self.by_host.get(host)
            if found is not None:
                return found
            host = host.partition(".")[2]
        return None


def build_index(path: Path) -> SiteIndex:
    from pipeline.scrape.sites import load_sites  # lazy: the clean stage does not need the crawler otherwise

    hints: dict[str, SiteHints] = {}
    for site in load_sites(path):
        if not site.selectors and not site.language:
            continue
        for domain in site.allowed_domains:
            hints.setdefault(domain.lower(), SiteHints(dict(site.selectors), site.language))
    return SiteIndex(hints)


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> SiteIndex:
    try:
        return build_index(Path(path))
    except ConfigError as exc:
        log.warning("sites file not used for cleaning: %s", exc)
        return SiteIndex()


def site_hints(path: Path | None) -> SiteIndex:
    """The host index of a sites file (empty without one); read once per process and file version."""
    if path is None:
        return SiteIndex()
    try:
        mtime = Path(path).stat().st_mtime
    except OSError:
        return SiteIndex()
    return _cached(str(path), mtime)
