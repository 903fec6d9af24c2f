"""Affiliations that the phrase around a name does not state: they come from the article.

Helpers for ``pipeline.extract.people``:

- ``led_by``: "The University of Lagos team is headed by Dr X", "members of the
  University's management led by Prof Y and Prof Z": the organization is the subject of
  a passive "headed/led/chaired by", a clause away from the name;
- ``parent_of_unit``: a person in an academic unit named only by a discipline
  ("Department of English, University of X") belongs, as an affiliation, to the parent
  institution: the unit's name alone does not identify a body;
- ``portfolio_body``: a minister's or secretary's named ministry/department (by portfolio);
  ``deputies``: a deputy takes the body of the office it deputizes;
  ``government_nearby``, ``strip_courtesy``: a government named in the sentence; no
  "Honourable" inside a title;
- ``state_office``: a president, minister or secretary of state with no named body holds the
  office in the government of the country the article is about (``knowledge.aboutness``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.knowledge.lexicon import Lexicon, fold, get_lexicon, is_place
from pipeline.extract.organizations.merge import government_country
from pipeline.extract.organizations.rules import UNIT_AFTER, UNIT_OF
from pipeline.extract.people.titles import TitleParser, is_titleish_text
from pipeline.records import PersonRow


def led_by(doc: Doc, start: int, parser: TitleParser, led_ends: set[int]) -> OrgEntity | None:
    """The organization of "ORG ... is headed/led by [TITLE,] NAME" (same sentence).

    ``led_ends``: where a "headed/led/chaired by" cue ends (``models/people_cues.jsonl``, ``led_by``).
    """
    sent = doc[start].sent
    by = None
    for k in range(start - 1, max(sent.start, start - 30), -1):
        tok = doc[k]
        if k + 1 in led_ends and k > sent.start:
            by = k - 1
            break
        if tok.pos_ in {"VERB", "AUX"} or tok.text in {";", ":"}:
            return None  # another clause between the verb and the name
    if by is None:
        return None
    # the nearest organization (or back-reference) before the verb, in the same sentence
    for k in range(by - 1, sent.start - 1, -1):
        if k + 1 in parser.org_end and parser.org_end[k + 1][0] <= k:
            return parser.org_end[k + 1][1]
        ref = parser.backref(k)
        if ref is not None:
            return ref[1]
    if doc[sent.start].lower_ == "it":
        return parser.its_org(sent.start)  # "It was founded in 2014 by A": the body named just before
    return None


def parent_of_unit(org: OrgEntity, orgs: list[OrgEntity], lex: Lexicon) -> OrgEntity:
    """"Department of English, University of X" -> the organization University of X."""
    unit, sep, parent = org.name.partition(", ")
    if not sep:
        return org
    m = UNIT_OF.match(fold(unit)) or UNIT_AFTER.match(fold(unit))
    if m is None or (m.group(1) if UNIT_OF.match(fold(unit)) else m.group(2)) == "faculty":
        return org
    for other in orgs:
        if other is not org and fold(parent) in {fold(f) for f in (other.name, *other.aliases)}:
            return other
    return org


def state_office(title: str, lex: Lexicon) -> bool:
    """Is a capitalized title a national-government office ("President", "Minister-designate for X")?"""
    if not title[:1].isupper():
        return False
    key = fold(title)
    return any(re.match(rf"^{re.escape(p)}(?:$|[\s,]|-designate|-elect)", key) for p in lex.state_offices)


_OFFICE = r"(?:minister|secretary|commissioner|mec|cabinet secretary|permanent secretary)"
_PORTFOLIO_AFTER = re.compile(rf"\b{_OFFICE}(?: general)? (?:of|for) (?:the )?(.+)$")  # "Commissioner General of X"
_PORTFOLIO_BEFORE = re.compile(rf"^(.+?) {_OFFICE}$")
_BODY_LONG = re.compile(r"\b(?:department|ministry|secretariat) (?:of|for) (?:the )?(.+)$")  # Secretaría de X
_BODY_SHORT = re.compile(r"^(?:the )?(.+?) (?:department|ministry)$")


def _portfolio(title: str) -> str | None:
    """"education" of "Minister for Education", "Federal Education Minister", "Education Secretary"."""
    key = fold(title)
    m = re.search(r"\bin charge of (?:the )?(.+)$", key) or _PORTFOLIO_AFTER.search(key)
    if m:
        return m.group(1)
    m = _PORTFOLIO_BEFORE.match(key)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0] in get_lexicon().portfolio_ranks:
        words = words[1:]
    return " ".join(words) or None


def _covers(portfolios: str, wanted: str) -> bool:
    """Does a body's portfolio list cover a title's portfolio?

    "education, science and technology" covers "education" (the ministry of several
    portfolios), and "national education" covers "education" (a rank word only); "higher
    education" does not: that is another portfolio.
    """
    ranks = get_lexicon().portfolio_ranks
    for item in re.split(r",\s*|\s+and\s+|\s*&\s*", portfolios):
        words = item.split()
        if item == wanted or (item.endswith(" " + wanted) and all(w in ranks for w in words[:-len(wanted.split())])):
            return True
    return portfolios == wanted


def portfolio_body(title: str, orgs: list[OrgEntity]) -> OrgEntity | None:
    """The article's ministry/department of a minister's or secretary's portfolio.

    Governments name an education body "Ministry of Education", "Department of Basic
    Education" or "Education Department"; the office names the same portfolio in any order
    ("Minister of Basic Education", "Education Secretary", "Commissioner for X"). The
    guidelines give a minister whose ministry is named that ministry, so the portfolio is
    matched against the bodies the article names (the first named when several match).
    """
    wanted = _portfolio(title)
    if not wanted:
        return None
    found = _bodies(wanted, orgs)
    if not found and len(wanted.split()) > 1:
        found = _bodies(wanted.split()[-1], orgs)  # "Minister for Higher Education" in the Ministry of Education
    # several bodies of that portfolio (national and state): the one sharing the title's rank
    # word ("Federal Minister" -> "Federal Ministry ..."), else the one the article names first
    ranks = set(fold(title).split()) & (get_lexicon().portfolio_ranks - {"the", "new", "former"})
    ranked = [o for o in found if ranks & set(fold(o.name).split())]
    found = ranked or found
    return min(found, key=lambda o: min(o.spans, default=(0, 0))) if found else None


def _bodies(wanted: str, orgs: list[OrgEntity]) -> list[OrgEntity]:
    """The article's ministries/departments whose portfolio covers ``wanted``."""
    found = []
    for org in orgs:
        for form in (org.name, *org.aliases):
            key = fold(form)
            m = _BODY_LONG.search(key)
            short = _BODY_SHORT.match(key)
            if (m and _covers(m.group(1), wanted)) or (short and (short.group(1) == wanted
                                                           or short.group(1).endswith(" " + wanted))):
                found.append(org)
                break
    return found


