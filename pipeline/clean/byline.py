"""Publication date as the page shows it to readers: the byline/dateline near the headline.

Markup dates are often wrong about the *day readers see*: a UTC timestamp one day
off the publisher's local day, the last update in ``datePublished``, or nothing
at all (many German and other non-English sites only print "1. Februar 2022" or
"29.04.2020, 12:01 Uhr" under the headline). This module reads the visible text
around the main ``<h1>`` and elements whose class/id says date/time/byline, and
parses full dates (day, month and year; a lone month or year is never a date) in
the languages of ``models/clean_months.json`` with a compact regex grammar:
dateparser on every candidate would cost more than the rest of the stage.

Day-first vs month-first for ``03/04/2019``: unambiguous when a part is > 12;
otherwise the caller's evidence (markup or URL dates) decides, then the page
language (month-first only for US English). Labels decide what a date is:
"Updated"/"Aktualisiert" marks a modification, never the publication.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from lxml.html import HtmlElement

from pipeline.knowledge import models_dir

_MODEL = "clean_months.json"  # in the models folder (the models_dir setting)
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option", "iframe"}
OUTSIDE_TAGS = frozenset({"nav", "footer", "aside"})  # not <form>: ASP.NET pages wrap everything in one
_OTHER_CONTENT = re.compile(r"\b(?:footer|sidebar|related|teaser|comment|nav|menu|breadcrumb)", re.I)
_DATE_CLASS = re.compile(
    r"date|time|datum|byline|posted|publi|meta|stand|fecha|data|dateline|zeit|info|author|header", re.I
)
_MIN_YEAR = 1995
_YEAR = re.compile(r"(?:19|20)\d\d")  # the part every date pattern of _grammar() contains
_AFTER_H1 = 30  # text segments read after the headline
_BEFORE_H1 = 3  # a kicker or date line above the headline
_PARAGRAPH = 80  # a segment this long after the headline is body text
_LONG = 200  # a segment this long is body text: only a dateline at its start counts
_PROSE_WORD = re.compile(r"\b[a-z]{4,}\b")  # a lower-case word before the date: a sentence, not a dateline


@dataclass(frozen=True)
class Found:
    """A date read in the page's visible text; ``alt`` is the other reading of 03/04/2019."""

    day: str
    label: str  # "published", "modified" or "" (unlabelled)
    zone: str  # "header" (near the <h1>) or "class" (a date/byline element)
    alt: str | None = None


def _grammar() -> tuple[dict[str, int], list[tuple[re.Pattern[str], str]], re.Pattern[str], re.Pattern[str]]:
    return _grammar_of(models_dir())


