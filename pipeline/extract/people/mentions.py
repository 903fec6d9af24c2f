"""People mentions: where a personal name starts and ends in the Doc.

Part of the people extractor (``pipeline.extract.people``): names after honorifics
(read by rule, stacked courtesy prefixes included), spaCy's PERSON entities trimmed of
honorifics and titles, names spaCy missed that a title or a credit marks as people, and
the authors of the article's byline block. Every test on every token first looks at
plain strings (``Context.words``/``folded``): building a spaCy Token costs more than
the test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from pipeline.extract.base import Context
from pipeline.extract.knowledge.gazetteer import get_gazetteer
from pipeline.extract.knowledge.lexicon import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Lexicon,
    calendar_word,
    fold,
    get_lexicon,
    glued_initials,
    is_place,
    role_apposition,
)
from pipeline.extract.people.titles import country_prefix_end, is_head, is_titleish, name_starts

_UP = "A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u024F\u1E00-\u1EFF"  # capitals: Ångström, Émile, Łukasz
_LOW = "a-z\u00DF-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F\u02BB\u02BC"  # Nguyễn, Adébáyọ̀, Kaʻiulani
NAME_RE = re.compile(rf"^[{_UP}][{_LOW}'\u2019]+$|^[A-Z]\.?$|^[A-Z][a-z]*[A-Z][a-z]+$"
                     rf"|^[A-Z]['\u2019][A-Z][{_LOW}]+$"  # O'Brien, D'Souza
                     r"|^(?:[A-Z]\.){2,3}$")  # glued initials: "A.B. Chukwu"


@dataclass
class Mention:
    start: int  # name tokens [start, end)
    end: int
    words: tuple[str, ...]
    honorifics: list[str] = field(default_factory=list)
    hon_start: int = -1  # first token of the honorific(s), or start
    listed: bool = False  # a one-word name read from a list of names (``_listed_given_names``)

    @property
    def outer_start(self) -> int:
        return self.hon_start if self.hon_start >= 0 else self.start


def _name_word(tok: Token) -> bool:
    return _name_text(tok.text)


def _name_text(text: str) -> bool:
    """Name-shaped: capitalized letters only (an email or handle never matches NAME_RE), or a
    given name written short ("Md.", "Mohd": ``given_name_abbreviations``)."""
    return bool(NAME_RE.match(text)) or (len(text) <= 5 and text[:1].isupper()
                                         and text.rstrip(".") in get_lexicon().given_name_abbreviations)


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
            words: list[str] = []
            for t in doc[j:j + width]:
                if t.text == ".":
                    continue
                if words and t.text in {"'", "\u2019"} and not doc[t.i - 1].whitespace_:
                    words[-1] += "'"  # "Dato' Sri": the apostrophe is the honorific's own
                else:
                    words.append(t.text)
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
            if found and doc[j].text == "(":  # "Dr. (Mrs.) Ngozi Eze", "Prof. (Mrs)": a second one in brackets
                close = next((k for k in range(j + 1, min(n, j + 5)) if doc[k].text == ")"), None)
                key = fold(" ".join(t.text for t in doc[j + 1:close] if t.text != ".")) if close else ""
                if key in lex.honorifics:
                    found.append(lex.honorifics[key])
                    j = close + 1
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
        if tok.text in lex.given_name_abbreviations and j + 2 < n and doc[j + 1].text == "." \
                and not tok.whitespace_ and _name_word(doc[j + 2]):
            j += 2  # "Mohd . Hanif": the tokenizer split the abbreviation's period off
        elif _name_word(tok) and not tok.is_stop:
            titled = is_head(tok, lex) or (fold(tok.text) in lex.title_modifiers and j == i)
            rank_name = after_honorific and j == i and fold(tok.text) in lex.name_like_ranks
            if titled and not rank_name and not _surname_like_post(doc, i, j, lex):
                break
            j += 1
        elif tok.text == "-" and j > i and not tok.whitespace_ and not doc[j - 1].whitespace_ \
                and j + 1 < n and _name_word(doc[j + 1]):
            j += 2
        elif tok.lower_ in lex.name_particles and tok.text.islower() and j > i and j + 1 < n \
                and _name_word(doc[j + 1]) and not doc[j + 1].is_stop:
            j += 1
        elif tok.lower_ in lex.name_particles and tok.text.islower() and j > i and j + 2 < n \
                and doc[j + 1].lower_ in lex.name_particles and doc[j + 1].text.islower() \
                and _name_word(doc[j + 2]) and not doc[j + 2].is_stop:
            j += 2  # "Juan de la Cruz", "Ursula von der Leyen": two particles before the surname
        elif tok.lower_ in lex.name_particles and tok.text.islower() and j > i and j + 2 < n \
                and doc[j + 1].text == "-" and not tok.whitespace_ and not doc[j + 1].whitespace_ \
                and _name_word(doc[j + 2]):
            j += 3  # "Noura al-Kaabi", "Abdel Fattah el-Sisi": a particle joined to the surname
        else:
            break
    return j


def _surname_like_post(doc: Doc, i: int, j: int, lex: Lexicon) -> bool:
    """"Gov. Jim Justice said", "Howard Dean": a post's word right after a lone given name, closing the
    name (no capitalized word or "of"/"for" after it), is the surname."""
    if j != i + 1 or fold(doc[i].text) not in lex.given_names or j + 1 >= len(doc):
        return False
    nxt = doc[j + 1]
    return not nxt.text[:1].isupper() and nxt.lower_ not in {"of", "for", "at", "and", "&", "-"} \
        and not nxt.is_space


def _with_generation(doc: Doc, end: int, lex: Lexicon) -> int:
    """A name's end with the generation written after it ("King Jr.", "Kennedy III", "Abdullah II").

    spaCy's PERSON entity often stops before the suffix, and "Jr." or "III" is no name word;
    the guidelines keep the fullest form, suffix included.
    """
    if end < len(doc) and doc[end].text in lex.generational_suffixes and doc[end - 1].whitespace_ \
            and (end + 1 == len(doc) or not _name_word(doc[end + 1])):
        return end + 1
    return end


def _words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    text = doc[start:end].text.replace(" - ", "-")
    return tuple(text.split())


def _title_rank(ctx: Context, i: int, lex: Lexicon) -> bool:
    """Is the rank word at ``i`` the end of a title ("Secretary General", "Director General")?

    Military ranks are read as honorifics; right after a title head they are a post's
    second word, and the title (not a rank) belongs to the name after them.
    An academic honorific after a title modifier is a post too ("Assistant Professor A",
    "Visiting Professor B"): the guidelines' honorifics are courtesy forms, these are titles.
    """
    folded, words = ctx.folded, ctx.words
    if i == 0 or words[i - 1][:1].isupper() != words[i][:1].isupper():
        return False
    return (folded[i] in lex.military_ranks and folded[i - 1] in lex.title_heads) \
        or (folded[i] in lex.honorifics and folded[i] in lex.title_heads and folded[i - 1] in lex.title_modifiers
            and folded[i - 1] not in lex.honorific_firsts)


def _may_start_honorific(ctx: Context, i: int, lex: Lexicon) -> bool:
    """Can a capitalized honorific start at ``i``? A cheap test on strings, run on every token
    so that ``_honorifics_at`` (Token objects, several window widths) runs on few."""
    return ctx.words[i][:1].isupper() and ctx.folded[i].split(" ", 1)[0].rstrip(".") in lex.honorific_firsts


def find_mentions(ctx: Context, lex: Lexicon, in_org: set[int]) -> list[Mention]:
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
            if name_end == end + 1 and fold(doc[end].text) in lex.deities:
                i = name_end  # "Lord Krishna": a god, no person
                continue
            if name_end > end:
                name_end = _with_generation(doc, name_end, lex)
                mentions.append(Mention(end, name_end, _words(doc, end, name_end), hons, i))
                taken.update(range(i, name_end))
                i = name_end
                continue
        i += 1
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(t.i in taken for t in ent):
            continue
        start = _lead_end(doc, ent.start, ent.end, lex, in_org)
        if ent.end - start >= 3 and _closes_portfolio(doc, start, lex):
            start += 1  # "Minister of Education and Training Tran Minh Duc"
        if start == ent.start and _given_name_before(doc, start, lex, in_org):
            start -= 1  # "Ramesh Adhikari" where spaCy's entity is "Adhikari"
            start = _after_posted_country(doc, start, ent.end, lex)  # ("Britain" is a given name too)
        initials = start >= ent.start and start < ent.end and _initials_before(ctx, start, lex, in_org)
        if initials:
            start -= 1  # "AKM Fazlul Haque", "SM Kamal Uddin": initials written as one word
        elif start == ent.start and start >= 2 and doc[start - 1].text == "." \
                and doc[start - 2].text in lex.given_name_abbreviations and not doc[start - 2].whitespace_:
            start -= 2  # "Mohd. Hanif" where spaCy's entity is "Hanif"
        end = _name_run(doc, start + initials, lex, False, in_org) if start < ent.end else start
        if end > start + initials:
            run_end, end = end, min(end, max(ent.end, start + 1))
            while end < run_end and end - start >= 2 and end - ent.end < 2 and _name_goes_on(doc[end], lex):
                end += 1  # "Mian Muhammad [Aslam Iqbal]": spaCy ended the name before its last words
            if end + 1 < run_end and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_:
                end += 2  # "Marsha Campbell-Grant": spaCy's entity stops at the hyphen
        if end <= start:
            continue
        end = _with_generation(doc, end, lex)
        words = _words(doc, start, end)
        text = " ".join(words)
        if is_place(text) or fold(text) in lex.concepts or fold(text) in lex.deities \
                or any(t.i in in_org for t in doc[start:end]):
            continue
        if any(_org_word(w, lex) for w in words[1:]) \
                or _org_word(words[0], lex) and not (len(words) > 1 and fold(words[0]) in lex.given_names):
            continue  # "Laucala Campus", "Vocational Schools": places and bodies, not people ("Bill Gates",
            # "Grant Robertson", "Nina Noble": a known given name first is the person's, no bill or grant)
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
    mentions.extend(_capitals_names(ctx, lex, in_org, taken))
    mentions.extend(_initials_names(ctx, lex, in_org, taken))
    mentions.extend(_shared_surnames(doc, ctx.words, mentions, lex, in_org, taken))
    mentions.extend(_listed_given_names(doc, mentions, lex, in_org, taken))
    mentions = _nicknamed(doc, mentions, lex, in_org)
    mentions = [_with_syllable(doc, m, lex, taken) for m in mentions]
    mentions = [u for u in (_unglued(m, lex) for m in mentions) if u is not None]
    mentions.sort(key=lambda m: m.start)
    return _join_adjacent(doc, mentions)


# Two words run together where a page's elements met without a space: "Marla MillingContributor",
# "ByJordan James", "FellowDr Uma Natarajan". Heads before an inner capital that are names' own
# ("McDonald", "DeShawn", "FitzJohn") are ``inner_capital_prefixes`` in models/people_words.json.
_GLUED = re.compile(r"^([A-Z][a-z]+)([A-Z][a-z]+)$")


def _unglued(m: Mention, lex: Lexicon) -> Mention | None:
    """The name out of a word glued to the next or the previous element's word.

    A name word whose tail after an inner capital is an everyday word, a title or an
    honorific and no given name ends the name there ("Marla MillingContributor" -> "Marla
    Milling", "Isabel KeaneJournal New" -> "Isabel Keane"); a first word whose head is such a
    word and whose tail is a given name or an honorific starts it ("ByJordan James" -> "Jordan
    James", "FellowDr Uma Natarajan" -> Dr "Uma Natarajan"). None when nothing is left.
    """
    words = list(m.words)
    prefixes = lex.inner_capital_prefixes
    for k, word in enumerate(words):
        g = _GLUED.match(word)
        if k == 0 or not g or fold(g[1]) in prefixes:
            continue
        tail = fold(g[2])
        if tail in lex.given_names or not (tail in lex.common_words or tail in lex.title_heads
                                           or tail in lex.honorifics):
            continue
        return replace(m, end=m.start + k + 1, words=(*words[:k], g[1]))
    g = _GLUED.match(words[0])
    if g and len(words) == 1 and fold(g[1]) not in prefixes and fold(g[1]) not in lex.given_names \
            and fold(g[2]) in lex.common_words:
        return None  # "HuffPost", "YouTube": a brand's one word
    if g and fold(g[1]) not in prefixes and fold(g[1]) not in lex.given_names and (
            fold(g[1]) in lex.common_words or fold(g[1]) in lex.title_heads or g[1] == "By"):
        tail = fold(g[2])
        if tail in lex.honorifics and len(words) > 1:
            return replace(m, start=m.start + 1, words=tuple(words[1:]),
                           honorifics=[*m.honorifics, lex.honorifics[tail]], hon_start=m.start)
        if tail in lex.given_names and tail not in lex.common_words:
            return replace(m, words=(g[2], *words[1:]))
    return m


def _with_syllable(doc: Doc, m: Mention, lex: Lexicon, taken: set[int]) -> Mention:
    """"Ban Ki-moon", "Moon Jae-in", "Tsai Ing-wen": a given name's second syllable after a hyphen.

    Korean and Chinese names romanized with a hyphen write its second syllable in lower case,
    where spaCy and the name run stop. A mention of two or more words whose last word is a short
    capitalized syllable, followed with no space by "-" and a short lower-case word, takes it
    ("Obama-era", "Thompson-led": ``hyphen_adjective_tails`` make adjectives of names).
    """
    end = m.end
    if len(m.words) < 2 or end + 1 >= len(doc) or end in taken:
        return m
    last, hyphen, tail = doc[end - 1], doc[end], doc[end + 1]
    if not (hyphen.text == "-" and not last.whitespace_ and not hyphen.whitespace_ and last.text[:1].isupper()
            and 2 <= len(last.text) <= 4 and last.is_alpha and tail.is_alpha and tail.is_lower
            and len(tail.text) <= 4 and tail.text not in lex.hyphen_adjective_tails):
        return m
    taken.update({end, end + 1})
    words = (*m.words[:-1], f"{m.words[-1]}-{tail.text}")
    return Mention(m.start, end + 2, words, m.honorifics, m.hon_start)


def _shared_surnames(doc: Doc, words: list[str], mentions: list[Mention], lex: Lexicon, in_org: set[int],
                     taken: set[int]) -> list[Mention]:
    """"Bud and Rebecca Colligan", "George and Joyce Wein": a given name before "and NAME" shares its surname.

    English writes a couple or siblings with the surname once; the first given name alone is the
    person "Bud Colligan". Only a known given name that pages do not write as a word, standing
    alone (no name word before it: "Hillary Clinton and Donald Trump" are two names), not the
    surname of a person named elsewhere ("Clinton and Donald Trump", "Harris and Joe Biden"), not
    the given name of another family's person ("Paola" after "Paola Corrales"), and never written
    alone elsewhere ("at Stanford and Rhonda Simon"). ``words``: the token texts (``Context.words``).
    """
    surnames = {fold(m.words[-1]) for m in mentions if len(m.words) > 1}
    found = []
    for m in mentions:
        i = m.start - 2
        if len(m.words) < 2 or m.hon_start not in {-1, m.start} or i < 0 or doc[m.start - 1].lower_ != "and":
            continue
        given, surname = fold(doc[i].text), fold(m.words[-1])
        if i in taken or i in in_org or not _name_word(doc[i]) or given not in lex.given_names \
                or given in lex.common_words or given in surnames or given == fold(m.words[0]):
            continue
        if i > 0 and (_name_word(doc[i - 1]) or fold(doc[i - 1].text) in lex.honorifics):
            continue  # "Hillary Clinton and Donald Trump"; "Mr and Mrs Smith"
        if any(len(o.words) > 1 and fold(o.words[0]) == given and fold(o.words[-1]) != surname for o in mentions):
            continue  # "by Paola and Yanina Bellini Saibene" after "Paola Corrales": her short form
        if any(k != i and w == doc[i].text and not (k + 1 < len(words) and _name_text(words[k + 1]))
               for k, w in enumerate(words)):
            continue  # "at Stanford and Rhonda Simon": the word stands alone elsewhere, a place or a body
        found.append(Mention(i, i + 1, (doc[i].text, *m.words[-1:])))
        taken.add(i)
    return found


def _nicknamed(doc: Doc, mentions: list[Mention], lex: Lexicon, in_org: set[int]) -> list[Mention]:
    """"Guiling "Gene" A. Mamondiong", "Sriram “Sri” Srikant": a nickname in quotes inside a name.

    spaCy ends the name at the quote (or finds none); a first name (a known given name, or a word
    that opens a mention or spaCy's PERSON), one quoted capitalized word and one to three name words
    after it (initials too) are one person, named as written. Mentions inside the span give way to it.
    """
    n, found = len(doc), []
    starts = {m.start for m in mentions}
    for i in range(n - 4):
        first, q1, nick, q2 = doc[i], doc[i + 1], doc[i + 2], doc[i + 3]
        if not (q1.text in OPEN_QUOTES and q2.text in CLOSE_QUOTES and first.is_alpha and first.is_title
                and (fold(first.text) in lex.given_names or i in starts or first.ent_type_ == "PERSON"
                     or doc[i + 4].ent_type_ == "PERSON") and nick.is_alpha and nick.is_title
                and first.whitespace_ != "" and not q1.whitespace_ and not nick.whitespace_):
            continue
        end = i + 4
        while end < n and end - i - 4 < 3 and (doc[end].is_title and (doc[end].is_alpha or re.fullmatch(
                r"[A-Z]\.", doc[end].text))) and end not in in_org:
            end += 1
        if end == i + 4 or not doc[end - 1].is_alpha or any(k in in_org for k in range(i, end)):
            continue
        words = (first.text, f'"{nick.text}"', *(t.text for t in doc[i + 4:end]))
        found.append(Mention(i, end, words))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start <= m.start < f.end or m.start <= f.start < m.end for f in found)]
    return kept + found


def _join_adjacent(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Two mentions with nothing between them are one name cut in two ("Ali Adolf" + "John").

    Not when the second has its own honorific ("A Dr B" is two people) or the two are in
    different sentences; at most six words in all.
    """
    out: list[Mention] = []
    short = get_lexicon().given_name_abbreviations
    for m in mentions:
        prev = out[-1] if out else None
        # "Mohd" + "." + "Hanif": a given name written short, its period split off by the tokenizer
        dotted = prev is not None and prev.end + 1 == m.start and doc[prev.end].text == "." \
            and prev.words[-1] in short and not doc[prev.end - 1].whitespace_
        if prev is not None and (prev.end == m.start or dotted) and m.hon_start in {-1, m.start} \
                and (dotted or doc[prev.start].sent.start == doc[m.start].sent.start) \
                and len(prev.words) + len(m.words) <= 6:
            words = (*prev.words[:-1], prev.words[-1] + ".", *m.words) if dotted else prev.words + m.words
            out[-1] = Mention(prev.start, m.end, words, prev.honorifics, prev.hon_start)
            continue
        out.append(m)
    return out


def _lead_end(doc: Doc, start: int, end: int, lex: Lexicon, in_org: set[int]) -> int:
    """First name token of an entity, after what spaCy put before the name.

    Articles, honorifics (also several words: "Tan Sri", "Datuk Seri"), titles,
    organization words, group nouns ("Students A, B") and military ranks ("Major General
    A B") are not the name; a rank or group word is left when fewer than two words follow
    it ("General Mills" stays a name's problem, not this step's).
    """
    start = _after_posted_country(doc, start, end, lex)
    while start < end:
        hon_end, hons = _honorifics_at(doc, start, lex)
        if hons and hon_end < end:
            start = hon_end
            continue
        word = fold(doc[start].text)
        lead = (word in lex.military_ranks or word in lex.name_groups) and end - start >= 3
        lead = lead or _word_before_given_name(doc, start, end, lex)
        if not (lead or doc[start].lower_ in {"the", "a"} or is_titleish(doc[start], lex)
                or word in lex.honorifics or start in in_org or not _name_word(doc[start])):
            break
        start += 1
    return start


def _after_posted_country(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """"ambassador to Britain Liu Xiaoming": the country an envoy is posted to is the post's, not the name's."""
    if start < 2 or doc[start - 1].lower_ != "to" or fold(doc[start - 2].text) not in lex.envoy_words:
        return start
    return country_prefix_end(doc, start, end - 1) or start


def _word_before_given_name(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Is the entity's first word an everyday word glued before a given name ("Maybe Donald Trump",
    "Citing John Locke", "Leaders Laura Jane")?

    spaCy's PERSON takes a capitalized word at a sentence or headline start with the name after
    it. A word pages write in lower case (``common_words.txt``) that is no given name, followed
    by a known given name and at least one more name word, is not the name's.
    """
    if end - start < 3:
        return False
    return lex.everyday_word(doc[start].text) and fold(doc[start + 1].text) in lex.given_names \
        and _name_word(doc[start + 1]) and _name_word(doc[start + 2])


def _name_goes_on(tok: Token, lex: Lexicon) -> bool:
    """Can a name spaCy ended go on with this word: a name word that is no everyday, title,
    honorific, place or organization word ("Aslam", not "Library" or "Lahore")?"""
    word = fold(tok.text)
    return tok.text[:1].isupper() and not tok.text.isupper() and word not in lex.common_words \
        and word not in lex.name_blockers and word not in lex.honorifics and not is_titleish(tok, lex) \
        and not _org_word(tok.text, lex) and not is_place(tok.text)


INITIALS = re.compile(r"^[A-Z]{2,3}$")


def _initials_before(ctx: Context, start: int, lex: Lexicon, in_org: set[int]) -> bool:
    """Is the word before a PERSON entity the person's initials written as one word ("AKM")?

    South Asian names often open with initials run together ("AKM Fazlul Haque", "SM Kamal
    Uddin"). Such a word is no acronym the gazetteer knows, no title, no part of an
    organization, and the article never uses it but right before a name.
    """
    if start == 0 or start - 1 in in_org:
        return False
    prev = ctx.words[start - 1]
    if not INITIALS.match(prev) or prev in lex.by_acronym or prev in lex.role_abbreviations \
            or fold(prev) in lex.title_heads or fold(prev) in lex.honorifics \
            or fold(prev) in lex.concepts or is_place(prev):
        return False
    words = ctx.words
    return all(k + 1 < len(words) and _name_text(words[k + 1]) for k, w in enumerate(words) if w == prev)


def _given_name_before(doc: Doc, start: int, lex: Lexicon, in_org: set[int]) -> bool:
    """Is the word before a PERSON entity a given name spaCy left out of it?

    It must be name-shaped, open its sentence or follow a title or a word that is not
    name-shaped, and be no title, honorific, stop word, known place or part of an
    organization (spaCy often tags a foreign given name as a place: "Cecilia" GPE).
    """
    if start == 0:
        return False
    prev = doc[start - 1]
    if not _name_word(prev) or prev.is_stop or start - 1 in in_org \
            or prev.ent_type_ not in {"", "PERSON", "GPE", "NORP"} \
            or is_titleish(prev, lex) or fold(prev.text) in lex.honorifics or is_place(prev.text) \
            or fold(prev.text) in lex.name_groups \
            or lex.everyday_word(prev.text):
        return False  # ("Maybe Donald Trump", "Citing John Locke": an everyday word, no given name)
    if start - 1 == 0 or prev.is_sent_start:
        return True
    before = doc[start - 2]  # not a name's, a title's or an organization's word ("of Examinations")
    if is_head(before, lex) or _title_rank_word(before, lex):
        return True  # "Commissioner General Elfrieda Stewart Tamba": the title ends, the name starts
    return not _name_word(before) and before.lower_ not in {"of", "for", "and", "&", "the", "de", "in", "at"}


def _title_rank_word(tok: Token, lex: Lexicon) -> bool:
    """A rank word closing a title ("Director General", "Commissioner General")."""
    return tok.i > 0 and fold(tok.text) in lex.military_ranks and is_head(tok.doc[tok.i - 1], lex)


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




def _cued_names(ctx: Context, lex: Lexicon, in_org: set[int], taken: set[int]) -> list[Mention]:
    """Names spaCy missed that their context marks as people.

    Cues: a job title right after ("Nusrat Jahan, Director of X"; a sign-off "Signed: A B
    Director") or right before ("Superintendent Karen Doyle"), credits ("Reporting by
    X; Editing by Y", "Photo: Agency/X", "X contributed to this report"), and a known given
    name with a surname that is no everyday word (``_given_pair``). The name must be
    2-4 name-shaped words that are not a place, an organization or a title.
    """
    doc, texts = ctx.doc, ctx.words
    credits = ctx.cue_ends("people")["credit"]  # models/people_cues.jsonl
    found: list[Mention] = []
    n = len(doc)
    i = 0
    while i < n:
        if i in taken or i in in_org or not _name_text(texts[i]) or texts[i].isupper():
            i += 1  # the cheap string tests of the full test below, before any Token is built
            continue
        tok = doc[i]
        # "Education Minister Nor Azlina Hashim": a given name that is also a stop word, after a title
        stop_name = tok.is_stop and i > 0 and not tok.is_sent_start and is_head(doc[i - 1], lex) \
            and i + 1 < n and _name_word(doc[i + 1]) and not doc[i + 1].is_stop
        after_field = _after_title_field(doc, i, lex)
        if i in taken or i in in_org or not _name_word(tok) or (tok.is_stop and not stop_name) \
                or tok.text.isupper() or is_titleish(tok, lex) or fold(tok.text) in lex.honorifics \
                or (i > 0 and _name_word(doc[i - 1]) and not doc[i - 1].is_stop and i - 1 not in taken
                    and not is_titleish(doc[i - 1], lex) and not after_field):
            i += 1
            continue
        end = _name_run(doc, i + 1 if stop_name else i, lex, False, in_org)
        words = _words(doc, i, end)
        if 2 <= len(words) <= 4 and not any(k in taken for k in range(i, end)) \
                and not any(_org_word(w, lex) or fold(w) in lex.concepts for w in words) \
                and not is_place(" ".join(words)) and fold(words[0]) not in lex.name_prefixes \
                and not any(w.isupper() for w in words) \
                and (after_field or _cue_before(doc, i, end, lex, credits) or _cue_after(doc, end, lex)
                     or in_name_list(doc, i, end, taken) or _given_pair(doc, end, words, lex)):
            found.append(Mention(i, end, words))
            taken.update(range(i, end))
            i = max(end, i + 1)
            continue
        # "Primary Education Rosemary Seninde": a name may start inside a run that is none
        i = next((x for x in range(i + 1, end) if _after_title_field(doc, x, lex)), max(end, i + 1))
    return found


_CAPS_WORD = re.compile(r"^[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'\u2019-]+$")


def _capitals_names(ctx: Context, lex: Lexicon, in_org: set[int], taken: set[int]) -> list[Mention]:
    """Names written in capitals: "MARY WANJIKU KAMAU" under a signature, "JOHN OTIENO, Communications Officer".

    Press releases (often as PDF or OCR text) write the signatory and the contact in capitals,
    where spaCy tags nothing. A run of two to four capitalized words is a name when its first
    word is a known given name that pages do not write as a word, and no word of it is a title,
    organization, field, place or known acronym word ("MINISTRY OF EDUCATION", "PRESS RELEASE",
    "FOR IMMEDIATE RELEASE", "UNICEF KENYA" are not). The name keeps the page's spelling;
    matching is case-blind.
    """
    doc, texts = ctx.doc, ctx.words
    n = len(doc)
    blocked = lex.not_name_words
    found: list[Mention] = []
    i = 0
    while i < n:
        if not _CAPS_WORD.match(texts[i]) or i in taken or i in in_org:
            i += 1
            continue
        run = i
        while run < n and _CAPS_WORD.match(texts[run]) and run not in taken and run not in in_org:
            run += 1
        # "SIGNED MARY WANJIKU KAMAU": the name starts at the run's first given name
        start = next((k for k in range(i, run - 1) if fold(texts[k]) in lex.given_names
                      and fold(texts[k]) not in blocked and fold(texts[k]) not in lex.honorifics), None)
        end = min(run, start + 4) if start is not None else run
        if start is not None and end - start >= 2 and not any(
                fold(texts[k]) in blocked or fold(texts[k]) in lex.honorifics or texts[k] in lex.by_acronym
                or (k > start and is_place(texts[k]))
                for k in range(start, end)):  # (a given name may be a town too: Mary, Turkmenistan)
            found.append(Mention(start, end, tuple(texts[start:end])))
            taken.update(range(start, end))
        i = max(run, i + 1)
    return found


def _initials_names(ctx: Context, lex: Lexicon, in_org: set[int], taken: set[int]) -> list[Mention]:
    """"L.M.D. Dharmasena", "M.N. Ranasinghe": glued initials before a surname, which spaCy
    often reads as an organization or nothing (South Asian and West African papers write
    officials so).

    The word after the initials must be a name word that pages do not write as a word and no
    title or organization word ("U.S. Army", "L.A. Times", "A.V. Club" stay what they are), the
    initials no place's abbreviation ("U.S.", "N.J."), and a post, a courtesy title or the body
    must come right before ("Commissioner General of Examinations L.M.D. Dharmasena").
    """
    doc = ctx.doc
    found: list[Mention] = []
    for i in range(len(doc) - 1):
        tok, nxt = doc[i], doc[i + 1]
        if not glued_initials(tok.text) or i in taken or i + 1 in taken or i in in_org or i + 1 in in_org:
            continue
        word = fold(nxt.text)
        if not _name_word(nxt) or nxt.text.isupper() or word in lex.common_words or word in lex.title_heads \
                or word in lex.org_heads or is_place(tok.text) or is_place(nxt.text) \
                or tok.text in lex.country_short or tok.text.replace(".", "") in lex.country_short:
            continue
        if not _post_before(doc, i, lex, in_org):
            continue  # only where a post, a courtesy title or the body names the official before
        found.append(Mention(i, i + 2, (tok.text, nxt.text)))
        taken.update((i, i + 1))
    return found


def _post_before(doc: Doc, i: int, lex: Lexicon, in_org: set[int]) -> bool:
    """A courtesy title or an organization right before token ``i``, or a post's head word within
    the six words before it with no verb or stop between ("Commissioner General of Examinations")."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if fold(prev.text).rstrip(".") in lex.honorifics or i - 1 in in_org:
        return True
    if prev.lower_ in {"at", "of", "from", "with", "for", "by", "the", "a", "an"}:
        return False  # "a managing director at the D.A. Davidson brokerage": the workplace after the post
    for k in range(i - 1, max(doc[i].sent.start, i - 7) - 1, -1):
        if is_head(doc[k], lex):
            return True
        if doc[k].pos_ in {"VERB", "AUX"} or doc[k].text in {",", ".", ";", ":"}:
            return False
    return False


def _given_pair(doc: Doc, end: int, words: tuple[str, ...], lex: Lexicon) -> bool:
    """"Leland Courie": a known given name and a surname, no more, no less, and neither an everyday word.

    spaCy misses names in lists and run-on text ("Award▪ Leland Courie: National ..."). A
    given name (``given_names.txt``) that pages never write in lower case ("Royal", "Star" are
    words too, ``common_words.txt``), then one name-shaped word that is no everyday word, place,
    title or organization word, and no capitalized word after them ("Jackson International
    Airport"), is a person without any other cue.
    """
    first, last = (fold(w) for w in words) if len(words) == 2 else ("", "")
    if first not in lex.given_names or first in lex.common_words or first in lex.name_blockers:
        return False
    if last in lex.name_blockers or last in lex.common_words or is_place(words[1]) \
            or any(not p.alt for p in get_gazetteer().lookup(" ".join(words))):
        return False  # ("Dong Thap": a province, though "Dong" is a given name)
    return not (end < len(doc) and doc[end].text[:1].isupper())


def _after_title_field(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Does a name start at ``i`` right after a capitalized title with its field?

    "Minister of State for Primary Education Rosemary Seninde": the title's run goes on into
    the name; a known given name there (``titles.name_starts``) is where the name begins.
    """
    if i < 2 or not _name_word(doc[i - 1]) or not name_starts(doc, i, lex):
        return False
    for k in range(i - 1, max(-1, i - 9), -1):
        tok = doc[k]
        if is_head(tok, lex) and tok.text[:1].isupper():
            return True
        if not (_name_word(tok) or tok.lower_ in {"of", "for", "and", "&", "the"}):
            return False
    return False


def _listed_given_names(doc: Doc, mentions: list[Mention], lex: Lexicon, in_org: set[int],
                        taken: set[int]) -> list[Mention]:
    """"Our names are Murdo, Frazer, Zachary, Jack and Alexander": one-word names of a list that
    already holds one-word people.

    spaCy tags some first names of a list and not others. Every item of the list must be one
    capitalized word (items joined by commas and "and"); an item is a person when it is a
    known given name (``given_names.txt``) beside one person found, or any name-shaped word
    that is no everyday word beside two. Never an initial, a place, an organization's, calendar
    or title word, nor a word spaCy reads as a date.
    """
    singles = {m.start for m in mentions if m.end - m.start == 1 and not m.honorifics}
    found: list[Mention] = []
    n, i = len(doc), 0
    while i < n:
        if not (_name_word(doc[i]) and not doc[i].is_stop):
            i += 1
            continue
        items, j = [i], i + 1
        while j + 1 < n and (doc[j].text == "," or doc[j].lower_ == "and"):
            k = j + 1 + (doc[j].text == "," and doc[j + 1].lower_ == "and")
            if not (k < n and _name_word(doc[k]) and not doc[k].is_stop):
                break
            items.append(k)
            j = k + 1
        closed = j >= n or not (_name_word(doc[j]) or doc[j].text in {"'s", "\u2019s", "-"})
        if len(items) >= 3 and closed and not (i > 0 and _name_word(doc[i - 1])):
            known = sum(k in singles for k in items)
            for k in items:
                word = fold(doc[k].text)
                if k in taken or k in in_org or not known or not doc[k].is_alpha or len(word) < 3 \
                        or is_place(doc[k].text) or _org_word(doc[k].text, lex) or calendar_word(doc[k].text) \
                        or is_titleish(doc[k], lex) or word in lex.honorifics or word in lex.concepts \
                        or doc[k].ent_type_ in {"DATE", "TIME"}:
                    continue  # (a citation's initials "X. Ai, C. Allaire", "Tuesday")
                given = word in lex.given_names and word not in lex.name_blockers
                if given or (known >= 2 and word not in lex.common_words):
                    found.append(Mention(k, k + 1, (doc[k].text,), listed=True))
                    taken.add(k)
        i = max(j, i + 1)
    return found


def in_name_list(doc: Doc, i: int, end: int, taken: set[int]) -> bool:
    """"A B, C D, E F and G H": an item of a list whose neighbours on both sides are names
    (an Oxford comma before the "and" too).

    spaCy tags some names of a list and not others (often foreign ones); an item between
    two names found, separated by commas or "and", is a name too.
    """
    n = len(doc)
    scope = get_lexicon().scope_words
    if any(is_place(t.text) or t.lower_ in scope for t in doc[i:end]):
        return False  # "Ilocos Norte, Cagayan Province, Aklan": a list of places
    b = i - 1 - (i >= 3 and doc[i - 1].lower_ == "and" and doc[i - 2].text == ",")  # "A B, and C D"
    before = b >= 1 and doc[b].text in {",", "and"} and b - 1 in taken and _name_word(doc[b - 1])
    a = end + (end + 1 < n and doc[end].text == "," and doc[end + 1].lower_ == "and")
    after = a + 1 < n and doc[a].text in {",", "and"} and a + 1 in taken and _name_word(doc[a + 1])
    return before and after


def _cue_before(doc: Doc, i: int, end: int, lex: Lexicon, credits: set[int]) -> bool:
    """A title right before the name ``doc[i:end]``, or a credit ending there (``credits``: "Reporting by",
    "Photo:", "Photo: Ministry of Information/", "(A B/Agency)" from ``models/people_cues.jsonl``).

    A credit does not vouch for words that a title ends ("(Early Years Supervisor / Nursery
    Administrator)" is a post in parentheses, not a credit).
    """
    if i == 0:
        return False
    prev = doc[i - 1]
    if is_head(prev, lex) and not (i - 2 >= 0 and doc[i - 2].lower_ in {"the", "a", "an"}):
        return True  # "Superintendent Karen Doyle" (not "the Director Karen ...": a list)
    return i in credits and not (end < len(doc) and is_head(doc[end], lex))


def _cue_after(doc: Doc, end: int, lex: Lexicon) -> bool:
    n = len(doc)
    if role_apposition(doc, end, lex):
        return True  # "Shweta Bahri, an education policy expert"
    if end < n and doc[end].lower_ == "contributed":
        return True
    if end < n and doc[end].text == "(":  # "A B (Northern Regional Minister)"
        close = next((k for k in range(end + 1, min(n, end + 8)) if doc[k].text == ")"), None)
        return close is not None and close > end + 1 and is_head(doc[close - 1], lex) \
            and all(is_titleish(t, lex) or t.text[:1].isupper() for t in doc[end + 1:close])
    k = end + (end < n and doc[end].text == ",")
    while k < n and doc[k].lower_ in {"the", "a", "an"}:
        k += 1
    first = k
    while k + 1 < min(n, first + 4) and is_titleish(doc[k], lex) and is_titleish(doc[k + 1], lex):
        k += 1  # the last word of a title run: "A B, executive director of X", "A B, Deputy Vice-Chancellor"
    if not (k < n and k > end and is_head(doc[k], lex)):
        return False
    # "A B, Director of X"; lower case only with its complement: "A B, spokesperson for the ministry"
    return doc[first].text[:1].isupper() or (k + 1 < n and doc[k + 1].lower_ in {"of", "for", "at", "with"})


def _org_word(word: str, lex: Lexicon) -> bool:
    w = fold(word)
    return any(x in lex.org_heads or x in lex.disqualifiers or x in lex.body_heads for x in (w, w.rstrip("s")))


def byline_mentions(ctx: Context, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
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
            hon_end, hons = _honorifics_at(doc, span.start, lex)
            if hons and hon_end < span.end:  # "By Dr. Francis Sampa": the author is Francis Sampa
                added.append(Mention(hon_end, span.end, _words(doc, hon_end, span.end), hons, span.start))
                continue
            added.append(Mention(span.start, span.end, _words(doc, span.start, span.end)))
    added = [u for u in (_unglued(m, lex) for m in added) if u is not None]  # "Marla MillingContributor"
    if not added:
        return mentions
    kept = [m for m in mentions if not any(m.outer_start < a.end and a.start < m.end for a in added)]
    return sorted([*kept, *added], key=lambda m: m.start)