def _is_government(org: OrgEntity) -> bool:
    key = fold(org.name)
    return key.startswith("government of") or key.endswith(" government") or bool(government_country(org.name))


def government_nearby(ctx: Context, orgs: list[OrgEntity], token: int) -> OrgEntity | None:
    """The government of a cabinet post: named in the person's sentence ("The Australian
    Government ..., the Minister X"), else the only government the article names ("Education
    Secretary A" in a story about the Welsh Government)."""
    sent = ctx.doc[token].sent
    governments = [org for org in orgs if _is_government(org)]
    for org in governments:
        if any(sent.start_char <= s < sent.end_char for s, _ in org.spans):
            return org
    return governments[0] if len(governments) == 1 else None


def cabinet_post(title: str, lex: Lexicon) -> bool:
    """A national office or a portfolio's minister/secretary ("Education Secretary", "Minister for X")."""
    return state_office(title, lex) or (title[:1].isupper() and _portfolio(title) is not None)


# "26-year-old president", "Beijing-based researcher": an age or a base before a post describes its holder
_DESCRIBED = re.compile(r"^(?:\d{1,3}-year-old|[\w.]+-based)$", re.I)


def strip_holder_words(title: str, lex: Lexicon) -> str:
    """"incoming Education Secretary" -> "Education Secretary": words that say how a post stands or
    describe its holder ("new", "top", "Republican", "26-year-old", "Beijing-based") are no part of it.

    Not when they open a place's name ("New Zealand Prime Minister", "New South Wales Premier").
    """
    words = title.split()
    while len(words) > 1 and (fold(words[0]) in lex.status_words or _DESCRIBED.match(words[0])) \
            and is_titleish_text(words[-1], lex) and not any(is_place(" ".join(words[:n])) for n in (2, 3)):
        words = words[1:]
    return " ".join(words)


