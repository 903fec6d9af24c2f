"""Plain-text and markdown copies of articles: front matter, tag lines and stray HTML.

Text copies of articles come from static-site sources and archives: YAML front
matter (``title:``, ``date:``), a leading block of ``key: value`` lines, or wiki-like
tag lines (``[[date:AUGUST 20, 2020]]``) hold the headline and the publication
date, and raw HTML (``<a href=...>Open Schools Kenya</a>``) is left in the prose.
The front matter is metadata, not article text: it is read and removed, so that
names inside links are readable and the title is the headline, not ``slug: ...``.
"""

from __future__ import annotations

import html
import re

from pipeline.clean.byline import parse_dates
from pipeline.clean.metadata import iso_day

_FENCED = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FIELD = re.compile(r"^([A-Za-z][\w-]{0,30}):[ \t]*(.*)$")
_TAG_LINE = re.compile(r"^[ \t]*\[\[([A-Za-z][\w-]{0,30}):([^\]\n]*)\]\][ \t]*$", re.M)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>|<!--.*?-->", re.S)
_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "date_published", "created")


def _fields(lines: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        if m := _FIELD.match(line.strip()):
            out.setdefault(m[1].lower(), m[2].strip().strip("\"'"))
    return out


def read_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata fields, the text without them)."""
    fields: dict[str, str] = {}
    if m := _FENCED.match(text):
        fields = _fields(m[1].splitlines())
        text = text[m.end() :]
    else:
        head, sep, rest = text.lstrip().partition("\n\n")
        lines = [ln for ln in head.splitlines() if ln.strip()]
        if len(lines) >= 2 and all(_FIELD.match(ln.strip()) for ln in lines):
            candidate = _fields(lines)
            if "title" in candidate or any(k in candidate for k in _DATE_KEYS):
                fields, text = candidate, rest
    for m in _TAG_LINE.finditer(text):
        fields.setdefault(m[1].lower(), m[2].strip())
    return fields, _TAG_LINE.sub("", text)


def strip_tags(text: str) -> str:
    """Raw HTML tags out of text, their content kept ("<a href=..>UNICEF</a>" -> "UNICEF")."""
    if "<" not in text:
        return text
    return html.unescape(_HTML_TAG.sub("", text))


def front_matter_date(fields: dict[str, str]) -> str | None:
    """The publication day a front-matter field gives (ISO or written out, any known language)."""
    for key in _DATE_KEYS:
        value = fields.get(key)
        if not value:
            continue
        if day := iso_day(value):
            return day
        if found := parse_dates(value[:80]):
            return found[0][1]
    return None
