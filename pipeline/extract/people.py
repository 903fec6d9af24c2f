"""People: one row per person per article, with honorific, job title and organization.

Reads: tokens (text, case, ``is_stop``, ``like_num``), sentence boundaries, spaCy's PERSON
entities and ``ctx.orgs`` (mention spans from the organizations extractor, which runs
first). Writes ``ctx.person_spans`` (char spans of every name mention) so that the
places extractor does not read places out of names.

Why not spaCy PERSON entities as they come: on education news they swallow
honorifics and titles ("Ms Lina Benete", "Dr Yeates"), miss names after stacked
courtesy prefixes, and take job titles for people ("Counsellor"). So:
1. names after honorifics (``models/honorifics.json``: Mr, Dr, Prof., H.E., His
   Excellency, Senator the Honourable ...) are found by rule; a rank-like word right
   after an honorific is a given name ("His Excellency Baron Waqa");
2. spaCy PERSON entities are trimmed of honorifics, titles and trailing punctuation and
   kept when they still look like a name and are not inside an organization;
   names spaCy misses are taken when their context marks a person: a title right after
   or before ("A B, Director of X", "Superintendent A B") or a credit ("Reporting by A B",
   "Photo: Agency/A B", "A B contributed to this report");
3. mentions are merged: a short form ("Miao", "Dr Yeates") joins the full name that
   contains it; the row's name is the fullest form;
4. the title and organization come from the patterns around any mention, tried in
   order (``pipeline.extract.titles``): "TITLE of ORG, NAME", "ORG TITLE NAME",
   "NAME, [the] TITLE of/at/from ORG", "NAME (TITLE, ORG)", "NAME, who is TITLE of ORG",
   "NAME as TITLE of ORG", "NAME, from ORG", and lists "A and B, both of ORG";
   the authors the clean stage found are taken from the article's ``byline`` block;
5. what the phrase does not state comes from the article (``people_context``): "ORG team
   is headed by NAME", "at that University" (the latest university), a discipline unit's
   parent, and for a President/Minister with no named body the government of the
   country the article names most.

Known limits: pronouns are not resolved; a name spaCy misses with no title or credit cue is
missed; a leading place or acronym that
the gazetteer does not know stays in the title ("Ontario Education Minister").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.lexicon import Lexicon, fold, get_lexicon, is_place
from pipeline.extract.people_context import (
    article_country,
    deputies,
    government_nearby,
    led_by,
    parent_of_unit,
    portfolio_body,
    state_office,
    strip_courtesy,
    university_of_article,
)
from pipeline.extract.title_parse import DepTitles
from pipeline.extract.titles import TitleParse, TitleParser, is_head, is_titleish
from pipeline.ids import entity_id
from pipeline.records import PersonRow

PARTICLES = {"wa", "de", "da", "das", "do", "dos", "van", "von", "der", "den", "bin", "binti",
             "al", "el", "du", "la", "le", "di", "ibn", "ben", "y", "mu"}
NAME_RE = re.compile(r"^[A-Z][a-z\u00C0-\u024F'\u2019]+$|^[A-Z]\.?$|^[A-Z][a-z]*[A-Z][a-z]+$")
BOUNDARY = {",", ";", ":", "(", ")", "\u2013", "\u2014", "-", ".", "by", "and", "with",
            "between", "of"}


@dataclass
class Mention:
    start: int  # name tokens [start, end)
    end: int
    words: tuple[str, ...]
    honorifics: list[str] = field(default_factory=list)
    hon_start: int = -1  # first token of the honorific(s), or start

    @property
    def outer_start(self) -> int:
        return self.hon_start if self.hon_start >= 0 else self.start


@dataclass
class Person:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name_words(self) -> tuple[str, ...]:
        return max((m.words for m in self.mentions), key=len)


def _name_word(tok: Token) -> bool:
    return _name_text(tok.text)


def _name_text(text: str) -> bool:
    """Name-shaped: capitalized letters only (an email or handle never matches NAME_RE)."""
    return bool(NAME_RE.match(text))


def _honorifics_at(doc: Doc, i: int, lex: Lexicon) -> tuple[int, list[str]]:
    """Stacked honorifics starting at ``i``: (token after them, normalized forms)."""
    found: list[str] = []
    j = i
    n = len(doc)
    while j < n:
        matched = False
        for width in (3, 2, 1):
            if j + width > n:
                continue
            words = [t.text for t in doc[j:j + width] if t.text != "."]
            key = fold(" ".join(words))
            if key in lex.honorifics and not (width == 1 and doc[j].text == "He"):
                found.append(lex.honorifics[key])
                j += width
                if j < n and doc[j].text == ".":
                    j += 1
                matched = True
                break
        if not matched:
            if found and doc[j].lower_ == "the" and j + 1 < n and fold(doc[j + 1].text) in \
                    lex.honorifics:
                j += 1
                continue
            break
    return j, found


def _name_run(doc: Doc, i: int, lex: Lexicon, after_honorific: bool, in_org: set[int]) -> int:
    """End of a personal name starting at ``i`` (at most 6 words)."""
    j = i
    n = len(doc)
    while j < n and j - i < 8:
        tok = doc[j]
        if j in in_org:
            break
        if _name_word(tok) and not tok.is_stop:
            titled = is_head(tok, lex) or (fold(tok.text) in lex.title_modifiers and j == i)
            rank_name = after_honorific and j == i and fold(tok.text) in lex.name_like_ranks
            if titled and not rank_name:
                break
            j += 1
        elif tok.text == "-" and j > i and not tok.whitespace_ and not doc[j - 1].whitespace_ \
                and j + 1 < n and _name_word(doc[j + 1]):
            j += 2
        elif tok.lower_ in PARTICLES and tok.text.islower() and j > i and j + 1 < n \
                and _name_word(doc[j + 1]) and not doc[j + 1].is_stop:
            j += 1
        else:
            break
    return j


def _words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    text = doc[start:end].text.replace(" - ", "-")
    return tuple(text.split())


def _title_rank(ctx: Context, i: int, lex: Lexicon) -> bool:
    """Is the rank word at ``i`` the end of a title ("Secretary General", "Director General")?

    Military ranks are read as honorifics; right after a title head they are a post's
    second word, and the title (not a rank) belongs to the name after them.
    """
    folded, words = ctx.folded, ctx.words
    return i > 0 and folded[i] in lex.military_ranks and folded[i - 1] in lex.title_heads \
        and words[i - 1][:1].isupper() == words[i][:1].isupper()


def _may_start_honorific(ctx: Context, i: int, lex: Lexicon) -> bool:
    """Can a capitalized honorific start at ``i``? A cheap test on strings, run on every token
    so that ``_honorifics_at`` (Token objects, several window widths) runs on few."""
    return ctx.words[i][:1].isupper() and ctx.folded[i].split(" ", 1)[0].rstrip(".") in lex.honorific_firsts


def _find_mentions(ctx: Context, lex: Lexicon, in_org: set[int]) -> list[Mention]:
    doc = ctx.doc
    mentions: list[Mention] = []
    taken: set[int] = set()
    i = 0
    n = len(doc)
    while i < n:
        if _title_rank(ctx, i, lex):
            i += 1  # "Secretary General Amina Tazi": the rank word closes the title
            continue
        if not _may_start_honorific(ctx, i, lex):
            i += 1
            continue
        end, hons = _honorifics_at(doc, i, lex)
        if hons and end < n:
            name_end = _name_run(doc, end, lex, True, in_org)
            if name_end > end:
                mentions.append(Mention(end, name_end, _words(doc, end, name_end), hons, i))
                taken.update(range(i, name_end))
                i = name_end
                continue
        i += 1
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(t.i in taken for t in ent):
            continue
        start = ent.start
        while start < ent.end and (doc[start].lower_ in {"the", "a"} or is_titleish(doc[start], lex)
                                   or fold(doc[start].text) in lex.honorifics or start in in_org
                                   or not _name_word(doc[start])):
            start += 1
        if ent.end - start >= 3 and _closes_portfolio(doc, start, lex):
            start += 1  # "Minister of Education and Training Tran Minh Duc"
        end = _name_run(doc, start, lex, False, in_org) if start < ent.end else start
        end = min(end, max(ent.end, start + 1)) if end > start else end
        if end <= start:
            continue
        words = _words(doc, start, end)
        text = " ".join(words)
        if is_place(text) or fold(text) in lex.concepts or any(t.i in in_org for t in doc[start:end]):
            continue
        if any(_org_word(w, lex) for w in words):
            continue  # "Laucala Campus", "Vocational Schools": places and bodies, not people
        if end < n and doc[end].is_lower and fold(doc[end].text) in lex.disqualifiers:
            continue  # "the Samagra Shiksha scheme", "the Powering Learning report": names of things
        if fold(words[0]) in lex.name_prefixes or start > 0 and fold(doc[start - 1].text) in lex.name_prefixes:
            continue  # "Storm Babet", "Cyclone Yaku", "Typhoon Odette": named hazards
        if len(words) > 1 and start > 0 and _name_word(doc[start - 1]) and is_place(doc[start - 1:end].text):
            continue  # "(São) Gabriel da Cachoeira": the end of a place name
        if len(words) == 1 and (is_titleish(doc[start], lex) or fold(text) in lex.event_roles):
            continue  # "Guest" of "Chief Guest"
        mentions.append(Mention(start, end, words))
        taken.update(range(start, end))
    mentions.extend(_cued_names(ctx, lex, in_org, taken))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _closes_portfolio(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Is the capitalized word at ``i`` the last field of a title's portfolio, not a given name?

    "Deputy Minister of Education and Training Tran Minh Duc": spaCy tags "Training Tran
    Minh Duc" as a person. A portfolio word (``portfolios`` in org_lexicon.json) right after
    "and"/"&" that follows a title head's "of/for" complement belongs to the title.
    """
    if i < 2 or fold(doc[i].text) not in lex.portfolios or doc[i - 1].lower_ not in {"and", "&"}:
        return False
    for k in range(i - 2, max(-1, i - 7), -1):
        if doc[k].lower_ in {"of", "for"} and k > 0 and is_head(doc[k - 1], lex):
            return True
        if not doc[k].text[:1].isupper() and doc[k].text != ",":
            return False
    return False


