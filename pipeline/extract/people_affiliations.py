"""A person's title and organization from the phrase around one mention of the name.

Part of the people extractor (``pipeline.extract.people``): the patterns on the right
("NAME, [the] TITLE of/at/from ORG", "NAME (TITLE, ORG)", "NAME, from ORG") and on the
left ("TITLE of ORG, NAME", "ORG TITLE NAME"), lists ("A and B, both of ORG"), and a
"Minister of X" placed in the article's "Ministry of X".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.extract.base import OrgEntity
from pipeline.extract.lexicon import Lexicon, fold
from pipeline.extract.people_mentions import Mention
from pipeline.extract.titles import TitleParse, TitleParser, is_titleish

BOUNDARY = {",", ";", ":", "(", ")", "\u2013", "\u2014", "-", ".", "by", "and", "with",
            "between", "of"}


class Affiliations:
    """Title and organization of a mention, from the patterns around it."""

    def __init__(self, doc: Doc, parser: TitleParser, lex: Lexicon,
                 mentions: list[Mention]) -> None:
        self.doc = doc
        self.parser = parser
        self.lex = lex
        self.name_ends = {m.end for m in mentions}

    def right(self, m: Mention) -> TitleParse | None:
        doc = self.doc
        sent = doc[m.start].sent
        limit = sent.end
        k = m.end
        if k < limit and (doc[k].text in {",", "(", "/", "\u2013", "\u2014"} or doc[k].lower_ == "as"):
            k += 1
        elif not (k < limit and doc[k].lower_ in {"from", "of", "at"}):
            return None
        skip = {"the", "a", "an", "who", "is", "was", "also", "currently", "as", "serves",
                "now", "has", "been"}
        while k < limit and doc[k].lower_ in skip:
            k += 1
        parse = self.parser.parse(k, limit)
        if parse is not None:
            return parse
        if k < limit and doc[k].lower_ in {"from", "of", "at", "with"}:
            j = k + 1 + (k + 1 < limit and doc[k + 1].lower_ == "the")
            if j in self.parser.org_start:
                end, org = self.parser.org_start[j]
                return TitleParse("", org, None, end)
        if k < limit and k in self.parser.org_start:  # "NAME (ORG)"
            end, org = self.parser.org_start[k]
            return TitleParse("", org, None, end)
        return None

    def left(self, m: Mention) -> TitleParse | None:
        doc = self.doc
        hs = m.outer_start
        sent = doc[hs].sent  # "Hon." can end a spaCy sentence: the phrase is the honorific's
        if hs - 2 > sent.start and doc[hs - 1].lower_ == "the" and doc[hs - 2].text == ",":
            hs -= 1  # "the Minister for X, the Hon Daniel Whitford"
        # "TITLE of ORG, NAME"
        if hs - 1 > sent.start and doc[hs - 1].text == ",":
            found = self._ending_at(hs - 1, sent.start)
            if found is not None:
                return found
        return self._ending_at(hs, sent.start)

    def _ending_at(self, end: int, s0: int) -> TitleParse | None:
        doc = self.doc
        for k in range(max(s0, end - 16), end):
            if k > s0 and (is_titleish(doc[k - 1], self.lex) or doc[k - 1].text[:1].isupper()) \
                    and doc[k - 1].text not in BOUNDARY and not doc[k - 1].is_stop \
                    and k - 1 not in self.parser.in_org:
                continue  # not the start of the phrase
            if self._after_name(k, s0):
                continue  # "Ms A, Specialist and Member, Mr B": the title after A's name is A's
            parse = self.parser.parse(k, end)
            if parse is not None and parse.end == end and parse.title:
                if parse.org is None and parse.org_name is None:
                    org = self.parser.org_before(k)
                    if org is not None:
                        return TitleParse(parse.title, org, None, parse.end)
                return parse
        return None

    def _after_name(self, k: int, s0: int) -> bool:
        """Does a title starting at ``k`` follow another name with only title words between?"""
        doc = self.doc
        for p in range(k, max(s0, k - 10), -1):
            if p in self.name_ends and doc[p].text == ",":
                return True
            if doc[p - 1].text in {";", ":", "."} or (doc[p - 1].is_alpha
                                                     and doc[p - 1].text.islower()
                                                     and doc[p - 1].lower_ not in {"and", "of",
                                                                                   "the", "for"}):
                return False
        return False

    def both_of(self, m: Mention) -> OrgEntity | None:
        """"Ms A and Mr B, both of UNESCO": the organization after a list of names."""
        doc = self.doc
        sent = doc[m.start].sent
        for k in range(m.end, min(sent.end - 2, m.end + 25)):
            if doc[k].lower_ in {"both", "all"} and doc[k + 1].lower_ in {"of", "from", "at"}:
                j = k + 2 + (doc[k + 2].lower_ == "the")
                if j in self.parser.org_start:
                    return self.parser.org_start[j][1]
        return None


def ministry_for(title: str, orgs: list[OrgEntity]) -> OrgEntity | None:
    """"Minister of Education" works in the article's "Ministry of Education"."""
    match = re.match(r"^(?:.* )?Minister (of|for) (.+)$", title)
    if not match:
        return None
    wanted = fold(f"ministry {match.group(1)} {match.group(2)}")
    for org in orgs:
        for form in (org.name, *org.aliases):
            if fold(form).startswith(wanted):
                return org
    return None
