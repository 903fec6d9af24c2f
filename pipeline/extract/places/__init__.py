"""Places: named countries, cities and regions, resolved offline to GeoNames.

Reads ``doc.ents`` (GPE, LOC and the labels spaCy often gives places by mistake:
ORG, PERSON, NORP, FAC), token ``pos_`` (proper nouns spaCy left untagged), sentence
boundaries, the organizations' mention spans (place names inside an organization's name
are not places) and the people's name spans, both passed in by ``extract``. Resolution
uses :mod:`pipeline.extract.knowledge.gazetteer`.

How a name is resolved, and why:
- spaCy labels are only a hint. A mention is a place when the gazetteer knows its
  whole text (so "Dushanbe" tagged ORG or "Baucau" tagged NORP are places), or when
  spaCy says GPE/LOC and it looks like a proper name (kept unresolved, empty id), unless
  it is one word shaped as a product ("YouTube", "Node.js"), a given name or an everyday
  word ("Policy"): spaCy tags those GPE after "in" ("dashboards in RStudio").
- Demonyms ("Korean", "Swazi") are never places, and neither is a country written before a
  capitalized word ("U.S. Senator", "U.K. Aid", "New Zealand High Court": the adjective of a
  title, a body or a name);
  but the countries they name, the
  unambiguous places of the article and the source site's country-code TLD form the
  article's *context*; ambiguous names (Georgia, Victoria, Lagos) take the candidate
  in a context country, else the clearly most populous one, else stay unresolved.
- Inside an organization name a place is dropped ("University of Lagos", "Almaty
  Cluster Office"), except a country that qualifies an already complete name
  ("... Education Group of China", "Ministry of Education and Science of Tajikistan")
  or follows "in": there it says where the organization is.

Known limits: metonymy ("Australia is committed ...") is still a place; places under
15,000 people are unresolved; kind of unresolved names is a guess from a following
word (District, Region, slum ...) or empty.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span

from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.knowledge.casefold_scan import ascii_folded, folded_pattern
from pipeline.extract.knowledge.gazetteer import Gazetteer, Place, get_gazetteer, norm_key
from pipeline.extract.knowledge.lexicon import calendar_word, fold, get_lexicon, org_key
from pipeline.extract.organizations.mentions import feature_use
from pipeline.records import PlaceRow

_PLACE_LABELS = {"GPE", "LOC"}
_LIST_PART = re.compile(r"[^,\s][^,]*[^,\s]|[^,\s]")  # the parts of "Abuja, Kampala" between commas
# A town this size or larger said alone is the town even beside "<Town> University" ("Boston").
_BIG_TOWN = 200_000
_MAYBE_LABELS = {"ORG", "PERSON", "NORP", "FAC"}
_US_STATE_ABBR = re.compile(r",\s*(?:D\.C\.|DC\b)")
# "Pa., said", "Md.) ", "Pa. budget": an abbreviation's period inside a sentence, not a sentence's end.
_ABBR_DOT = re.compile(r"\.(?:[,;)]|\s+[a-z])")
# "R-Ky.", "(Ill.)", "(D., Conn.)": a legislator's party label, whose state abbreviation is no place name.
_PARTY_BEFORE = re.compile(r"(?:[DRI]-|\(|\b[DRI]\.?,\s*)$")
# ", CA", ", Mass", ", Calif.": a US state's postal or AP abbreviation after a town.
# The AP form keeps its period ("Calif.", "N.Y.", "W.Va."), as the page writes it.
_STATE_AFTER = re.compile(r",\s*((?:[A-Z]\.){2}|W\.Va\.|[A-Z][A-Za-z]{1,5}\b\.?)(?!\s+[A-Z])")
# "cities such as Ho Chi Minh City", "provinces like Sindh": a list of places by its class.
_CLASS_BEFORE = re.compile(r"\b(?:cities|towns|villages|provinces|regions|states|districts|counties|countries"
                           r"|capitals|areas)\s+(?:such\s+as|like|including|as)\s+(?:the\s+)?$", re.I)
# "the state of Uttarakhand", "the city of Kisumu", "the province of Sindh": the kind, then the name (never
# a "the" after "of": "the State of the Union" is an address; countries named with "the" are countries anyway).
_KIND_OF_BEFORE = re.compile(r"\b(?:state|province|region|district|county|city|town|village|municipality"
                             r"|prefecture|governorate|emirate|island|islands)\s+of\s+$", re.I)
# Month and weekday names (whole words: "Juliaca" and "Marseille" are not "Jul", "Mar").
_NAME_PREFIX = re.compile(r"\b(?:University|College|Bank)\s+(?i:of)\s+(?:(?i:the)\s+)?"
                          r"(?:[A-Z][\w-]*\s+)*$")
_STRIP_HEAD = re.compile(r"^(?:the\s+)?(?:republic|kingdom|state|commonwealth|federation)\s+of\s+",
                         re.I)
# "AMMAN, 4 September", "WASHINGTON (AP) -", "LIMA:": an all-caps dateline city.
# "... headline CAMBRIDGE, Mass, February 5, 2013 -": a dateline after a headline on one line.
_DATELINE_MID = re.compile(r",\s*[A-Z][A-Za-z]{1,12}\.?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                           r"[a-z]*\.?\s+\d")
# "WASHINGTON, D.C. -", "NAIROBI, Kenya —", "SAN JUAN, Puerto Rico (AP) -": a state or
# country between the city and the dash.
_DATELINE = re.compile(r"\s*(?:,\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d"
                       r"|[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]{1,14})?\s*(?:\(|—|–|-\s))|\(|:|—|–|-)")
_LINE_CAPS = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?=[ ,:(—–-])")
_DC = re.compile(r",\s*D\.\s?C\.(?=\s*(?:\(|—|–|-\s))")  # "WASHINGTON, D.C. –": the city's name
# Places listed together: "in the Jordan Valley, Zarqa and Irbid" (spaCy tags the
# later ones PERSON); the gazetteer still has to know them.
_COORD = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*(?:,|,?\s+(?:and|or))\s*")
_MD_LINK = re.compile(r"\[([A-Z][^\[\]\n]{1,60})\]\(")
_NAME_TAIL = re.compile(r"\s+(?:(?:del|de|de\s+la|da|do|dos|das|di|du|des|el|al|la)\s+[A-Z][\w-]+"
                        r"|County|Province|District|Region|State|Division|Governorate|Prefecture)\b")
_STRIP_TAIL = re.compile(r"\s+(?:region|state|province|district|county|islands?)$", re.I)


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    candidates: list[Place] = field(default_factory=list)
    resolved: Place | None = None
    kind_hint: str | None = None
    country: str | None = None  # the article's country, for a town the gazetteer only knows abroad
    qualifiers: frozenset[str] = frozenset()  # countries of a ", <state or country>" after the name


_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_LEAD_THE = re.compile(r"(?:the|The|THE)\s+")
_HYPHEN_TAIL = re.compile(r"-[A-Z][\w]+")


def _clean_span(doc_text: str, start: int, end: int) -> tuple[int, int]:
    """Trim articles, possessives and stray punctuation off an entity's char span.

    Matches in place (``pos``/``endpos``) rather than on a slice: called for every
    candidate span, and the pattern has no look-behind, so the result is the same.
    """
    m = _LEAD_THE.match(doc_text, start, end)
    if m:
        start = m.end()
    while end > start and doc_text[end - 1] in " \n\t-_*.,;:'\u2019\"":
        end -= 1
    for suffix in ("'s", "\u2019s", "s'"):
        if doc_text.endswith(suffix, start, end):
            end -= len(suffix)
    if doc_text[end:end + 1] == "." and _DOTTED.fullmatch(doc_text, start, end):
        end += 1  # "U.S.", "U.K.": the last dot belongs to the abbreviation
    return start, end


def _extend_hyphen(doc_text: str, start: int, end: int) -> int:
    """'Timor' + '-Leste': spaCy splits hyphenated names; take the whole word."""
    m = _HYPHEN_TAIL.match(doc_text, end, end + 30)
    return m.end() if m else end


def _expand_start(idx: list[int], length: list[int], n_chars: int, start: int, end: int) -> int | None:
    """First token of ``doc.char_span(start, end, alignment_mode="expand")``, from the token arrays.

    The same rules as spaCy's (a token owns its trailing space; a start on that space
    moves to the next token; None when either end is outside the text) without building
    a Span: called for every candidate span.
    """
    if not (0 <= start < n_chars and 0 < end <= n_chars):
        return None
    s = bisect_right(idx, start) - 1
    return s + 1 if start == idx[s] + length[s] else s


def _candidate_spans(ctx: Context, gaz: Gazetteer,
                     ents: list[tuple[int, int, str, int, int]]) -> list[tuple[int, int, str]]:
    text = ctx.text
    spans: list[tuple[int, int, str]] = []
    covered = set()
    for start_char, end_char, label, start, end in ents:
        if label in _PLACE_LABELS and "," in text[start_char:end_char] and not gaz.lookup(text[start_char:end_char]):
            # "Abuja, Kampala": spaCy ran two places of a list into one entity; each part is a candidate
            spans.extend((m.start(), m.end(), label) for m in _LIST_PART.finditer(text, start_char, end_char))
            covered.update(range(start, end))
            continue
        if label in _PLACE_LABELS or label in _MAYBE_LABELS:
            spans.append((start_char, end_char, label))
            if label != "ORG":  # "Government of the Federation in Abuja": look inside
                covered.update(range(start, end))
    # Proper nouns spaCy left outside any entity: only whole gazetteer names count.
    pos, idx, length = ctx.token_arrays
    # Runs of capitalised proper nouns outside the covered tokens, read from the token arrays.
    propn = compress(range(len(pos)), map(PROPN.__eq__, pos))  # the PROPN test runs in C
    caps = [i for i in propn if i not in covered and text[idx[i]:idx[i] + 1].isupper()]
    k, n_caps = 0, len(caps)
    while k < n_caps:
        first = last = caps[k]
        k += 1
        while k < n_caps and caps[k] == last + 1:
            last = caps[k]
            k += 1
        spans.append((idx[first], idx[last] + length[last], "PROPN"))
    # "São Gabriel da Cachoeira" (spaCy: PERSON "Gabriel da Cachoeira"), "An Giang" ("An"
    # is a determiner): a capitalised word or two before a span can complete a known name.
    extra = []
    if spans:
        doc, n_chars = ctx.doc, len(text)
        for start, end, label in spans:
            first = _expand_start(idx, length, n_chars, start, end)
            if first is None:
                continue
            for k in (1, 2):
                j = first - k  # the new leading token (the one after it passed for k - 1)
                if j < 0 or not (text[idx[j]:idx[j] + 1].isupper() and doc[j].is_alpha):
                    break
                left = idx[j]
                if any(not p.alt for p in gaz.lookup(text[left:end])):
                    extra.append((left, end, "GPE" if label in _PLACE_LABELS else label))
            # "Zamboanga del Sur", "Tana River County": a particle and a word, or a class
            # word, after the span can complete a known name (spaCy stops before them).
            tail = _NAME_TAIL.match(text, end)
            if tail and any(not p.alt for p in gaz.lookup(text[start:tail.end()])):
                extra.append((start, tail.end(), "GPE" if label in _PLACE_LABELS else label))
    spans.extend(extra)
    # "TUCSON – Kindergartners use ...": spaCy tags a dateline's capitals as a common noun and
    # no entity; a line's opening capitals before a dateline's punctuation are a candidate
    spans.extend((m.start(1), m.end(1), "DATELINE") for m in _LINE_CAPS.finditer(text)
                 if len(m.group(1)) >= 4 and _DATELINE.match(text, m.end(1)) and text[m.end(1)] != ":"
                 and any(not p.alt for p in gaz.lookup(m.group(1))))  # (not a memo's "DATE:", "TO:")
    spans.extend(_region_spans(gaz, text))
    spans.extend(_party_state_spans(gaz, text))
    # Markdown posts: spaCy reads "[Philippines](http://..." as one token; a link's text
    # that is a whole known name is a candidate of its own.
    spans.extend((m.start(1), m.end(1), "LINK") for m in _MD_LINK.finditer(text)
                 if any(not p.alt for p in gaz.lookup(m.group(1))))
    out = []
    for start, end, label in spans:
        s, e = _whole_compound(text, start, end)
        if (s, e) != (start, end) and _country_pair(gaz, text[s:e]):
            s, e = start, end  # "US-China", "UK-India": two countries, not one unknown compound
        out.append((s, e, label))
    return out


def _country_pair(gaz: Gazetteer, name: str) -> bool:
    """Is a hyphenated name no place of its own but two known places, one a country ("India-China",
    "US-Mexico")? "Timor-Leste", "Guinea-Bissau" and "Kalgoorlie-Boulder" are names of their own."""
    parts = name.split("-")
    if len(parts) != 2 or _lookup(gaz, name):
        return False
    found = [_lookup(gaz, part) for part in parts]
    return all(found) and any(p.kind == "country" for places in found for p in places)


def _whole_compound(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to the capitalized hyphenated name it is part of.

    "Altai" of "Govi-Altai" (a province) is not the town Altai; "Govi-Altai" is looked up
    whole. Only capitalized parts glued by a hyphen count ("Kenya-based" stays "Kenya").
    """
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        left = start - 1
        while left > 0 and text[left - 1].isalpha():
            left -= 1
        if not text[left].isupper() or start - 1 - left < 2:
            break  # ("R-Neb.": a one-letter party code, not part of a name)
        start = left
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
        right = end + 1
        while right < len(text) and text[right].isalpha():
            right += 1
        if right - end - 1 < 2:
            break
        end = right
    return start, end


