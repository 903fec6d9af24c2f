"""People: one row per person per article, with honorific, job title and organization.

Reads: tokens (text, case, ``is_stop``, ``like_num``), sentence boundaries, spaCy's PERSON
entities and the organizations (``orgs``: the organizations extractor's entities with
their mention spans, passed in). Returns the rows and the char spans of every name
mention (``People``), which the places extractor takes so as not to read places out of names.

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
4. the title and organization come from an ordered list of strategies (``.posts``),
   first the patterns around any mention (``.titles``, ``.affiliations``): "TITLE of ORG, NAME", "ORG TITLE NAME",
   "NAME, [the] TITLE of/at/from ORG", "NAME (TITLE, ORG)", "NAME, who is TITLE of ORG",
   "NAME as TITLE of ORG", "NAME, from ORG", "NAME is a TITLE" (bios), signature blocks in
   capitals, and lists "A and B, both of ORG", segmented first ("Title A, Title B and C":
   each title goes with the name after it, a plural one with both; "A, Professor B": the
   word after A's comma is B's);
   the authors the clean stage found are taken from the article's ``byline`` block;
5. what the phrase does not state comes from the article (later ``.posts`` strategies,
   helpers in ``.context``): "ORG team
   is headed by NAME", "at that University" (the latest university), a discipline unit's
   parent, and for a President/Minister with no named body the government of the
   country of the person's own post ("President A of Uganda", "Nigeria's Education
   Minister"), else the country named in a sentence that names the person, else the one the
   article names most, never a country another person's post names; and a government has
   one head with a given title: where the text ties one President to the country ("Ukrainian
   President A"), another whose government was only read off his sentences' countries loses it.

Steps 1-2 are in ``.mentions``, step 4's patterns in ``.affiliations``.

Known limits: pronouns are not resolved; a name spaCy misses with no title or credit cue is
missed; a leading place or acronym that
the gazetteer does not know stays in the title ("Ontario Education Minister").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.knowledge.gazetteer import fold_accents, get_gazetteer
from pipeline.extract.knowledge.lexicon import (
    Lexicon,
    calendar_word,
    country_name,
    fold,
    get_lexicon,
    is_place,
    straight_quotes,
)
from pipeline.extract.people.affiliations import Affiliations
from pipeline.extract.people.context import deputies, one_head_per_government
from pipeline.extract.people.mentions import Mention, byline_mentions, find_mentions, in_name_list
from pipeline.extract.people.posts import Clues, find_post, is_agency
from pipeline.extract.people.title_parse import DepTitles
from pipeline.extract.people.titles import TitleParser
from pipeline.ids import entity_id
from pipeline.records import PersonRow


@dataclass(frozen=True)
class People:
    """What the people extractor hands on: the table's rows and every name mention's char span."""

    rows: list[PersonRow]
    spans: list[tuple[int, int]]  # sorted


@dataclass
class Person:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name_words(self) -> tuple[str, ...]:
        """The fullest mention; of two as full, the one with its accents ("José", not "Jose")."""
        return max((m.words for m in self.mentions),
                   key=lambda w: (len(w), len("".join(w)), sum(not c.isascii() for c in "".join(w))))


def _named_person(doc: Doc, words: tuple[str, ...]) -> bool:
    """Does spaCy tag some occurrence of ``words`` (folded) as a person?"""
    n = len(words)
    return any(tuple(fold(t.text) for t in doc[i:i + n]) == words and doc[i].ent_type_ == "PERSON"
               for i in range(len(doc) - n + 1) if fold(doc[i].text) == words[0])


def _trim_headline_runs(doc: Doc, mentions: list[Mention], lex: Lexicon,
                        headings: list[tuple[int, int]] | None = None) -> list[Mention]:
    """"Gwyneth Paltrow Explains", "Donald Trump Advises Boeing" -> the name the article writes alone.

    A title-case headline runs a name into its verb. Where the page also names the person
    (two or more words) without what follows, and what follows holds an everyday word that
    is no given name, the mention ends with the name ("Martin Luther King" stays whole: no
    "Martin Luther" mention of its own; "Steve Jobs" too: no word follows a shorter form).
    One word before such a name is run on too ("Boxer Vijender Singh", "Persecuting John
    Edwards"), unless it is a given name ("Mary Ann Smith" beside "Ann Smith") or a particle
    follows it ("Frans de Waal" beside "de Waal"), and only where spaCy reads the shorter
    form as a person somewhere. In a headline (``headings``), after a title or honorific, a
    surname the page writes alone is enough ("Senator Murray Tours Renton Technical College"
    beside "Senator Murray"; "Sally Ride" beside "Ride" stays whole).
    """
    forms = {tuple(fold(w) for w in m.words) for m in mentions if len(m.words) >= 2}
    longest_first = sorted(forms, key=len, reverse=True)
    with_singles = longest_first + [tuple(fold(w) for w in m.words) for m in mentions if len(m.words) == 1]
    out = []
    for m in mentions:
        words = tuple(fold(w) for w in m.words)
        titled = bool(m.honorifics) or (m.start > 0 and fold(doc[m.start - 1].text) in lex.title_heads)
        headline = any(s <= doc[m.start].idx < e for s, e in headings or [])
        shorter = with_singles if headline and titled else longest_first  # ("Sally Ride" beside "Ride" stays)
        cut = next((len(f) for f in shorter if len(f) < len(words) and words[:len(f)] == f), None)
        if cut is not None:
            rest = words[cut:]
            end = m.end - len(rest)
            if any(w in lex.common_words and w not in lex.given_names and w not in lex.name_particles for w in rest) \
                    and [fold(t.text) for t in doc[end:m.end]] == list(rest):
                m = replace(m, end=end, words=m.words[:cut])
        # "Boxer Vijender Singh", "Persecuting John Edwards": one word before a name the page writes
        # alone, no given name itself ("Rocky Bala Garg" stays), nor before a particle ("Frans de Waal")
        lead = words[0]
        if len(words) >= 3 and words[1:] in forms and fold(doc[m.start].text) == lead \
                and lead not in lex.given_names and words[1] not in lex.name_particles \
                and not m.words[1][:1].islower() and _named_person(doc, words[1:]):
            m = replace(m, start=m.start + 1, words=m.words[1:])
        out.append(m)
    return out


def _name_key(word: str) -> str:
    """A name word as mentions are compared: folded, without accents ("Martínez" = "Martinez"),
    as ``entity_id`` compares names, so that one person_id is one row of the article."""
    return fold_accents(fold(word))


def _group(mentions: list[Mention]) -> list[Person]:
    """Merge short forms into the fullest name that contains them."""
    persons: list[Person] = []
    for m in sorted(mentions, key=lambda m: (-len(m.words), -len("".join(m.words)), m.start)):
        words = [_name_key(w) for w in m.words]
        home = None
        for p in persons:
            full = [_name_key(w) for w in p.name_words]
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
    """"Miao" in "Fengchun Miao"; "Silvia Dos Reis Lopes" in "Maria Silvia Dos Reis Lopes".

    Variants of one name also join it: a middle name left out ("John Mahama" in "John
    Dramani Mahama", given and family name both kept), the given names as initials ("J. D.
    Mahama"), a hyphenated family name cut at its hyphen ("Noemi Danao" in "Noemi
    Danao-Schroeder"), the same name in capitals or without its accents, and a short
    form of the given name with the same family name ("Phil Harris" in "Philip Harris", "Pao
    Corrales" in "Paola Corrales": the short form is the long one's first letters, three or more).
    """
    if words == full or len(words) > len(full):
        return False
    cut = [w.replace("-", " ").split()[0] for w in full]  # "danao-schroeder" -> "danao"
    n = len(words)
    if n == len(full) and n > 1 and words[1:] == full[1:] and _short_given(words[0], full[0]):
        return True
    if 2 <= n <= len(full) and words[-1] in {full[-1], cut[-1]} and all(
            len(w) == 1 and w.isalpha() and w == f[:1] for w, f in zip(words[:-1], full, strict=False)):
        return True  # "J. Martinez", "J. D. Mahama": initials of the given names, then the family name
    if n == len(full):
        return n > 1 and words[:-1] == full[:-1] and words[-1] == cut[-1] != full[-1]
    if any(full[k:k + n] == words for k in range(len(full) - n + 1)):
        return True
    if n >= 2 and any(full[k:k + n - 1] == words[:-1] and cut[k + n - 1] == words[-1]
                      for k in range(len(full) - n + 1)):
        return True
    return n == 2 and words[0] == full[0] and words[1] in {full[-1], cut[-1]}  # no middle name


def _honorific(person: Person, lex: Lexicon) -> str | None:
    for m in person.mentions:
        if m.honorifics:
            stack = m.honorifics
            courtesy = [h for h in stack if h not in lex.title_like_honorifics]
            return courtesy[0] if courtesy and len(stack) > 1 else stack[0]
    return None


def _in_heading(char: int, headings: list[tuple[int, int]]) -> bool:
    """Is a character inside the article's headline or a heading?

    Headlines capitalize every word, so spaCy reads names in them ("Modernizing Jordan's
    Workforce Approach", "Liberia Poised to ..."); a person named only there, with no
    honorific or title, is not kept.
    """
    return any(s <= char < e for s, e in headings)


def _body_name(text: str, lex: Lexicon) -> bool:
    """Can ``text`` name an organization? Not when it ends in a connector ("Division of
    Science and Environmental Policy and"): a broken span; nor when it is one everyday word
    ("Instruction", "Outline", "Products", "Chapter": a title's field or a heading's word) that no
    list knows as a body."""
    words = fold(text).split()
    if words[-1:] in (["and"], ["of"], ["for"], ["the"], ["&"]):
        return False
    if lex.known_org(text) is not None:
        return True
    return not (len(words) == 1 and text[1:].islower() and words[0] in lex.common_words
                and words[0] not in lex.bare_heads)  # ("LeT", "UNICEF": an acronym's capitals stay)


def _names_other(text: str, others: set[str]) -> bool:
    """Is a title or organization another person's name, or a list run that holds one?

    "Valentina Díaz" (the whole), "Erica Padilla-Chavez and CSUMB College of Education"
    (a name, then "and"), "Secretary of Education Arne Duncan" (a title, then a name). A name
    that merely opens an organization's name ("Kampong Luong Primary School") is not one.
    """
    key = fold(text)
    return any(key == name or key.startswith(f"{name} and ") or key.endswith(f" {name}")
               for name in others)


def _country_tailed(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Does a name end in a country or continent with no given name before it ("IDA Singapore",
    "Ascom North America", "Petróleos de Venezuela")? A body's branch. "Kari L. Jordan" opens
    with a given name, and one capitalized word before a one-word country ("Tan France", "Kidd
    Jordan") may be a given name no list holds: they stay people."""
    for k in (2, 1):
        tail = " ".join(words[-k:])
        if len(words) > k and (country_name(tail) or any(
                p.source == "region" and p.country_code is None for p in get_gazetteer().lookup(tail))):
            head = words[:-k]
            if any(w[:1].isupper() and w[1:].islower() and fold(w) in lex.given_names for w in head):
                return False
            # one capitalized word before one country is still a name ("Tan France", "Kidd Jordan")
            return k == 2 or len(head) > 1 or any(len(w) > 1 and w.isupper() for w in head)
    return False


def _place_led(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Does a name open with a known place's name that is no given name, with no given name
    after it ("Manchester United", "Tottenham Hotspur", "Oakland Zoo")?"""
    folded = [fold(w) for w in words]
    return is_place(words[0]) and not any(w in lex.given_names for w in folded)


def _everyday_words(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Is every word of a "name" an everyday word and none a given name ("Training", "Success
    Mindset")? A title before such words does not make them a name."""
    folded = [fold(w) for w in words]
    return all(w in lex.common_words and w not in lex.given_names for w in folded)


def _short_given(short: str, full: str) -> bool:
    """Is ``short`` a given name's short form written as its first letters ("Matt" of "Matthew")?"""
    return len(short) >= 3 and short.isalpha() and len(full) > len(short) and full.startswith(short)


def _thing_words(doc: Doc, lex: Lexicon) -> set[str]:
    """Words the article writes before a lower-case noun they modify ("Ruby code", "Oscar
    nominations", "the Safari browser"), other than before a person's own nouns ("the Obama
    campaign": ``owner_nouns`` in models/people_words.json). Such a word said alone names a thing,
    not a person. One pass over the article, made once for all its lone-word names."""
    found: set[str] = set()
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if nxt.is_lower and nxt.is_alpha and nxt.pos_ == "NOUN" and tok.dep_ in {"compound", "amod", "nmod"} \
                and tok.head.i == nxt.i and nxt.lower_ not in lex.owner_nouns and nxt.dep_ != "ROOT" \
                and not (nxt.i + 1 < len(doc) and doc[nxt.i + 1].pos_ in {"DET", "PRON", "CCONJ", "ADV"}):
            found.add(tok.text)  # (not "Wendy stuffs this cart", "Greg talks and types": verbs taken for nouns)
    return found


def _street_or_date(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Is a "name" a street's ("Maryland Ave", "Queen Rania Street") or a date line's words
    ("Sunday January")? spaCy's PERSON takes both; a surname that is also a street word (Lane,
    Park) is not in ``street_words``."""
    return len(words) > 1 and (fold(words[-1]).rstrip(".") in lex.street_words or all(map(calendar_word, words)))


def plain_given_name(word: str, lex: Lexicon) -> bool:
    """A known given name that pages do not write as an everyday word ("Rosemary", not "Will")."""
    key = fold(word)
    return key in lex.given_names and key not in lex.common_words


def _listed_name(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Can a list vouch for these words as a name? Two words that do not open with an everyday
    word ("Maneesha Sane", not "Small Humidifier"), or words none of which is everyday."""
    folded = [fold(w) for w in words]
    if len(folded) == 2:
        return folded[0] not in lex.common_words or folded[0] in lex.given_names
    return not any(w in lex.common_words for w in folded)


def common_phrase(words: tuple[str, ...] | list[str], lex: Lexicon) -> bool:
    """Words of everyday English and no given name: spaCy's PERSON on a heading, a menu or a body.

    A real name is made of names (Mutawakilu Iddrissu) or opens with a given name (Mark Green,
    Rose Hill); "Select Results", "Cellular Biology" and "Penn State" have a word that pages
    write in lower case (``models/common_words.txt``) and no given name (``given_names.txt``).
    A run of three or more words with two or more everyday words that are no given name and
    no particle ("Malik Stresses Holistic Approach", "Osama Bin Laden Posts"; not "Osama bin
    Laden") is a headline's words too, whatever name opens it.
    The caller asks only where neither an honorific nor a title vouches for the name ("Education
    Minister Nor Azlina Hashim": "nor" is a common word).
    """
    folded = [fold(w) for w in words]
    if not any(w in lex.given_names for w in folded) and any(w in lex.common_words for w in folded):
        return True
    # "Malik Stresses Holistic Approach", "James Harden Earns": a headline's run, with a given name in it
    everyday = [w for w in folded if w in lex.common_words and w not in lex.given_names and w not in lex.name_particles]
    return len(folded) >= 3 and len(everyday) >= 2


def extract(ctx: Context, orgs: list[OrgEntity]) -> People:
    """Find the article's people with honorific, title and organization (one of ``orgs`` or a name)."""
    doc = ctx.doc
    lex = get_lexicon()
    parser = TitleParser(doc, lex, orgs)
    heads = [(b.start, b.start + len(b.text), len(b.text.split())) for b in ctx.article.blocks
             if b.kind in {"title", "heading"}]
    mentions = _trim_headline_runs(doc, byline_mentions(ctx, find_mentions(ctx, lex, parser.in_org), lex), lex,
                                   [(s, e) for s, e, n in heads if n <= 40])
    headings = [(s, e) for s, e, n in heads if n <= 16]  # (not a whole page read as one)
    persons = _group(mentions)
    clues = Clues(ctx, orgs, lex, parser, Affiliations(doc, parser, lex, mentions), DepTitles(doc, parser, lex),
                  ctx.cue_ends("people"))
    rows: list[PersonRow] = []
    inferred: set[int] = set()  # rows whose government was read off their sentences' countries
    spans: list[tuple[int, int]] = []
    names = [fold(" ".join(p.name_words)) for p in persons]
    in_ent = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    sure = [any(m.start in in_ent for m in p.mentions) for p in persons]  # (not "Media Liaison" of a title)
    credits = clues.cues["credit"]  # where a credit line's cue ends: the credited name starts there
    name_tokens = {t for m in mentions for t in range(m.start, m.end)}  # ("A B, Maneesha Sane, and C D")
    agency = [all(is_agency(m, clues) for m in p.mentions) for p in persons]  # "Photo: A B/Daily Nation"
    things: set[str] | None = None  # the article's thing words, made when a lone-word name first needs them
    for n, person in enumerate(persons):
        if agency[n]:
            continue
        others = {x for k, x in enumerate(names) if k != n and " " in x and sure[k] and not agency[k]}
        honorific = _honorific(person, lex)
        if len(person.name_words) == 1 and honorific is None and not any(
                clues.affiliations.left(m) or clues.affiliations.right(m) for m in person.mentions) \
                and not (sure[n] and plain_given_name(person.name_words[0], lex)) \
                and not any(m.listed for m in person.mentions):
            continue  # a lone word with no honorific or title is too weak to be a person, unless a given name
        post = find_post(person.mentions, clues)
        title, org, org_name = post.title, post.org, post.org_name
        # "Photograph: Amir Levy/Getty Images": a name spaCy tags after a credit cue is a name, everyday surname or not
        credited = sure[n] and any(m.start in credits for m in person.mentions)
        listed = _listed_name(person.name_words, lex) \
            and any(in_name_list(doc, m.start, m.end, name_tokens) for m in person.mentions)
        if honorific is None and not title and not credited and not listed and common_phrase(person.name_words, lex):
            continue  # "Quick Facts", "Uganda Library": a heading or a body, not a name
        if honorific is None and not credited and _everyday_words(person.name_words, lex):
            continue  # "Instructor Training", "Online Leader Success Mindset": a title before words, no name
        if honorific is None and not title and len(person.name_words) > 1 and _place_led(person.name_words, lex):
            continue  # "Manchester United", "Oakland Zoo": a place's club or venue, not a person
        if len(person.name_words) == 1 and honorific is None and not title and not credited:
            things = _thing_words(doc, lex) if things is None else things
            if person.name_words[0] in things:
                continue  # "Ruby code", "Oscar nominations": the article's lone word names a thing
        if honorific is None and _street_or_date(person.name_words, lex):
            continue  # "Maryland Ave", "Sunday January": an address or a date, not a person
        if honorific is None and len(person.name_words) > 1 and _country_tailed(person.name_words, lex):
            continue  # "IDA Singapore", "Ascom North America": a body's national branch, not a person
        if honorific is None and not title and all(_in_heading(doc[m.start].idx, headings)
                                                   for m in person.mentions) \
                and not all(w.isupper() for w in person.name_words):
            continue  # "Liberia Poised to Promote ...": a headline's capitals, not a name (a signature's is)
        org_text = org.name if org is not None else org_name
        if title and _names_other(title, others):
            title = None  # "Secretary of Education Arne Duncan": another person's title and name
        if org_text and (not _body_name(org_text, lex) or _names_other(org_text, others)):
            org, org_name, org_text = None, None, None  # an empty affiliation beats a wrong one
        first = person.mentions[0]
        s = doc[first.start].idx
        e = doc[first.end - 1].idx + len(doc[first.end - 1].text)
        name = straight_quotes(" ".join(person.name_words))
        title = straight_quotes(title) if title else title
        if post.inferred and org is None and org_text == org_name:
            inferred.add(len(rows))
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
    rows = _one_row_per_id(deputies(one_head_per_government(rows, inferred)))
    return People(rows, sorted(spans))


def _one_row_per_id(rows: list[PersonRow]) -> list[PersonRow]:
    """One row per person_id, the people table's key with article_id, in order of the text.

    Names that differ only in what ``entity_id`` folds away ("Mary-Jane Smith", "Mary Jane
    Smith") are one person: the first row stays, counts add up, and what it lacks (honorific,
    title, organization) comes from the later one.
    """
    out: dict[str, PersonRow] = {}
    for row in sorted(rows, key=lambda r: r.start_char):
        first = out.get(row.person_id)
        if first is None:
            out[row.person_id] = row
            continue
        org = (first.organization, first.org_id) if first.organization else (row.organization, row.org_id)
        out[row.person_id] = replace(first, honorific=first.honorific or row.honorific, title=first.title or row.title,
                                     organization=org[0], org_id=org[1],
                                     mention_count=first.mention_count + row.mention_count)
    return list(out.values())
