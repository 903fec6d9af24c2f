"""Organizations: one row per organization per article, canonical long form plus aliases.

Reads: tokens (text, ``is_stop``, ``whitespace_``, ``like_email``/``like_url``), sentence
boundaries and spaCy's ORG entities (``doc.ents``). Writes ``ctx.orgs`` (every mention's
char span) for the people and places extractors.

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
   (``pipeline.extract.org_mentions``);
5. country offices of known organizations ("UNDP Timor-Leste"; ``org_rules``).

Mentions are then grouped: acronym -> its long form, "X Headquarters" -> X, gazetteer
forms -> the gazetteer name, spelling variants (Centre/Center) -> one key, and units in a
coordination ("X Headquarters, Almaty Cluster Office and Tashkent Office") inherit the
parent's prefix when a sibling carries it.

Units named only by a discipline ("Department of English") take their parent's name or
are dropped (``org_rules.academic_units``); a unit written with and without its
parent's acronym is one body.

Known limits: lower-case names ("joint lab") and names without a head word that spaCy
misses are not found; a unit named alone far from its parent keeps its short name;
short forms ("the Ministry") are linked only in people's affiliations, not as aliases.
"""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.lexicon import (
    Lexicon,
    country_name,
    fold,
    get_lexicon,
    is_place,
    org_key,
)
from pipeline.extract.org_mentions import (
    Mention,
    acronym_letters,
    disqualified,
    is_acronym,
    is_cap,
    spacy_mentions,
)
from pipeline.extract.org_merge import drop_places, merge_variants
from pipeline.extract.org_rules import (
    academic_units,
    country_offices,
    generic_government,
    glued_markup,
    list_complement,
    name_title_word,
)
from pipeline.ids import entity_id
from pipeline.records import OrganizationRow

CONNECTORS = {"of", "for", "and", "&", "the", "on", "in", "de", "du", "des", "la", "le"}
# Heads that take "of <Country>" as part of the name ("University of Ghana", "Ministry of
# Education of Kenya"); other heads leave it as a location ("Group of China").
COUNTRY_HEADS = {"ministry", "ministries", "government", "department", "university", "college",
                 "academy", "bank", "embassy", "parliament", "republic", "institute", "council",
                 "commission", "secretariat", "office", "cabinet", "senate", "assembly",
                 "association", "federation", "society", "union", "authority", "board"}
PRIORITY = {"gazetteer": 3, "acronym": 3, "office": 3, "rule": 2, "spacy": 1}


# ----------------------------------------------------------------------------------------
# Recognizers


_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, PhraseMatcher]] = {}