@lru_cache(maxsize=1)
def _region_patterns(gaz: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The region-name regex (``re.I``) and the same without ``re.I`` for :func:`ascii_folded` text.

    The second one finds the same spans ~3x faster; it is None if a name needs ``re.I``'s
    own case rules (see :mod:`pipeline.extract.knowledge.casefold_scan`).
    """
    names = sorted({p_name for key, places in gaz.index.items() for p in places
                    if p.source == "region" for p_name in [key] if " " in key},
                   key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    # The first letters as a lookahead: the engine rejects most positions with one test
    # instead of trying every name there (same matches, scan ~2x faster).
    first = "".join(sorted({re.escape(n[0]) for n in names}))
    any_case = re.compile(rf"\b(?=[{first}])(?:{alt})\b", re.I)
    return any_case, folded_pattern(any_case)


# "Elizabeth Warren, D-Massachusetts", "(R-New York)": a legislator's party and state.
_PARTY_STATE = re.compile(r"(?<![\w-])[DRI]-([A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?)\b")


def _party_state_spans(gaz: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """The state of a party-and-state label, when the gazetteer knows it as a region
    (two-letter codes such as "D-GA" and abbreviations such as "R-Ky." are left out:
    a postal code is no name)."""
    spans = []
    for m in _PARTY_STATE.finditer(text):
        for end in (m.end(1), m.start(1) + len(m.group(1).split()[0])):
            if any(p.kind == "region" and not p.alt for p in gaz.lookup(text[m.start(1):end])):
                spans.append((m.start(1), end, "GPE"))
                break
    return spans


def _region_spans(gaz: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """Multi-word regions written partly in lower case ("East Asia and the Pacific")."""
    any_case, lower_case = _region_patterns(gaz)
    folded = ascii_folded(text) if lower_case is not None else None
    found = any_case.finditer(text) if lower_case is None or folded is None else lower_case.finditer(folded)
    return [(m.start(), m.end(), "REGION") for m in found]


def _org_blocks(ctx: Context, orgs: list[OrgEntity], start: int, end: int, gaz: Gazetteer,
                place: Place | None) -> bool:
    """True when the mention is part of an organization's (or venue's) name."""
    text = ctx.text
    for org in orgs:
        for s, e in org.spans:
            if not (s <= start and end <= e) or (s == start and e == end):
                continue
            before = re.sub(r"\s+(?:the|The)$", "", text[s:start].rstrip())
            if before.endswith(" in") or before == "in":
                return False
            if place is not None and place.kind == "country" and before.endswith(" of"):
                head = before[:-3]
                if " of " in head or sum(w[:1].isupper() for w in head.split()) >= 2:
                    return False
            return True
    # A following capitalised head word ("Almaty Cluster Office", "Nairobi Team").
    nxt = re.match(r"\s+((?:[A-Z][\w-]*\s+){0,3}?)([A-Z][\w-]*)", text[end:end + 60])
    if nxt and nxt.group(2) in gaz.org_heads:
        return True
    prev = text[max(0, start - 60):start]
    return bool(_NAME_PREFIX.search(prev))


def _kind_hint(text: str, end: int) -> str | None:
    words = re.findall(r"\w+", text[end:end + 30])[:2]
    if any(w.casefold() in get_gazetteer().region_words for w in words):
        return "region"
    return None


# "the states of Oaxaca, Chiapas and Guerrero", "10 districts ..., including Rajanpur, ...".
_CLASS_LEAD = re.compile(r".*\b(?P<cls>states|provinces|regions|districts|counties|divisions|cities|towns)\b"
                         r"[^.;:\n]{0,40}?\b(?:of|such\s+as|like|including)\s+(?:the\s+)?$", re.I | re.S)
_PLURAL_TAIL = re.compile(r"\s+(?:states|provinces|regions|districts|counties|divisions)\b", re.I)


def _list_hints(text: str, mentions: list[_Mention]) -> None:
    """A class word before or after a coordinated list of places gives all of them its kind.

    "the Amhara, Oromia and Afar regions", "the states of Oaxaca, Chiapas and Guerrero":
    the names are also cities (or look like them), but the text says they are regions.
    """
    chains: list[list[_Mention]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if chains and _COORD.fullmatch(text[chains[-1][-1].end:m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    for chain in chains:
        # The pattern starts with ".*" (DOTALL) and must end in whitespace, so a match
        # anywhere is a match from 0: ``match`` finds the same one without retrying at
        # every later start, which cost a third of this extractor's time.
        before = text[max(0, chain[0].start - 70):chain[0].start]
        lead = _CLASS_LEAD.match(before) if before[-1:].isspace() else None
        hint = None
        if lead:
            hint = "city" if lead["cls"].lower() in {"cities", "towns"} else "region"
        elif len(chain) > 1 and _PLURAL_TAIL.match(text, chain[-1].end):
            hint = "region"
        if hint:
            for m in chain:
                m.kind_hint = hint


def _is_island(name: str) -> bool:
    return name.casefold().endswith(("island", "islands"))


def _lookup(gaz: Gazetteer, name: str) -> list[Place]:
    found = gaz.lookup(name)
    if not found:
        stripped = _STRIP_TAIL.sub("", _STRIP_HEAD.sub("", name))
        if stripped != name:
            found = gaz.lookup(stripped)
    return found


def _context_countries(ctx: Context, gaz: Gazetteer, mentions: list[_Mention],
                       ents: list[tuple[int, int, str, int, int]]) -> Counter[str]:
    """Countries the article is about: unambiguous places, demonyms, the site's TLD."""
    ctxc: Counter[str] = Counter()
    for m in mentions:
        if any(p.country_code is None for p in m.candidates):
            continue  # "Andes": the range, or a town in Colombia; it says nothing about the country
        ccs = {p.country_code for p in m.candidates if p.country_code}
        if len(ccs) == 1 and any(p.kind == "country" for p in m.candidates):
            ctxc[ccs.pop()] += 2
        elif len(ccs) == 1:
            ctxc[next(iter(ccs))] += 1
    for start_char, end_char, label, _, _ in ents:
        if label == "NORP":
            cc = gaz.demonym(ctx.text[start_char:end_char])
            if cc:
                ctxc[cc] += 1
    site = gaz.site_country(ctx.article.url)
    if site:
        ctxc[site] += 1
    return ctxc


