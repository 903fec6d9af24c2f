"""Organizations: one row per organization per article, canonical long form plus aliases.

Reads: tokens (text, ``is_stop``, ``whitespace_``, ``like_email``/``like_url``), sentence
boundaries and spaCy's ORG entities (``doc.ents``). Returns the rows and, for the people
and places extractors, every organization with its mention char spans (``Organizations``).

Mentions come from four recognizers, merged longest-first:
1. the gazetteer of well-known organizations (``models/organizations.jsonl``): long forms
   matched case-insensitively, acronyms case-sensitively ("WHO" but not "who");
2. a rule recognizer for capitalized phrases headed by an organization head word
   (Ministry, University, Office, ...; ``models/org_lexicon.json``) with their "of/for ..."
   complements ("Ministry of Education and Science of Tajikistan"): spaCy's small model
   splits or truncates these, and they are the bulk of education news organizations;
3. acronym definitions "Long Name (ACR)" / "(the ACR)": the long form is the span the
   acronym's letters spell, and every later use of the acronym is a mention;
4. spaCy ORG entities, kept only when they are not concepts (ICT, OER), places,
   people with honorifics, job titles, projects/events/venues or page boilerplate
   (``pipeline.extract.organizations.mentions``);
5. country offices of known organizations ("UNDP Timor-Leste"; ``.rules``), but not
   when the words go on to a programme ("USAID Jordan Workforce Development Project");
6. head-initial names ("Universidad del Trabajo del Uruguay"), names the text calls a kind
   of body ("the EIS union", "tech training provider ALX") and lower-case governments
   ("the Jordanian government" -> Government of Jordan), and a leader's administration
   ("the Biden administration", after the surname of a person the text names).

spaCy ORG entities without an organization head word or a known name must also not be a
person in the article's eyes (a list of people, a byline, the surname of a PERSON named
elsewhere), a quoted title, a plural noun phrase or a headline fragment (``.mentions``).

Mentions are then grouped: acronym -> its long form, "X Headquarters" -> X, gazetteer
forms -> the gazetteer name, spelling variants (Centre/Center) -> one key, and units in a
coordination ("X Headquarters, Almaty Cluster Office and Tashkent Office") inherit the
parent's prefix when a sibling carries it.

Units named only by a discipline ("Department of English") take their parent's name when the
text writes it beside them (``org_rules.academic_units``); a unit written with and without its
parent's acronym is one body.

Type checks and span repair for real pages (issue 15): an undefined acronym or a brand word
("DAI", "DevTech") is a body only when the syntax says so (subject, possessor, agent after
"by") or it is an item of a list of bodies, and never when it elsewhere titles a surname ("VP
Duterte"); a headless name the text calls "the <noun>", or one marked with a trademark sign,
is not a body. Spans extend over "<Head> of" ("University of Ghana Medical School"), Romance
connectors ("do Sul"), a campus after "at", a known parent's full name and a kind noun's
"for <Name>"; the period of "Inc." and a mid-sentence capital "The" stay in the name. Rows
that differ only by accents or of/for, a country unit and its country-less form, and a party
and its bare plural are one body each (``.merge``). A title-case headline's subject and verb run
into a body's name the text writes alone are cut off ("Senator Murray Tours Renton Technical
College" -> "Renton Technical College").

Known limits: lower-case names ("joint lab") and names without a head word that spaCy
misses are not found; a unit named alone far from its parent keeps its short name;
short forms ("the Ministry") are linked only in people's affiliations, not as aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.knowledge.lexicon import (
    Lexicon,
    country_name,
    fold,
    get_lexicon,
    is_place,
    org_key,
    straight_quotes,
)
from pipeline.extract.organizations.mentions import Mention, brand_word, disqualified, spacy_mentions
from pipeline.extract.organizations.merge import (
    drop_places,
    merge_acronym_prefixed,
    merge_country_units,
    merge_cut_forms,
    merge_headless,
    merge_party_plurals,
    merge_prefixed,
    merge_spellings,
    merge_variants,
)
from pipeline.extract.organizations.recognizers import (
    PRIORITY,
    acronym_mentions,
    course_use,
    gazetteer_mentions,
    head_initial_mentions,
    initialisms,
    publisher_mentions,
    rule_mentions,
    school_level_mentions,
)
from pipeline.extract.organizations.rules import (
    academic_units,
    administrations,
    country_offices,
    kind_appositions,
    lowercase_governments,
    media_units,
    number_word,
    party_mentions,
)
from pipeline.ids import entity_id
from pipeline.records import OrganizationRow, PersonRow


@dataclass(frozen=True)
class Organizations:
    """What the organizations extractor hands on: the table's rows and, for the people and
    places extractors, every organization with all its mention spans (same order as rows)."""

    rows: list[OrganizationRow]
    entities: list[OrgEntity]

# ----------------------------------------------------------------------------------------
# Merging (the recognizers are in .recognizers and .mentions)


def _select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: longest first, then by recognizer priority."""
    ordered = sorted(mentions, key=lambda m: (m.source == "spacy", -(m.end - m.start),
                                              -PRIORITY.get(m.source, 0), m.start))
    taken: list[Mention] = []
    used: set[int] = set()
    for m in ordered:
        if any(i in used for i in range(m.start, m.end)):
            continue
        taken.append(m)
        used.update(range(m.start, m.end))
    return sorted(taken, key=lambda m: m.start)