def _matchers(doc: Doc, lex: Lexicon) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Gazetteer matchers, built once per (vocab, lexicon): LOWER for names, ORTH for acronyms."""
    key = (id(doc.vocab), id(lex))
    if key not in _MATCHERS:
        names = PhraseMatcher(doc.vocab, attr="LOWER")
        acronyms = PhraseMatcher(doc.vocab, attr="ORTH")
        make = Doc
        name_forms = sorted({f for o in lex.known for f in (o.name, *o.aliases)})
        acr_forms = sorted({a for o in lex.known for a in o.acronyms})
        names.add("ORG", [make(doc.vocab, words=_words(f)) for f in name_forms])
        acronyms.add("ORG", [make(doc.vocab, words=_words(f)) for f in acr_forms])
        _MATCHERS[key] = (names, acronyms)
    return _MATCHERS[key]


def _words(text: str) -> list[str]:
    """Tokenize a gazetteer form roughly as spaCy does (punctuation and hyphens apart)."""
    return re.findall(r"[\w']+|[^\w\s]", text.replace("\u2019", "'"))


def _gazetteer_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
    doc = ctx.doc
    names, acronyms = _matchers(doc, lex)
    found = []
    for matcher in (names, acronyms):
        for _, start, end in matcher(doc):
            org = lex.known_org(doc[start:end].text)
            if matcher is acronyms and end - start == 1 and doc[start].is_stop and (
                    (start > 0 and doc[start - 1].text.isupper())
                    or (end < len(doc) and doc[end].text.isupper())):
                continue  # "WHO WE ARE": a word in a capitalized menu, not the WHO
            if org is not None and org.kind == "company" and _product_use(doc, end):
                continue  # "Google classes", "Microsoft software": a product, not the company
            if org is not None:
                found.append(Mention(start, end, "gazetteer", canonical=org.name))
    # "UNESCOs" (possessive with the apostrophe lost in the page)
    for i, t in enumerate(ctx.words):
        if len(t) > 3 and t.endswith("s") and t[:-1] in lex.by_acronym and t[:-1].isupper():
            found.append(Mention(i, i + 1, "gazetteer", canonical=lex.by_acronym[t[:-1]].name))
    return found


# nouns after a company name that still denote the company ("the Samsung team")
COMPANY_NOUNS = {"team", "teams", "staff", "employees", "officials", "executives", "foundation", "office",
                 "offices", "group", "headquarters", "representatives", "spokesperson", "spokesman",
                 "spokeswoman", "engineers", "researchers", "volunteers", "chief", "ceo", "boss"}


def _product_use(doc: Doc, end: int) -> bool:
    """Is a company name followed by a lower-case noun that is not about the company itself?"""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.text.islower() and nxt.pos_ in {"NOUN", "PROPN"} and nxt.lower_ not in COMPANY_NOUNS


def _cap_run(doc: Doc, i: int, end: int, digits: bool = False) -> int:
    """End of the capitalized run starting at ``i`` (connectors inside, not at its ends)."""
    j = i
    while j < end:
        tok = doc[j]
        word = is_cap(tok) and not (tok.is_stop and tok.text not in {"Of", "And"}) \
            and tok.ent_type_ not in {"DATE", "TIME"}
        number = digits and tok.like_num and j > i
        hyphen = tok.text == "-" and j > i and not doc[j - 1].whitespace_ \
            and not tok.whitespace_ and j + 1 < end and is_cap(doc[j + 1])
        # "and" must be followed by a capitalized word; of/for/in may take "the" first
        connector = tok.lower_ in CONNECTORS and tok.text.islower() and j > i and j + 1 < end \
            and (is_cap(doc[j + 1]) or (tok.lower_ != "and" and doc[j + 1].lower_ == "the"
                                        and j + 2 < end and is_cap(doc[j + 2])))
        if not (word or number or hyphen or connector):
            break
        j += 1
    # never end on a connector or hyphen
    while j > i and (doc[j - 1].lower_ in CONNECTORS or doc[j - 1].text == "-"):
        j -= 1
    return j


def _is_head(tok: Token, lex: Lexicon) -> bool:
    return is_cap(tok) and fold(tok.text) in lex.org_heads


def _rule_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
    """Capitalized phrases ending in an org head word, with their of/for complements."""
    doc, folded = ctx.doc, ctx.folded
    found = []
    for sent in ctx.sents:
        s0, s1 = sent.start, sent.end
        for i in range(s0, s1):
            if folded[i] not in lex.org_heads and folded[i][:-1] not in lex.org_heads:
                continue  # the string test of both head tests below, before a Token is built
            tok = doc[i]
            nxt = doc[i + 1] if i + 1 < s1 else None
            plural = is_cap(tok) and fold(tok.text)[:-1] in lex.org_heads and nxt is not None \
                and fold(nxt.text) in lex.title_heads and is_cap(nxt)  # "County Schools Superintendent"
            if not (_is_head(tok, lex) or plural):
                continue
            if nxt is not None and is_cap(nxt) and not nxt.is_stop and tok.whitespace_ != "\n" \
                    and fold(nxt.text) not in lex.title_heads:
                continue  # the name goes on ("University Press"), not a title ("Schools Superintendent")
            if nxt is not None and nxt.text == "-" and not tok.whitespace_:
                continue
            start = _extend_left(doc, i, s0, lex)
            titled = nxt is not None and is_cap(nxt) and fold(nxt.text) in lex.title_heads
            if titled and start > 0 and doc[start - 1].text in {"'s", "\u2019s"}:
                continue  # "Georgia's State School Superintendent": a title held in Georgia
            end = list_complement(doc, i + 1, _extend_right(doc, i + 1, s1, fold(tok.text)), s1, lex)
            if glued_markup(doc, end) or generic_government(doc[start:end].text, lex):
                continue  # a name cut by markup; "Government of the Federation"
            if fold(tok.text) in lex.event_heads and not lex.known_org(doc[start:end].text):
                continue  # "Capacity Building Forum": an event unless known or defined
            if end - start == 1 and fold(tok.text) not in {"parliament", "unesco"}:
                found.append(Mention(start, end, "bare"))
                continue
            found.append(Mention(start, end, "rule"))
    return found


def _extend_left(doc: Doc, i: int, s0: int, lex: Lexicon) -> int:
    j = i
    while j > s0:
        t = doc[j - 1]
        word = is_cap(t) and not (t.is_stop and (t.i == s0 or t.lower_ == "the")) \
            and fold(t.text) not in lex.honorifics and fold(t.text) not in lex.title_heads
        hyphen = t.text == "-" and j - 2 >= s0 and not t.whitespace_ \
            and not doc[j - 2].whitespace_ and is_cap(doc[j - 2])
        # "Commerce and Employers Federation", but not "X Office and Y Office" or a place
        # "Fiji Women's Rights Movement", "Teachers' Union": a plural noun's possessive
        poss = t.text in {"'s", "\u2019s", "'", "\u2019"} and j - 2 >= s0 and j < i + 1 \
            and fold(doc[j - 2].text) in lex.possessive_name_words
        conj = t.lower_ in {"and", "&"} and j - 2 >= s0 and is_cap(doc[j - 2]) and j < i \
            and not doc[j - 2].text.isupper() and fold(doc[j - 2].text) not in lex.org_heads \
            and not is_place(doc[max(s0, j - 3):j - 1].text) and not is_place(doc[j - 2].text)
        if not (word or hyphen or conj or poss or name_title_word(doc, j, i, lex)):
            break
        j -= 1
    while j < i and (doc[j].lower_ in {"and", "&", "-"} or doc[j].lower_ == "the"):
        j += 1
    # a known acronym inside the run starts the name: "... Mapping UNDP Timor-Leste Lab"
    for k in range(i - 1, j, -1):
        if doc[k].text in get_lexicon().by_acronym and (k == j or doc[k - 1].text != "-"):
            j = k
            break
    return j


def _extend_right(doc: Doc, k: int, s1: int, head: str) -> int:
    end = k
    while end < s1 and doc[end].lower_ in {"of", "for", "on"} and doc[end].text[0] in "oOf":
        m = end + 1
        if m < s1 and doc[m].lower_ == "the":
            m += 1
        run_end = _cap_run(doc, m, s1)
        if run_end == m:
            break
        # stop before "in <place>" and before "and <another organization>" inside the run
        for x in range(m, run_end):
            if doc[x].lower_ in {"in", "and", "on"} and doc[x].text.islower():
                y = x + 1 + (doc[x + 1].lower_ == "the")
                inner = doc[y:_cap_run(doc, y, s1)]
                if (doc[x].lower_ in {"in", "and"} and is_place(inner.text)) or (
                        doc[x].lower_ == "and" and _names_org(inner)):
                    run_end = x
                    break
        run_text = doc[m:run_end].text
        if _names_org(doc[m:run_end]) or (doc[end].lower_ == "on"
                                           and fold(run_text) in get_lexicon().concepts):
            break  # "Council of the European Union", "Ministry on ICT": another entity
        scope = country_name(run_text) or (doc[end].lower_ == "for" and is_place(run_text))
        if scope and (doc[end].lower_ != "of" or head not in COUNTRY_HEADS):
            break
        end = run_end
    return end


_STRONG_HEADS = {"university", "union", "council", "commission", "ministry", "bank", "agency",
                 "organization", "organisation", "institute", "foundation", "association",
                 "federation", "college", "school", "department", "office", "centre", "center"}


def _names_org(span: Span) -> bool:
    """Is this capitalized run an organization of its own (known, or headed by a strong head)?"""
    lex = get_lexicon()
    if not len(span):
        return False
    return bool(lex.known_org(span.text)) or (
        len(span) >= 2 and fold(span[-1].text) in _STRONG_HEADS)


def _acronym_mentions(doc: Doc, words: list[str], lex: Lexicon, known: list[Mention]) -> tuple[
        list[Mention], dict[str, Mention]]:
    """Long forms defined by "(ACR)" / "(the ACR)", and the acronym's definition map."""
    ends: dict[int, Mention] = {}
    for m in sorted(known, key=lambda m: (m.end - m.start, PRIORITY.get(m.source, 0))):
        if m.source != "bare":
            ends[m.end] = m
    found: list[Mention] = []
    defined: dict[str, Mention] = {}
    n = len(doc)
    for i in (k for k, text in enumerate(words) if text == "("):
        tok = doc[i]
        j = tok.i + 1
        if j < n and doc[j].lower_ == "the":
            j += 1
        if not (j + 1 < n and doc[j + 1].text == ")" and is_acronym(doc[j].text)):
            continue
        acr = doc[j].text
        if fold(acr) in lex.concepts or acr in defined:
            continue
        long_form = ends.get(tok.i)
        spelled = _spell_back(doc, tok.i, acr, lex)
        if spelled is not None and (long_form is None or spelled.start < long_form.start):
            long_form = spelled  # the letters reach further left: "Fiji Women's Rights ..."
            found.append(long_form)
        if long_form is None:
            continue
        gaz = lex.by_acronym.get(acr)
        if gaz is not None and not long_form.canonical:
            shared = set(fold(long_form.text(doc)).split()) & set(fold(gaz.name).split())
            if len(shared) * 2 >= len(long_form.text(doc).split()):
                long_form.canonical = gaz.name
        defined[acr] = long_form
    return found, defined