def strip_courtesy(title: str, lex: Lexicon) -> str:
    """"Honourable Commissioner for X" -> "Commissioner for X": a courtesy word is the honorific's.
    A contact label before the post ("Email Executive Headteacher": a staff list's link) is no part of it."""
    words = title.split()
    while len(words) > 1 and (fold(words[0]) in lex.contact_labels or fold(words[0]) in lex.honorifics and
                              lex.honorifics[fold(words[0])] not in lex.title_like_honorifics) and \
            (fold(words[1]) in lex.title_heads or fold(words[1]) in lex.title_modifiers):
        words = words[1:]
    return " ".join(words)


def one_head_per_government(rows: list[PersonRow], inferred: set[int]) -> list[PersonRow]:
    """"President Trump ... Ukraine" beside "Ukrainian President Zelensky": a government has one
    head with a given title. Where the text ties one holder to the country ("Ukrainian President",
    "President X of Ukraine"), the others whose government was only read off the countries their
    sentences name (``inferred``: row indices) lose it; an empty affiliation beats a wrong one."""
    groups: dict[tuple[str, str], list[int]] = {}
    for k, row in enumerate(rows):
        if row.title and row.organization and fold(row.organization).startswith("government of"):
            groups.setdefault((fold(row.title), row.organization), []).append(k)
    drop = set()
    for members in groups.values():
        if len({rows[k].person_id for k in members}) > 1 and any(k not in inferred for k in members):
            drop.update(k for k in members if k in inferred)
    return [replace(row, organization=None, org_id=None) if k in drop else row for k, row in enumerate(rows)]


def deputies(rows: list[PersonRow]) -> list[PersonRow]:
    """"Deputy Minister X" with no body of its own serves in the body of the article's Minister.

    A deputy's title often drops the portfolio ("Deputy Minister Dr X") when the text has
    just named the minister and the ministry; the office it deputizes is that one.
    """
    out = []
    for row in rows:
        title = row.title or ""
        m = re.match(r"^Deputy[ -](.+)$", title)
        weak = row.organization is None or fold(row.organization).startswith("government of")
        if m and weak:
            base = fold(m.group(1))
            for other in rows:
                if other is row or not other.organization or fold(other.organization).startswith(
                        "government of") or not fold(other.title or "").startswith(base):
                    continue
                row = replace(row, organization=other.organization, org_id=other.org_id)
                break
        out.append(row)
    return out


def _unit_name(name: str, heads: list[str]) -> bool:
    """Does ``name`` open with a unit's word ("Faculty of ...", "Department of Physics") that the
    post's bodies do not have (an under-secretary's "Department of Education" is its body)?"""
    m = re.match(r"^(faculty|school|department|college|centre|center|institute)\b", fold(name))
    return m is not None and m.group(1) not in heads


def body_of_post(title: str, orgs: list[OrgEntity], lex: Lexicon) -> OrgEntity | None:
    """"the Vice-Chancellor, Prof. X", "Deputy Speaker X", "Principal A" with no body named: the
    article's only body of the one kind that has such a post (``post_of`` in models/titles.jsonl;
    a school's posts match at the title's end, "kindergarten teacher", not "principal investigator")."""
    key = fold(title)
    posts = [p for p in lex.post_bodies if key == p or (  # "Permanent Secretary for X", "assistant principal"
        key.endswith(" " + p) if p in lex.post_bodies_by_end else key.startswith(p + " "))]
    if not posts:
        return None
    heads = lex.post_bodies[max(posts, key=len)]
    bodies = [o for o in orgs if set(fold(o.name).split()) & set(heads) and "," not in o.name
              and not _unit_name(o.name, heads)]
    return bodies[0] if len(bodies) == 1 else None
