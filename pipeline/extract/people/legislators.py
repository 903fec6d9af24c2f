"""US elected offices: the chamber a senator or representative sits in, the state a governor governs.

American news names a lawmaker's body only by the post and a party tag: "Sen. Elizabeth
Warren, D-Massachusetts" sits in the United States Senate (the tag names a state), "Rep. Tomi
Strock, R-Douglas" in her state's House (the tag names a town), "state Rep. Mike Sturla
(D., Lancaster)" likewise; "Gov. Mark Gordon" heads his state's government. The state is the
one the article names most; where the article names none, or two as often, the body stays
empty (an empty affiliation beats a wrong one). The words, marks and body names are data:
``models/people_words.json`` ``us_offices``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.extract.knowledge.gazetteer import get_gazetteer
from pipeline.extract.knowledge.lexicon import Lexicon, fold
from pipeline.extract.people.mentions import Mention


@lru_cache(maxsize=4)
def _party_tag(parties: tuple[str, ...]) -> re.Pattern[str]:
    """", D-Massachusetts,", " (R-ID)", " (R., Bedford)", ", R-Casper,": party, then a state or a town."""
    party = "|".join(re.escape(p) for p in parties)
    return re.compile(rf"^\s*[,(]\s*(?:{party})\s*(?:[-\u2013]|\.,?|,)\s*"
                      r"([A-Z][A-Za-z.]*(?:[ -][A-Z][A-Za-z.]*)?)\s*[,).;]")


def _state_names() -> dict[str, str]:
    """Folded US state names and abbreviations ("ore", "nj", "new jersey") -> the state's name."""
    gaz = get_gazetteer()
    out = {fold(p.name): p.name for p in gaz.us_state_abbr.values()}
    out.update({fold(abbr): p.name for abbr, p in gaz.us_state_abbr.items()})
    return out


def party_place(doc: Doc, mentions: list[Mention], lex: Lexicon) -> str | None:
    """The place of the party tag right after one of the name's mentions, as written ("Ore.", "Casper")."""
    tag = _party_tag(tuple(lex.us_offices.get("parties", ())))
    for m in mentions:
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        found = tag.match(doc.text[end:end + 48])
        if found:
            return found.group(1).rstrip(".")
    return None


def article_state(doc: Doc) -> str | None:
    """The US state the article names most (whole words; "Washington, D.C." is no state); None on a tie."""
    names = {name for name in _state_names().values()}
    counts: Counter[str] = Counter()
    for name in names:
        pattern = rf"\b{re.escape(name)}\b" + (r"(?!,? D\.?C\b)" if name == "Washington" else "")
        counts[name] = len(re.findall(pattern, doc.text))
    ranked = [c for c in counts.most_common(2) if c[1]]
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _chamber(words: list[str], offices: dict[str, dict], key: str) -> str | None:
    for chamber, spec in offices.items():
        if any(w in spec.get(key, ()) for w in words):
            return chamber
    return None


def us_office_body(doc: Doc, mentions: list[Mention], title: str | None, lex: Lexicon) -> str | None:
    """The body of a US senator's, representative's or governor's post, or None when unsure."""
    spec = lex.us_offices
    offices: dict[str, dict] = spec.get("chambers", {})
    if not offices:
        return None
    title_words = [fold(w) for w in (title or "").split()]
    own = title_words + [fold(h) for m in mentions for h in m.honorifics]
    where = party_place(doc, mentions, lex)
    chamber = _chamber(own, offices, "words")
    if chamber is None and where is not None:
        # "Senate Majority Leader Chuck Schumer, D-New York"; "U.S. Senators A (R-ID), B (D-NH)"
        chamber = _chamber(title_words, offices, "body_words")
        if chamber is None:
            before = doc[doc[mentions[0].start].sent.start: mentions[0].start]
            chamber = next((c for t in reversed(before) if (c := _chamber([fold(t.text)], offices, "words"))), None)
    if chamber is None:
        return None
    office = offices[chamber]
    states = _state_names()
    folded_title = fold(title or "")
    if where is not None:
        federal = fold(where).replace(".", "") in states or fold(where) in states
    elif any(re.search(rf"(?<![\w.]){re.escape(mark)}(?![\w])", folded_title)
             for mark in spec.get("federal_marks", ())):
        federal = True
    elif (title_words and title_words[0] in spec.get("state_marks", ())) or office.get("always_state"):
        federal = False
    else:
        return None  # "Sen. X" alone: the nation's senate or a state's
    if federal:
        return office.get("federal")
    state = article_state(doc)
    return office["state"].format(state=state) if state and office.get("state") else None