def _spell_back(doc: Doc, paren: int, acr: str, lex: Lexicon) -> Mention | None:
    """The span before ``paren`` whose capitalized words' initials spell ``acr``."""
    letters = [c.upper() for c in acronym_letters(acr)]
    s0 = doc[paren].sent.start
    words: list[int] = []  # capitalized word indices, right to left
    k = paren - 1
    while k >= s0 and paren - k <= 14:
        t = doc[k]
        if is_cap(t) and not (t.is_stop and t.lower_ == "the"):
            words.append(k)
        elif t.lower_ in CONNECTORS or t.text in {",", "'s", "\u2019s", "-", "'"}:
            pass
        else:
            break
        initials = [doc[w].text[0].upper() for w in reversed(words)]
        if initials and initials[0] == letters[0] and _subsequence(letters, initials) \
                and initials[-1] == letters[-1]:
            start = words[-1]
            span = doc[start:paren]
            if any(fold(w.text) in lex.org_heads for w in span) or lex.known_org(span.text):
                return Mention(start, paren, "acronym")
        k -= 1
    return None


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    """Every initial (word) is used by the acronym in order, allowing skipped small words."""
    if len(initials) < len(letters) - 1:
        return False
    it = iter(initials)
    return all(any(c == x for x in it) for c in letters)


