"""A person's title and organization from the phrase around one mention of the name.

Part of the people extractor (``pipeline.extract.people``): the patterns on the right
("NAME, [the] TITLE of/at/from ORG", "NAME (TITLE, ORG)", "NAME, from ORG") and on the
left ("TITLE of ORG, NAME", "ORG TITLE NAME"), lists ("A and B, both of ORG"), and a
"Minister of X" placed in the article's "Ministry of X".
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Token

from pipeline.extract.base import OrgEntity
from pipeline.extract.knowledge.lexicon import Lexicon, fold
from pipeline.extract.people.mentions import Mention
from pipeline.extract.people.titles import (
    ORG_PREPS,
    TitleParse,
    TitleParser,
    is_head,
    is_titleish,
    state_office_text,
)

VERB_TAGS = {"VBZ", "VBD", "VBP"}  # "who chairs", "who led", "who teach": a role told by a verb
BOUNDARY = {",", ";", ":", "(", ")", "\u2013", "\u2014", "-", ".", "by", "and", "with",
            "between", "of"}


def _cap_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


def _line_break(tok: Token) -> bool:
    """A whitespace token that ends a line (the cleaned text's blocks are lines)."""
    return tok.is_space and "\n" in tok.text


class Affiliations:
    """Title and organization of a mention, from the patterns around it."""

    def __init__(self, doc: Doc, parser: TitleParser, lex: Lexicon,
                 mentions: list[Mention]) -> None:
        self.doc = doc
        self.parser = parser
        self.lex = lex
        self.name_ends = {m.end for m in mentions}
        self.by_end = {m.end: m for m in mentions}
        self.by_start = {m.outer_start: m for m in mentions}
        self.name_tokens = {t for m in mentions for t in range(m.outer_start, m.end)}
        self.outer_starts = {m.outer_start for m in mentions}
        self.surnames = {fold(m.words[-1]) for m in mentions if len(m.words) > 1}
        self._title_words = lex.title_heads | lex.title_modifiers

    def right(self, m: Mention) -> TitleParse | None:
        doc = self.doc
        sent = doc[m.end - 1].sent  # ("Md. Rafiqul Islam": spaCy may end a sentence inside a name)
        limit = sent.end
        k = m.end
        if k < limit and doc[k].text == "(" and any(
                t.text in {"'s", "\u2019s"} for t in doc[k + 1:min(limit, k + 6)]):
            return None  # "Lane Calcutt (Premier's office)": the office a contact works in, no post
        if k < limit and (doc[k].text in {",", "(", "/", "|", "\u2013", "\u2014"} or doc[k].lower_ == "as"):
            k += 1
        elif k + 1 < limit and doc[k].lower_ == "is" and doc[k + 1].lower_ in {"a", "an", "the"} | self._title_words \
                or k + 1 < limit and doc[k].lower_ == "is" and doc[k + 1].text[:1].isupper():
            k += 1  # "NAME is a DAI communications consultant" (a bio); "was" tells a former post
        elif len(m.words) > 1 and (glued := self._glued_post(k, limit)) is not None:
            return glued
        elif (signed := self._byline_post(m, k)) is not None:
            return signed
        elif self._caps_block(m, k, limit):
            return self._caps_block(m, k, limit)
        elif (block := self._signature_lines(m, k)) is not None:
            return block
        elif not (k < limit and doc[k].lower_ in {"from", "of", "at"}):
            return None
        skip = {"the", "a", "an", "who", "is", "was", "also", "currently", "as", "serves",
                "now", "has", "been"}
        while k < limit and doc[k].lower_ in skip:
            k += 1
        if k < limit and doc[k].tag_ in VERB_TAGS and doc[k - 1].lower_ in {"who", "also", "currently", "now"}:
            if not _role_verb(doc[k].lower_, self.lex):
                return None  # "who participated in Google's program": no post, no organization
            return self._verb_org(k, limit)  # "who chairs the X branch of the Y": a role, no title
        parse = self.parser.parse(k, limit)
        if parse is not None and self._next_names(k, parse.end):
            return None  # "A, Professor B, Dr C": the word after A's comma is B's honorific or title
        if parse is not None:
            return parse
        owned = self._owned_title(k, limit)
        if owned is not None:
            return owned
        enrolled = self._enrolled_at(k, limit)
        if enrolled is not None:
            return enrolled
        if k < limit and doc[k].lower_ in {"from", "of", "at", "with"}:
            j = k + 1 + (k + 1 < limit and doc[k + 1].lower_ == "the")
            if j in self.parser.org_start:
                end, org = self.parser.org_start[j]
                return TitleParse("", org, None, end)
            if doc[k].lower_ != "of" and doc[k - 1].text == "," and self.parser.workplace_at(j, limit):
                end = self.parser._cap_run(j, limit)  # "A, from F1Soft International, B, ...": a name no
                if end == limit or doc[end].text in {",", ";", ")", "."}:  # recognizer knew, closed there
                    return TitleParse("", None, doc[j:end].text, end)
        if k < limit and k in self.parser.org_start:  # "NAME (ORG)", "NAME, ORG country director"
            end, org = self.parser.org_start[k]
            while end < limit and all(unicodedata.category(c) == "So" for c in doc[end].text):
                end += 1  # "Sugar Labs® liaison": a brand mark belongs to the name, not the title
            after = self.parser.parse(end, limit) if end < limit and doc[end].is_alpha else None
            if after is not None and self._next_names(end, after.end):
                return None  # "A, NBER Fellow B, and C": "NBER Fellow" is B's, not A's
            if after is not None and after.title and after.org is None:
                return TitleParse(after.title, org, None, after.end)
            return TitleParse("", org, None, end)
        return None

    def _byline_post(self, m: Mention, k: int) -> TitleParse | None:
        """"By Richard Adams Education editor", "By Judith Burns · Education reporter BBC News": a
        byline line's post after the writer's name, with or without a separator, when the post (and
        its body, if any) is all the rest of the line."""
        doc = self.doc
        start = m.outer_start
        if start < 1 or doc[start - 1].lower_ != "by" or (start >= 2 and not _line_break(doc[start - 2])
                                                           and doc[start - 2].text.strip()):
            return None
        end = self._line_end(k)
        if k < end and doc[k].text in {"\u00b7", ",", "|", "-", "\u2013", "\u2014"}:
            k += 1
        if not 1 <= end - k <= 8:
            return None
        parse = self.parser.parse(k, end)
        if parse is None or not parse.title or not (parse.end == end or parse.org is not None and end - parse.end <= 2
                                                    and all(_cap_word(t) for t in doc[parse.end:end])):
            return None  # (but "BBC News": the recognizer's body "BBC", and a word of its name after it)
        return parse

    def _glued_post(self, k: int, limit: int) -> TitleParse | None:
        """"Stefan Romaniw Executive Director of Community Languages Australia welcomed ...": a
        capitalized post written right after the name with no comma (captions, releases typed
        in haste). Taken only with the body it names and after a name of two words or more, so
        that a name running on into a capitalized word ("Dr. William Head of the Division")
        is not read as a post."""
        doc = self.doc
        if not (k < limit and _cap_word(doc[k]) and not doc[k].text.isupper()
                and fold(doc[k].text) in self._title_words) or k in self.name_tokens:
            return None
        parse = self.parser.parse(k, limit)
        if parse is None or not parse.title or (parse.org is None and parse.org_name is None) \
                or self._next_names(k, parse.end):
            return None
        return parse

    def _caps_block(self, m: Mention, k: int, limit: int) -> TitleParse | None:
        """A signature block: "Mr. A B / GENERAL SECRETARY / TEACHERS UNION OF MALAWI" (lines joined).

        An all-capitals title right after a name that is not in capitals, and the all-capitals
        run after it as the body when it holds an organization head word.
        """
        doc = self.doc
        n = len(doc)
        if k < n and _line_break(doc[k]):
            k += 1  # the block's next line (a sentence of its own for the parser)
            limit = min(n, k + 12)
        if not (k < limit and doc[k].text.isupper() and len(doc[k].text) > 1 and is_titleish(doc[k], self.lex)) \
                or doc[m.end - 1].text.isupper():
            return None
        end = k
        while end < limit and (doc[end].text.isupper() and doc[end].is_alpha) and is_titleish(doc[end], self.lex):
            end += 1
        parse = self.parser.parse(k, end)
        if parse is None or not parse.title or not parse.title.isupper():
            return None
        if parse.org is not None or parse.org_name is not None:
            return parse
        j = parse.end + (parse.end < limit and doc[parse.end].is_space)
        start = j
        while j < limit and doc[j].text.isupper() and doc[j].is_alpha:
            j += 1
        if j > start and j - 1 in self.parser.in_org and start in self.parser.org_start:
            return TitleParse(parse.title, self.parser.org_start[start][1], None, self.parser.org_start[start][0])
        body = doc[start:j]
        if len(body) and any(fold(t.text) in self.lex.org_heads for t in body):
            return TitleParse(parse.title, None, body.text, j)
        return TitleParse(parse.title, None, None, parse.end)

    def _line_end(self, k: int) -> int:
        """The token that ends the line ``k`` is on (a whitespace token holding a line break)."""
        doc, n = self.doc, len(self.doc)
        while k < n and not _line_break(doc[k]):
            k += 1
        return k

    def _signature_lines(self, m: Mention, k: int) -> TitleParse | None:
        """A signature in mixed case, one item a line: "Dr. Jane Mwangi / Principal Secretary /
        State Department for Basic Education" at the end of a press release.

        The name is a line of its own, the next line is nothing but a title, and the line after
        it, when it is nothing but an organization, is the title's body; without one, no other
        strategy guesses a body for it.
        """
        doc, n = self.doc, len(self.doc)
        start = m.outer_start
        if not (k < n and _line_break(doc[k])) or not (start == 0 or _line_break(doc[start - 1])):
            return None
        k += 1
        end = self._line_end(k)
        if not 1 <= end - k <= 8 or doc[k].text.isupper():
            return None  # (capitals: _caps_block)
        parse = self.parser.parse(k, end)
        if parse is None or not parse.title or parse.end != end:
            return None
        if parse.org is not None or parse.org_name is not None:
            return parse
        line = end + 1
        for j in (line, line + 1):  # ("State Department for ...": a word the recognizer left out)
            if j < n and j in self.parser.org_start and self.parser.org_start[j][0] == self._line_end(line):
                org_end, org = self.parser.org_start[j]
                return TitleParse(parse.title, org, None, org_end)
        # A signature names its body under the title or nowhere: the article's other bodies
        # are not this person's (the letterhead's ministry, a school named in the text).
        return TitleParse(parse.title, None, None, parse.end, closed=True)

    def _owned_title(self, k: int, limit: int) -> TitleParse | None:
        """"NAME, its director", "NAME, the ministry's permanent secretary", "NAME, Enabel's Representative"."""
        owner = self.parser.possessor(k)
        if owner is None:
            return None
        j, org, name = owner
        parse = self.parser.parse(j, limit)
        if parse is None or not parse.title:
            return None
        if parse.org is not None:
            return parse
        return TitleParse(parse.title, org, None if org is not None else name, parse.end)

    def _enrolled_at(self, k: int, limit: int) -> TitleParse | None:
        """"NAME, a third-year student at ORG", "NAME, Volunteer at ORG": the body a student or a
        volunteer belongs to is their organization, though the noun is no post to be a title.

        Up to four words may say which student (a year, a level, a field); the noun is followed by
        at/of/from/in and a recognized organization, or nothing is taken.
        """
        doc = self.doc
        j = k
        while j < limit and j - k < 4 and fold(doc[j].text) not in self.lex.student_nouns:
            if (doc[j].is_punct and doc[j].text != "-") or j in self.name_tokens or j in self.parser.org_start:
                return None
            j += 1
        if j + 1 >= limit or fold(doc[j].text) not in self.lex.student_nouns \
                or doc[j + 1].lower_ not in {"at", "of", "from", "in"}:
            return None
        j += 2 + (j + 2 < limit and doc[j + 2].lower_ == "the")
        if j not in self.parser.org_start:
            return None
        end, org = self.parser.org_start[j]
        return TitleParse("", org, None, end)

    def _verb_org(self, k: int, limit: int) -> TitleParse | None:
        """The organization of a role told by a verb ("who chairs/heads/teaches at ..."), in its clause."""
        doc = self.doc
        for j in range(k + 1, min(limit, k + 15)):
            if doc[j].text in {",", ";", ".", "\"", "\u201c", "\u201d", "(", ")"}:
                break
            if j in self.parser.org_start:
                end, org = self.parser.org_start[j]
                return TitleParse("", org, None, end)
        return None

    def left(self, m: Mention) -> TitleParse | None:
        doc = self.doc
        hs = m.outer_start
        sent = doc[hs].sent  # "Hon." can end a spaCy sentence: the phrase is the honorific's
        if hs - 2 > sent.start and doc[hs - 1].lower_ == "the" and doc[hs - 2].text == ",":
            hs -= 1  # "the Minister for X, the Hon Daniel Whitford"
        if hs - 2 > sent.start and doc[hs - 1].text == "," and doc[hs - 2].text == ")" \
                and self._name_then_title(hs - 2, sent.start):
            return None  # "A (Regional Minister), B (Mayor)": a parenthesis is the name's before it
        # "TITLE of ORG, NAME"
        if hs - 1 > sent.start and doc[hs - 1].text == ",":
            found = self._ending_at(hs - 1, sent.start)
            if found is not None:
                return found
        found = self._ending_at(hs, sent.start)
        if found is None and hs - 1 > sent.start and doc[hs - 1].lower_ == "and" and hs - 1 in self.by_end:
            found = self._shared_plural(self.by_end[hs - 1])  # "Whyburn Instructors A and B"
        if found is None and hs - 1 > sent.start and doc[hs - 1].text in {"'s", "\u2019s"} \
                and hs - 1 in self.parser.org_end:
            return TitleParse("", self.parser.org_end[hs - 1][1], None, hs)  # "DAI's Alexander Kitain"
        return found

    def _next_names(self, k: int, end: int) -> bool:
        """Does a title phrase ``[k, end)`` run into the next name of a list, or stand right before it?"""
        return any(k <= s <= end for s in self.outer_starts)

    def _titled_list(self, m: Mention, s0: int) -> bool:
        """Is ``m`` an item of a "Title Name, Title Name" list (a title head right before it, or
        before its comma)?

        Then a title after its comma opens the next item ("Assistant Professor A, Whyburn
        Instructors B and C"); in "Ms A, Specialist and Member, Mr B" it is A's own.
        """
        p = m.outer_start - 1
        if p < s0:
            return False
        if is_head(self.doc[p], self.lex):
            return True
        if self.doc[p].text == "," and p - 1 >= s0 and is_head(self.doc[p - 1], self.lex) \
                and (p - 2 < s0 or self.doc[p - 2].text != ","):
            return True  # "District Superintendent, A, CEO of X, B and ...": "Title, Name" items
        prev = self.by_end.get(p) if self.doc[p].lower_ == "and" else None
        return prev is not None and prev.outer_start < m.outer_start and self._titled_list(prev, s0)

    def _shared_plural(self, m: Mention) -> TitleParse | None:
        """"Instructors A and B", "SE Factory founders A and B": a plural title before the first
        name of a pair is the second one's too (``one_post`` makes it singular)."""
        found = self._ending_at(m.outer_start, self.doc[m.start].sent.start)
        if found is None or not found.title:
            return None
        last = found.title.split()[-1]
        return found if last[-1:] == "s" and singular(last, self.lex) else None

    def _name_then_title(self, close: int, s0: int) -> bool:
        """Is the parenthesis closing at ``close`` a title right after a name ("A B (Mayor of X)")?

        Also after a capitalized word that no mention ends at (a name cut short): the
        parenthesis is still that word's, never the next list item's.
        """
        doc = self.doc
        for k in range(close - 1, max(s0, close - 10), -1):
            if doc[k].text == "(":
                named = k in self.name_ends or (k > s0 and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper()
                                                and not is_head(doc[k - 1], self.lex))
                return named and any(is_head(t, self.lex) for t in doc[k + 1:close])
        return False

    def _ending_at(self, end: int, s0: int) -> TitleParse | None:
        doc = self.doc
        for k in range(max(s0, end - 16), end):
            if k > s0 and (is_titleish(doc[k - 1], self.lex) or doc[k - 1].text[:1].isupper()) \
                    and doc[k - 1].text not in BOUNDARY and not doc[k - 1].is_stop \
                    and k - 1 not in self.parser.in_org:
                continue  # not the start of the phrase
            if self._after_name(k, s0):
                continue  # "Ms A, Specialist and Member, Mr B": the title after A's name is A's
            if k > s0 and fold(doc[k - 1].text) in self.lex.former_words or (
                    k - 1 > s0 and doc[k - 1].text == "-" and fold(doc[k - 2].text) in self.lex.former_words):
                former = self.parser.parse(k, end)  # "the late president A", "ex-President A": no longer held,
                if former is not None and former.end == end and former.title:
                    return None  # nor any shorter end of it ("Ex-environment [secretary] A")
                continue
            if any(t in self.name_tokens for t in range(k, end)):
                continue  # "Minister of State A and Minister for Education B": B's title holds no name
            if self._after_former(k, s0):
                return None  # "Former prime minister A": "minister" alone is the end of a former post
            parse = self.parser.parse(k, end)
            if parse is not None and parse.end == end and parse.title:
                if parse.org is None and parse.org_name is None:
                    org = self.parser.org_before(k) or self._fronted_org(k, s0)
                    if org is not None and k in self.parser.org_end and self._office_lead(k, parse.title):
                        start = self.parser.org_end[k][0]  # "Education Cabinet Secretary": an office
                        return TitleParse(doc[start:k].text + " " + parse.title, None, None, parse.end)
                    if org is not None:
                        return TitleParse(parse.title, org, None, parse.end)
                return parse
        return None

    def _after_former(self, k: int, s0: int) -> bool:
        """Is the phrase at ``k`` the tail of a post written after "former" ("Former prime minister")?

        Lower-case words between "former" and ``k`` are one post with the word at ``k``; the
        phrase from ``k`` alone is no current post.
        """
        doc = self.doc
        for x in range(k - 1, max(s0, k - 4) - 1, -1):
            if fold(doc[x].text) in self.lex.former_words:
                return x < k - 1
            if not (doc[x].is_alpha and doc[x].is_lower and not doc[x].is_stop):
                return False
        return False

    def _office_lead(self, k: int, title: str) -> bool:
        """Is the organization span ending at ``k`` the front of a state office, not a body?

        "Education Cabinet" + "Secretary" (the span's last word makes the office), "Education"
        + "Minister" (a portfolio alone names no body: the minister's ministry is found later).
        """
        start = self.parser.org_end[k][0]
        if state_office_text(f"{self.doc[k - 1].text} {title}", self.lex):
            return True
        return state_office_text(title, self.lex) and all(
            fold(t.text) in self.lex.portfolios or t.lower_ in {"and", "&"} for t in self.doc[start:k])

    def _fronted_org(self, k: int, s0: int) -> OrgEntity | None:
        """"At Southfield Primary School, principal A said": the place of work opens the sentence."""
        doc = self.doc
        if k - 1 <= s0 or doc[k - 1].text != "," or k - 1 not in self.parser.org_end:
            return None
        start, org = self.parser.org_end[k - 1]
        start -= doc[start - 1].lower_ == "the" if start > s0 else 0
        if doc[s0].lower_ not in {"at", "in"}:
            return None
        return org if start - 1 == s0 or start == s0 else None  # (spaCy's ORG may swallow "At")

    def _after_name(self, k: int, s0: int) -> bool:
        """Does a title starting at ``k`` follow another name with only title words between?"""
        doc = self.doc
        for p in range(k, max(s0, k - 10), -1):
            if p in self.name_ends and doc[p].text == ",":
                return not self._titled_list(self.by_end[p], s0)
            if doc[p - 1].text in {";", ":", "."} or (doc[p - 1].is_alpha
                                                     and doc[p - 1].text.islower()
                                                     and doc[p - 1].lower_ not in {"and", "of",
                                                                                   "the", "for"}):
                return False
        return False

    def both_of(self, m: Mention) -> TitleParse | None:
        """"Ms A and Mr B, both of UNESCO", "A and B, both teachers at the school": what a list shares.

        A plural title after "both" is each person's title in the singular.
        """
        doc = self.doc
        sent = doc[m.start].sent
        for k in range(m.end, min(sent.end - 2, m.end + 25)):
            if doc[k].lower_ in {"both", "all"} and doc[k + 1].lower_ in {"of", "from", "at"}:
                j = k + 2 + (doc[k + 2].lower_ == "the")
                if j in self.parser.org_start:
                    return TitleParse("", self.parser.org_start[j][1], None, self.parser.org_start[j][0])
            if doc[k].lower_ == "both" and doc[k - 1].text == ",":
                return self._shared_title(k + 1, sent.end)
        return self._list_of_org(m, sent.end)

    def _list_of_org(self, m: Mention, limit: int) -> TitleParse | None:
        """"A, B and C of the Swiss Observatory": a list of bare names followed by "of/from/at ORG".

        The body after the last name is every listed name's; only names joined by commas and
        a closing "and", with nothing else between them, make the list.
        """
        doc, k, items, closed = self.doc, m.end, 0, False
        while k < limit:
            j = k
            if doc[j].text == ",":
                j += 1
            joined = j < limit and doc[j].lower_ in {"and", "&"}
            j += joined
            nxt = self.by_start.get(j) if j > k else None
            if nxt is None:
                break
            k, items, closed = nxt.end, items + 1, joined
        if not closed or k + 1 >= limit or doc[k].lower_ not in {"of", "from", "at"}:
            return None  # (a list closed by "and": "A, Kent Hill of World Vision, B of NASA" is no list of one body's)
        j = k + 1 + (doc[k + 1].lower_ == "the")
        if j not in self.parser.org_start:
            return None
        end, org = self.parser.org_start[j]
        return TitleParse("", org, None, end)

    def _shared_title(self, j: int, limit: int) -> TitleParse | None:
        doc = self.doc
        e = j
        while e < limit and e - j < 6 and doc[e].lower_ not in ORG_PREPS and not doc[e].is_punct:
            e += 1
        if e == j:
            return None
        single = singular(doc[e - 1].text, self.lex)
        if single is None:
            return None
        title = " ".join([t.text for t in doc[j:e - 1]] + [single])
        org, org_name, end = self.parser.org_after(e, limit)
        return TitleParse(title, org, org_name, end)


def _role_verb(word: str, lex: Lexicon) -> bool:
    """Does a finite verb tell a post ("chairs", "teaches", "led", "works")? (No lemmatizer runs.)"""
    stems = {word, word[:-1], word[:-2], word[:-3] + "y", word[:-1] if word.endswith("ed") else ""}
    return any(s in lex.role_verbs for s in stems if s)


def singular(word: str, lex: Lexicon) -> str | None:
    """The title head a plural names ("teachers" -> "teacher", "secretaries" -> "secretary"), else None."""
    for stem in ((word[:-3] + "y") if word.endswith("ies") else "", word[:-2] if word.endswith("es") else "",
                 word[:-1] if word.endswith("s") else ""):
        if stem and fold(stem) in lex.title_heads:
            return stem
    return None


def ministry_for(title: str, orgs: list[OrgEntity]) -> OrgEntity | None:
    """"Minister of Education" works in the article's "Ministry of Education"."""
    match = re.match(r"^(?:.* )?[Mm]inister (of|for) (.+)$", title)  # "the minister of education and ..."
    if not match:
        return None
    wanted = _amp(fold(f"ministry {match.group(1)} {match.group(2)}"))
    for org in orgs:
        for form in (org.name, *org.aliases):
            if _amp(fold(form)).startswith(wanted):
                return org
    return None


def _amp(text: str) -> str:
    """"ICT & Innovation" and "ICT and Innovation" are one portfolio."""
    return re.sub(r"\s*&\s*", " and ", text)