@lru_cache(maxsize=2)
def _grammar_of(
    folder: Path,
) -> tuple[dict[str, int], list[tuple[re.Pattern[str], str]], re.Pattern[str], re.Pattern[str]]:
    """Compile the month table and the date patterns once."""
    data = json.loads((folder / _MODEL).read_text(encoding="utf-8"))
    months: dict[str, int] = data["months"]
    mon = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    year = r"((?:19|20)\d{2})(?!\d)"
    patterns = [
        (rf"(?<!\d)(\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?({mon})\.?,?\s*(?:de\s+|del\s+)?{year}", "DMY"),
        (rf"(?<!\w)({mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}", "MDY"),
        (r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})", "YMD"),
        (r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", "YMD"),
        (rf"(?<!\d)((?:19|20)\d{{2}})\.\s*({mon})\s*(\d{{1,2}})", "YMD"),
        (r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?" + year, "DMY"),
        (r"(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-]" + year, "AMB"),
    ]
    # "2020/7/11-12" is a range, "11.03.2020 - 13.03.2020" an event span: neither is a dateline.
    compiled = [(re.compile(p + r"(?!\s?[-–~～]\s?\d{1,2}\b)", re.I), order) for p, order in patterns]
    labels = "|".join(re.escape(w) for w in data["modified_labels"])
    pub = "|".join(re.escape(w) for w in data["published_labels"])
    return months, compiled, re.compile(rf"(?:{labels})\W{{0,3}}(?:\w+\W+){{0,2}}$", re.I), re.compile(
        rf"(?:{pub})\W{{0,3}}(?:\w+\W+){{0,2}}$", re.I
    )


def _valid(y: int, m: int, d: int, today: date) -> str | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return day.isoformat() if y >= _MIN_YEAR and day <= today else None


def _month(token: str, months: dict[str, int]) -> int:
    return int(token) if token.isdigit() else months.get(token.lower().rstrip("."), 0)


def parse_dates(text: str, month_first: bool = False, today: date | None = None) -> list[tuple[int, str, str | None]]:
    """Full dates in a short text: (offset, YYYY-MM-DD, other reading if day/month is ambiguous)."""
    if not _YEAR.search(text):
        return []  # every pattern needs a year; most text pieces near a headline have none
    months, patterns, _mod, _pub = _grammar()
    today = today or date.today()
    out: list[tuple[int, str, str | None]] = []
    taken: list[tuple[int, int]] = []
    for rx, order in patterns:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groups()
            alt = None
            if order == "DMY":
                day = _valid(int(g[2]), _month(g[1], months), int(g[0]), today)
            elif order == "MDY":
                day = _valid(int(g[2]), _month(g[0], months), int(g[1]), today)
            elif order == "YMD":
                day = _valid(int(g[0]), _month(g[1], months), int(g[2]), today)
            else:
                a, b, y = int(g[0]), int(g[1]), int(g[2])
                dmy, mdy = _valid(y, b, a, today), _valid(y, a, b, today)
                day, alt = (mdy, dmy) if month_first else (dmy, mdy)
                if day is None or alt == day:
                    day, alt = day or alt, None
            if day:
                taken.append((m.start(), m.end()))
                out.append((m.start(), day, alt))
    return sorted(out)


def _excluded(el: HtmlElement) -> bool:
    """Navigation, a footer, a sidebar or a form, or inside one: other pages' dates live there
    (and a masthead's "today", as in ``<nav class="Header__Navbar">February 8th, 2020 NEWS SPORTS``)."""
    for anc in (el, *el.iterancestors()):
        if not isinstance(anc.tag, str) or anc.tag in {"body", "html"}:
            break  # the body's classes describe the page layout ("one-sidebar"), not this element
        if anc.tag in OUTSIDE_TAGS or anc.tag in _SKIP_TAGS:
            return True
        if _OTHER_CONTENT.search(f"{anc.get('class', '')} {anc.get('id', '')}"):
            return True
    return False


def _headline(tree: HtmlElement) -> HtmlElement | None:
    """The article's <h1> (inside <article>/<main> when there is one), else its title element."""
    for path in (
        ".//article//h1",
        ".//main//h1",
        ".//h1",
        ".//article//*[contains(@class, 'title') or contains(@class, 'headline')]",
        ".//main//*[contains(@class, 'title') or contains(@class, 'headline')]",
        ".//article//h2",
    ):
        for h1 in tree.xpath(path):
            if len(" ".join(h1.text_content().split())) >= 8 and not _excluded(h1):
                return h1
    return None


def _after_subtree(el: HtmlElement) -> HtmlElement | None:
    """The first node after ``el`` and its descendants in document order (None at the end)."""
    node: HtmlElement | None = el
    while node is not None:
        nxt = node.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
    return None


_END = object()  # stands for "after the last node": nothing left to read


def _segments(tree: HtmlElement) -> tuple[list[str], int]:
    """Visible text pieces of the body in document order, and the index of the headline's first.

    Only the pieces around the headline are read, so a page without one has none. A skipped
    subtree (navigation, a sidebar) is jumped over to the node after it: asking each of its
    elements whether it lies inside cost more than the rest of the walk.
    """
    h1 = _headline(tree)
    if h1 is None:
        return [], -1
    body = tree.find(".//body")
    root = body if body is not None else tree
    segs: list[str] = []
    start = -1
    resume: object = None  # while set, nodes are skipped until this one comes up
    for el in root.iter():
        if resume is not None:
            if el is not resume:
                continue
            resume = None
        if not isinstance(el.tag, str):
            continue
        if el.tag in _SKIP_TAGS or el.tag in OUTSIDE_TAGS or (
            el is not h1 and el is not root and _OTHER_CONTENT.search(f"{el.get('class', '')} {el.get('id', '')}")
        ):
            resume = _after_subtree(el)
            if resume is None:
                resume = _END
            if el.tail and el.tail.strip():
                segs.append(" ".join(el.tail.split()))
            continue
        if el is h1:
            start = len(segs)
        if el.text and el.text.strip():
            segs.append(" ".join(el.text.split()))
        if start >= 0 and len(segs) > start + _AFTER_H1 + 40:
            break
        if el.tail and el.tail.strip():
            segs.append(" ".join(el.tail.split()))
    return segs, start


def _label(prefix: str) -> str:
    _months, _patterns, modified, published = _grammar()
    if modified.search(prefix):
        return "modified"
    if published.search(prefix):
        return "published"
    return ""


def _read(text: str, zone: str, month_first: bool, today: date | None, head: int = 0) -> list[Found]:
    """Dates in one piece of text; ``head`` chars of context before the piece itself."""
    found = []
    for off, day, alt in parse_dates(text, month_first, today):
        if len(text) - head > _LONG and (off - head > 40 or _PROSE_WORD.search(text[head:off])):
            break  # a date inside body text is an event, not a dateline ("The meeting, held in Accra on ...")
        found.append(Found(day, _label(text[max(0, off - 40) : off]), zone, alt))
    return found


def visible_dates(tree: HtmlElement, lang: str | None = None, today: date | None = None) -> list[Found]:
    """Dates the page shows near its headline, then in date/byline elements, in document order."""
    month_first = (lang or "").lower().replace("_", "-").startswith("en-us")
    found: list[Found] = []
    segs, start = _segments(tree)
    if start >= 0:
        # Labels and dates are often split over elements ("Published:" <b>12 March</b>): join
        # each segment with its neighbour before reading.
        # The byline sits between the headline and the body: once two paragraphs of body text
        # have passed, later dates are events, quotes or embedded posts.
        window = segs[max(0, start - _BEFORE_H1) : start + _AFTER_H1]
        paragraphs = 0
        for i, seg in enumerate(window):
            prev = window[i - 1][-40:] + " " if i else ""
            for f in _read(prev + seg, "header", month_first, today, len(prev)):
                if not prev or f not in _read(prev, "header", month_first, today):
                    found.append(f)
            paragraphs += len(seg) >= _PARAGRAPH and i >= min(start, _BEFORE_H1)
            if paragraphs >= 2:
                break
    # Pages repeat a few class names over hundreds of elements: each is matched once.
    date_class: dict[str, bool] = {}
    for el in tree.xpath("//body//*[@class or @id or @itemprop] | //body//time"):
        if el.tag != "time":
            attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
            hit = date_class.get(attrs)
            if hit is None:
                hit = date_class[attrs] = _DATE_CLASS.search(attrs) is not None
            if not hit:
                continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > _LONG or _excluded(el):
            continue
        found.extend(_read(text, "class", month_first, today))
        if len([f for f in found if f.zone == "class"]) >= 3:
            break
    return found


def byline_date(found: list[Found]) -> Found | None:
    """The publication date among what the page shows: a labelled one, else the first unlabelled."""
    for label in ("published", ""):
        for zone in ("header", "class"):
            for f in found:
                if f.label == label and f.zone == zone:
                    return f
    return None


def _apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def prefer_visible(
    current: str | None,
    found: list[Found],
    *,
    structured: str | None,
    modified: str | None,
    in_url: str | None,
    weak: bool,
    local: bool = False,
) -> str | None:
    """The byline date readers see, when the markup or the URL confirm it; else ``current``.

    - One day off the markup: the markup is a UTC timestamp, the byline the publisher's
      local day (unless the URL, the site's own filing day, already agrees with the markup,
      or the page also shows the markup's day somewhere).
    - Equal to the markup's modified date: the site presents the page under that date.
    - Earlier than a date only htmldate found that equals the modified date: htmldate took
      the update for the original.
    - ``current`` is weak (htmldate's extensive guess): a byline date beats a guess.

    An unlabelled date in some date-classed element far from the headline is not enough
    (sidebars list other articles' dates); a date labelled "updated" never is.
    """
    shown = byline_date(found)
    if shown is None or shown.label == "modified" or shown.day == current:
        return current
    if shown.zone == "class" and shown.label != "published":
        return current
    if current and in_url and current == in_url:
        return current
    day = shown.day
    if shown.alt and current and _apart(shown.alt, current) < _apart(day, current):
        day = shown.alt  # 03/04/2019: the reading the markup supports
    if day == current:
        return current
    days = {f.day for f in found}
    confirmed = (
        (current is not None and not local and _apart(day, current) <= 1 and current not in days)
        or day == modified
        or (current is not None and not structured and current == modified and day < current
            and shown.zone == "header")
    )
    return day if confirmed or weak or current is None else current
