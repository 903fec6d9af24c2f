"""Job-title phrases next to a person's name, and the organization they are held in.

Reads tokens only (text, case, ``is_stop``) plus the organization mentions found
earlier (the organizations extractor's entities, as a token-index map). A title phrase is:

    [modifiers/capitalized words]* HEAD [(Parenthetical)] [of|for|to COMPLEMENT]
    [and TITLE]*  [of|at|from|for|in ORG]

where HEAD is a title head word (``models/titles.jsonl``: Minister, Director,
Specialist ...), capitalized words before it belong to the title ("Education Programme
Specialist"), and a complement stops where an organization mention starts (that is the
organization, not part of the title). Event roles (chief guest, moderator) are dropped
from coordinated titles. "of/for <Country>" with no organization gives the country's
government ("President of Nauru" -> Government of Nauru).

Known limits: lower-case titles are found only after a comma or "as"; titles split by
a relative clause ("who also serves as") are not joined; the organization of a title
separated from it by a whole clause is missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.extract.base import OrgEntity
from pipeline.extract.knowledge.lexicon import (
    Lexicon,
    country_name,
    demonym_country,
    fold,
    get_lexicon,
    government_of,
    is_place,
)

CONNECT = {"of", "for", "to", "in", "on", "and", "&", "the"}
NAME_CONNECTORS = {"de", "del", "la", "of", "for", "and", "e", "y", "da", "do", "dos", "das", "du", "des", "di",
                   "o", "al", "el"}
ORG_PREPS = {"of", "at", "from", "for", "in", "with", "to"}


@dataclass
class TitleParse:
    title: str
    org: OrgEntity | None
    org_name: str | None  # a government derived from a country, when no OrgEntity
    end: int  # token index after the phrase (incl. the organization)
    # The phrase tells all there is: no other strategy may add an organization (a signature
    # whose title line has no body line under it).
    closed: bool = False


def _cap(tok: Token) -> bool:
    t = tok.text
    return bool(t[:1].isupper() and re.match(r"^[A-Z][\w'\u2019.&-]*$", t)) and "@" not in t


def _parts(tok: Token) -> list[str]:
    return [p for p in fold(tok.text).split("-") if p]


def is_head(tok: Token, lex: Lexicon) -> bool:
    """A title head word: "Minister", "Vice-Chancellor", "Director-General", "Co-director"."""
    word = fold(tok.text)
    if word in lex.title_heads:
        return True
    if word in lex.paired_heads and tok.i > 0 and fold(tok.doc[tok.i - 1].text) in lex.paired_heads[word]:
        return True  # "First Lady"
    parts = _parts(tok)
    return len(parts) > 1 and parts[-1] in lex.title_heads or (
        len(parts) > 1 and parts[0] in lex.title_heads and parts[-1] in {"designate", "elect",
                                                                          "general"})


def is_titleish(tok: Token, lex: Lexicon) -> bool:
    """A word that can stand inside a title before its head."""
    if is_head(tok, lex) or fold(tok.text) in lex.title_modifiers:
        return True
    return all(p in lex.title_modifiers or p in lex.title_heads for p in _parts(tok)) and bool(
        _parts(tok))


def name_starts(doc: Doc, x: int, lex: Lexicon) -> bool:
    """Does a personal name start at token ``x`` of a capitalized run?

    "Minister of State for Primary Education Rosemary Seninde and Minister for Education
    Janet Museveni": a title's field and the name after it are one capitalized run. A known
    given name (``models/given_names.txt``) that is no title, portfolio, organization or
    place word, followed by a name-shaped word that is none of those either, starts a name:
    the field ends before it.
    """
    if x + 1 >= len(doc) or fold(doc[x].text) not in lex.given_names:
        return False
    if not _cap(doc[x]) or not _cap(doc[x + 1]) or doc[x + 1].is_stop or doc[x + 1].text.isupper():
        return False
    known = lex.name_blockers
    return fold(doc[x].text) not in known and fold(doc[x + 1].text) not in known \
        and not is_place(doc[x].text) and not is_place(doc[x + 1].text)


def _lead_place(text: str) -> bool:
    """A sub-national place that can lead a title ("Ontario", "Oaxaca", "Punjab", "Lagos").

    Regions, and cities of 100,000 people or more (main names only): small towns named like
    words ("Federal", "Media") would eat real title words. Countries are not stripped here:
    their demonym/possessive forms are handled as governments.
    """
    from pipeline.extract.knowledge.gazetteer import get_gazetteer  # the places extractor loads it anyway

    if country_name(text):
        return False
    return any(not p.alt and (p.kind == "region" or (p.kind == "city" and p.population >= 100_000))
               for p in get_gazetteer().lookup(text))


class TitleParser:
    """Parses title phrases over one Doc, knowing where organization mentions are."""

    def __init__(self, doc: Doc, lex: Lexicon, orgs: list[OrgEntity]) -> None:
        self.doc = doc
        self.lex = lex
        self.org_start: dict[int, tuple[int, OrgEntity]] = {}  # token start -> (end, org)
        self.org_end: dict[int, tuple[int, OrgEntity]] = {}  # token end -> (start, org)
        self.in_org: set[int] = set()
        self.embedded: OrgEntity | None = None  # a body named inside the last parsed title
        self.by_end: list[tuple[int, OrgEntity]] = []  # (token end, org), for back-references
        for org in orgs:
            for s, e in org.spans:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                self.org_start[span.start] = (span.end, org)
                self.org_end[span.end] = (span.start, org)
                self.in_org.update(range(span.start, span.end))
                self.by_end.append((span.end, org))
        self.by_end.sort(key=lambda x: x[0])
        self.by_alias: dict[str, OrgEntity] = {}  # "KMK", "TDSB" -> the organization they abbreviate
        for org in orgs:
            for form in org.aliases:
                if form.isupper():
                    self.by_alias.setdefault(form, org)
        self.lead_org: OrgEntity | None = None  # the organization a stripped title lead named
        self.lead_name: str | None = None  # an acronym lead no recognizer knew ("CSUMB President")

    def _lead(self, i: int, limit: int) -> int:
        """Tokens before a title that name where or for whom it is held, not the post.

        "Ontario Education Minister", "Oaxaca Governor", "West Java Governor", "TDSB chair",
        "KMK President": a leading place or acronym (not itself a title word such as CEO) is
        not part of the title when a title core still follows it; an acronym that abbreviates
        one of the article's organizations makes that the person's organization, another
        acronym is the organization as written ("CSUMB President": CSUMB, not a government).
        """
        doc, lex = self.doc, self.lex
        self.lead_org, self.lead_name = None, None
        if i >= limit or not _cap(doc[i]) or is_titleish(doc[i], lex):
            return i
        body = self._unknown_body(i, limit)
        if body is not None:
            self.lead_name = doc[i:body].text  # "SE Factory founder", "States of Mind founder"
            return body
        tok = doc[i]
        camel = bool(re.match(r"^[A-Z][a-z]+[A-Z]", tok.text))  # "EdCom", "DepEd": a short name, no word
        if (tok.text.isupper() and len(tok.text) >= 2 or camel) and tok.is_alpha \
                and fold(tok.text) not in lex.concepts:
            after = i + 1
            if after < limit and re.match(r"^(?:[IVX]+|\d)$", doc[after].text):
                after += 1  # "EdCom II cochair": the numbered body
            if self._core(after, limit) is not None:
                self.lead_org = self.by_alias.get(tok.text)
                if self.lead_org is None and tok.text in lex.country_short:
                    self.lead_name = government_of(lex.country_short[tok.text])
                elif self.lead_org is None:
                    self.lead_name = doc[i:after].text  # the body the post is held in, by its acronym
                return after
            return i
        run = i
        while run < limit and _cap(doc[run]) and not is_titleish(doc[run], lex) and run - i < 4:
            run += 1
        for end in range(run, i, -1):
            if end < limit and fold(doc[end].text) in lex.scope_words:
                continue  # "Bangsamoro Area Manager": the post is the place's
            if _lead_place(doc[i:end].text) and self._core(end, limit) is not None:
                return end
        return i

    def _unknown_body(self, i: int, limit: int) -> int | None:
        """End of a capitalized name before a lower-case post always held in a body ("SE Factory
        founder", "States of Mind founder", "Acme chief executive"): that name is the body, even
        when no recognizer knew it, and not part of the title. Not a place, a nationality, a
        portfolio or a title word ("Education minister", "Kenyan president", "Nairobi mayor")."""
        doc, lex = self.doc, self.lex
        run = i
        while run < limit and run - i < 6:
            tok = doc[run]
            name_word = _cap(tok) and tok.is_alpha and not tok.is_stop and not is_titleish(tok, lex) \
                and fold(tok.text) not in lex.portfolios and run not in self.in_org and not demonym_country(tok.text)
            connector = run > i and tok.lower_ in {"of", "for", "&", "and"} and run + 1 < limit and _cap(doc[run + 1])
            if not (name_word or connector):
                break
            run += 1
        if run == i or run >= limit or not doc[run].is_lower:
            return None
        two = fold(doc[run:run + 2].text)
        if fold(doc[run].text) not in lex.body_posts and two not in lex.body_posts:
            return None
        name = doc[i:run]
        if _lead_place(name.text) or any(t.ent_type_ in {"NORP", "GPE", "PERSON"} for t in name):
            return None
        if run - i == 1 and (fold(name.text) in lex.org_heads or fold(name.text) in lex.common_words):
            return None  # "School board member", "Company founder": a kind of body, not its name
        return run

    def backref(self, k: int) -> tuple[int, OrgEntity] | None:
        """"the/that University", "the Ministry's": the latest organization named with that head.

        Returns (token after the reference, organization). A capitalized head word after a
        determiner, not itself part of a mention, refers back to the nearest preceding
        organization whose canonical name or an alias contains that word.
        """
        doc = self.doc
        if not (k + 1 < len(doc) and doc[k].lower_ in {"the", "that", "this"}):
            return None
        head = doc[k + 1]
        if head.i not in self.in_org and fold(head.text) in self.lex.kind_nouns \
                and fold(head.text) not in self.lex.org_heads and k + 2 < len(doc) \
                and doc[k + 2].text in {"'s", "\u2019s", ",", "."}:
            return self._kind_ref(k, fold(head.text))
        if head.i in self.in_org or not (_cap(head) or head.is_lower) or fold(head.text) not in self.lex.org_heads:
            return None  # "the University", "the bank", "the school": both cases refer back
        if k + 2 < len(doc) and _cap(doc[k + 2]) and not doc[k + 2].is_stop:
            return None  # "the University Senate": a name goes on
        word = fold(head.text)
        for end, org in reversed(self.by_end):
            if end > k:
                continue
            if any(word in fold(form).split() for form in (org.name, *org.aliases)):
                return k + 2, org
        return self._kind_ref(k, word)

    def _kind_ref(self, k: int, word: str) -> tuple[int, OrgEntity] | None:
        """"The organisation's founder", "the NGO's director": a word for a kind of body refers to
        the organization named last, in this sentence or the one before, when that one's own name
        says no other kind ("the party" is not the Ministry of Education named just before).
        """
        if word not in self.lex.kind_nouns:
            return None
        org = self.its_org(k)
        if org is None:
            return None
        own = {w for form in (org.name, *org.aliases) for w in fold(form).split()} & self.lex.kind_nouns
        return (k + 2, org) if not own or word in own else None

    def its_org(self, k: int) -> OrgEntity | None:
        """"Its Director General, Dr A": the organization named last, in this sentence or the one before."""
        doc = self.doc
        sent = doc[k].sent
        floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for end, org in reversed(self.by_end):
            if end <= k:
                return org if end > floor else None
        return None

    def possessor(self, k: int) -> tuple[int, OrgEntity | None, str | None] | None:
        """An organization owning the title that follows: "its", "the ministry's", "UNESCO's", "Enabel's".

        Returns (token after the possessive, organization, or a name when the owner is a
        capitalized name no recognizer knew). A country's possessive is the parse's business
        (its government), a person's is not an owner of a post.
        """
        doc = self.doc
        n = len(doc)
        if k < n and doc[k].lower_ == "its":
            org = self.its_org(k)
            return (k + 1, org, None) if org is not None else None
        if k in self.org_start:
            end, org = self.org_start[k]
            if end < n and doc[end].text in {"'s", "\u2019s"}:
                return end + 1, org, None
            return None
        if k + 1 < n and doc[k + 1].text in {"'s", "\u2019s"} and k > 0:
            ref = self.backref(k - 1)
            if ref is not None:
                return k + 2, ref[1], None
        run = k
        while run < n and _cap(doc[run]) and not doc[run].is_stop and run - k < 4 and run not in self.in_org:
            run += 1
        if run > k and run < n and doc[run].text in {"'s", "\u2019s"} and doc[k].ent_type_ in {"ORG", ""} \
                and not is_place(doc[k:run].text) and not is_titleish(doc[run - 1], self.lex):
            return run + 1, None, doc[k:run].text
        return None

    # ------------------------------------------------------------------------------------
    def _core(self, i: int, limit: int) -> int | None:
        """End of the title core starting at ``i`` (words up to and including a head)."""
        doc, lex = self.doc, self.lex
        j, last_head = i, None
        while j < limit:
            tok = doc[j]
            if j in self.in_org and fold(tok.text) not in lex.concepts:
                break
            if tok.text == "-" and last_head == j and not tok.whitespace_ and not doc[j - 1].whitespace_ \
                    and j + 1 < limit and fold(doc[j + 1].text) in lex.military_ranks:
                j += 2  # "secretary-general" split by the tokenizer: the rank word is the post's
                last_head = j
            elif tok.text == "-" and last_head == j and not tok.whitespace_ and not doc[j - 1].whitespace_ \
                    and j + 1 < limit and doc[j + 1].lower_ in {"elect", "designate"}:
                j += 2  # "President-elect", "Minister-designate": the post to be held is the title
                last_head = j
            elif tok.text == "-" and j > i and not tok.whitespace_ and not doc[j - 1].whitespace_ \
                    and j + 1 < limit and (is_titleish(doc[j + 1], lex) or _cap(doc[j + 1])):
                j += 1  # "Vice-Chancellor" split by the tokenizer
            elif tok.is_lower and tok.pos_ == "VERB" and fold(tok.text) not in lex.title_modifiers:
                break  # "the bill heads to Gov. A": a verb spelled like a title head
            elif is_head(tok, lex) or (last_head == j and fold(tok.text) in lex.military_ranks):
                last_head = j + 1  # a rank word right after a head is the post's: "Director General"
                j += 1
            elif is_titleish(tok, lex) or (_cap(tok) and not tok.is_stop and not tok.like_num):
                j += 1
            elif tok.like_num and j > i and _cap(doc[j - 1]) and tok.text.isdigit() and len(tok.text) <= 2:
                j += 1  # "Grade 4 teacher", "Level 3 Supervisor"
            elif tok.is_lower and tok.is_alpha and tok.pos_ == "NOUN" and tok.dep_ == "compound" \
                    and j + 1 < limit and (is_head(doc[j + 1], lex) or doc[j + 1].dep_ == "compound"):
                j += 1  # "mathematics teacher", "communications officer": a field before the head
            else:
                break
        return last_head

    def _complement(self, j: int, limit: int) -> int:
        """Extend a title over "of the Unit for ICT in Education", "(Research)" ..."""
        doc = self.doc
        first = j
        while j < limit:
            tok = doc[j]
            if tok.lower_ == "in" and j + 2 < limit and doc[j + 1].lower_ == "charge" \
                    and doc[j + 2].lower_ in {"of", "for"}:
                j += 2  # "Minister of State in charge of Primary Education": "of" goes on below
                continue
            if tok.lower_ == "in" and tok.text.islower() and self._lower_field(j, j + 1, limit) > j + 1:
                j = self._lower_field(j, j + 1, limit)  # "senior lecturer in mathematics education"
                continue
            if tok.lower_ == "to" and j > first and fold(doc[j - 1].text) in self.lex.envoy_words:
                m = j + 1 + (j + 1 < limit and doc[j + 1].lower_ == "the")
                end = country_prefix_end(self.doc, m, limit)
                if end is not None:
                    return end  # "Ambassador to Ukraine William Taylor": the country is the post's, the name after it
            if tok.lower_ == "in" and tok.text.islower() and self._country_at(j + 1, limit):
                run = j + 1  # "Country Representative in Peru": the post's country is part of it
                while run < limit and (_cap(doc[run]) or (doc[run].text == "-" and run > j + 1)):
                    run += 1
                return run
            if tok.text == ":" and j + 1 < limit and _cap(doc[j + 1]) and j + 1 not in self.org_start:
                run = j + 1  # "Chief Director: Media Liaison": the title's field after a colon
                while run < limit and _cap(doc[run]) and run not in self.org_start and not doc[run].is_stop:
                    run += 1
                if run - j - 1 <= 4 and (run == limit or doc[run].text in {",", ")", ";"}):
                    j = run
                    continue
                break
            if tok.text == "(":
                close = next((k for k in range(j + 1, min(limit, j + 8)) if doc[k].text == ")"),
                             None)
                if close is None:
                    break
                inner = doc[j + 1:close]
                if len(inner) == 1 and inner[0].text.isupper():
                    return j  # "(RC)": an acronym of the title, not part of it
                if all(_cap(t) or t.lower_ in {"and", "&"} for t in inner):
                    j = close + 1
                    continue
                break
            if tok.lower_ in {"of", "for", "to"} and tok.text.islower():
                k = j + 1
                if k < limit and doc[k].lower_ == "the":
                    k += 1
                if self._named_workplace(j, k, limit):
                    break  # "principal of Visakha Vidyalaya": the workplace, not the post's field
                if k < limit and k in self.org_start and self.generic_unit(self.org_start[k][1]):
                    j = self.org_start[k][0]  # "Head of National Office": a unit of the body named apart
                    continue
                if self._lower_field(j, k, limit) > k:
                    j = self._lower_field(j, k, limit)  # "chief of psychiatry at ...", "senator for education"
                    continue
                if k < limit and k in self.org_start:
                    e, inner = self.org_start[k]
                    if not (e < limit and _cap(doc[e]) and not doc[e].is_stop and e not in self.org_start
                            and not self._is_title_start(e)):
                        break
                    self.embedded = inner  # "Director of UNRWA Affairs in Jordan": a field of the body
                    k = e
                if k >= limit:
                    break
                run = k
                while run < limit and (
                    (_cap(doc[run]) and run not in self.org_start and not doc[run].is_stop
                     and not (run > k and name_starts(doc, run, self.lex)))
                    or doc[run].like_num
                    or (doc[run].lower_ in {"and", "in", "for", "of", "&"} and run + 1 < limit
                        and _cap(doc[run + 1]) and run + 1 not in self.org_start
                        and not self._is_title_start(run + 1))
                    or (doc[run].lower_ == "and" and run + 2 < limit and doc[run + 1].lower_ == "the"
                        and _cap(doc[run + 2]) and run + 2 not in self.org_start
                        and not self._is_title_start(run + 2))
                    or (doc[run].lower_ == "the" and run > k and doc[run - 1].lower_ == "and")):
                    run += 1
                if run == k:
                    break
                text = doc[k:run].text
                if (country_name(text) or self._country_at(k, limit)) and j == first and self._posted_to(tok, j):
                    j = run  # "High Commissioner to Fiji", "Lead Specialist for Vietnam": the post's country
                    continue
                if country_name(text) or self._country_at(k, limit):
                    break  # "President of Nauru": a country, handled as government
                for x in range(k + 1, run):  # "Minister of Education for Timor-Leste", "... in Abuja"
                    if doc[x].lower_ in {"for", "in", "of"} and self._country_at(x + 1, limit) or (
                            doc[x].lower_ == "in" and is_place(doc[x + 1:run].text)):
                        run = x
                        break
                j = run
                continue
            break
        return j

    def _post_not_membership(self, title: str) -> bool:
        """Is a title phrase a post, not a lower-case membership ("a member of the club")?

        "Board Member" is a post in capitals; "board member" is one after a governing body's word
        (``member_bodies``).
        """
        words = title.split()
        if fold(words[-1]) not in {"member", "members"} or words[-1][0].isupper():
            return True
        return len(words) > 1 and fold(words[-2]) in self.lex.member_bodies

    def generic_unit(self, org: OrgEntity) -> bool:
        """"National Office", "Regional Office": a unit named by generic words only, of no named body."""
        words = fold(org.name).split()
        return len(words) >= 2 and not org.aliases and words[-1] in self.lex.unit_heads \
            and all(w in self.lex.generic_unit_words for w in words[:-1])

    def _lower_field(self, prep: int, k: int, limit: int) -> int:
        """End of a lower-case field after a lower-case title ("chief of psychiatry at X").

        A lower-case head ("chief", "senator", "head") with "of/for" and one or two lower-case
        nouns, closed by a preposition, punctuation or the sentence end: the post's field is
        part of the title. "the" or a verb after the noun means the phrase goes on elsewhere.
        """
        doc = self.doc
        glued = prep >= 3 and doc[prep - 2].text == "-" and not doc[prep - 2].whitespace_ \
            and not doc[prep - 3].whitespace_ and doc[prep - 3].is_lower and is_head(doc[prep - 3], self.lex)
        if prep == 0 or not doc[prep - 1].is_lower or not (is_head(doc[prep - 1], self.lex) or glued) \
                or doc[prep].lower_ not in {"of", "for", "in"}:
            return k  # ("lecturer in mathematics education", "chief of psychiatry", "director-general of X")
        if doc[k - 1].lower_ in {"the", "that", "this"} and self.backref(k - 1) is not None:
            return k  # "spokesperson for the ministry": the organization named earlier, not a field
        run = k
        while run < limit and run - k < 6 and doc[run].is_lower and doc[run].is_alpha and (
                (not doc[run].is_stop and (doc[run].pos_ in {"NOUN", "PROPN"}  # (is_lower: a tagger's PROPN)
                                           or (doc[run].pos_ == "ADJ" and run - k < 5)))
                or (doc[run].lower_ == "and" and run > k and run + 1 < limit and doc[run + 1].is_lower
                    and doc[run + 1].pos_ in {"NOUN", "ADJ"})):
            run += 1  # "director of teacher professional development", "minister of education and technical education"
        if run == k or (run < limit and doc[run].lower_ not in {"at", "in", "with", "of", "for", ",", ".",
                                                                 ")", ";"}):
            return k
        return run

    def _posted_to(self, prep: Token, j: int) -> bool:
        """Is "to/for <Country>" after the title at ``j`` the country a post covers?

        "High Commissioner to Fiji", "Ambassador to Japan": an envoy is posted *to* a country
        (his government is the one that sends him); "Lead Education Specialist for Vietnam",
        "Country Director for Peru": a post of some body covers the country. "Minister for
        Fiji" or "President of Nauru" are offices *of* that country: handled as its government.
        """
        if prep.lower_ == "to":
            return True
        if prep.lower_ != "for" or j == 0:
            return False
        head = fold(self.doc[j - 1].text)
        return not any(head == office.split()[-1] for office in self.lex.state_offices)

    def _country_at(self, k: int, limit: int) -> bool:
        doc = self.doc
        run = k
        while run < limit and (_cap(doc[run]) or (doc[run].text == "-" and run > k)):
            run += 1
        return run > k and bool(country_name(doc[k:run].text))

    def _is_title_start(self, i: int) -> bool:
        """Does a coordinated title start here ("and Overseas General Manager")?"""
        core = self._core(i, min(len(self.doc), i + 6))
        return core is not None

    def parse(self, i: int, limit: int) -> TitleParse | None:
        """A title phrase starting exactly at token ``i`` (and its organization), or None."""
        doc = self.doc
        country, possessor = None, None
        if i < limit and demonym_country(doc[i].text) and i + 1 < limit:
            country = demonym_country(doc[i].text)
            i += 1
        elif i + 2 < limit and doc[i + 1].text in {"'s", "\u2019s"} and country_name(doc[i].text):
            possessor = country_name(doc[i].text)  # "Australia's High Commissioner": its government
            i += 2
        i = self._lead(i, limit)
        lead_org, lead_name = self.lead_org, self.lead_name
        self.embedded = None
        titles: list[tuple[int, int]] = []
        j = i
        while True:
            core = self._core(j, limit)
            if core is None:
                break
            end = self._complement(core, limit)
            titles.append((j, end))
            j = end
            if j + 1 < limit and doc[j].lower_ in {"and", "&"} and fold(doc[j + 1].text) not in self.lex.honorifics:
                nxt = self._lead(j + 1, limit)  # "Coordinator and IASSIST Regional Secretary": the body again
                self.lead_org, self.lead_name = lead_org, lead_name
                if self._core(nxt, limit):
                    j = nxt
                    continue
            break
        if not titles:
            return None
        kept = [doc[s:e].text for s, e in titles if not self._event_role(doc[s:e].text)]
        kept = [t for t in kept if self._post_not_membership(t)]
        org, org_name, end = self.org_after(j, limit)
        if org is None and org_name is None and self.embedded is not None:
            org = self.embedded
        if org is None and org_name is None and lead_org is not None:
            org = lead_org
        national = bool(kept) and self._national(kept[0], written=bool(country or possessor))
        if org is None and org_name is None and lead_name is not None \
                and (national or not lead_name.startswith("Government of ")):
            org_name = lead_name  # "US President": its government; "UK historian": no body at all
        if org is None and org_name is None and country and national:
            org_name = government_of(country)  # "English historian": a nationality, not a post's body
        if org is None and org_name is None and possessor and national:
            org_name = government_of(possessor)
        if not kept:
            return TitleParse("", org, org_name, end)
        return TitleParse(" and ".join(kept), org, org_name, end)

    def _national(self, title: str, written: bool = False) -> bool:
        """A post of a national government: a state office or an envoy ("Kenya's President").

        Other titles after a country's possessive ("Georgia's State School Superintendent")
        are held in some body of that country (or a US state of that name), not its government.
        A portfolio's minister counts in lower case too when the country is ``written`` right
        before it ("Thailand's foreign minister", "the Israeli defence minister"): news that
        writes posts in lower case names the country, not the ministry.
        """
        key = fold(title)
        if any(re.match(rf"^(?:deputy |vice )?{re.escape(p)}(?:$|[\s,-])", key)
               for p in self.lex.state_offices | self.lex.envoys):
            return True
        words = title.split()  # "Nigeria's Education Minister": a portfolio's minister of that country
        return len(words) >= 2 and key.endswith(" minister") and (written or all(w[:1].isupper() for w in words)) \
            and not any(fold(w) in self.lex.org_heads for w in words[:-1])

    def _event_role(self, text: str) -> bool:
        folded = re.sub(r"^the\s+", "", fold(text))
        return folded in self.lex.event_roles

    def org_after(self, j: int, limit: int) -> tuple[OrgEntity | None, str | None, int]:
        """The organization right after a title: "of/at/from [the] ORG", "ORG's", or a country."""
        doc = self.doc
        k = j
        if k < limit and doc[k].text == "," and k + 1 < limit:
            m = k + 1 + (doc[k + 1].lower_ == "the")
            if m in self.org_start:  # "TITLE, ORG"
                end, org = self.org_start[m]
                return org, None, end
            if self._signed_body(k + 1, limit):  # "A, president and CEO, Memorial Healthcare System"
                run = self._cap_run(k + 1, limit)
                return None, doc[k + 1:run].text, run
        if k < limit and doc[k].lower_ in ORG_PREPS:
            k += 1
            if k < limit and doc[k].lower_ == "the":
                k += 1
        if k in self.org_start:
            end, org = self.org_start[k]
            if end + 1 < limit and doc[end].text in {"'s", "\u2019s"} and end + 1 in self.org_start:
                end, org = self.org_start[end + 1]  # "the University of Nairobi's School of Education"
            if end + 2 < limit and doc[end].text == "(" and doc[end + 2].text == ")":
                end += 3  # "... Organisations (PIANGO)"
            elif end < limit and doc[end].is_lower and doc[end].lower_ in self.lex.body_kind_words:
                end += 1  # "general secretary of the EIS union": the word for its kind is the body's
            return org, None, end
        if k > j and doc[j].lower_ in ORG_PREPS:
            ref = self.backref(k - (doc[k - 1].lower_ == "the"))
            if ref is not None and ref[0] + 1 < limit and doc[ref[0]].text in {"'s", "\u2019s"} \
                    and ref[0] + 1 in self.org_start:
                end, org = self.org_start[ref[0] + 1]  # "director of the ministry's Technology Division"
                return org, None, end
            if ref is not None:
                return ref[1], None, ref[0]
        if k > j and doc[j].lower_ in {"of", "for", "in"}:
            run = k
            while run < limit and _cap(doc[run]) or (run < limit and doc[run].text == "-"):
                run += 1
            country = country_name(doc[k:run].text) if run > k else None
            if country:
                return None, government_of(country), run
        k = j + 1 + (j + 1 < limit and doc[j + 1].lower_ == "the")
        if j < limit and doc[j].lower_ == "at" and self.workplace_at(k, limit):
            run = self._cap_run(k, limit)  # "Head of Beneficial Deployments at Anthropic"
            return None, doc[k:run].text, run
        if j < limit and doc[j].lower_ in {"of", "at"} and self._named_workplace(j, k, limit):
            run = self._cap_run(k, limit)
            return None, doc[k:run].text, run
        return None, None, j

    def _cap_run(self, k: int, limit: int) -> int:
        """End of a name: capitalized words, glued hyphens, and name connectors between them
        ("Colegio de Profesores", "Idara-e-Taleem", "Institute of Education")."""
        doc = self.doc
        run = k
        while run < limit and run not in self.in_org:
            tok = doc[run]
            glued = tok.text == "-" or (run > k and doc[run - 1].text == "-" and not doc[run - 1].whitespace_)
            inner = tok.lower_ in NAME_CONNECTORS and tok.is_lower and run > k and run + 1 < limit \
                and _cap(doc[run + 1])
            if not (_cap(tok) or glued or inner):
                break
            run += 1
        while run > k and (doc[run - 1].text == "-" or doc[run - 1].is_lower):
            run -= 1
        return run

    def workplace_at(self, k: int, limit: int) -> bool:
        """Is "at <Capitalized Name>" right after a title a workplace no recognizer knew?

        "at" after a post names where it is held, whatever the title's case; a place, a country,
        a person, a date or a name running on into lower-case words is not taken (an empty
        affiliation beats a wrong one).
        """
        doc = self.doc
        if k >= limit or k in self.in_org or not _cap(doc[k]):
            return False
        run = self._cap_run(k, limit)
        if run == k or run - k > 6 or any(doc[x].is_stop and doc[x].is_lower for x in range(k, run)):
            return False
        if run < limit and doc[run].is_alpha and doc[run].is_lower and doc[run].lower_ not in {"and", "in", "on"}:
            return False  # "at Google headquarters": the name is only part of a phrase
        text = doc[k:run].text
        return not country_name(text) and not is_place(text) \
            and doc[k].ent_type_ not in {"PERSON", "DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"}

    def _signed_body(self, k: int, limit: int) -> bool:
        """Is the name after "TITLE," a body no recognizer knew, closing a signature line?

        "Aurelio M. Fernandez III, president and CEO, Memorial Healthcare System" signs a letter
        or a quote the way "of <body>" would: the name runs to the end of the line, the sentence
        or the phrase read (``limit``). Only a workplace-shaped name (``workplace_at``: no place,
        person or date), never one that a list goes on from, and never a rank, an honorific or a
        title word that opens the next name.
        """
        doc = self.doc
        if not self.workplace_at(k, limit):
            return False
        ranks = self.lex.military_ranks
        if fold(doc[k].text) in self.lex.honorifics or fold(doc[k].text) in ranks or is_titleish(doc[k], self.lex) \
                or k + 1 < limit and fold(doc[k + 1].text) in ranks:
            return False  # "officer, Wing Commander A", "commander in Iraq, Gen. A": the next name's rank
        run = self._cap_run(k, limit)
        return run == limit or doc[run].text in {".", ";"} or "\n" in doc[run - 1].whitespace_ or doc[run].is_space

    def _named_workplace(self, prep: int, k: int, limit: int) -> bool:
        """Is "of/at <Capitalized Name>" after a lower-case title head a workplace no recognizer knew?

        A lower-case post ("principal", "rector", "teacher") is written with its workplace after
        it; a capitalized post's complement is its field ("Director of Research"). A country or
        a place is the post's scope, not its workplace.
        """
        doc = self.doc
        if prep == 0 or doc[prep].lower_ not in {"of", "at"} or not doc[prep - 1].is_lower \
                or not is_head(doc[prep - 1], self.lex) or k >= limit or k in self.in_org:
            return False
        run = self._cap_run(k, limit)
        if run == k or any(doc[x].is_stop for x in range(k, run)):
            return False
        text = doc[k:run].text
        return not country_name(text) and not is_place(text) and doc[k].ent_type_ != "PERSON"

    def org_before(self, i: int) -> OrgEntity | None:
        """"UNESCO Director-General", "UNESCO's Director": an organization ending at ``i``."""
        doc = self.doc
        if i in self.org_end:
            return self.org_end[i][1]
        if i - 1 >= 0 and doc[i - 1].text in {"'s", "\u2019s"} and i - 1 in self.org_end:
            return self.org_end[i - 1][1]
        if i - 1 >= 0 and doc[i - 1].text in {"'", "\u2019"} and i - 1 in self.org_end:
            return self.org_end[i - 1][1]  # "The Welsh Conservatives' education spokesperson"
        if i - 3 >= 0 and doc[i - 1].text == ")" and doc[i - 3].text == "(" and i - 3 in self.org_end:
            return self.org_end[i - 3][1]  # "National Union of Teachers (NUT) secretary-general A"
        if i - 1 >= 0 and doc[i - 1].lower_ == "its":
            return self.its_org(i - 1)
        if i - 3 >= 0 and doc[i - 1].text in {"'s", "\u2019s"}:
            ref = self.backref(i - 3)  # "The Board's Director General"
            if ref is not None and ref[0] == i - 1:
                return ref[1]
        return None


def org_named(text: str, orgs: list[OrgEntity]) -> OrgEntity | None:
    """The article's organization whose name or an alias is ``text`` ("the EIS union" -> EIS)."""
    key = re.sub(r"^the\s+", "", fold(text))
    kinds = get_lexicon().body_kind_words
    for org in orgs:
        forms = {fold(f) for f in (org.name, *org.aliases)}
        if key in forms or any(key.startswith(f + " ") and key[len(f) + 1:] in kinds for f in forms):
            return org
    return None



def split_title(title: str, orgs: list[OrgEntity], lex: Lexicon) -> tuple[str, OrgEntity | None, str | None]:
    """The post alone, and the organization or country a title phrase names around it.

    Titles are written as posts without their organization ("CEO", not "CEO of ALX"), so
    what names the body comes out of the title into the affiliation:
    - a leading country ("Liberia President", "U.S. Secretary of Education": the
      government, for a state office) or a leading organization of the article
      ("FabricAID CEO", "Greenfield Union School District Superintendent" when it ends in an
      organization head word);
    - "of/at <body>" after a post that is always held in a body (``body_post`` in
      titles.jsonl: CEO, founder, chairman, mayor ...): "Founder and CEO of ALX";
      a place there ("Mayor of Tamale") is dropped, not made an organization;
    - "for <body>" after a post that names its employer so ("reporter for NBC News"), or before
      one of the article's organizations;
    - " in <Country>" after a state office ("Minister of ICT in Rwanda").
    Returns (title, organization of the article or None, organization name or None).
    """
    words = title.split()
    org: OrgEntity | None = None
    name: str | None = None
    # a leading country or organization
    for k in range(min(len(words) - 1, 6), 0, -1):
        lead, rest = " ".join(words[:k]), " ".join(words[k:])
        if not is_titleish_text(words[k], lex) and not state_office_text(rest, lex):
            continue  # ("New Zealand Prime Minister": "Prime" alone is no title word)
        country = country_name(lead) or lex.country_short.get(lead)
        if country:
            if any(re.match(rf"^(?:deputy |vice )?{re.escape(p)}(?:$|[\s,-])", fold(rest))
                   for p in lex.state_offices):
                name = government_of(country)
            words = words[k:]
            break
        if state_office_text(f"{words[k - 1]} {rest}", lex) or (state_office_text(rest, lex) and all(
                fold(w) in lex.portfolios or w.lower() in {"and", "&"} for w in words[:k])):
            continue  # "Education Cabinet Secretary", "Education Minister": the office's words, not a body
        named = org_named(lead, orgs)
        generic = lex.org_heads | lex.body_heads | lex.title_modifiers | lex.generic_unit_words | lex.scope_words
        if named is not None or (k >= 2 and fold(words[k - 1]) in lex.org_heads | lex.body_heads
                                 and all(w[:1].isupper() for w in words[:k])
                                 and any(fold(w) not in generic for w in words[:k])):  # not "State School"
            org, name = named, None if named is not None else lead
            words = words[k:]
            break
    title = " ".join(words)
    # "of/at <body>" after a post held in a body
    m = re.match(r"^(.+?) (?:of|at) (?:the )?(.+)$", title)
    if m and m.group(2)[:1].isupper() and org is None and name is None \
            and any(re.search(rf"(?:^|\s){re.escape(p)}$", fold(m.group(1))) for p in lex.body_posts):
        rest = m.group(2)
        if " " not in rest and rest.endswith("s") and fold(rest[:-1]) in lex.title_heads:
            return title, None, None  # "Chair of Governors", "Chair of Trustees": a board by its members
        country = country_name(rest)
        if country and state_office_text(m.group(1), lex):
            return m.group(1), None, government_of(country)
        if is_place(rest) or country:
            return m.group(1), None, None
        named = org_named(rest, orgs)
        if named is None and not all(w[:1].isupper() or w in {"of", "for", "and", "&"} for w in rest.split()):
            return m.group(1), None, None  # "of the EIS union": no name to give the body
        return m.group(1), named, None if named is not None else rest
    m = re.match(r"^(.+?) for (?:the )?([A-Z].+)$", title)
    if m and org is None and name is None and _employer(m.group(1), m.group(2), orgs, lex):
        named = org_named(m.group(2), orgs)
        return m.group(1), named, None if named is not None else m.group(2)
    m = re.match(r"^(.+) in (?:the )?([A-Z].+)$", title)
    if m and country_name(m.group(2)) and state_office_text(m.group(1), lex):
        title = m.group(1)
        if org is None and name is None:
            name = government_of(country_name(m.group(2)) or "")
    return title, org, name


def _employer(post: str, rest: str, orgs: list[OrgEntity], lex: Lexicon) -> bool:
    """Does "<post> for <rest>" name the post's employer? "reporter for NBC News", "spokesperson for
    Instagram" (an ``employee_posts`` post and a name), or any post for one of the article's
    organizations; not a field ("Minister for Education", "Leader for Education"), a place, or an
    office ("Spokesperson for the President")."""
    if not all(w[:1].isupper() or w in {"of", "and", "&", "the"} for w in rest.split()) \
            or fold(rest) in lex.portfolios or is_place(rest) or country_name(rest) \
            or is_titleish_text(rest.split()[-1], lex):  # "Spokesperson for the President": a person's aide
        return False
    return org_named(rest, orgs) is not None or any(
        re.search(rf"(?:^|\s){re.escape(p)}$", fold(post)) for p in lex.employee_posts)


def country_named(text: str) -> bool:
    """Is ``text`` a country's name, also one the country table writes otherwise ("Britain")?"""
    from pipeline.extract.knowledge.gazetteer import get_gazetteer  # the places extractor loads it anyway

    return bool(country_name(text)) or any(p.kind == "country" for p in get_gazetteer().lookup(text))


def country_prefix_end(doc: Doc, k: int, limit: int) -> int | None:
    """End (before ``limit``) of the country name that opens the capitalized run at ``k``, the
    longest one ("Britain" of "ambassador to Britain Liu Xiaoming"); None when the run opens with
    none. The title parser ends an envoy's post there, the people extractor starts the name there."""
    for end in range(min(limit, k + 4), k, -1):
        if all(_cap(t) or t.lower_ in {"of", "and"} for t in doc[k:end]) and country_named(doc[k:end].text):
            return end
    return None


def is_titleish_text(word: str, lex: Lexicon) -> bool:
    """``is_titleish`` for a word given as a string."""
    parts = [p for p in fold(word).split("-") if p]
    return bool(parts) and all(p in lex.title_modifiers or p in lex.title_heads for p in parts)


def state_office_text(title: str, lex: Lexicon) -> bool:
    """Is ``title`` a national-government office ("Minister of X", "Deputy President")?"""
    key = fold(title)
    return any(re.match(rf"^(?:deputy |vice |acting )?{re.escape(p)}(?:$|[\s,-])", key) for p in lex.state_offices)