_COORD_GAP = re.compile(
    r"^\s*(?:\([^()]{1,15}\))?\s*(?:,|,?\s*(?:and|&))?\s*(?:the\s+)?$", re.I)


def _inherit_parents(ctx: Context, chosen: list[Mention], lex: Lexicon) -> None:
    """Units in a coordination take the parent prefix a sibling carries."""
    doc, words, text = ctx.doc, ctx.words, ctx.text
    _, idx, length = ctx.token_arrays
    chains: list[list[Mention]] = []
    for m in chosen:
        if m.start > 0 and m.end < len(doc) and words[m.start - 1] == "(" and words[m.end] == ")":
            continue  # "(IITE)": the definition of the previous sibling, not a sibling
        if chains:
            prev = chains[-1][-1]
            gap = text[idx[prev.end - 1] + length[prev.end - 1]:idx[m.start]]  # (read as chars, not a Span)
            if len(gap) <= 40 and _COORD_GAP.match(gap) \
                    and ctx.sentence_index(idx[prev.start]) == ctx.sentence_index(idx[m.start]):
                chains[-1].append(m)
                continue
        chains.append([m])
    inherited: dict[str, str] = {}  # unit surface -> parent acronym, from earlier chains
    for chain in chains:
        if len(chain) < 2:
            continue
        parent = None
        for m in chain:
            first = doc[m.start]
            if m.end - m.start >= 2 and first.text in lex.by_acronym \
                    and fold(doc[m.end - 1].text) in lex.unit_heads:
                parent = first.text
                break
            if m.text(doc) in inherited:
                parent = inherited[m.text(doc)]
                break
        if parent is None:
            continue
        for m in chain:
            words = doc[m.start:m.end]
            if fold(words[-1].text) not in lex.unit_heads and not any(
                    fold(t.text) in lex.unit_heads for t in words[:1]):
                continue
            if words[0].text in lex.by_acronym:
                continue
            if m.end - m.start == 1 and fold(words[0].text) == "headquarters":
                m.canonical = lex.by_acronym[parent].name
            else:
                inherited[m.text(doc)] = parent
                full = f"{parent} {m.text(doc)}"
                known = lex.known_org(full)
                m.canonical = known.name if known else full
            m.source = "rule"


def known_units(doc: Doc, gaz: list[Mention], rules: list[Mention], lex: Lexicon) -> list[Mention]:
    """A unit named after its known parent's full name: "United Nations Educational, Scientific
    and Cultural Organization Institute for Statistics". The head-word rule stops at the
    comma inside the parent's name, and the gazetteer's longer match would win the overlap
    and lose the unit: the unit is the parent's span up to the rule's end."""
    found = []
    for g in gaz:
        if g.end - g.start < 2:
            continue  # acronyms: the rule itself starts at a known acronym ("UNESCO Institute")
        for m in rules:
            if g.start < m.start < g.end < m.end and fold(doc[g.end].text) in lex.org_heads:
                found.append(Mention(g.start, m.end, "rule"))
    return found