def _score(p: Place, ctxc: Counter[str], kind_hint: str | None) -> float:
    s = math.log10(max(p.population, 10)) / 2
    if p.kind == "country":
        s += 3
    if p.country_code and ctxc.get(p.country_code):
        s += 4 + min(ctxc[p.country_code], 4)
    if p.alt:
        s -= 1
    if kind_hint == p.kind and kind_hint in {"region", "city"}:
        s += 3
    return s


_AFTER_COMMA = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


def _qualifiers(gaz: Gazetteer, text: str, end: int) -> frozenset[str]:
    """The countries of a state or country written after a town ("Paris, Texas" -> US)."""
    m = _AFTER_COMMA.match(text, end)
    if m is None:
        return frozenset()
    for words in (m[1], m[1].split()[0]):
        found = {p.country_code for p in _lookup(gaz, words.rstrip(".")) if p.kind in {"region", "country"}
                 and p.country_code}
        if found:
            return frozenset(found)
    return frozenset()


def _resolve(m: _Mention, ctxc: Counter[str]) -> Place | None:
    cands = m.candidates
    if not cands:
        return None
    # A city and a same-named subdivision of its country: the city, unless "X State".
    if m.kind_hint != "region":
        cities = {(p.country_code, norm_key(p.name)) for p in cands if p.kind == "city"}
        cands = [p for p in cands if not (p.source == "subdivision" and any(
            cc == p.country_code for cc, _ in cities))] or cands
    ranked = sorted(cands, key=lambda p: _score(p, ctxc, m.kind_hint), reverse=True)
    best = ranked[0]
    if best.kind == "city" and m.kind_hint != "city" and not m.qualifiers:
        # "Jamaica", "Lebanon" in a US story: the country, not a small US namesake ("Lebanon, Indiana"
        # is written with its state)
        # (the country may be listed under another name: "Palestine" is "Palestinian Territory")
        country = next((p for p in cands if p.kind == "country" and not p.alt
                        and norm_key(best.name) in {norm_key(p.name), norm_key(m.text)}), None)
        if country is not None:
            return country
    # "the Moulin Rouge in Paris", "a flight from Vienna" in a US story: a world city is meant over
    # a small namesake of the story's country ("Paris, Texas" is written with its state, which
    # leaves only the namesake among the candidates).
    # (a city's own name only: "Canton" is Guangzhou's old name and a town in Ohio)
    world = max((p for p in cands if p.kind == "city" and not p.alt), key=lambda p: p.population, default=None)
    if world is not None and best.kind == "city" and world.population >= 1_000_000 \
            and world.population >= 50 * max(best.population, 1) and best.country_code not in m.qualifiers:
        return world
    if len(ranked) > 1:
        second = ranked[1]
        diff = _score(best, ctxc, m.kind_hint) - _score(second, ctxc, m.kind_hint)
        # "London" (GB, 8.9M; CA, 350k), "Boston" (US, 650k; GB, 45k): a large city ten times
        # its namesake's size is meant.
        world_city = best.population >= 10 * second.population and (
            best.population >= 1_000_000 or best.kind == "city" and best.population >= 250_000)
        if second.country_code != best.country_code and diff < 0.75 and not world_city:
            # "Ontario", "Virginia", "Norfolk": a country's first-level subdivision over small
            # towns of other countries (not over Portland, Oregon or Jerusalem)
            subs = [p for p in ranked if p.kind == "region" and p.source in {"subdivision", "us_state"}
                    and not p.alt]
            if len(subs) == 1 and all(p.population < 250_000 for p in ranked
                                      if p.kind == "city" and p.country_code != subs[0].country_code):
                return subs[0]
            # "Cambridge", "Bristol" in a story about Britain that names the US once: the namesake in
            # the country the article is clearly about (twice as cited as any other)
            dom = _dominant(ctxc)
            mine = [p for p in ranked if p.country_code == dom and p.kind == best.kind]
            if dom is not None and mine and not m.qualifiers:
                return mine[0]
            return None  # genuinely ambiguous: keep the name, do not guess
    return best


