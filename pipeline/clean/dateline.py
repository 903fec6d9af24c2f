"""Publication date from a dateline or byline near the top of the text.

Press releases and text copies carry their date as a line of its own ("9 November
2018") or a dateline ("NAIROBI, 12 March 2024 -"). Only full dates (day, month,
year) near the top count: a lone month or year is not a publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import dateparser

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_DATE = re.compile(
    rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
_EVENT_PREP = re.compile(r"(?<!posted )(?<!published )(?<!updated )(?<!released )(?<!dated )"
                         r"\b(?:on|in|from|until|till|since|by|before|after|between|during)\s+"
                         r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", re.I)  # "on Thursday, January 8"
_RANGE_START = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|&)\s*$", re.I)
_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def dateline_date(lines: Sequence[str], max_chars: int = 160) -> str | None:
    """The first full date in a short line (or the start of a line) among the first lines."""
    for line in lines:
        head = line[:max_chars]
        m = _FULL_DATE.search(head)
        if not m:
            continue
        # A date deep inside a long sentence is an event, not a dateline.
        if len(line) > max_chars and m.start() > 60:
            continue
        # "visit the school in Dalu on Feb 10 2024": a date governed by a preposition
        # is what happened, not when the page was written.
        if _EVENT_PREP.search(head[:m.start()]) or _RANGE_START.search(head[:m.start()]):
            continue  # ("On 15-17 May 2017, we ran ...": a range's last day is an event's)
        parsed = dateparser.parse(m.group(1), languages=["en"], settings=_SETTINGS)
        if parsed:
            return parsed.date().isoformat()
    return None