def list_acronyms(ctx: Context, chosen: list[Mention], defined: dict[str, Mention],
                  lex: Lexicon) -> list[Mention]:
    """Undefined acronyms listed between two organizations ("Law Development Centre, YMCA,
    Kampala City Council Authority"): an item of a list of bodies is a body (a list holds
    one kind of thing), where alone the acronym would be a concept or a label."""
    doc = ctx.doc
    ends = {m.end for m in chosen}
    starts = {m.start for m in chosen}
    used = {i for m in chosen for i in range(m.start, m.end)}
    found = []
    for i, text in enumerate(ctx.words):
        if i in used or text in defined or not (
                (text.isalpha() and text.isupper() and 2 <= len(text) <= 6) or brand_word(text)):
            continue
        low = fold(text)
        if low in lex.concepts or text in lex.concepts or low in lex.title_heads or low in lex.honorifics \
                or is_place(text):
            continue
        left = i >= 2 and doc[i - 1].text in {",", ";"} and i - 1 in ends
        right = i + 2 < len(doc) and (doc[i + 1].text in {",", ";"} or doc[i + 1].lower_ == "and") \
            and (i + 2 in starts or (doc[i + 2].lower_ == "the" and i + 3 in starts))
        if left and right and ctx.sentence_index(doc[i].idx) == ctx.sentence_index(doc[i - 2].idx):
            found.append(Mention(i, i + 1, "spacy"))
    return found


def extract(ctx: Context) -> Organizations:
    """Find the article's organizations: rows sorted by first mention, and their entities."""
    doc = ctx.doc
    lex = get_lexicon()
    gaz = gazetteer_mentions(ctx, lex)
    rules = rule_mentions(ctx, lex) + head_initial_mentions(ctx, lex) + school_level_mentions(ctx, lex)
    spacy_ents = spacy_mentions(doc, lex, ctx.words)
    ent_tokens = {i for m in spacy_ents for i in range(m.start, m.end)}
    known_starts = {g.start for g in gaz}
    strong = []
    for m in rules:
        span = doc[m.start:m.end]
        head = fold(doc[m.end - 1].text) if m.end - m.start else ""
        if m.source == "rule" and disqualified(span, lex, inside=False):
            continue
        if m.source == "rule" and head in lex.weak_heads and not (
                set(range(m.start, m.end)) & ent_tokens) and not lex.known_org(span.text) \
                and m.start not in known_starts:
            continue  # (but "USAID Liberia Mission": a unit of a known body)
        strong.append(m)
    strong += known_units(doc, gaz, strong, lex)
    acro, defined = acronym_mentions(doc, ctx.words, lex, gaz + strong + spacy_ents)
    defined.update(initialisms(doc, ctx.words, lex, gaz + strong + spacy_ents + acro, defined))
    for m in gaz:  # a known acronym the text defines as another body names that body here
        acr = ctx.words[m.start] if m.end - m.start == 1 else ""
        if acr in defined and acr in lex.by_acronym \
                and defined[acr].canonical != lex.by_acronym[acr].name:
            m.canonical, m.source = None, "acronym"
    # uses of acronyms defined in this article
    uses = []
    for i, text in enumerate(ctx.words):
        base = text[:-1] if text.endswith("s") and text[:-1] in defined else text
        if base in defined and base not in lex.by_acronym:
            uses.append(Mention(i, i + 1, "acronym"))
    offices = country_offices(doc, gaz, Mention) + media_units(doc, gaz, Mention)
    kinds = kind_appositions(doc, ctx.sents, lex, Mention, ctx.words)
    govs = lowercase_governments(doc, lex, Mention) + party_mentions(doc, lex, Mention) \
        + administrations(doc, lex, Mention)
    chosen = _select(gaz + offices + strong + acro + spacy_ents + uses + kinds + govs + publisher_mentions(ctx))
    chosen = _select(chosen + list_acronyms(ctx, chosen, defined, lex))
    chosen = [m for m in chosen if not course_use(doc, m.start)]  # "AP Euro": a course, not the AP
    chosen = [m for m in chosen if not _numbered_thing(doc, m, lex)]
    _inherit_parents(ctx, chosen, lex)
    chosen = [m for m in chosen if m.source != "bare" or m.canonical]
    chosen = academic_units(doc, chosen, lex)
    chosen = _trim_headline_leads(ctx, chosen, lex)
    chosen = _cut_at_verbs(doc, chosen, lex)
    return _group(ctx, chosen, defined, lex)