def _place_like(candidates: list[Place], doc: Doc, start: int, end: int, text: str) -> bool:
    """Whether text[start:end], not tagged a place by spaCy, is introduced like one.

    Takes char offsets: most callers have no candidates and return before the Span
    (``doc.char_span``, expanded to tokens) is built.
    """
    if any(p.kind == "country" or p.source == "region" for p in candidates):
        return True
    if not candidates:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span.start == 0:
        return False
    i = span.start - 1
    # "in the Sylhet division"; cities take no article ("at the University" is no town).
    if doc[i].lower_ == "the" and i > 0 and any(p.kind == "region" for p in candidates):
        i -= 1
    before = doc[i].lower_
    after = doc[span.end:span.end + 2].text
    if _CLASS_BEFORE.search(text[max(0, span.start_char - 40):span.start_char]) \
            or _KIND_OF_BEFORE.search(text[max(0, span.start_char - 30):span.start_char]):
        return True
    if any(p.kind == "region" for p in candidates) and _kind_hint(text, span.end_char) == "region":
        return True  # "the Sindh province", "Amhara, Oromia and Afar regions"
    return before in get_gazetteer().locative_words or bool(re.match(r",\s*[A-Z]", after))


def _shrink(span: Span, gaz: Gazetteer) -> tuple[list[Place], int, int, str]:
    """An unknown GPE/LOC whose inner words name a known place ('SFT Timor-Leste')."""
    words = list(span)
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            sub = span.doc[span.start + i:span.start + i + size]
            if not sub.text[:1].isupper():
                continue
            found = [p for p in gaz.lookup(sub.text)
                     if p.kind == "country" or p.source == "region"]
            if found:
                return found, sub.start_char, sub.end_char, sub.text
    return [], span.start_char, span.end_char, span.text


def _landform(span: Span, gaz: Gazetteer) -> bool:
    words = span.text.split()
    return len(words) > 1 and words[-1] in gaz.landform_words and span.text[:1].isupper()


def _landform_region(span: Span, gaz: Gazetteer) -> Place:
    """'Jordan Valley', 'Gaza Strip': a region of the country it names, not the country.

    Shrinking such a name to its inner country would put a valley on the map as a
    whole country; the feature keeps its own name, kind region and that country's code.
    """
    inner, *_ = _shrink(span, gaz)
    ccs = {p.country_code for p in inner if p.country_code}
    name = re.sub(r"^(?:the|The)\s+", "", span.text)
    return Place(name, "region", ccs.pop() if len(ccs) == 1 else None, None, None, None, 0, "landform")


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\w\n]*$")


def _caps_run(text: str, start: int) -> bool:
    """Is the word before ``start`` (on the same line) in capitals too ("CONTACT US")?"""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and len(m.group(1)) > 1 and m.group(1).isupper()


def _is_name_like(span: Span, gaz: Gazetteer) -> bool:
    words = [t for t in span if not t.is_punct]
    if not words or any(t.like_num or any(c.isdigit() for c in t.text) for t in words):
        return False
    if len(span.text) < 3 or "\n" in span.text.strip():
        return False
    if len(words) == 1 and (words[0].is_stop or words[0].text.casefold() in gaz.not_places):
        return False
    return all(t.text[:1].isupper() or t.is_stop for t in words) and words[0].text[:1].isupper()


_SMALL_TOWN = 200_000  # population under which a town abroad yields to the article's country
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")
_THEN_AND = re.compile(r"\s+(?:and|or)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")
_THEN_NAME = re.compile(r",\s*([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def _name_words(ctx: Context, person_spans: list[tuple[int, int]],
                ents: list[tuple[int, int, str, int, int]]) -> dict[str, list[tuple[int, int]]]:
    """Folded words of the article's multi-word person names (people extractor and spaCy PERSON).

    A surname or given name said alone ("For Angara, the goal is ...", "Aracely has got
    involved") is that person again, not a town that shares the name: one entity, one type.
    """
    text = ctx.text
    spans = [(s, e) for s, e in person_spans]
    spans += [(s, e) for s, e, label, _, _ in ents if label == "PERSON"]
    words: dict[str, list[tuple[int, int]]] = {}
    gaz = get_gazetteer()
    for s, e in spans:
        parts = _WORD.findall(text[s:e])
        if len(parts) >= 2 and not any(not p.alt for p in gaz.lookup(text[s:e])):
            # ("Ho Chi Minh City" tagged PERSON is the city: a whole known name is no person)
            for w in parts:
                words.setdefault(norm_key(w), []).append((s, e))
    return words


def _person_words(text: str, person_spans: list[tuple[int, int]]) -> frozenset[str]:
    """Folded words a person of the article is called by alone: the last word of each multi-word
    name the people extractor found ("Sondland" of "Gordon Sondland"), and its first word when a
    known given name ("Alexey" of "Alexey Grigorev": news and blogs call people by either)."""
    out = set()
    given = get_lexicon().given_names
    for s, e in person_spans:
        parts = _WORD.findall(text[s:e])
        if len(parts) >= 2:
            out.add(norm_key(parts[-1]))
            if parts[0].casefold() in given:
                out.add(norm_key(parts[0]))
    return frozenset(out)


_STRONG_LOCATIVES = frozenset({"in", "near", "throughout", "visited", "outside"})


def _person_said_alone(m: _Mention, text: str, person_words: frozenset[str]) -> bool:
    """"suggestions from Sondland", "thanks to David": a person of the article called by one name
    is that person, even after "from", "to" or "at"; only "in", "near" or "throughout" ("schools
    in Jackson") make it a town. Only towns are dropped, never a country, state or region."""
    if " " in m.text.strip() or norm_key(m.text) not in person_words:
        return False
    if any(p.kind != "city" for p in m.candidates):
        return False  # a country, a state or a region ("Washington") is said of itself
    return not _strong_locative_before(text, m.start)


