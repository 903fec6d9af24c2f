"""Organization rows after grouping: surface variants of one body merged, places dropped.

Helpers for ``pipeline.extract.organizations`` (the last step of ``_group``). News text
names one body in several word orders, and a reader (or an analyst joining tables) takes
them as one; spaCy also tags regions as ORG. The rules are about the shape of names, not
about any one body:

- ``"Australian Government"`` / ``"the Government of Australia"``: a demonym or country
  before a government word is the same body as "<word> of <country>" (the "of" form is
  the canonical one, as the annotation guidelines write governments);
- ``"Education Department"`` / ``"U.S. Department of Education"``, ``"Health Ministry"`` /
  ``"Ministry of Health"``: "<portfolio> <head>" is a short form of a body named
  "... <head> of/for <portfolio>" in the same article;
- ``"Southfield Primary"`` / ``"Southfield Primary School"``: a name without its final
  institution head word is a short form of the full name in the same article;
- a row whose every form is a place in the places gazetteer (``KwaZulu-Natal``, ``West
  Bank``, ``the Amazon``) and that is not in the organizations gazetteer is a place spaCy
  (or a head word such as "Bank") took for an organization, not a body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from pipeline.extract.base import OrgEntity
from pipeline.extract.knowledge.lexicon import Lexicon, country_name, demonym_country, fold, get_lexicon, org_key


def government_country(name: str) -> str | None:
    """The country of "Australian Government" / "Kenyan government" / "Nauru Government"."""
    m = re.match(r"^(?:the )?(.+?) government$", fold(name))
    if not m:
        return None
    words = m.group(1)
    if words in get_lexicon().regional_demonyms:
        return None  # "Scottish Government" is not the Government of the United Kingdom
    return demonym_country(words) or country_name(words)


def _of_country(name: str) -> str | None:
    m = re.match(r"^(?:the )?government of (?:the )?(.+)$", fold(name))
    return country_name(m.group(1)) if m else None


def _short_head_form(name: str) -> tuple[str, str] | None:
    """("education", "department") for "Education Department" / "Basic Education Ministry"."""
    m = re.match(r"^(?:the )?((?:[\w'-]+ ){1,4})(department|ministry)$", fold(name))
    return (m.group(1).strip(), m.group(2)) if m else None


def _long_head_form(name: str) -> tuple[str, str] | None:
    """("education", "department") for "U.S. Department of Education", "Ministry for Education"."""
    m = re.search(r"\b(department|ministry) (?:of|for) (?:the )?(.+)$", fold(name))
    return (m.group(2).strip(), m.group(1)) if m else None


def _absorb(keep: OrgEntity, gone: OrgEntity) -> None:
    keep.spans.extend(gone.spans)
    for alias in (gone.name, *gone.aliases):
        if org_key(alias) != org_key(keep.name) and alias not in keep.aliases:
            keep.aliases.append(alias)


def merge_variants(orgs: list[OrgEntity], lex: Lexicon) -> list[OrgEntity]:
    """Merge word-order variants of one body (see the module docstring); keep first-seen order."""
    gone: set[int] = set()
    by_country = {}
    for org in orgs:
        country = _of_country(org.name)
        if country:
            by_country.setdefault(country, org)
    long_forms = [(o, _long_head_form(o.name)) for o in orgs]
    for org in orgs:
        country = government_country(org.name)
        target = by_country.get(country) if country else None
        if target is None:
            short = _short_head_form(org.name)
            if short is not None and not lex.known_org(org.name):
                matches = [o for o, f in long_forms if f == short and o is not org]
                # national and state bodies of one portfolio: the short form is the first named
                target = min(matches, key=lambda o: min(o.spans, default=(0, 0))) if matches else None
        if target is not None and target is not org and id(target) not in gone:
            _absorb(target, org)
            gone.add(id(org))
    return [o for o in orgs if id(o) not in gone]




def merge_headless(orgs: list[OrgEntity], lex: Lexicon) -> list[OrgEntity]:
    """"Southfield Primary" beside "Southfield Primary School": the name without its head is an alias.

    A form equal to another organization's name minus its final institution head word
    (School, College, University ...) is a short form of that body, not a second one. A
    known organization keeps its own row ("Mastercard" is not short for a school).
    """
    by_key = {org_key(o.name): o for o in orgs}
    gone: set[int] = set()
    for org in orgs:
        words = org_key(org.name).split()
        if len(words) < 2 or words[-1] not in lex.institution_heads:
            continue
        short = by_key.get(" ".join(words[:-1]))
        if short is None or short is org or id(short) in gone or id(org) in gone \
                or lex.known_org(short.name):
            continue
        _absorb(org, short)
        gone.add(id(short))
    return [o for o in orgs if id(o) not in gone]


def drop_places(orgs: list[OrgEntity], lex: Lexicon) -> list[OrgEntity]:
    """Drop rows that are only places (every form a gazetteer place, no org head word).

    Also drops units named by generic words only ("National Office", "Regional Office" with no
    parent prefix and no alias): they name a part of some body, not an organization one can
    follow; the title parser reads them as part of a title ("Head of National Office").
    """
    from pipeline.extract.knowledge.gazetteer import get_gazetteer

    gaz = get_gazetteer()

    def place_only(form: str) -> bool:
        return any(not p.alt for p in gaz.lookup(form))

    kept = []
    for org in orgs:
        forms = [org.name, *org.aliases]
        if not lex.known_org(org.name) and all(place_only(f) for f in forms):
            continue
        words = fold(org.name).split()
        if len(words) >= 2 and not org.aliases and words[-1] in lex.unit_heads \
                and all(w in lex.generic_unit_words for w in words[:-1]):
            continue
        kept.append(org)
    return kept


def merge_cut_forms(orgs: list[OrgEntity], lex: Lexicon) -> list[OrgEntity]:
    """A name cut short of another name in the article is that body, not a second one.

    "East African School of Library and Information" beside "East African School of Library
    and Information Science", "National Library" beside "National Library of Uganda",
    "Ghana Medical Centre" beside "University of Ghana Medical Centre": pages cut names at
    line ends, markup and "of"/"and"; the short form becomes an alias of the longest name it
    begins or ends. Only forms of two or more words with an organization head word are
    merged, never a known organization, never into a name that only adds a country
    (``_merge_country_forms`` keeps those) or a head of its own (a unit of the body).
    """
    keyed = [(o, org_key(o.name).split()) for o in orgs]
    gone: set[int] = set()
    for org, words in keyed:
        if len(words) < 2 or lex.known_org(org.name) \
                or not any(w in lex.org_heads for w in words):
            continue
        best = None
        for other, owords in keyed:
            if other is org or id(other) in gone or len(owords) <= len(words):
                continue
            rest = owords[len(words):]
            # (a longer name that adds a head of its own is a unit of this body, not its full name:
            # "Makerere University Library", "Sugar Labs Oversight Board")
            prefix = owords[:len(words)] == words and rest[0] not in {"of", "for"} \
                and not any(w in lex.org_heads for w in rest)
            suffix = owords[-len(words):] == words and owords[-len(words) - 1] not in {"and", "&"} \
                and not other.name.endswith(", " + org.name)  # "Department of English, University of X"
            if (prefix or suffix) and (best is None or len(owords) > len(org_key(best.name).split())):
                best = other
        if best is not None:
            _absorb(best, org)
            gone.add(id(org))
    return [o for o in orgs if id(o) not in gone]


def _spelling_key(name: str) -> str:
    """``org_key`` without accents and with "of"/"for" as one connector: the forms a writer
    varies without naming another body ("Académie" / "Academie", "Bank of" / "Bank for")."""
    key = unicodedata.normalize("NFKD", org_key(name))
    key = "".join(c for c in key if not unicodedata.combining(c))
    return re.sub(r"\bfor\b", "of", key)


def merge_spellings(orgs: list[OrgEntity]) -> list[OrgEntity]:
    """Merge rows whose names differ only by accents or an of/for connector; the first-named
    row keeps its name (the other becomes an alias), since both are the text's own forms."""
    first: dict[str, OrgEntity] = {}
    gone: set[int] = set()
    for org in orgs:
        keys = {_spelling_key(f) for f in (org.name, *org.aliases)}
        target = next((first[k] for k in keys if k in first), None)
        if target is not None and target is not org and " " in org.name:
            _absorb(target, org)
            gone.add(id(org))
            continue
        for k in keys:
            first.setdefault(k, org)
    return [o for o in orgs if id(o) not in gone]