_FINITE = {"VBZ", "VBP", "VBD", "MD"}


def _cut_at_verbs(doc: Doc, chosen: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Victorian Government Reinforces Commitment", "PreComps Are Coming Up": a title-cased
    headline runs a body's name into its verb. No name holds a finite verb (spaCy's VBZ, VBP,
    VBD, MD inside the span, capitalized as a headline writes it: "Universidade Federal do Rio Grande"
    has a lower-case "do" spaCy tags VBP): the part before it is the body when it ends in an organization
    head, else none is. A known organization's name is left as it is."""
    out = []
    for m in chosen:
        if m.canonical is not None or lex.known_org(doc[m.start:m.end].text) is not None:
            out.append(m)
            continue
        k = next((t.i for t in doc[m.start + 1:m.end] if t.tag_ in _FINITE and t.text[:1].isupper()), None)
        if k is None:
            out.append(m)
        elif fold(doc[k - 1].text) in lex.org_heads:
            out.append(replace(m, end=k))
    return out


def _numbered_thing(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Does a name end in a number that no organization head takes ("Python 2", "Surface Pro 3",
    "Sec 2", "Table 2", "DjangoCon 2011", "Jaden Siemans 7")? A version, a model, a class, a
    table, an event's year or a player's shirt: no body. A number after a head word stays a
    body's ("School No. 2", "School District 1"), and so does a known organization's name."""
    last = doc[m.end - 1]
    if m.end - m.start < 2 or not last.text.isdigit():
        return False
    prev = doc[m.end - 2]
    if prev.text == "." and m.end - 3 >= m.start:
        prev = doc[m.end - 3]  # "No. 2" split by the tokenizer
    word = fold(prev.text)
    if word in lex.org_heads or word in lex.numbered_heads or word == "district" or number_word(prev.text):
        return False
    return m.canonical is None and lex.known_org(doc[m.start:m.end].text) is None


def _trim_headline_leads(ctx: Context, chosen: list[Mention], lex: Lexicon) -> list[Mention]:
    """"Senator Murray Tours Renton Technical College" -> "Renton Technical College".

    A title-case headline or heading runs its subject and verb into a body's name. Where the
    body text names the body alone and the words before it in the heading hold an everyday
    word that is no name, title or organization word ("Tours", "Urging"), the mention is the
    body's name alone.
    """
    doc = ctx.doc
    heads = [(b.start, b.start + len(b.text)) for b in ctx.article.blocks if b.kind in {"title", "heading"}]
    if not heads:
        return chosen

    def in_heading(m: Mention) -> bool:
        return any(s <= doc[m.start].idx < e for s, e in heads)

    body_forms = {tuple(t.lower_ for t in doc[m.start:m.end]) for m in chosen if m.end - m.start >= 2
                  and not in_heading(m)}
    blockers = lex.name_blockers | lex.given_names
    out = []
    for m in chosen:
        if in_heading(m) and m.canonical is None:
            words = [t.lower_ for t in doc[m.start:m.end]]
            for k in range(1, len(words) - 1):
                if tuple(words[k:]) in body_forms and any(
                        w in lex.common_words and w not in blockers for w in words[:k]):
                    m = replace(m, start=m.start + k, key="")
                    break
        out.append(m)
    return out


def _group(ctx: Context, chosen: list[Mention], defined: dict[str, Mention],
           lex: Lexicon) -> list[OrganizationRow]:
    doc = ctx.doc
    # canonical form of each surface
    def_long = {acr: m for acr, m in defined.items()}
    chosen_by_span = {(m.start, m.end): m for m in chosen}
    by_key: dict[str, OrgEntity] = {}
    order: list[str] = []
    surface_key: dict[str, str] = {}

    def resolve(m: Mention) -> tuple[str, str]:
        text = m.text(doc)
        base = text[:-1] if text.endswith("s") and text[:-1] in def_long else text
        if m.canonical:
            return org_key(m.canonical), m.canonical
        if base in def_long and def_long[base] is not m:
            long_m = def_long[base]
            return resolve(chosen_by_span.get((long_m.start, long_m.end), long_m))
        known = lex.known_org(text)
        if known:
            return org_key(known.name), known.name
        words = text.split()
        if len(words) >= 2 and fold(words[-1]) == "headquarters":
            parent = lex.known_org(" ".join(words[:-1]))
            if parent:
                return org_key(parent.name), parent.name
        key = org_key(text)
        if key in surface_key:
            return surface_key[key], text
        return key, text

    for m in chosen:
        key, name = resolve(m)
        text = m.text(doc)
        surface_key.setdefault(org_key(text), key)
        org = by_key.get(key)
        if org is None:
            org = by_key[key] = OrgEntity(name)
            order.append(key)
        elif (len(name) > len(org.name) or (org.name.isupper() and not name.isupper() and " " in name)) \
                and not lex.known_org(org.name):
            org.aliases.append(org.name)  # (a headline's "MINISTRY OF EDUCATION" is no canonical form)
            org.name = name
        if text and m.end - m.start == 1 and fold(text) in lex.unit_heads:
            text = ""  # a bare "Headquarters" is a mention, not a name
        if text and org_key(text) != org_key(org.name) and text not in org.aliases \
                and not any(org_key(a) == org_key(text) for a in org.aliases):
            org.aliases.append(text)
        org.spans.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)))
    # acronyms defined in the text are aliases even when used once
    for acr, m in defined.items():
        key, _ = resolve(chosen_by_span.get((m.start, m.end), m))
        if key in by_key and acr not in by_key[key].aliases:
            by_key[key].aliases.append(acr)
    orgs = merge_prefixed(_merge_country_forms([by_key[k] for k in order]), lex)
    orgs = drop_places(merge_variants(orgs, lex), lex)  # word-order variants; spaCy's regions
    orgs = merge_headless(orgs, lex)  # "Southfield Primary" -> "Southfield Primary School"
    orgs = merge_cut_forms(orgs, lex)  # "National Library" -> "National Library of Uganda"
    orgs = merge_spellings(orgs)  # "United Bank of Africa" / "United Bank for Africa"; accents
    orgs = merge_country_units(orgs)  # "USAID Mission" -> "USAID Liberia Mission"
    orgs = merge_party_plurals(orgs, lex)  # "Conservatives" -> "Scottish Conservatives"
    orgs = merge_acronym_prefixed(orgs)  # "OKCPS Board of Education" -> its spelled-out form
    _unit_aliases(orgs, lex)  # "CSUMB College of Education" is also "College of Education"
    for org in orgs:
        org.name = straight_quotes(org.name)
        aliases = list(dict.fromkeys(straight_quotes(a) for a in org.aliases))
        forms = {org.name, *aliases}
        org.aliases = [a for a in aliases if org_key(a) != org_key(org.name)
                       and not (a.endswith("s") and a[:-1] in forms)]
        if org.name.startswith("The ") and org.name[4:] not in org.aliases:
            org.aliases.append(org.name[4:])  # "The Nawaya Network" is also read without its article
        org.spans.sort()
    orgs.sort(key=lambda o: o.spans[0])
    rows = []
    for org in orgs:
        s, e = org.spans[0]
        rows.append(OrganizationRow(
            article_id=ctx.article.article_id,
            org_id=entity_id(org.name),
            name=org.name,
            aliases="; ".join(org.aliases) or None,
            mention_count=len(org.spans),
            sentence=ctx.sentence_text(s),
            start_char=s,
            end_char=e,
        ))
    return Organizations(rows, orgs)


def _unit_aliases(orgs: list[OrgEntity], lex: Lexicon) -> None:
    """A unit written after its parent's acronym ("CSUMB College of Education") is also known
    by its own name ("College of Education"), which the text writes within it: the unit's
    name as readers and annotators take it when the parent is a row of its own."""
    forms = {org_key(f) for o in orgs for f in (o.name, *o.aliases)}
    for org in orgs:
        first, _, rest = org.name.partition(" ")
        words = rest.split()
        if not (first.isupper() and first.isalpha() and len(first) >= 2) or len(words) < 3 \
                or (org_key(first) not in forms and first not in lex.by_acronym):
            continue
        if fold(words[0]) in lex.org_heads and rest not in org.aliases:
            org.aliases.append(rest)


def _merge_country_forms(orgs: list[OrgEntity]) -> list[OrgEntity]:
    """"Ministry of X" and "Ministry of X of Tajikistan" are one body: keep the longer."""
    keys = {org_key(o.name): o for o in orgs}
    gone: set[int] = set()
    for org in orgs:
        key = org_key(org.name)
        for other_key, other in keys.items():
            if other is org or id(other) in gone or not other_key.startswith(key + " of "):
                continue
            rest = other.name[len(org.name):].strip()
            rest = re.sub(r"^of\s+(?:the\s+)?", "", rest)
            if country_name(rest):
                other.spans.extend(org.spans)
                for alias in [org.name, *org.aliases]:
                    if alias not in other.aliases:
                        other.aliases.append(alias)
                gone.add(id(org))
                break
    return [o for o in orgs if id(o) not in gone]


def _no_surnames(orgs: list[OrganizationRow], people: list[PersonRow], lex: Lexicon) -> list[OrganizationRow]:
    """"Volker", "Sondland", "Östlund" said alone: the surname of a person the article names in
    full is that person again, not a body spaCy tagged ORG (nor is "Kurt Volker" itself). Only
    names that open with a known given name count ("L'Osservatore Romano" read as a person is no
    evidence). Known organizations ("Disney", "Pearson"), acronyms, head words ("Senate") and any
    body a person is tied to stay."""
    full = {fold(p.name) for p in people
            if len(p.name.split()) >= 2 and fold(p.name.split()[0]) in lex.given_names}
    surnames = {name.split()[-1] for name in full}
    held = {p.org_id for p in people if p.org_id}
    return [row for row in orgs
            if fold(row.name) not in (full if " " in row.name else surnames) or row.org_id in held
            or row.name.isupper() or lex.known_org(row.name) is not None or fold(row.name) in lex.org_heads]


def implied_rows(ctx: Context, orgs: list[OrganizationRow], people: list[PersonRow]) -> list[OrganizationRow]:
    """Organizations rows for the people's organizations that no mention gave (issue 14).

    A person's organization can be inferred ("Government of Nigeria" for a President in a
    story about Nigeria) or read by a title pattern from a phrase the recognizers left out;
    ``people.org_id`` must still join to a row of this article. Such a row takes the first
    occurrence of the name in the text when there is one, else the person's first mention
    (with ``mention_count`` 0: the text never names it). Returns every row, in text order.
    """
    orgs = _no_surnames(orgs, people, get_lexicon())
    known = {row.org_id for row in orgs}
    added: list[OrganizationRow] = []
    for person in people:
        if person.org_id is None or person.org_id in known:
            continue
        known.add(person.org_id)
        found = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(person.organization)}(?!\w)", ctx.text)]
        s, e = found[0] if found else (person.start_char, person.end_char)
        added.append(OrganizationRow(
            article_id=person.article_id,
            org_id=person.org_id,
            name=person.organization,
            aliases=None,
            mention_count=len(found),
            sentence=ctx.sentence_text(s),
            start_char=s,
            end_char=e,
        ))
    if not added:
        return orgs
    return sorted([*orgs, *added], key=lambda r: (r.start_char, r.end_char))