def _strong_locative_before(text: str, start: int) -> bool:
    """"in X", "near the X", "throughout X": words that introduce a place whatever else X names."""
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 30):start])
    if words and words[-1].lower() == "the":
        words = words[:-1]
    return bool(words) and words[-1].lower() in _STRONG_LOCATIVES


def _org_words(ctx: Context, orgs: list[OrgEntity]) -> tuple[frozenset[str], frozenset[str]]:
    """Folded full names/aliases of the article's organizations, and the words of their names.

    "Sugar" of "Sugar Labs", "Javeriana" of "Pontificia Universidad Javeriana": a word that
    the article uses inside an organization's name is that organization said short.
    """
    text = ctx.text
    names: set[str] = set()
    words: set[str] = set()
    for org in orgs:
        forms = [org.name, *org.aliases, *(text[s:e] for s, e in org.spans)]
        for form in forms:
            names.add(norm_key(form))
            parts = _WORD.findall(form)
            if len(parts) >= 2:
                words.update(norm_key(w) for w in parts if w[:1].isupper())
    return frozenset(names), frozenset(words)


def _org_leads(orgs: list[OrgEntity], heads: frozenset[str]) -> frozenset[str]:
    """The word that opens a "<Word> <Head>" name: "Temple" of "Temple University", "Imperial" of
    "Imperial College London", "Wharton" of "Wharton School". Said alone in that article it is
    the body said short (readers say "Temple", "Imperial"), where "University of Lagos" names a town."""
    leads: set[str] = set()
    for org in orgs:
        for form in (org.name, *org.aliases):
            parts = form.split()
            if len(parts) >= 2 and parts[1] in heads and parts[0][:1].isupper() and parts[0].isalpha():
                leads.add(norm_key(parts[0]))
    return frozenset(leads)


