"""Title, publication/modification dates and authors from a page's markup.

Order of trust for dates: structured data the publisher wrote for machines
(JSON-LD, OpenGraph/article meta, ``<time datetime>``), then htmldate's original
date without its extensive guessing. A timestamp keeps the publisher's local day
("2024-03-09T23:30:00-05:00" is the 9th). No date is better than a wrong one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date

from bs4 import BeautifulSoup

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "publish-date", "publishdate", "pubdate",
    "sailthru.date", "parsely-pub-date", "citation_publication_date",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
_AGENCIES = ("AFP", "AP", "Reuters", "NAN", "Xinhua", "IANS", "PTI", "ANA", "dpa", "EFE", "Bernama", "APA")


def iso_day(value: str | None) -> str | None:
    """YYYY-MM-DD of an ISO-like timestamp, as written (no time-zone shift)."""
    if not value:
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _jsonld_objects(soup: BeautifulSoup) -> Iterable[dict]:
    for tag in soup.find_all("script", type=re.compile("ld\\+json", re.I)):
        try:
            data = json.loads(tag.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def _meta(soup: BeautifulSoup, names: tuple[str, ...]) -> str | None:
    wanted = set(names)
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key in wanted and tag.get("content"):
            return str(tag["content"])
    return None


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def page_metadata(soup: BeautifulSoup) -> dict[str, object]:
    """What the markup says: title, published, modified, authors (raw), lang."""
    published = modified = None
    authors: list[str] = []
    headline = None
    for obj in _jsonld_objects(soup):
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if not any(isinstance(t, str) and ("Article" in t or t in {"WebPage", "BlogPosting", "Report"}) for t in types):
            continue
        published = published or iso_day(obj.get("datePublished") or obj.get("dateCreated"))
        modified = modified or iso_day(obj.get("dateModified"))
        authors = authors or _names(obj.get("author"))
        headline = headline or obj.get("headline")
    published = published or iso_day(_meta(soup, _PUBLISHED_META))
    modified = modified or iso_day(_meta(soup, _MODIFIED_META))
    if not published:
        for t in soup.find_all("time"):
            if t.get("datetime") and (day := iso_day(t["datetime"])):
                published = day
                break
    if not authors and (meta_author := _meta(soup, ("author", "article:author", "dc.creator"))):
        if not meta_author.startswith("http"):
            authors = [meta_author]
    title = _meta(soup, ("og:title", "twitter:title")) or headline
    if not title:
        h1 = soup.find("h1")
        title = h1.get_text(" ", strip=True) if h1 else (soup.title.get_text(" ", strip=True) if soup.title else "")
    html_tag = soup.find("html")
    lang = html_tag.get("lang") if html_tag else None
    return {"title": title or "", "published": published, "modified": modified, "authors": authors, "lang": lang}


def split_authors(raw: Iterable[str]) -> tuple[list[str], str | None]:
    """People among byline strings, and a wire agency if one is credited.

    "By Jane Doe and John Roe | AFP" -> (["Jane Doe", "John Roe"], "AFP").
    """
    people: list[str] = []
    agency = None
    for item in raw:
        for part in re.split(r"\s*(?:,|;|\||&|\band\b|/)\s*", re.sub(r"^\s*by\s+", "", item, flags=re.I)):
            part = part.strip(" .()")
            if not part:
                continue
            hit = next((a for a in _AGENCIES if part.casefold() == a.casefold()), None)
            if hit:
                agency = agency or hit
                continue
            words = part.split()
            if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in part) or "@" in part:
                continue
            if part.casefold() in {"staff", "staff writer", "editor", "admin", "email the author"}:
                continue
            if not all(w[:1].isupper() for w in words if w.lower() not in {"de", "van", "von", "da", "bin", "al"}):
                continue
            if part not in people:
                people.append(part)
    return people, agency