def _without_country(name: str) -> str | None:
    """"USAID Mission" for "USAID Liberia Mission": a body's country unit without its country."""
    words = name.split()
    for width in (3, 2, 1):
        for k in range(1, len(words) - width):
            if country_name(" ".join(words[k:k + width])):
                return " ".join(words[:k] + words[k + width:])
    return None


def _merge_into_longer(orgs: list[OrgEntity], shorter: Callable[[str], str | None]) -> list[OrgEntity]:
    """An organization whose name, shortened by ``shorter``, is another's name or alias absorbs that
    other one: the longer form identifies the unit and is canonical (its spans and aliases join it)."""
    by_key: dict[str, OrgEntity] = {}
    for org in orgs:
        for form in (org.name, *org.aliases):
            by_key.setdefault(org_key(form), org)
    gone: set[int] = set()
    for org in orgs:
        short = shorter(org.name)
        if short is None or len(short.split()) < 2:
            continue
        other = by_key.get(org_key(short))
        if other is None or other is org or id(other) in gone or id(org) in gone:
            continue
        _absorb(org, other)
        gone.add(id(other))
    return [o for o in orgs if id(o) not in gone]


def merge_country_units(orgs: list[OrgEntity]) -> list[OrgEntity]:
    """"USAID Liberia Mission" and "USAID Mission" in one article are one unit: a parent's
    unit written once with its country and once without it. The country form is canonical."""
    return _merge_into_longer(orgs, _without_country)