def _locative_before(text: str, start: int) -> bool:
    """'in X', 'near the X', 'from X': the words before the mention introduce a place."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, start - 40):start])]
    if words and words[-1] == "the":
        words = words[:-1]
    gaz = get_gazetteer()
    if len(words) > 1 and words[-1] == "of" and words[-2] in gaz.of_locative_words:
        return True  # "outside of Beirut", "north of Kampala", "the province of Rizal"
    return bool(words) and words[-1] in gaz.locative_words


def _other_type(m: _Mention, text: str, name_words: dict[str, list[tuple[int, int]]],
                org_names: frozenset[str],
                org_words: frozenset[str], label_votes: dict[str, Counter[str]],
                org_heads: frozenset[str] = frozenset(), org_leads: frozenset[str] = frozenset()) -> bool:
    """True when the mention names a person or an organization of this article, not a place.

    Countries and supra-national regions are never dropped ("Rwanda" in "Government of
    Rwanda"); a place word that is also a name part stays a place when the text introduces
    it as one ("in Angara", "the Afar region", a list of places).
    """
    cands = m.candidates
    if any(p.kind == "country" or p.source == "region" for p in cands):
        return False
    key = norm_key(m.text)
    at_body = re.search(r"\bat\s+(?:the\s+)?$", text[max(0, m.start - 8):m.start])
    if key in org_leads and all(p.population < _BIG_TOWN for p in cands) and (
            at_body or not _locative_before(text, m.start)):
        return True  # "Temple" beside "Temple University", "students at Imperial": the body said short
    words = [norm_key(w) for w in _WORD.findall(m.text)]
    if not words:
        return False
    # (a name's words must come from another mention: "in St Elizabeth" tagged PERSON is
    # no evidence against itself)
    person = all(any(e <= m.start or s >= m.end for s, e in name_words.get(w, ())) for w in words)
    # A known town said alone is still the town ("Lagos" beside "University of Lagos");
    # only a name the gazetteer does not know is taken for a word of an organization's name.
    unknown = not cands or all(p.alt for p in cands)
    org = key in org_names or unknown and all(w in org_words for w in words)
    votes = label_votes.get(key, Counter())
    other_label = votes["ORG"] + votes["PERSON"] > votes["GPE"] + votes["LOC"]
    # "the Centre", "Universidad del Trabajo": an organization's head word is no place name.
    head = len(words) == 1 and m.text in org_heads
    if head:
        return True
    if not (person or org or (other_label and unknown)):
        return False
    if m.kind_hint or _CLASS_BEFORE.search(text[max(0, m.start - 40):m.start]):
        return False
    # "in Angara", "schools in St Elizabeth": the text introduces a place; but a name only
    # known as part of an organization's is that organization ("developers in Sugar").
    if org and unknown and not person:
        return True
    return not _locative_before(text, m.start)


# "YouTube", "RStudio", "Node.js": a product's or platform's shape; names such as "McAllen",
# "DeKalb", "LaGrange" or "KwaZulu" open with a name's head before the inner capital
# (``inner_capital_prefixes`` in models/people_words.json).
_INNER_CAPITAL = re.compile(r"^([A-Za-z]*?[a-z])[A-Z]")
_DOTTED_PRODUCT = re.compile(r"^[A-Za-z]+\.[a-z]{2,}$")


def _acronym_line_head(name: str) -> bool:
    """Is a capitalized word that opens a line like a dateline an acronym rather than an unknown
    town ("SQL — the main tool", "FYI:", "PS:", "DOI", "CNN:")? A dateline town no gazetteer
    knows has a name of four letters or more; three or fewer, a known organization's acronym or
    a concept of models/org_lexicon.json ("DOCX") are the line's label."""
    lex = get_lexicon()
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 3 or name in lex.by_acronym or fold(name) in lex.concepts


_EVERYDAY_TOWN_MAX = 100_000  # population under which a town named like a word needs a place's context


def _everyday_town(m: _Mention, text: str) -> bool:
    """Is a one-word name that pages write as an everyday word or a given name ("Closed",
    "Carpentry", "Julia", "Gloria") only the name of small towns, with nothing around it that
    says place ("in X", "X, Texas")? Then it is the word or the person: a reader takes "Julia"
    in a post about programming languages for the language, not a Bulgarian village.
    """
    name = m.text
    if " " in name or len(name) < 4 or not name[:1].isupper() or name.isupper() or not m.candidates:
        return False  # ("Pa.", "Ga.": a state's abbreviation)
    lex = get_lexicon()
    key = name.casefold()
    if key not in lex.common_words and key not in lex.given_names:
        return False
    if any(p.kind != "city" or p.population >= _EVERYDAY_TOWN_MAX for p in m.candidates):
        return False
    # "a driver, 52, of Quincy": a hometown after a person's name and age
    hometown = re.search(r"[,\d]\s+of\s+$", text[max(0, m.start - 12):m.start]) is not None
    return not (m.qualifiers or hometown or _locative_before(text, m.start))


def _no_place_word(name: str) -> bool:
    """A name no gazetteer knows that is shaped as no place's: one word that is a product's
    ("YouTube", "Node.js"), a given name ("Kevin", "Janice" in a list of people), an
    everyday word ("Policy", "Carpentry": the capital of a heading or a group's name) or a
    concept of models/org_lexicon.json ("Python": software, "lessons in Python").

    Such a word is a place only where the text says so by a class word ("the X District").
    """
    if " " in name:
        return False
    lex = get_lexicon()
    key = name.casefold()
    inner = _INNER_CAPITAL.match(name)
    product = bool(inner and inner[1].casefold() not in lex.inner_capital_prefixes or _DOTTED_PRODUCT.match(name))
    return product or key in lex.given_names or key in lex.common_words or fold(name) in lex.concepts


def _company_said(doc: Doc, start: int, end: int) -> bool:
    """A company the models know (``"kind": "company"`` in organizations.jsonl) named as itself
    ("order from Amazon", "Amazon's strategy"), not the feature it shares the name with ("home to
    the Amazon", "Amazon forests": ``feature_use``, the organizations extractor's own test)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    org = get_lexicon().by_form.get(org_key(span.text))
    return org is not None and org.kind == "company" and not feature_use(doc, span.start, span.end)


_PLACE_NOUNS = {"location", "resident", "city", "town", "neighbourhood", "neighborhood", "border", "coast",
                "island", "campus", "camp", "township", "locality", "ward", "constituency"}


def _attributive_name(doc: Doc, start: int, end: int, place_nouns: frozenset[str]) -> bool:
    """Does the name at ``[start, end)`` modify the common noun right after it ("the Carpentry
    community", "the Python ecosystem")? Said so, a name the gazetteer lacks names a thing's kind,
    unless the noun is a place's own ("Anbar province", "the Kanto area", "a Dale County resident")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    # (the pipeline runs no lemmatizer: a plural is read off its "s")
    if nxt.lower_ in place_nouns or (nxt.lower_.endswith("s") and nxt.lower_[:-1] in place_nouns):
        return False  # "Anbar province", "the Kanto area", "a Dale County resident": a place's own noun
    return nxt.is_lower and nxt.pos_ == "NOUN" and span[-1].dep_ in {"compound", "amod", "nmod"} \
        and span[-1].head.i == nxt.i


def _place_evidence(m: _Mention, text: str, coordinated: bool, gaz: Gazetteer) -> bool:
    """An unresolved name (unknown to the gazetteer) needs the text to introduce it as a place.

    spaCy's GPE/LOC alone also covers given names ("the mother of Loany and Alondra"),
    products and headline words; a locative word before ("in Sahsa"), a class word
    ("South Monterey County"), a list of known places, a dateline or ", <known place>"
    after it is evidence that holds on any site.
    """
    if m.kind_hint or coordinated:
        return True
    # "in Sahsa" is a place; "in Anthropic's commitment" says nothing (the owner of a noun).
    if _locative_before(text, m.start) and not _POSSESSIVE_AFTER.match(text, m.end):
        return True
    # "South Wales Central", "North Caribbean": a compass word beside a known place.
    words = m.text.split()
    if len(words) > 1 and any(w in gaz.compass_words for w in words) and any(
            w not in gaz.compass_words and any(not p.alt for p in gaz.lookup(w)) for w in words):
        return True
    # "Filabusi, Zimbabwe", "the camps of Ukhiya and Teknaf": a known place after it.
    hit = _THEN_NAME.match(text, m.end) or _THEN_AND.match(text, m.end)
    return bool(hit) and any(not p.alt for p in gaz.lookup(hit.group(1)))


def extract(ctx: Context, orgs: list[OrgEntity], person_spans: list[tuple[int, int]]) -> list[PlaceRow]:
    """One row per distinct place, sorted by first mention.

    ``orgs`` (the organizations extractor's entities) and ``person_spans`` (the people
    extractor's name spans) keep places from being read out of their names.
    """
    gaz = get_gazetteer()
    doc, text = ctx.doc, ctx.text
    mentions: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    # doc.ents builds a Span per entity on every access; read them once.
    ents = [(e.start_char, e.end_char, e.label_, e.start, e.end) for e in doc.ents]
    # Sorted by where the name starts once "the" is trimmed: "the Middle East" must not
    # take the place of "Middle East and North Africa" found at the same word.
    spans = sorted(_candidate_spans(ctx, gaz, ents),
                   key=lambda s: (_clean_span(text, s[0], s[1])[0], -(s[1] - s[0])))
    name_words = _name_words(ctx, person_spans, ents)
    person_words = _person_words(text, person_spans)
    concepts = get_lexicon().concepts
    org_names, org_words = _org_words(ctx, orgs)
    org_leads = _org_leads(orgs, gaz.org_heads)
    place_nouns = frozenset(gaz.region_words | gaz.landform_words | _PLACE_NOUNS)  # "Anbar province"
    label_votes: dict[str, Counter[str]] = {}
    for s_char, e_char, label, _, _ in ents:
        label_votes.setdefault(norm_key(text[s_char:e_char]), Counter())[label] += 1
    n_chars = len(text)
    for raw_start, raw_end, label in spans:
        start, end = _clean_span(text, raw_start, raw_end)
        joined = _extend_hyphen(text, start, end)
        if not _country_pair(gaz, text[start:joined]):
            end = joined
        if end <= start or any(s < end and start < e for s, e in taken):
            continue
        name = text[start:end]
        if gaz.demonym(name) or calendar_word(name):
            continue
        candidates = _lookup(gaz, name)
        if not name.isupper() and name in gaz.us_state_abbr and _ABBR_DOT.match(text, end) \
                and not _PARTY_BEFORE.search(text, max(0, start - 6), start):
            # "the Pa. budget", "State College, Pa., said": a state's AP abbreviation with its period,
            # inside a sentence, is the state, not the town abroad that shares its letters ("Pa",
            # Burkina Faso); "at Penn." ending a sentence may be the university.
            candidates = [gaz.us_state_abbr[name]]
            end, name = end + 1, name + "."  # "Pa.": the abbreviation with its period, as written
        if not candidates and label not in _PLACE_LABELS and label != "REGION" and not name.isupper():
            continue  # unknown to the gazetteer, not a dateline, and spaCy did not call it a place
        coordinated = bool(candidates and mentions and mentions[-1].candidates
                           and _COORD.fullmatch(text[mentions[-1].end:start]))
        # "Afar" is a language and an Ethiopian region: in a list of places, or as
        # "the Afar region", it is the region.
        if norm_key(name) in gaz.languages and not any(p.kind == "country" for p in candidates) \
                and not (candidates and (coordinated or _kind_hint(text, end) == "region")):
            continue
        dateline = name.isupper() and (_DATELINE.match(text[end:end + 20]) is not None
                                       and start - (text.rfind("\n", 0, start) + 1) <= 2
                                       or len(name) > 2 and _DATELINE_MID.match(text, end) is not None)
        if dateline and not candidates and _acronym_line_head(name):
            continue  # "SQL — the main tool", "FYI:", "PS:", "ODT, 10KB": a line's acronym, no town
        if dateline:
            dc = _DC.match(text, end)
            whole = _lookup(gaz, text[start:dc.end()]) if dc is not None else []
            if dc is not None and whole:  # "WASHINGTON, D.C." is the city's own name in the gazetteer
                end, name, candidates = dc.end(), text[start:dc.end()], whole
            candidates = [p for p in candidates if p.kind in {"city", "country"}]
        elif name.isupper() or name.casefold() in gaz.not_places:
            # Acronyms ("NAN", "UN") are organizations unless a country's ("UK", "DRC"); "US" only
            # in capitals inside running text ("Contact Us", "JOIN US", "US$ 5" are none)
            candidates = [p for p in candidates if p.kind == "country"]
            if name.casefold() == "us" and (name != "US" or _caps_run(text, start) or text[end:end + 1] == "$"):
                continue
            if not candidates:
                continue
        if end > n_chars:
            continue  # doc.char_span would give None (0 <= start < end holds here)
        if " " in name and name.rsplit(None, 1)[-1] in gaz.venue_tails:
            continue  # "Ramsey County District Court", "Arapahoe County Jail": a venue or a body, no place
        if label in _PLACE_LABELS and not candidates:
            span = doc.char_span(start, end, alignment_mode="expand")
            if _landform(span, gaz):
                candidates = [_landform_region(span, gaz)]
            else:
                candidates, start, end, name = _shrink(span, gaz)
                span = doc.char_span(start, end, alignment_mode="expand")
                if not candidates and not _is_name_like(span, gaz):
                    continue
                if not candidates and re.match(r"\s+\d", text[end:end + 4]):
                    continue  # "Grades 1 to 6", "Form 4": a label with a number, not a place
        # spaCy did not call it a place: trust the gazetteer only for countries,
        # regions, or a city/state introduced like a place ("in Dushanbe").
        if label not in _PLACE_LABELS and label != "REGION" and not dateline and not coordinated \
                and not _place_like(candidates, doc, start, end, text):
            continue
        inside = [(s, e) for s, e in person_spans if s <= start and end <= e]
        # A "person" that is exactly a known place in a list of places is the place.
        listed = coordinated or _COORD.match(text, end) is not None and text[end:end + 1] == ","
        if inside and not (inside == [(start, end)] and listed and any(
                p.kind == "country" or p.source in {"subdivision", "us_state", "region"} for p in candidates)):
            continue
        hint = "region" if _STRIP_TAIL.search(name) and not _is_island(name) else None
        hint = "city" if dateline else hint or _kind_hint(text, end)
        m = _Mention(start, end, name, label, candidates, kind_hint=hint, qualifiers=_qualifiers(gaz, text, end))
        if not dateline and _other_type(m, text, name_words, org_names, org_words, label_votes,
                                         gaz.org_heads, org_leads):
            continue
        if not dateline and not m.kind_hint and _person_said_alone(m, text, person_words):
            continue
        if not candidates and not dateline and not m.kind_hint and _no_place_word(name):
            continue
        if not dateline and not m.kind_hint and _everyday_town(m, text):
            continue  # "Closed", "Carpentry", "Julia": a word or a given name that only small towns share
        if not dateline and not m.kind_hint and fold(name) in concepts \
                and all(p.kind != "country" for p in candidates) and not _strong_locative_before(text, start):
            continue  # "Linux", "Java": software and platforms, though some town or island has the name
        if not dateline and not m.kind_hint and _company_said(doc, start, end):
            continue  # "Get it on Amazon": the company, though a region has the name
        # (a name matched only as some town's alternate name is as good as unknown)
        weak = all(p.alt for p in candidates)
        listed = bool(mentions and _COORD.fullmatch(text[mentions[-1].end:start]))
        if (not candidates or weak) and not dateline and (
                not _place_evidence(m, text, listed, gaz) or _attributive_name(doc, start, end, place_nouns)):
            continue  # ("in the Carpentry community": an unknown name modifying a noun names no place)
        us_city = any(p.country_code == "US" and p.kind == "city" for p in candidates)
        # Washington, DC: a US city with "DC" is one name.
        st = _US_STATE_ABBR.match(text, end)
        if st and us_city:
            m.end, m.text = st.end(), text[start:st.end()]
            m.candidates = [p for p in candidates if p.country_code == "US" and p.kind == "city"]
        taken.append((m.start, m.end))
        mentions.append(m)
        # "Mountain View, CA", "CAMBRIDGE, Mass, February 5": the town, then its state.
        st = _STATE_AFTER.match(text, m.end)
        state = (gaz.us_state_abbr.get(st.group(1)) or gaz.us_state_abbr.get(st.group(1).rstrip("."))) if st else None
        if st and state is not None and (us_city or dateline or not candidates):
            if us_city:
                m.candidates = [p for p in candidates if p.country_code == "US" and p.kind == "city"]
            bare = st.group(1).rstrip(".")
            abbr = bare if bare.isalpha() and bare.isupper() else st.group(1)
            taken.append((st.start(1), st.start(1) + len(abbr)))  # (a postal code's period ends the sentence)
            mentions.append(_Mention(st.start(1), st.start(1) + len(abbr), abbr, "STATE", [state],
                                     kind_hint="region"))

    _list_hints(text, mentions)
    ctxc = _context_countries(ctx, gaz, mentions, ents)
    kept: list[_Mention] = []
    for m in mentions:
        m.resolved = _resolve(m, ctxc)
    _split_city_and_region(mentions)
    dominant = _dominant(ctxc)
    # What each town adds to the context by itself (a town must not vouch for its own country).
    own: dict[str | None, Counter[str]] = {}
    for m in mentions:
        if m.resolved is not None and m.resolved.country_code and len(
                {c.country_code for c in m.candidates}) == 1:
            own.setdefault(m.resolved.geonameid, Counter())[m.resolved.country_code] += 1
    for m in mentions:
        if _org_blocks(ctx, orgs, m.start, m.end, gaz, m.resolved) or _country_as_adjective(m, text):
            continue
        if m.text in gaz.compass_words and m.resolved is not None and m.resolved.country_code != dominant:
            # "the South", "out West": a part of a country or of the world, not Cameroon's South or West
            # region (that only in an article about Cameroon); a country only where the text gives one
            m.resolved, m.kind_hint = None, "region"
        if m.resolved is not None and m.resolved.kind == "city":
            others = ctxc - own.get(m.resolved.geonameid, Counter())
            home = _dominant(others, 2)
            if home and _foreign_small_town(m, others, text, gaz):
                m.candidates, m.resolved, m.country = [], None, home
        kept.append(m)
    return _rows(ctx, kept, dominant or _dominant(ctxc, 1))


# "U.S. District Judge", "U.K. Foreign Office", "US President": an abbreviated country before a
# capitalized word; a capitalized function word after it opens the next sentence ("... the U.S. In 2020").
_CAPITAL_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)")
_ABBREVIATED_COUNTRY = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z]{2,3}$")