# ----------------------------------------------------------------------------------------
# Merging


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


def _inherit_parents(doc: Doc, chosen: list[Mention], lex: Lexicon) -> None:
    """Units in a coordination take the parent prefix a sibling carries."""
    chains: list[list[Mention]] = []
    for m in chosen:
        if m.start > 0 and m.end < len(doc) and doc[m.start - 1].text == "(" \
                and doc[m.end].text == ")":
            continue  # "(IITE)": the definition of the previous sibling, not a sibling
        if chains and _COORD_GAP.match(doc[chains[-1][-1].end:m.start].text) \
                and doc[chains[-1][-1].start].sent.start == doc[m.start].sent.start:
            chains[-1].append(m)
        else:
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


def extract(ctx: Context) -> list[OrganizationRow]:
    """Find the article's organizations, set ``ctx.orgs``; rows sorted by first mention."""
    doc = ctx.doc
    lex = get_lexicon()
    gaz = _gazetteer_mentions(ctx, lex)
    rules = _rule_mentions(ctx, lex)
    spacy_ents = spacy_mentions(doc, lex, ctx.words)
    ent_tokens = {i for m in spacy_ents for i in range(m.start, m.end)}
    strong = []
    for m in rules:
        span = doc[m.start:m.end]
        head = fold(doc[m.end - 1].text) if m.end - m.start else ""
        if m.source == "rule" and disqualified(span, lex, inside=False):
            continue
        if m.source == "rule" and head in lex.weak_heads and not (
                set(range(m.start, m.end)) & ent_tokens) and not lex.known_org(span.text):
            continue
        strong.append(m)
    acro, defined = _acronym_mentions(doc, ctx.words, lex, gaz + strong + spacy_ents)
    # uses of acronyms defined in this article
    uses = []
    for i, text in enumerate(ctx.words):
        base = text[:-1] if text.endswith("s") and text[:-1] in defined else text
        if base in defined and base not in lex.by_acronym:
            uses.append(Mention(i, i + 1, "acronym"))
    offices = country_offices(doc, gaz, Mention)
    chosen = _select(gaz + offices + strong + acro + spacy_ents + uses)
    _inherit_parents(doc, chosen, lex)
    chosen = [m for m in chosen if m.source != "bare" or m.canonical]
    chosen = academic_units(doc, chosen, lex)
    return _group(ctx, chosen, defined, lex)


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
        elif len(name) > len(org.name) and not lex.known_org(org.name):
            org.aliases.append(org.name)
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
    orgs = _merge_prefixed(_merge_country_forms([by_key[k] for k in order]), lex)
    orgs = drop_places(merge_variants(orgs, lex), lex)  # word-order variants; spaCy's regions
    for org in orgs:
        forms = {org.name, *org.aliases}
        org.aliases = [a for a in org.aliases if org_key(a) != org_key(org.name)
                       and not (a.endswith("s") and a[:-1] in forms)]
        org.spans.sort()
    orgs.sort(key=lambda o: o.spans[0])
    ctx.orgs = orgs
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
    return rows


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


def _merge_prefixed(orgs: list[OrgEntity], lex: Lexicon) -> list[OrgEntity]:
    """"UNDP Timor-Leste Accelerator Lab" and "Timor-Leste Accelerator Lab" are one unit.

    A unit written once with its parent's acronym in front and once without is the same
    body; the prefixed form is the canonical one (it identifies the unit).
    """
    keys: dict[str, OrgEntity] = {}
    for org in orgs:
        for form in (org.name, *org.aliases):
            keys.setdefault(org_key(form), org)
    gone: set[int] = set()
    for org in orgs:
        first, _, rest = org.name.partition(" ")
        if first not in lex.by_acronym or len(rest.split()) < 2:
            continue
        short = keys.get(org_key(rest))
        if short is None or short is org or id(short) in gone or id(org) in gone:
            continue
        org.spans.extend(short.spans)
        for alias in [short.name, *short.aliases]:
            if alias not in org.aliases and org_key(alias) != org_key(org.name):
                org.aliases.append(alias)
        gone.add(id(short))
    return [o for o in orgs if id(o) not in gone]