CREDIT_WORDS = {"reporting", "editing", "writing", "photo", "photos", "photograph", "image", "picture",
                "pictures", "compiled", "edited", "written", "video", "illustration", "graphics"}


def _cued_names(ctx: Context, lex: Lexicon, in_org: set[int], taken: set[int]) -> list[Mention]:
    """Names spaCy missed that their context marks as people.

    Cues: a job title right after ("Nusrat Jahan, Director of X"; a sign-off "Signed: A B
    Director") or right before ("Superintendent Karen Doyle"), and credits ("Reporting by
    X; Editing by Y", "Photo: Agency/X", "X contributed to this report"). The name must be
    2-4 name-shaped words that are not a place, an organization or a title.
    """
    doc, texts = ctx.doc, ctx.words
    found: list[Mention] = []
    n = len(doc)
    i = 0
    while i < n:
        if i in taken or i in in_org or not _name_text(texts[i]) or texts[i].isupper():
            i += 1  # the cheap string tests of the full test below, before any Token is built
            continue
        tok = doc[i]
        if i in taken or i in in_org or not _name_word(tok) or tok.is_stop or tok.text.isupper() \
                or is_titleish(tok, lex) or fold(tok.text) in lex.honorifics \
                or (i > 0 and _name_word(doc[i - 1]) and not doc[i - 1].is_stop and i - 1 not in taken
                    and not is_titleish(doc[i - 1], lex)):
            i += 1
            continue
        end = _name_run(doc, i, lex, False, in_org)
        words = _words(doc, i, end)
        if not 2 <= len(words) <= 4 or any(k in taken for k in range(i, end)) \
                or any(_org_word(w, lex) or fold(w) in lex.concepts for w in words) \
                or is_place(" ".join(words)) or fold(words[0]) in lex.name_prefixes \
                or any(w.isupper() for w in words):
            i = max(end, i + 1)
            continue
        if _cue_before(doc, i, lex) or _cue_after(doc, end, lex):
            found.append(Mention(i, end, words))
            taken.update(range(i, end))
        i = max(end, i + 1)
    return found