def _country_as_adjective(m: _Mention, text: str) -> bool:
    """A country written before a capitalized word is the adjective of a body or a name
    ("U.S. District Judge", "U.K. Aid", "United States Marine Corps", "New Zealand High Court"), as a
    demonym is: not a mention of the place. Its other mentions, as a noun ("in the U.S."), still count,
    and so does a country before a post's head word ("U.S. Senators"): a post is no organization name.

    A full name needs more than the abbreviation: not a line's first word (a heading), and the word
    after it no place ("Singapore City"), month or weekday ("Kenya Monday").
    """
    if not any(p.kind == "country" for p in m.candidates):
        return False
    after = _CAPITAL_WORD_AFTER.match(text, m.end)
    if not after or after.group(1).casefold() in STOP_WORDS:
        return False
    word = after.group(1)
    heads = get_lexicon().title_heads
    if fold(word) in heads or fold(word)[:-1] in heads:
        return False  # "U.S. Senators", "Kenya President": a post held in the country names it
    if _ABBREVIATED_COUNTRY.match(m.text):
        return True
    return m.start > 0 and text[m.start - 1] not in "\n" and not get_gazetteer().lookup(word) \
        and not calendar_word(word)


def _dominant(ctxc: Counter[str], least: int = 3) -> str | None:
    """The country an article is clearly about: the most cited, at least twice the next one."""
    top = ctxc.most_common(2)
    if not top or top[0][1] < least or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def _foreign_small_town(m: _Mention, ctxc: Counter[str], text: str, gaz: Gazetteer) -> bool:
    """A small town the gazetteer only knows abroad, in an article about another country.

    "Dalu" in a Kenyan school story is a Kenyan village, not the Chinese town of 48,000
    that GeoNames lists; large cities ("Zürich", "Milan") and national capitals keep their own
    country, and so does a town the text puts in a country ("Dalu, China").
    """
    p = m.resolved
    if p is None or p.kind != "city" or p.population >= _SMALL_TOWN or ctxc.get(p.country_code or "") \
            or p.geonameid in gaz.capitals:
        return False  # ("Suva", "Apia", "Honiara": a country's capital is that capital wherever it is named)
    if any(c.country_code in ctxc for c in m.candidates):
        return False
    hit = _THEN_NAME.match(text, m.end)
    return not (hit and any(c.kind == "country" for c in gaz.lookup(hit.group(1))))


