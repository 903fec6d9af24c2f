"""Which country, and which state or province, a text is about.

The people extractor asks, for a head of state's or a governor's government when the text
names no body; the answer is read from the text alone (and the site's country-code domain),
before any place is resolved, so that it can serve any extractor that runs before places.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from pipeline.extract.knowledge.gazetteer import get_gazetteer
from pipeline.extract.knowledge.lexicon import country_name, demonym_country, fold, get_lexicon, place_country


def article_country(doc: Doc | Span, where: bool = True, url: str | None = None, margin: float = 1.0) -> str | None:
    """The country a text is about: most named (countries, their cities, demonyms), if unambiguous.

    Countries count wherever they are written (also inside names: "Agency of Nigeria");
    cities count only where spaCy saw an entity, since many city names are also words, and
    not when they are an organization's or a title's word ("University", "Union", "Republic"
    are words, not towns of the US).
    With ``where=False`` (a person's own sentence) only countries count, and not after
    "in/to/from/at": that is where they spoke or went ("before Filipinos in Kuwait"), not
    whose post. With ``where=True`` a demonym spaCy tagged NORP counts too ("Filipino
    teachers": an editorial names its own country more by adjective than by name), and the
    site's country-code TLD ("presidency.gov.gh") one more: a release from a country's
    presidency often never names the country.
    The top country must be named more than ``margin`` times as often as the next (1: more
    often; a post's government guessed from the whole article asks 2).
    """
    counts: Counter[str] = Counter()
    n, i = len(doc), 0
    while i < n:
        tok = doc[i]
        if not (tok.text[:1].isupper() and not tok.text.isupper() and tok.is_alpha):
            i += 1
            continue
        for width in (3, 2, 1):
            if i + width > n:
                continue
            text = doc[i:i + width].text
            country = country_name(text)
            if country is None and where and tok.ent_type_ in {"GPE", "ORG", "LOC"} and not tok.is_sent_start \
                    and not _word_like(text):
                country = place_country(text)
            if country is None and where and width == 1 and tok.ent_type_ == "NORP":
                country = demonym_country(text)
            if country and (where or i == 0 or doc[i - 1].lower_ not in {"in", "to", "from", "at"}):
                counts[country] += 1
                i += width - 1
                break
        i += 1
    site = get_gazetteer().site_country(url) if where else None
    if site in get_gazetteer().countries:
        counts[get_gazetteer().countries[site].name] += 1
    if not counts:
        return None
    (top, count), *rest = counts.most_common(2)
    if rest and rest[0][1] * margin >= count:
        return None
    return top


def region_counts(doc: Doc | Span) -> Counter[str]:
    """How often each state or province is named: spaCy's place entities that the gazetteer
    knows as a state or province (and as no country)."""
    gaz = get_gazetteer()
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC"}:
            continue
        places = [p for p in gaz.lookup(ent.text) if not p.alt]
        regions = {p.name for p in places if p.kind == "region" and p.source in {"us_state", "subdivision"}}
        if len(regions) == 1 and not any(p.kind == "country" for p in places):
            counts[regions.pop()] += 1  # ("Wyoming" is also a town in Michigan: the state is the name)
    return counts


def article_region(doc: Doc) -> str | None:
    """The state or province a text is about: the only one it names, named at least twice.

    A story that names two states may be about either (a primary in South Carolina with
    governors of Arkansas and Florida): no answer beats a wrong one.
    """
    counts = region_counts(doc)
    if len(counts) != 1:
        return None
    (top, count), = counts.items()
    return top if count >= 2 else None


def _word_like(text: str) -> bool:
    """Is a capitalized word an organization's, a government's or a title's word?"""
    lex = get_lexicon()
    key = fold(text)
    return key in lex.org_heads or key in lex.title_heads or key in lex.government_words \
        or key in {"republic", "federation", "commonwealth", "kingdom", "state", "states", "union"}