def _cue_before(doc: Doc, i: int, lex: Lexicon) -> bool:
    if i == 0:
        return False
    prev = doc[i - 1]
    if is_head(prev, lex) and not (i - 2 >= 0 and doc[i - 2].lower_ in {"the", "a", "an"}):
        return True  # "Superintendent Karen Doyle" (not "the Director Karen ...": a list)
    if prev.lower_ == "by" and i >= 2 and doc[i - 2].lower_ in CREDIT_WORDS:
        return True
    if prev.text == "/" and any(t.lower_ in CREDIT_WORDS for t in doc[max(0, i - 8):i - 1]):
        return True  # "Photo: Ministry of Information/Litia Waqa"
    return prev.text == ":" and i >= 2 and doc[i - 2].lower_ in CREDIT_WORDS | {"signed", "by"}


def _cue_after(doc: Doc, end: int, lex: Lexicon) -> bool:
    n = len(doc)
    if end < n and doc[end].lower_ == "contributed":
        return True
    k = end + (end < n and doc[end].text == ",")
    while k < n and doc[k].lower_ in {"the", "a", "an"}:
        k += 1
    return k < n and k > end and is_head(doc[k], lex) and doc[k].text[:1].isupper()


def _org_word(word: str, lex: Lexicon) -> bool:
    w = fold(word)
    return any(x in lex.org_heads or x in lex.disqualifiers for x in (w, w.rstrip("s")))