def merge_prefixed(orgs: list[OrgEntity], lex: Lexicon) -> list[OrgEntity]:
    """"UNDP Timor-Leste Accelerator Lab" and "Timor-Leste Accelerator Lab" are one unit.

    A unit written once with its parent's acronym in front and once without is the same
    body; the prefixed form is the canonical one (it identifies the unit).
    """
    def without_acronym(name: str) -> str | None:
        first, _, rest = name.partition(" ")
        return rest if first in lex.by_acronym else None

    return _merge_into_longer(orgs, without_acronym)


def spells(acronym: str, words: list[str]) -> bool:
    """Do the acronym's letters split, in order, into one leading piece of each word?
    "OKCPS" spells "Oklahoma City Public Schools" (OK-C-P-S), "UCT" "University Cape Town"."""
    if not words:
        return not acronym
    head = words[0].lower()
    return any(head.startswith(acronym[:k].lower()) and spells(acronym[k:], words[1:])
               for k in range(1, min(len(acronym), len(head)) + 1))


_NAME_CONNECTORS = frozenset(["of", "for", "and", "the", "&"])


def merge_acronym_prefixed(orgs: list[OrgEntity]) -> list[OrgEntity]:
    """"OKCPS Board of Education" and "Oklahoma City Public Schools Board of Education" are one body.

    A unit named once after its parent's full name and once after the parent's acronym: the
    same words after the prefix, and the acronym's letters spell the other prefix's words. The
    full form is canonical.
    """
    def spelled_out(name: str) -> OrgEntity | None:
        for other in orgs:
            words = other.name.split()
            for k in range(2, len(words)):
                rest = " ".join(words[k:])
                acronym = name[: -len(rest) - 1] if name.endswith(" " + rest) else ""
                prefix = [w for w in words[:k] if w.lower() not in _NAME_CONNECTORS]
                if acronym_form(acronym) and all(w[:1].isupper() for w in prefix) and spells(acronym, prefix):
                    return other
        return None

    gone: set[int] = set()
    for org in orgs:
        keep = spelled_out(org.name)
        if keep is None or keep is org or id(keep) in gone or id(org) in gone:
            continue
        _absorb(keep, org)
        gone.add(id(org))
    return [o for o in orgs if id(o) not in gone]


def acronym_form(word: str) -> bool:
    """One word of 2-8 capital letters ("OKCPS"; not "DepEd")."""
    return 2 <= len(word) <= 8 and " " not in word and word.isupper() and word.isalpha()


def merge_party_plurals(orgs: list[OrgEntity], lex: Lexicon) -> list[OrgEntity]:
    """"Conservatives" after "Scottish Conservatives" in one article is the same party."""
    full = {fold(o.name.split()[-1]): o for o in orgs
            if len(o.name.split()) == 2 and fold(o.name.split()[-1]) in lex.party_plurals}
    gone: set[int] = set()
    for org in orgs:
        target = full.get(fold(org.name))
        if target is not None and target is not org and " " not in org.name:
            _absorb(target, org)
            gone.add(id(org))
    return [o for o in orgs if id(o) not in gone]