def _split_city_and_region(mentions: list[_Mention]) -> None:
    """'Oaxaca de Juárez' and 'Oaxaca' in one article: the long form is the city, the bare name the state.

    When an article names a city by a longer form of its name, its bare name (also the
    name of a subdivision of that country) means the subdivision.
    """
    longer = {m.resolved.geonameid for m in mentions if m.resolved is not None and m.resolved.kind == "city"
              and norm_key(m.text) != norm_key(m.resolved.name)
              and norm_key(m.text).startswith(norm_key(m.resolved.name) + " ")}
    for m in mentions:
        p = m.resolved
        if p is None or p.geonameid not in longer or norm_key(m.text) != norm_key(p.name):
            continue
        subs = [c for c in m.candidates if c.source == "subdivision" and c.country_code == p.country_code]
        if subs:
            m.resolved = subs[0]


def _display_name(group: list[_Mention], place: Place | None) -> str:
    """The most used form, preferring forms that are the place's own name."""
    forms = Counter(" ".join(m.text.split()) for m in group)
    if place is not None:
        own = norm_key(place.name).replace("-", " ")
        same = Counter({f: c for f, c in forms.items() if norm_key(f).replace("-", " ") == own})
        if same:
            forms = same
    # "LONDON" (a dateline, a headline) is London: all-capital forms yield to any other,
    # and alone take the gazetteer's casing ("U.S.", "NY" are kept).
    mixed = Counter({f: c for f, c in forms.items() if not (f.isupper() and sum(ch.isalpha() for ch in f) > 3)})
    if mixed:
        forms = mixed
    elif place is not None and norm_key(place.name) == norm_key(next(iter(forms))):
        return place.name
    elif place is None:
        return next(iter(forms)).title()
    best = max(forms.values())
    return next(f for f in (" ".join(m.text.split()) for m in group) if forms.get(f) == best)


_IN_PLACE = re.compile(r"(?:\s+\w+)?,?\s+(?:in|near|of|outside)?\s*,?\s*(?:the\s+)?"
                       r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)")


def _unresolved_country(ctx: Context, gaz: Gazetteer, group: list[_Mention]) -> str | None:
    """'Kibera slum in Nairobi, Kenya': an unknown place takes the country it is put in; a town
    written with its state takes the state's ("Pella, Iowa" in a story about Tanzania is in the US)."""
    for m in group:
        hit = _IN_PLACE.match(ctx.text, m.end)
        if hit:
            ccs = {p.country_code for p in gaz.lookup(hit.group(1))
                   if (p.kind in {"country", "city"} or p.source == "us_state") and not p.alt}
            if len(ccs) == 1:
                return ccs.pop()
    return None


def _compass_part(gaz: Gazetteer, name: str) -> str | None:
    """The country of "Southern California", "Western Maryland", "West Honiara": compass words
    before a place the gazetteer knows in one country; such a part of a place is a region."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and words[k] in gaz.compass_words:
        k += 1
    if k == 0:
        return None
    found = [p for p in gaz.lookup(" ".join(words[k:])) if not p.alt]
    for level in ([p for p in found if p.kind == "country" or p.source == "us_state"], found):
        ccs = {p.country_code for p in level}
        if ccs:
            return ccs.pop() if len(ccs) == 1 and None not in ccs else None
    return None


def _context_country(ctx: Context, gaz: Gazetteer, group: list[_Mention], dominant: str | None) -> str | None:
    """The country of a place the gazetteer cannot put in one: the one the text puts it in
    (:func:`_unresolved_country`), a country a mention was given, else the article's main country."""
    return _unresolved_country(ctx, gaz, group) or next((m.country for m in group if m.country), None) or dominant


def _reading_strength(group: list[_Mention]) -> tuple[bool, int, int, int]:
    """How well a group's reading of a name is vouched for (see ``_one_reading_per_name``)."""
    kind = group[0].resolved.kind if group[0].resolved else None
    return kind is not None, sum(m.kind_hint == kind for m in group if kind), len(group), -group[0].start


def _one_reading_per_name(groups: list[list[_Mention]]) -> list[list[_Mention]]:
    """One place per name in an article, the places table's key with article_id.

    A name read two ways in one article ("Mpumalanga" a town in one sentence and, in a list of
    provinces, the province) is one place: a gazetteer's reading before none, then the reading a
    kind word vouches for ("provinces"), then the one with more mentions, then the first; all its
    mentions take that reading.
    """
    by_name: dict[str, list[_Mention]] = {}
    for group in groups:
        name = _display_name(group, group[0].resolved)
        other = by_name.get(name)
        if other is None:
            by_name[name] = group
            continue
        keep = max((other, group), key=_reading_strength)
        for m in (group if keep is other else other):
            m.resolved = keep[0].resolved
        by_name[name] = sorted(other + group, key=lambda m: m.start)
    return list(by_name.values())


def _rows(ctx: Context, mentions: list[_Mention], dominant: str | None = None) -> list[PlaceRow]:
    """One row per place; ``dominant`` is the article's main country (see :func:`_dominant`;
    here the most cited country at least twice the next even when cited once: a village no
    gazetteer knows is far more often in the country the article names than anywhere else)."""
    gaz = get_gazetteer()
    groups: dict[tuple, list[_Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        p = m.resolved
        key = (p.geonameid or p.name, p.kind) if p else ("?", norm_key(m.text))
        groups.setdefault(key, []).append(m)
    rows = []
    for group in _one_reading_per_name(list(groups.values())):
        first, p = group[0], group[0].resolved
        if p is not None:
            kind, cc = p.kind, p.country_code
            if kind == "city" and all(m.kind_hint == "region" for m in group):
                kind = "region"  # "districts ... including Rajanpur": the district named after its seat
            if p.source == "landform" and cc is None:
                # "Compostela Valley", "Kerio Valley": a valley or river whose name holds no known
                # country lies, like an unknown village, in the country the text or the article gives
                cc = _context_country(ctx, gaz, group, dominant)
        elif (part := _compass_part(gaz, first.text)) is not None:
            kind, cc = "region", part  # "Southern California", "West Honiara": a part of a known place
        else:
            hints = {m.kind_hint for m in group} - {None}
            kind = hints.pop() if len(hints) == 1 else None
            cc = _unresolved_country(ctx, gaz, group)
            if not any(m.candidates for m in group):
                # Unknown to a gazetteer that holds every country, first-level subdivision and
                # town over 15,000 people: most likely a smaller town or village of the
                # country the article is about ("Sahsa" in a Nicaraguan story).
                if kind is None:
                    kind = "region" if _is_island(first.text) else "city"
                cc = _context_country(ctx, gaz, group, dominant)
        rows.append(PlaceRow(
            ctx.article.article_id,
            p.geonameid if p else None,
            _display_name(group, p),
            kind,
            cc,
            p.latitude if p else None,
            p.longitude if p else None,
            len(group),
            ctx.sentence_text(first.start),
            first.start,
            first.end,
        ))
    return rows