def _group(mentions: list[Mention]) -> list[Person]:
    """Merge short forms into the fullest name that contains them."""
    persons: list[Person] = []
    for m in sorted(mentions, key=lambda m: (-len(m.words), m.start)):
        words = [fold(w) for w in m.words]
        home = None
        for p in persons:
            full = [fold(w) for w in p.name_words]
            if words == full or _contained(words, full):
                home = p
                break
        if home is None:
            persons.append(Person([m]))
        else:
            home.mentions.append(m)
    for p in persons:
        p.mentions.sort(key=lambda m: m.start)
    persons.sort(key=lambda p: p.mentions[0].start)
    return persons


def _contained(words: list[str], full: list[str]) -> bool:
    """"Miao" in "Fengchun Miao"; "Silvia Dos Reis Lopes" in "Maria Silvia Dos Reis Lopes"."""
    if len(words) >= len(full):
        return False
    n = len(words)
    return any(full[k:k + n] == words for k in range(len(full) - n + 1))


def _honorific(person: Person, lex: Lexicon) -> str | None:
    for m in person.mentions:
        if m.honorifics:
            stack = m.honorifics
            courtesy = [h for h in stack if h not in lex.title_like_honorifics]
            return courtesy[0] if courtesy and len(stack) > 1 else stack[0]
    return None


class _Affiliations:
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


def _ministry_for(title: str, orgs: list[OrgEntity]) -> OrgEntity | None:
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


