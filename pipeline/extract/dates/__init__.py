"""Dates: the publication date and every event date in the text, as start/end days.

Reads ``ctx.article`` (text, blocks, published) and sentence boundaries of
``ctx.doc`` (for the ``sentence`` column); the expressions themselves are found by
precompiled regular expressions (``_PATTERNS``), which is faster and more
predictable than dateparser's free search and never reads "2030" out of
"Education 2030".

Normalization rules (documented for the ``dates`` table):
- a day: start = end; a range ("from 22 to 23 October", "3 March to 2 April 2024",
  "October 22-23"): first..last day; a month ("in March", "March 2024"): first..last
  day of the month; a month range ("from October 2013 to September 2018", "May/June 2020",
  "from April to November, 2024", "in May-June" with the year from publication) likewise,
  and an ISO pair ("2023-04-12 - 2023-04-26") too.
- A missing year comes from the publication date: in a past-tense clause the date's
  last occurrence on or before publication ("since May" on a December page is this
  May), in a future-tense one ("will be held") its next one, otherwise the one closest
  to publication. A weekday written with the day ("Thursday, July 18") picks the year
  that day falls on when that reading is nearer to publication. With no publication
  date, the only year written in full dates of the text is used; otherwise the
  expression is dropped.
- A month before the noun it dates ("an April ceremony", "the November issue") is that
  month, as "in April" is; "last July 2" is a day (the last July 2), not last July.
- Relative dates ("yesterday", "last night", "tonight", "last week", "on Monday", "last November", "July last
  year", "next month") are anchored to the publication date and dropped without one.
  A bare weekday is the last such day on or before publication (after it, in
  future-tense sentences); weekly habits ("every Wednesday", "Monday through Thursday,
  9:30 a.m.") and the weekday after a full date ("29 Jul 2017, Saturday") are no day.
- kind ``other``: year-level mentions with a preposition ("in 2015", "by 2030") as
  the calendar year, and academic years ("2024/25 academic year") as 1 September to
  31 August, the most common northern-hemisphere calendar (southern-hemisphere
  countries differ; the text rarely says which). Years inside names ("Education
  2030", "Strategic Plan 2013-2018") are not dates.
- The dateline (a full date near the top equal to the publication date) is the
  ``published`` row, not an event. When the clean stage found no publication date, a
  labelled date, a dateline or a date line ending the headline block is taken as it
  (``_dateline_form``); lines headed "Updated", "Posted on", "Date:" are never events,
  unless what follows is a range ("Date: 1-2 October 2007" under a conference's name).

Known limits: English month and weekday names only; time-of-day is ignored; "today"
is an event only when it is not generic ("challenges of today").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.extract.base import Context
from pipeline.extract.knowledge.casefold_scan import ascii_folded
from pipeline.records import Article, DateRow

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _mon(g: str) -> str:
    return (rf"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
            rf"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")


def _day(g: str) -> str:
    return rf"(?<!\d[.,])(?<![\d:/])(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?\b"


def _yr(g: str) -> str:
    return rf"(?P<{g}>(?:19|20)\d\d)(?![\d/])"


_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\(?(?:the\s+)?)?"  # "Monday (June 3)" too
_SEP = r"\s*(?:-|–|—|&|to|until|till|through|and)\s*(?:the\s+)?"  # "the 19th to the 20th of July", "25 & 26 August"
_FROM = r"(?:(?:from|between)\s+)?"
_OF = r"(?:\s+of)?\s+"
_Y1 = rf"(?:,?\s*{_yr('y1')})?"
_Y2 = rf"(?:,?\s*{_yr('y2')})?"
_WEEKDAY_LEAD = re.compile(r"(?:(?:from|between)\s+)?(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.I)
_WEEKDAY = r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"

_MM_END = r"(?!\s*\d)(?!,?\s*(?:of\s+)?(?:19|20)\d\d)(?!(?-i:\s+[A-Z]))(?!\s+(?:each|every)\b)"

# (name, regex); longer matches win over shorter ones at the same place.
_PATTERN_SRC: list[tuple[str, str]] = [
    ("dm_dm", rf"{_FROM}{_WD}{_day('d1')}{_OF}{_mon('m1')}{_Y1}{_SEP}{_WD}{_day('d2')}{_OF}"
              rf"{_mon('m2')}{_Y2}"),
    ("md_md", rf"{_FROM}{_WD}{_mon('m1')}\s*{_day('d1')}{_Y1}{_SEP}{_WD}{_mon('m2')}\s*"
              rf"{_day('d2')}{_Y2}"),
    ("dd_m", rf"{_FROM}{_WD}{_day('d1')}{_SEP}{_WD}{_day('d2')}{_OF}{_mon('m1')}{_Y1}"),
    ("m_dd", rf"{_FROM}{_mon('m1')}\s*{_day('d1')}{_SEP}{_day('d2')}{_Y1}"),
    # "March to May 2019", "May/June 2020", "from April to November, 2024"
    ("my_my", rf"{_FROM}{_mon('m1')}(?:{_OF}{_yr('y1')})?(?:{_SEP}|\s*/\s*){_mon('m2')}(?:,\s*|{_OF}){_yr('y2')}"),
    ("dm", rf"{_WD}{_day('d1')}{_OF}{_mon('m1')}{_Y1}"),
    ("md", rf"{_WD}{_mon('m1')}\s*{_day('d1')}{_Y1}(?!\s*(?:-|–|to)\s*\d)"),
    ("iso_iso", rf"{_yr('y1')}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\s*(?:-|–|—|to|until|through)\s*"
                rf"{_yr('y2')}-(?P<mm2>[01]\d)-(?P<dd2>[0-3]\d)\b"),  # "2023-04-12 - 2023-04-26"
    ("iso", rf"{_yr('y1')}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b"),
    ("mm_rel", rf"{_FROM}{_mon('m1')}{_SEP}{_mon('m2')}\s+(?:of\s+)?(?P<rel>last|next|this)\s+year"),
    ("month_rel", rf"{_mon('m1')}\s+(?:of\s+)?(?P<rel>last|next|this)\s+year"),
    # "last July 2" (Philippine and Indian English): the last July 2, a day, not last July
    ("rel_md", rf"(?P<rel>last|next|this)\s+{_mon('m1')}\s*{_day('d1')}(?!,?\s*(?:19|20)\d\d)"),
    ("rel_month", rf"(?P<rel>last|next|this(?:\s+past|\s+coming)?|(?:early|mid|late)(?:-|\s+))\s*{_mon('m1')}"),
    ("my", rf"{_mon('m1')}(?:,\s*|{_OF}){_yr('y1')}"),  # "March 2024", "December, 2011", "Dec., 2016"
    # "in May-June", "from March to May", "between April and June": two months of one span, the
    # year from publication (not "May/June WASSCE", an exam series, nor "each year", a habit)
    ("mm", rf"(?:from\s+|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bsince\s)|(?<=\buntil\s)){_mon('m1')}"
           rf"\s*(?:-|–|—|/|to|through|till|until)\s*{_mon('m2')}{_MM_END}"),
    ("mm2", rf"between\s+{_mon('m1')}\s+and\s+{_mon('m2')}{_MM_END}"),
    ("m", rf"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)"
          rf"|(?<=\bof\s)|(?<=\bfrom\s)|(?<=\bend of\s)|(?<=\bbeginning of\s)){_mon('m1')}(?!\s*\d)"),
    # "an April ceremony", "a September poll", "to November dates": a month before the noun
    # it dates (kept only when spaCy parses it so: ``_attributive_month``)
    ("m_attr", r"(?P<m1>January|February|March|April|May|June|July|August|September|October|"
               r"November|December)(?=\s+[a-z]{3,})"),
    ("rel_day", r"(?<![-/])\b(?P<word>yesterday|today|tomorrow)\b(?!'s|’s|-|/)"),
    # "last night's dinner", "will speak tonight" (not "the last night of the festival")
    ("rel_night", r"(?<!the )(?<!its )(?<!their )(?<!his )(?<!her )(?<!every )(?<!one )"
                  r"\b(?P<word>last\s+night|tonight)\b(?!(?-i:\s+[A-Z]))"),  # (not "Tonight Show")
    ("rel_period", r"\b(?P<rel>last|next|this|previous|coming)\s+(?P<unit>week|month|weekend)\b"),
    ("weekday", rf"\b(?:(?P<rel>last|next|this|on)\s+)?{_WEEKDAY}\b"),
    ("academic", r"(?<!\d)(?P<y1>(?:19|20)\d\d)\s*[/–-]\s*(?P<y2>\d\d(?:\d\d)?)\s+"
                 r"(?:academic|school)\s+year"),
    ("academic2", r"(?:academic|school)\s+year\s+(?:of\s+)?(?P<y1>(?:19|20)\d\d)\s*[/–-]\s*"
                  r"(?P<y2>\d\d(?:\d\d)?)\b"),
    ("year_rel", r"\b(?P<rel>last|next|this)\s+year\b"),
    ("year", rf"(?:(?<=\bin\s)|(?<=\bby\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bduring\s))"
             rf"{_yr('y1')}\b(?!\s*[-–/]\s*\d)"),
]
# What a match of each pattern can begin with, tried as a lookahead first: without it the
# regex engine walks every optional prefix (from/between, a weekday, the lookbehinds) at
# every position of the text, which made the scan half of this extractor's time. A match
# is the same with or without it; "iso" already starts with a literal the engine skips to.
# Month-led patterns check two letters (Ja, Fe, Ma, Ap, Ju, Au, Se, Oc, No, De), as do
# weekdays (Mo, Tu, We, Th, Fr, Sa, Su) and from/between; one letter is faster for the rest.
_MON2, _WD2, _FROM2 = "[jfmasond][aeupco]", "[mtwfs][ouehra]", "[fb][re]"
_MON1, _WD1 = "[jfmasond]", "[mtwfs]"
_FIRST = {
    "dm_dm": rf"[fb\d]|{_WD1}", "md_md": f"{_FROM2}|{_WD2}|{_MON2}", "dd_m": rf"[fb\d]|{_WD1}",
    "m_dd": f"{_FROM2}|{_MON2}", "my_my": f"{_FROM2}|{_MON2}", "dm": rf"\d|{_WD1}", "md": f"{_WD2}|{_MON2}",
    "month_rel": _MON2, "mm_rel": f"{_FROM2}|{_MON2}", "mm": f"fr|{_MON2}", "mm2": "b", "my": _MON2, "m": _MON2,
    "m_attr": _MON2,
    "rel_month": "[lntem]", "rel_md": "[lnt]", "year": "[12]",
    "weekday": "[lntomwfs]", "rel_period": "[lntpc]", "year_rel": "[lnt]", "rel_day": "[yt]", "rel_night": "[lt]",
    "academic": "[12]",
    "academic2": "[as]",
}
_PATTERNS = [(name, re.compile((f"(?=(?:{_FIRST[name]}))" if name in _FIRST else "") + src, re.I))
             for name, src in _PATTERN_SRC]
_FUTURE = re.compile(r"\b(?:will|shall|'ll|upcoming|is to be|are to be|scheduled|planned|"
                     r"is expected|are expected|next)\b", re.I)
_GENERIC_BEFORE = re.compile(r"\b(?:of|for|and|till|until|join|than|like)\s*$", re.I)
_HOLIDAY_BEFORE = re.compile(r"\b(?:Good|Black|Cyber|Ash|Easter|Palm)\s+$")
_ABBR_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$", re.I)
_ON_BEFORE = re.compile(r"\b(?:on|held|from|since)\s+$", re.I)
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|before|after|through)\s+$", re.I)  # never a dateline
# Patterns of two days or two months: a span, so never the page's own date.
_RANGES = {"dm_dm", "md_md", "dd_m", "m_dd", "my_my", "iso_iso"}
# "Updated 14 July 2025", "Posted on ...", "Date: ...", "Last modified: ..." at the head
# of a line: the page's own dates, never events.
_PAGE_DATE_LINE = re.compile(r"^\W*(?:last\s+)?(?:updated|posted|published|modified|date|dated)"
                             r"(?:\s+(?:on|at))?\s*[:=]?\s*[\"']?$", re.I)
_LABELLED_DATE = re.compile(r"\b(?:date|published|posted(?:\s+on)?)\s*[:=]?\s*[\"']?$", re.I)
_WEEKDAY_BEFORE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*$", re.I)
# Opening hours and timetables ("Monday through Thursday, 9:30 a.m.", "every Wednesday"):
# a habit, not a day; and the weekday of a dateline ("29 Jul 2017, Saturday").
_WD_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# ("from Tuesday to Friday" is more often a move of one event than a week's range)
_WD_RANGE_AFTER = re.compile(rf"\s*(?:-|–|—|through|thru)\s*{_WD_NAME}", re.I)
_WD_RANGE_BEFORE = re.compile(rf"{_WD_NAME}\s*(?:-|–|—|through|thru)\s*$", re.I)
_EVERY_BEFORE = re.compile(r"\b(?:every|each|an?)\s+$", re.I)  # ("starting on a Tuesday": some Tuesday)
_YEAR_COMMA_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*,\s*$")
_DASH_AFTER = re.compile(r"\s*[-–—]+\s")
# "CAMBRIDGE, Mass, " / "NAIROBI, " / "Caacupé, Paraguay, " at the head of a dateline
_PLACE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\s)[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3},"
                           r"(?:\s*[A-ZÀ-Þ][\w'’. -]{1,25},)?\s*(?:\(\w+\)\s*)?$")
_PREP_BEFORE = re.compile(r"\b(?:on|in|from|to|until|till|since|by|before|after|between|and|of|"
                          r"through|during|at)\s*$", re.I)


@dataclass
class _Hit:
    start: int
    end: int
    kind: str
    first: date
    last: date


def _month(text: str) -> int:
    return _MONTHS[text[:3].lower()]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _closest_year(month: int, day: int, anchor: date, future: bool | None) -> int:
    """Year of a year-less month/day, from the tense of its clause.

    Past tense (False): its last occurrence on or before the anchor ("has grown since
    May" on a December page is this May, "took place on 20 December" on a 4 December
    page last December). Future tense (True): its next occurrence (a week's slack:
    "will be held on Monday 3 June" written on the 5th is still that day). Tense not
    shown (None: present tense, infinitives, "expects to report in September"): the
    occurrence closest to the anchor.
    """
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue  # 29 February of a common year
        if best is None or abs((d - anchor).days) < abs((best - anchor).days):
            best = d
    if best is None:
        raise ValueError("no such day")
    if future and (anchor - best).days > 7:
        return best.year + 1
    if future is False and best > anchor:
        for y in range(best.year - 1, best.year - 9, -1):
            try:
                return date(y, month, day).year
            except ValueError:
                continue
    return best.year


class _Resolver:
    """Turns a regex match into (kind, first, last), or None when it is not a date."""

    def __init__(self, published: date | None, fallback_year: int | None) -> None:
        self.pub = published
        self.fallback_year = fallback_year

    def year(self, given: str | None, month: int, day: int, future: bool | None) -> int | None:
        if given:
            return int(given)
        if self.pub is not None:
            return _closest_year(month, day, self.pub, future)
        return self.fallback_year

    def weekday_year(self, m: re.Match[str], month: int, day: int, year: int) -> int:
        """The year a year-less day falls on the weekday written with it, when only one year
        around the publication date does and that day is nearer to it than the tense's
        ("Thursday, July 18" on a 17 July 2024 page is the next day, though the clause is
        past); otherwise ``year`` as the tense resolved it (a weekday that fits only a
        farther year is more likely the writer's slip)."""
        wd, pub = _WEEKDAY_LEAD.match(m.group(0)), self.pub
        if wd is None or pub is None:
            return year
        want = _WEEKDAYS[wd["wd"][:3].lower()]
        fits = []
        for y in (pub.year - 1, pub.year, pub.year + 1):
            try:
                if date(y, month, day).weekday() == want:
                    fits.append(y)
            except ValueError:
                continue
        if len(fits) != 1 or fits[0] == year:
            return year
        nearer = abs((date(fits[0], month, day) - pub).days) < abs((date(year, month, day) - pub).days)
        return fits[0] if nearer else year

    def __call__(self, name: str, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        handler: Callable[[re.Match[str], bool], tuple[str, date, date] | None] = getattr(
            self, "_" + name.rstrip("2"))
        try:
            return handler(m, future)
        except ValueError:
            return None

    def _days(self, m1: str, d1: str, y1: str | None, m2: str, d2: str, y2: str | None,
              future: bool | None) -> tuple[str, date, date] | None:
        mo1, mo2, da1, da2 = _month(m1), _month(m2), int(d1), int(d2)
        year2 = y2 or y1
        end_y = self.year(year2, mo2, da2, future)
        if end_y is None:
            return None
        start_y = int(y1) if y1 else (end_y if (mo1, da1) <= (mo2, da2) else end_y - 1)
        first, last = date(start_y, mo1, da1), date(end_y, mo2, da2)
        return ("event", first, last) if first <= last else None

    def _dm_dm(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        return self._days(m["m1"], m["d1"], m["y1"], m["m2"], m["d2"], m["y2"], future)

    _md_md = _dm_dm

    def _dd_m(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        return self._days(m["m1"], m["d1"], m["y1"], m["m1"], m["d2"], m["y1"], future)

    _m_dd = _dd_m

    def _dm(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        mo, d = _month(m["m1"]), int(m["d1"])
        y = self.year(m["y1"], mo, d, future)
        if not m["y1"] and y is not None:
            y = self.weekday_year(m, mo, d, y)
        return None if y is None else ("event", date(y, mo, d), date(y, mo, d))

    _md = _dm

    def _iso(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        d = date(int(m["y1"]), int(m["mm"]), int(m["dd"]))
        return "event", d, d

    def _iso_iso(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        first = date(int(m["y1"]), int(m["mm"]), int(m["dd"]))
        last = date(int(m["y2"]), int(m["mm2"]), int(m["dd2"]))
        return ("event", first, last) if first <= last else None

    def _my_my(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2
        first = date(y1, _month(m["m1"]), 1)
        last = _month_end(y2, _month(m["m2"]))
        return ("event", first, last) if first <= last else None

    def _my(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        y, mo = int(m["y1"]), _month(m["m1"])
        return "event", date(y, mo, 1), _month_end(y, mo)

    def _whole_month(self, y: int, mo: int) -> tuple[str, date, date]:
        return "event", date(y, mo, 1), _month_end(y, mo)

    def _m(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        mo = _month(m["m1"])
        if self.pub is None:
            return None if self.fallback_year is None else self._whole_month(
                self.fallback_year, mo)
        # The closest such month; in a past clause one that has begun, in a future
        # clause one that has not ended.
        y = _closest_year(mo, 15, self.pub, None)
        if future is False and date(y, mo, 1) > self.pub:
            y -= 1
        elif future and _month_end(y, mo) < self.pub:
            y += 1
        return self._whole_month(y, mo)

    _m_attr = _m

    def _mm(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        found = self._m(m, future)
        if found is None:
            return None
        mo1, mo2 = _month(m["m1"]), _month(m["m2"])
        y2 = found[1].year + (mo2 < mo1)  # "from September to January": into the next year
        return "event", found[1], _month_end(y2, mo2)

    def _mm_rel(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        """"June and July of this year": one span over both months."""
        if self.pub is None:
            return None
        y = self.pub.year + {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
        first, last = date(y, _month(m["m1"]), 1), _month_end(y, _month(m["m2"]))
        return ("event", first, last) if first <= last else None

    def _month_rel(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        if self.pub is None:
            return None
        shift = {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
        return self._whole_month(self.pub.year + shift, _month(m["m1"]))

    def _rel_md(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        """"last July 2" is the last July 2 on or before the anchor, "next July 2" the next."""
        tense = {"last": False, "next": True, "this": None}[m["rel"].lower()]
        mo, d = _month(m["m1"]), int(m["d1"])
        y = self.year(None, mo, d, tense)
        return None if y is None else ("event", date(y, mo, d), date(y, mo, d))

    def _rel_month(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        rel = m["rel"].lower().strip(" -")
        mo = _month(m["m1"])
        if rel in {"early", "mid", "late"}:
            return self._m(m, future)
        if self.pub is None:
            return None
        y = self.pub.year
        rel = " ".join(rel.split())
        if rel in {"last", "this past"}:
            y = y if mo < self.pub.month else y - 1
        elif rel in {"next", "this coming"}:
            y = y if mo > self.pub.month else y + 1
        elif future is False and mo > self.pub.month:
            y -= 1  # "This September marked the end" on a January page: the September before it
        elif future and mo < self.pub.month:
            y += 1  # "this March will see" on a December page: the March after it
        return self._whole_month(y, mo)

    def _rel_day(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        if self.pub is None:
            return None
        d = self.pub + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[
            m["word"].lower()])
        return "event", d, d

    def _rel_night(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        if self.pub is None:
            return None
        d = self.pub - timedelta(days=1 if m["word"].lower().startswith("last") else 0)
        return "event", d, d

    def _rel_period(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        if self.pub is None:
            return None
        rel, unit = m["rel"].lower(), m["unit"].lower()
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[rel]
        if unit == "month":
            mo0 = self.pub.year * 12 + self.pub.month - 1 + step
            y, mo = divmod(mo0, 12)
            return self._whole_month(y, mo + 1)
        monday = self.pub - timedelta(days=self.pub.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            return "event", monday + timedelta(days=5), monday + timedelta(days=6)
        return "event", monday, monday + timedelta(days=6)

    def _weekday(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        if self.pub is None:
            return None
        wd = _WEEKDAYS[m["wd"][:3].lower()]
        rel = (m["rel"] or "").lower()
        back = (self.pub.weekday() - wd) % 7
        if rel == "last":
            d = self.pub - timedelta(days=back or 7)
        elif rel == "next":
            d = self.pub + timedelta(days=(wd - self.pub.weekday()) % 7 or 7)
        elif rel == "this":
            # "this Friday" is the Friday of the publication's own week (Monday to Sunday),
            # ahead of a Wednesday page or behind it, whatever the tense
            d = self.pub + timedelta(days=wd - self.pub.weekday())
        elif future:
            # "students returning on Tuesday will ..." written on that Tuesday: the day itself.
            d = self.pub + timedelta(days=(wd - self.pub.weekday()) % 7)
        else:
            d = self.pub - timedelta(days=back)
        return "event", d, d

    def _academic(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        y1 = int(m["y1"])
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
        if y2 != y1 + 1:
            return None
        return "other", date(y1, 9, 1), date(y2, 8, 31)

    def _year_rel(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        if self.pub is None:
            return None
        y = self.pub.year + {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
        return "other", date(y, 1, 1), date(y, 12, 31)

    def _year(self, m: re.Match[str], future: bool | None) -> tuple[str, date, date] | None:
        y = int(m["y1"])
        return "other", date(y, 1, 1), date(y, 12, 31)


def _name_like_month(m: re.Match[str]) -> bool:
    """Month words must be capitalised ('may', 'march' are verbs)."""
    for g in ("m1", "m2"):
        try:
            value = m[g]
        except IndexError:
            continue
        if value and not value[:1].isupper():
            return False
    return True


_AND = re.compile(r"\band\b|&", re.I)


def _listed_days(name: str, m: re.Match[str]) -> bool:
    """Two days joined by "and" that are no run of days ("the earthquakes of April 25 and May
    12"): two dates, not a range. Days next to each other ("Sunday 18 and Monday 19 June",
    "31 May and 1 June") are one event's, and "between A and B" is a span."""
    if name not in {"dm_dm", "md_md"} or m.group(0)[:7].lower() == "between":
        return False
    first_end = m.end("y1") if m["y1"] else m.end("m1" if name == "dm_dm" else "d1")
    second_start = m.start("d2" if name == "dm_dm" else "m2")
    if not _AND.search(m.string, first_end, second_start):
        return False
    try:
        first = date(2000, _month(m["m1"]), int(m["d1"]))  # a leap year: "28 and 29 February"
        second = date(2000 + (_month(m["m2"]) < _month(m["m1"])), _month(m["m2"]), int(m["d2"]))
    except ValueError:
        return False
    return (second - first).days != 1


def _scan(text: str, found_by: dict[str, list[re.Match[str]]] | None = None
          ) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping matches, longest first (a range beats the day inside it).

    ``found_by``: the text's ``_matches``, when the caller has them already. No date runs
    over a paragraph break: "Community #8" above "April 28" is no "8 April".
    """
    found = []
    for name, matches in (found_by or _matches(text)).items():
        for m in matches:
            if m.end() > m.start() and _name_like_month(m) and "\n\n" not in m.group(0) \
                    and not _listed_days(name, m):
                found.append((m.start(), m.end(), name, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for f in found:
        if all(f[1] <= c[0] or c[1] <= f[0] for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f[0])


# Where matches can start. Scanning the whole text with all 19 patterns was nearly all of
# this extractor's time, though few places in a text can begin a date: a digit, a month or
# weekday name, or a word in front of one (from, last, on ...). ``_matches`` finds those
# with plain substring searches of the lower-cased text, then tries each pattern only
# there (``pattern.match(text, start)`` sees the text around ``start``, look-behinds
# included, exactly as ``finditer`` does) and steps past a match as ``finditer`` does, so
# the matches are the same; every pattern needs a non-empty match to succeed.
_MONTH_HEADS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_HEADS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")  # + "day"
_DIGIT_RUN = re.compile(r"\d+")  # what "\d" matches (all Unicode digits)
_FROM_WORDS = ("from", "between")  # _FROM, before a day, weekday or month


def _find_all(folded: str, word: str) -> list[int]:
    """Every start of ``word`` in ``folded``, overlapping ones too."""
    found = []
    i = folded.find(word)
    while i >= 0:
        found.append(i)
        i = folded.find(word, i + 1)
    return found


def _word_before(text: str, folded: str, keys: list[int], words: tuple[str, ...],
                 min_space: int = 1, after_dash: bool = False) -> list[int]:
    """Starts of ``words`` written just before the whitespace (at least ``min_space``
    characters, and with ``after_dash`` a '-' too) in front of each key position."""
    found = []
    for q in keys:
        j = q
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if after_dash:
            if j == 0 or text[j - 1] != "-":
                continue
            j -= 1
        elif q - j < min_space:
            continue
        for w in words:
            if j >= len(w) and folded.startswith(w, j - len(w)):
                found.append(j - len(w))
    return found


def _starts(text: str, folded: str) -> dict[str, list[int]]:
    """Sorted positions where each pattern (but "iso") can begin a match; see above."""
    days, years = [], []
    for m in _DIGIT_RUN.finditer(text):
        # (?<![\d:/]) / (?<!\d) start a day or year at a run of digits; "\b" (and
        # (?![\d/])) end it with the run: a day has one or two digits, a year four.
        if m.end() - m.start() <= 2:
            days.append(m.start())
        elif m.end() - m.start() == 4 and text.startswith(("19", "20"), m.start()):
            years.append(m.start())
    months = sorted(i for w in _MONTH_HEADS for i in _find_all(folded, w))  # every spelling starts so
    weekdays = sorted(q - len(h) for q in _find_all(folded, "day") for h in _WEEKDAY_HEADS
                      if q >= len(h) and folded.startswith(h, q - len(h)))
    year_words = _find_all(folded, "year")
    from_day, from_wd, from_month = (_word_before(text, folded, keys, _FROM_WORDS)
                                     for keys in (days, weekdays, months))

    def sort(*groups: list[int]) -> list[int]:
        return sorted({i for g in groups for i in g})

    return {
        "dm_dm": sort(days, weekdays, from_day, from_wd),
        "md_md": sort(months, weekdays, from_month, from_wd),
        "dd_m": sort(days, weekdays, from_day, from_wd),
        "m_dd": sort(months, from_month),
        "my_my": sort(months, from_month),
        "dm": sort(days, weekdays),
        "md": sort(months, weekdays),
        "month_rel": months,
        "mm_rel": sort(months, from_month),
        # last|next|this, then \s*; early|mid|late, then "-" or whitespace
        "rel_month": sort(_word_before(text, folded, months, ("last", "next", "this"), min_space=0),
                          _word_before(text, folded, _word_before(text, folded, months, ("past", "coming")),
                                       ("this",)),  # "this past August", "this coming September"
                          _word_before(text, folded, months, ("early", "mid", "late")),
                          _word_before(text, folded, months, ("early", "mid", "late"), after_dash=True)),
        "rel_md": _word_before(text, folded, months, ("last", "next", "this")),
        "my": months,
        "m": months,
        "m_attr": months,
        "rel_day": sort(*(_find_all(folded, w) for w in ("yesterday", "today", "tomorrow"))),
        "rel_period": sort(_word_before(text, folded, _find_all(folded, "week") + _find_all(folded, "month"),
                                        ("last", "next", "this", "previous", "coming"))),
        "weekday": sort(weekdays, _word_before(text, folded, weekdays, ("last", "next", "this", "on"))),
        "academic": years,
        "academic2": sort(_word_before(text, folded, year_words, ("academic", "school"))),
        "year_rel": sort(_word_before(text, folded, year_words, ("last", "next", "this"))),
        "year": years,
    }


def _matches(text: str) -> dict[str, list[re.Match[str]]]:
    """Each pattern's ``finditer`` matches over ``text``, tried only where one can start."""
    folded = ascii_folded(text)
    if folded is None:  # a character re.I folds its own way: scan everything
        return {name: list(pattern.finditer(text)) for name, pattern in _PATTERNS}
    starts = _starts(text, folded)
    found: dict[str, list[re.Match[str]]] = {}
    for name, pattern in _PATTERNS:
        if name not in starts:
            found[name] = list(pattern.finditer(text))
            continue
        matches = found[name] = []
        pos = 0
        for i in starts[name]:
            if i >= pos:
                m = pattern.match(text, i)
                if m is not None:
                    matches.append(m)
                    pos = m.end()
    return found


def _skip(name: str, m: re.Match[str], text: str) -> bool:
    """Expressions that look like dates but are not (here)."""
    before = text[max(0, m.start() - 25):m.start()]
    word = m.group(0)
    if name in {"rel_day", "rel_night", "rel_period", "year_rel"}:
        # Sentence-initial "Today" is fine; "Solve for Tomorrow", "of today" are not dates.
        if word[:1].isupper() and not re.search(r"(?:^|[.!?\n]\s*)$", before):
            return True
        if _GENERIC_BEFORE.search(before):
            return True
    return name == "weekday" and bool(_HOLIDAY_BEFORE.search(before))


def _event_today(ctx: Context, start: int) -> bool:
    """'launched today' is an event; 'your efforts today are paving the way' is not."""
    span = ctx.doc.char_span(start, start + 5, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    auxes = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    tags = {head.tag_} | {c.tag_ for c in auxes}
    # A modal counts only when it is a future one ("will open today"; "can pay today" is
    # "nowadays").
    future = any(c.lower_ in _FUTURE_AUX - {"could", "may", "might"} for c in auxes)
    return "VBD" in tags or future or (head.tag_ == "VBN" and "VBP" not in tags)


def _no_day(text: str, start: int, end: int) -> bool:
    """A bare weekday that names no single day: one end of a weekly range ("Monday
    through Thursday", "Tuesday-Saturday 10 a.m."), a habit ("every Wednesday"), some
    such day ("on a Thursday the week after"), or the weekday written after a full date
    ("29 Jul 2017, Saturday")."""
    before = text[max(0, start - 25):start]
    return bool(_WD_RANGE_AFTER.match(text, end) or _WD_RANGE_BEFORE.search(before)
                or _EVERY_BEFORE.search(before) or _YEAR_COMMA_BEFORE.search(before))


def _attributive_month(ctx: Context, start: int) -> bool:
    """'an April ceremony', 'November dates': the month modifies the common noun after it.

    Not after a name ("Theresa May government") or a number ("the 2015 June application
    cycle") nor at a sentence's start ("May schools reopen?").
    """
    span = ctx.doc.char_span(start, start + 3, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    prev = ctx.doc[tok.i - 1]
    if tok.is_sent_start or tok.i + 1 >= len(ctx.doc) or prev.pos_ == "PROPN" or prev.like_num:
        return False
    nxt = ctx.doc[tok.i + 1]
    return (nxt.pos_ == "NOUN" and nxt.is_lower and tok.head.pos_ == "NOUN"
            and tok.i < tok.head.i <= tok.i + 3)


def _after_noun(ctx: Context, start: int) -> bool:
    span = ctx.doc.char_span(start, start + 3, alignment_mode="expand")
    return span is not None and span.start > 0 and ctx.doc[span.start - 1].pos_ in {"NOUN", "PROPN"}


_TIME_OF_DAY = {"morning", "afternoon", "evening", "night", "noon", "midday", "mornings",
                "afternoons", "evenings", "nights"}


def _attributive_weekday(ctx: Context, start: int) -> bool:
    """'Friday prayers', 'Sunday school': a weekday naming a kind of thing, not a day."""
    span = ctx.doc.char_span(start, start + 3, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    nxt = tok.nbor(1) if tok.i + 1 < len(ctx.doc) else None
    return (nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower and nxt.lower_ not in _TIME_OF_DAY
            and tok.head.i == nxt.i)


_PAST_AUX = {"has", "have", "had", "was", "were", "did"}
# "would" is reported speech's future ("said the schools would open in October").
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "could", "may", "might", "would"}


def _future_at(ctx: Context, start: int, sentence: str) -> bool | None:
    """Tense of the clause the date belongs to, not of the whole sentence.

    True for future, False for past, None when neither shows (present tense, no verb).

    "The government will rebuild schools, the minister said on Tuesday": the weekday
    hangs on "said" (past), so it is the last Tuesday even though the sentence has
    "will". The governing verb decides when it shows its tense; otherwise the
    sentence-level cue words do.
    """
    span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is not None:
        tok = span.root
        for _ in range(6):
            if tok.pos_ in {"VERB", "AUX"}:
                auxes = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
                if auxes & _FUTURE_AUX:
                    return True
                if "to" in auxes:
                    # a headline's "Ministry to equip classrooms by December"; deeper, an
                    # infinitive ("funds to sustain the response until June") is
                    # prospective whatever the verb above it: the tense is left open.
                    return True if tok.dep_ == "ROOT" else None
                # A past clause in a sentence that also speaks of the future ("will run
                # classes for candidates who failed ... from 2 to 13 December") may be a
                # misattachment: the tense is then left open (None).
                if tok.tag_ == "VBD" or auxes & _PAST_AUX:
                    return None if _FUTURE.search(sentence) else False
                # "rules the province announced in April": spaCy often tags a past
                # verb with its own subject VBN; without an auxiliary it is past tense.
                if tok.tag_ == "VBN" and not auxes and any(c.dep_ == "nsubj" for c in tok.children):
                    return None if _FUTURE.search(sentence) else False
                if tok.tag_ in {"VBZ", "VBP"}:
                    break  # its own clause is in the present ("before the year begins in April")
            if tok.head is tok:
                break
            tok = tok.head
    return True if _FUTURE.search(sentence) else None


def _present_at(ctx: Context, start: int) -> bool:
    """Does a bare weekday modify a present-tense verb of the body ("the Gophers play Saturday",
    "faces arraignment Friday", "Friday is his last day")?

    News writes past events in the past tense, so such a weekday is the coming one. Only the
    verb's own time adverb (or "on" + weekday, or the subject of "is") counts: a weekday
    inside a noun phrase ("Tuesday's Game 4", "the testimony Tuesday", "Friday nights") says
    nothing of the verb's time, and a headline's present tense ("Students win prize Friday")
    tells the past.
    """
    if any(b.kind in {"title", "heading"} and b.start <= start < b.start + len(b.text)
           for b in ctx.article.blocks):
        return False
    span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if tok.dep_ == "compound" and tok.head.lower_ in _TIME_OF_DAY:
        tok = tok.head  # "Tuesday night"
    if tok.dep_ in {"npadvmod", "tmod"}:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "on":
        verb = tok.head.head
    elif tok.dep_ == "nsubj" and tok.head.lower_ in {"is", "are"}:
        verb = tok.head
    else:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.pos_ in {"VERB", "AUX"} and verb.tag_ in {"VBZ", "VBP"} and not auxes & _PAST_AUX


def _fallback_year(text: str, found_by: dict[str, list[re.Match[str]]] | None = None) -> int | None:
    """The only year written in full dates of the text (for undated pages).

    Month-year expressions do not count: they are often targets ("by August 2022"),
    and their year says nothing of when the year-less "in September" was.
    """
    found_by = found_by or _matches(text)
    years = {int(m["y1"]) for name, _ in _PATTERNS if name in {"dm", "md", "dm_dm", "md_md", "iso"}
             for m in found_by[name] if m["y1"] and _name_like_month(m)}
    return years.pop() if len(years) == 1 else None


def _dateline_form(text: str, start: int, end: int, headline: bool) -> bool:
    """Whether the full date text[start:end] of a block near the top is the page's date.

    Four forms, whatever the cleaning stage made of the lines around them: the block is
    little more than the date ("9 November 2018", "Posted on 9 November 2018"); a
    labelled date ("date: 2023-09-20", front matter ``date = "2026-01-22 ..."``); a
    dateline ("CAMBRIDGE, Mass, February 5, 2013 - Sugar Labs ..."): a place, a comma,
    the date and a dash; or a date ending the headline block as a line of its own
    ("... University of Ghana. 12 July 2025") or standing as a sentence of its own at
    the end of a block, not governed by a preposition or a weekday ("held on 12 July
    2025", "results came out Tuesday, 12 July 2025" are events).
    """
    before, after = text[:start], text[end:]
    if _LABELLED_DATE.search(before):
        return True
    if _PREP_BEFORE.search(before):
        return False
    if len(text) - (end - start) <= 40:
        return True
    if _DASH_AFTER.match(after) and (not before.strip() or _PLACE_BEFORE.search(before)):
        return True
    if after.strip(" .") or _WEEKDAY_BEFORE.search(before):
        return False
    return headline or not before.strip() or before.rstrip()[-1] in ".!?|:"


def _dateline(article: Article) -> tuple[date, int, int] | None:
    """A full date near the top that is the page's date (see ``_dateline_form``)."""
    for i, block in enumerate(article.blocks[:8]):
        for start, end, name, m in _scan(block.text):
            if name not in {"dm", "md", "iso"} or not m["y1"]:
                continue
            if not _dateline_form(block.text, start, end, i == 0 or block.kind == "title"):
                continue
            try:
                d = _Resolver(None, None)(name, m, False)
            except (KeyError, ValueError):
                d = None
            if d is not None:
                return d[1], block.start + start, block.start + end
    return None


def published_rows(article: Article) -> list[DateRow]:
    """The article's own date as a ``published`` row (no offsets: it comes from metadata)."""
    if not article.published:
        return []
    return [DateRow(article.article_id, article.published, article.published, article.published,
                    "published", "", None, None)]


def _near_top(ctx: Context, start: int) -> bool:
    blocks = ctx.article.blocks
    return start < 400 or any(b.start <= start < b.start + len(b.text) for b in blocks[:6])


def _page_date_at(ctx: Context, name: str, m: re.Match[str], start: int) -> bool:
    """A full date near the top written as the page's own date (``_dateline_form``), even
    when the metadata gives another day (a UTC shift, the modified date): not an event."""
    if name not in {"dm", "md", "iso"} or not m["y1"]:
        return False
    for i, block in enumerate(ctx.article.blocks[:8]):
        if block.start <= start < block.start + len(block.text):
            a = start - block.start
            return _dateline_form(block.text, a, a + len(m.group(0)), i == 0 or block.kind == "title")
    return False


def _dateline_like(ctx: Context, start: int) -> bool:
    """Near the top and at the head of its line ("AMMAN, 4 September 2023 -"): a dateline.

    "Schools will reopen on Monday (June 3)" in the first sentence is an event even
    when it is the publication day.
    """
    if not _near_top(ctx, start):
        return False
    line_start = ctx.text.rfind("\n", 0, start) + 1
    return start - line_start <= 40


_WITH_YEAR = {"my", "dm", "md"}  # a month written with its year (and maybe a day)
_THAT_YEAR = re.compile(r"\s+(?:of\s+)?that\s+year\b", re.I)
_YEAR_WORD = re.compile(r"(?<![\d/-])(?:19|20)\d\d(?![\d/-])")


def _year_referred(text: str, start: int, end: int, written: set[int]) -> int | None:
    """The year a bare month refers back to, in a past or tenseless clause.

    "in July of that year" is in the last year written before it ("in 2014, when I organised
    ... in July of that year"); "After the meetup in July" on a page that wrote "July 2019"
    earlier (and July with no other year) is that July, not the last July before the page's date.
    """
    if _THAT_YEAR.match(text, end):
        years = _YEAR_WORD.findall(text, max(0, start - 400), start)
        return int(years[-1]) if years else None
    return next(iter(written)) if len(written) == 1 else None


def extract(ctx: Context) -> list[DateRow]:
    """The published row, then event/other rows in text order."""
    article, text = ctx.article, ctx.text
    rows = published_rows(article)
    published = ctx.published
    if published is None:
        found = _dateline(article)
        if found is not None:
            published = found[0]
            iso = published.isoformat()
            rows = [DateRow(article.article_id, text[found[1]:found[2]], iso, iso, "published",
                            ctx.sentence_text(found[1]), found[1], found[2])]
    found_by = _matches(text)
    resolver = _Resolver(published, None if published else _fallback_year(text, found_by))
    seen: set[tuple[str, str, str]] = set()
    written_years: dict[int, set[int]] = {}  # month -> the years it was written with so far
    for start, end, name, m in _scan(text, found_by):
        if _skip(name, m, text) or (name not in _RANGES
                                    and _PAGE_DATE_LINE.search(text[text.rfind("\n", 0, start) + 1:start])):
            continue  # ("Date: 1-2 October 2007": a range is an event's days, never the page's date)
        sentence = ctx.sentence_text(start)
        if name == "rel_day" and m["word"].lower() == "today" and not _event_today(ctx, start):
            continue
        future = _future_at(ctx, start, sentence)
        if name == "rel_day" and m["word"].lower() == "tomorrow" and not future and _after_noun(ctx, start):
            continue  # "the architects of the future tomorrow": not a day
        if name == "weekday" and not m["rel"] and (_attributive_weekday(ctx, start)
                                                   or _no_day(text, start, end)):
            continue
        if name == "m_attr" and not _attributive_month(ctx, start):
            continue
        if name == "weekday" and not m["rel"] and future is None and _present_at(ctx, start):
            future = True  # "Friday is his last day", written on Thursday: the coming Friday
        result = resolver(name, m, future)
        if result is None:
            continue
        kind, first, last = result
        if kind == "event" and name in _WITH_YEAR:
            written_years.setdefault(first.month, set()).add(first.year)
        elif kind == "event" and name in {"m", "m_attr"} and not future:
            year = _year_referred(text, start, end, written_years.get(first.month, set()))
            if year is not None and year != first.year:
                first, last = date(year, first.month, 1), _month_end(year, first.month)
        on_day = _ON_BEFORE.search(text[max(0, start - 12):start])
        # A repeat of the page date with its year and no "on" is the dateline again; a
        # year-less one ("the next will be October 15th") is an event of that day, and so
        # is "On 12 December, the councillor received ..." opening the first paragraph.
        yearless_on = bool(on_day) and not m.groupdict().get("y1")
        deadline = _DEADLINE_BEFORE.search(text[max(0, start - 12):start])
        if kind == "event" and published is not None and first == last == published and not deadline \
                and name not in {"rel_day", "rel_night", "weekday"} \
                and ((_dateline_like(ctx, start) and not yearless_on)
                     or not (on_day or not m.groupdict().get("y1"))):
            continue  # the dateline (or a repeat of it): already the published row
        if kind == "event" and _page_date_at(ctx, name, m, start):
            continue  # a dateline or date line of the page that the metadata dates otherwise
        key = (kind, first.isoformat(), last.isoformat())
        if key in seen:
            continue
        seen.add(key)
        expr = re.sub(r"^(?:on|in)\s+", "", m.group(0).strip(), flags=re.I)
        if expr.endswith(".") and not _ABBR_END.search(expr):
            expr = expr[:-1]
        offset = start + m.group(0).find(expr)
        rows.append(DateRow(article.article_id, expr, first.isoformat(), last.isoformat(), kind,
                            sentence, offset, offset + len(expr)))
    return rows