def _byline_mentions(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """The article's authors, where its ``byline`` block names them ("By A and B").

    The clean stage keeps the byline in the text as its own block and lists the people it
    names in ``Article.authors`` (agencies are in ``source_agency``); guidelines count them.
    A byline name replaces whatever partial mention spaCy made of it.
    """
    doc = ctx.doc
    blocks = [b for b in ctx.article.blocks if b.kind == "byline"]
    if not blocks or not ctx.article.authors:
        return mentions
    added: list[Mention] = []
    for block in blocks:
        for author in ctx.article.authors:
            at = block.text.find(author)
            if at < 0:
                continue
            span = doc.char_span(block.start + at, block.start + at + len(author), alignment_mode="expand")
            if span is None or any(m.start == span.start and m.end == span.end for m in added):
                continue
            added.append(Mention(span.start, span.end, _words(doc, span.start, span.end)))
    if not added:
        return mentions
    kept = [m for m in mentions if not any(m.outer_start < a.end and a.start < m.end for a in added)]
    return sorted([*kept, *added], key=lambda m: m.start)


def extract(ctx: Context) -> list[PersonRow]:
    """Find the article's people with honorific, title and organization; set person_spans."""
    doc = ctx.doc
    lex = get_lexicon()
    parser = TitleParser(doc, lex, ctx.orgs)
    mentions = _byline_mentions(ctx, _find_mentions(ctx, lex, parser.in_org))
    persons = _group(mentions)
    aff = _Affiliations(doc, parser, lex, mentions)
    dep = DepTitles(doc, parser, lex)
    rows: list[PersonRow] = []
    spans: list[tuple[int, int]] = []
    for person in persons:
        honorific = _honorific(person, lex)
        if len(person.name_words) == 1 and honorific is None and not any(
                aff.left(m) or aff.right(m) for m in person.mentions):
            continue  # a lone word with no honorific or title is too weak to be a person
        title, org, org_name = None, None, None
        for m in person.mentions:
            for parse in (aff.left(m), aff.right(m)):
                if parse is None:
                    continue
                if parse.title and title is None:
                    title = parse.title
                    if org is None and org_name is None:
                        org, org_name = parse.org, parse.org_name
                elif org is None and org_name is None and (parse.org or parse.org_name):
                    org, org_name = parse.org, parse.org_name
            if title and (org or org_name):
                break
        if not title or (org is None and org_name is None):
            # the parse, where no pattern gave a title or where the parse reads the same title
            # and also finds its organization; it never overrides what a pattern found
            for m in person.mentions:
                found = dep.find(m.start, m.end, m.outer_start)
                if found is None or (title and fold(found.title) != fold(title)):
                    continue
                title = found.title
                if org is None and org_name is None:
                    org = found.org
                break
        if org is None and org_name is None:
            for m in person.mentions:
                org = aff.both_of(m) or led_by(doc, m.outer_start, parser)
                if org is not None:
                    break
        if title:
            title = strip_courtesy(title, lex)
        if org is not None:
            org = parent_of_unit(org, ctx.orgs, lex)  # "Department of English, University of X"
        if title and (org is None or org_name is not None or fold(org.name).startswith("government")):
            ministry = _ministry_for(title, ctx.orgs) or portfolio_body(title, ctx.orgs)
            if ministry is not None:  # a named ministry beats the government
                org, org_name = ministry, None
        if title and org is not None and org_name is None:
            better = _ministry_for(title, [org])
            org = better or org
        if title and org is None and org_name is None:
            org = university_of_article(title, ctx.orgs)
        if title and org is None and org_name is None and state_office(title, lex):
            org = government_nearby(ctx, person.mentions[0].start)
        if title and org is None and org_name is None and state_office(title, lex):
            country = article_country(doc)  # "President X" in a story about one country
            org_name = f"Government of {country}" if country else None
        org_text = org.name if org is not None else org_name
        first = person.mentions[0]
        s = doc[first.start].idx
        e = doc[first.end - 1].idx + len(doc[first.end - 1].text)
        name = " ".join(person.name_words)
        rows.append(PersonRow(
            article_id=ctx.article.article_id,
            person_id=entity_id(name),
            name=name,
            honorific=honorific,
            title=title or None,
            organization=org_text,
            org_id=entity_id(org_text) if org_text else None,
            mention_count=len(person.mentions),
            sentence=ctx.sentence_text(s),
            start_char=s,
            end_char=e,
        ))
        for m in person.mentions:
            spans.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)))
    rows = deputies(rows)
    ctx.person_spans = sorted(spans)
    rows.sort(key=lambda r: r.start_char)
    return rows
