"""What the people and organization extractors know, loaded from ``models/`` once per process.

Files (documented in ``models/README.md``): ``honorifics.json`` (courtesy prefixes ->
normalized form), ``titles.jsonl`` (job-title heads and modifiers, event roles that are
not titles), ``organizations.jsonl`` (well-known organizations: canonical long form,
acronyms, aliases), ``org_lexicon.json`` (organization head words, concepts that
are not organizations, words that make a phrase a project/event/venue) and
``people_words.json`` (name particles, words of a post's scope or rank); cue patterns
are in ``patterns``.

Keeping this knowledge as data means a new honorific, title word or organization is a
one-line change that needs no code review; the loaders here only index it for O(1)
lookups (sets and dicts keyed by case-folded text).

Place checks (is this token sequence a country? a city? which country does a demonym
name?) read the one place index, ``gazetteer`` (its exact-name tables), which the places
extractor resolves with too.

Part of ``pipeline.extract.knowledge`` (shared by every extractor).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.extract.knowledge.gazetteer import get_gazetteer
from pipeline.knowledge import models_dir as active_models_dir

# Quotation marks as pages write them: a quoted title ("the \u201cEducation First\u201d plan") is no
# body, a quoted nickname ('Guiling "Gene" Mamondiong') is part of a name.
OPEN_QUOTES = frozenset({'"', "\u201c", "\u2018", "'", "\u00ab"})
CLOSE_QUOTES = frozenset({'"', "\u201d", "\u2019", "'", "\u00bb"})


# A month's or a weekday's name, written out or short ("Jan", "Sept.", "Thurs"): a date's word, no
# place's and no person's name ("Sunday January"); read by the places and people extractors.
_CALENDAR = re.compile(r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                       r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
                       r"|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?)\.?$")


def calendar_word(word: str) -> bool:
    """Is ``word`` a month's or a weekday's name (capitalized, as a date writes it)?"""
    return _CALENDAR.match(word) is not None


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lookup key: case-folded, curly quotes straightened, spaces collapsed, no final period.

    Cached: the extractors fold the same few thousand words over and over.
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-")
    text = text.replace("\u2013", "-")
    return " ".join(text.split()).casefold().rstrip(".")


def straight_quotes(name: str) -> str:
    """"O’Brien", "Teachers’ Association" -> straight apostrophes: one spelling per name.

    Tables are joined and compared on names, and people type them with a straight quote;
    the ``sentence`` column keeps the page's text.
    """
    return name.replace("\u2019", "'").replace("\u2018", "'")


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    """Key under which spelling variants of one organization name meet.

    "The National Curriculum Centre" and "National Curriculum Center" are one body;
    British/American spellings and a leading article must not split it in two.
    """
    key = fold(name)
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"'s$", "", key)
    key = re.sub(r"\bcentre\b", "center", key)
    key = re.sub(r"\borganisation", "organization", key)
    key = re.sub(r"\bprogramme\b", "program", key)
    key = key.replace("&", "and")
    return " ".join(re.sub(r"[^\w ]+", " ", key).split())


@dataclass(frozen=True)
class KnownOrg:
    """A gazetteer organization: canonical long form plus every known short form."""

    name: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    kind: str = ""  # "company": its name also names its products ("Google classes")
    short: tuple[str, ...] = ()  # one word written alone for it ("Harvard"), never inside a longer name


@dataclass
class Lexicon:
    honorifics: dict[str, str] = field(default_factory=dict)  # folded form -> normalized
    honorific_firsts: set[str] = field(default_factory=set)  # first word of each form, no final dots
    ambiguous_honorifics: set[str] = field(default_factory=set)
    title_like_honorifics: dict[str, str] = field(default_factory=dict)
    military_ranks: set[str] = field(default_factory=set)
    name_like_ranks: set[str] = field(default_factory=set)
    title_heads: set[str] = field(default_factory=set)
    # a head only after one of its words ("First Lady": "lady" alone is no post)
    paired_heads: dict[str, set[str]] = field(default_factory=dict)
    title_modifiers: set[str] = field(default_factory=set)
    event_roles: set[str] = field(default_factory=set)
    name_groups: set[str] = field(default_factory=set)  # "Students A, B": a group before names, no title
    role_verbs: set[str] = field(default_factory=set)  # "who chairs/teaches at X": verbs of a post (lemmas)
    body_heads: set[str] = field(default_factory=set)  # more words that end a body's name, never a person's
    body_posts: set[str] = field(default_factory=set)  # "CEO of X": X is the body, not the post's field
    employee_posts: set[str] = field(default_factory=set)  # "reporter for X": X is the employer
    country_short: dict[str, str] = field(default_factory=dict)  # "U.S." -> "United States"
    org_heads: set[str] = field(default_factory=set)
    unit_heads: set[str] = field(default_factory=set)
    weak_heads: set[str] = field(default_factory=set)
    government_words: set[str] = field(default_factory=set)
    concepts: set[str] = field(default_factory=set)  # folded
    disqualifiers: set[str] = field(default_factory=set)
    name_prefixes: set[str] = field(default_factory=set)  # "Storm Babet": the thing, not a person
    event_heads: set[str] = field(default_factory=set)
    generic_complements: set[str] = field(default_factory=set)
    disciplines: set[str] = field(default_factory=set)
    possessive_name_words: set[str] = field(default_factory=set)
    portfolios: set[str] = field(default_factory=set)
    generic_unit_words: set[str] = field(default_factory=set)
    regional_demonyms: set[str] = field(default_factory=set)  # "Scottish government": not a country's
    countries_with_the: set[str] = field(default_factory=set)  # "Government of the United Kingdom"
    programme_tails: set[str] = field(default_factory=set)  # "Centre for X Research Fellowship"
    head_initial: set[str] = field(default_factory=set)  # "Universidad del Trabajo del Uruguay"
    head_initial_connectors: set[str] = field(default_factory=set)  # del, do, y, für ...
    parent_heads: set[str] = field(default_factory=set)  # the parents of an academic unit (university ...)
    contact_labels: set[str] = field(default_factory=set)  # "Email", "Tel": a contact block, not a name
    contact_labels_colon: set[str] = field(default_factory=set)  # the same, only before ":" ("Mobile:")
    numbered_heads: set[str] = field(default_factory=set)  # "School No. 2": a number inside the name
    head_final_only: set[str] = field(default_factory=set)  # "Protection Unit", not "the Unit for ..."
    school_levels: set[str] = field(default_factory=set)  # "Lincoln High", "Pimlico State High": a school
    school_level_modifiers: set[str] = field(default_factory=set)  # "Junior High" alone names none
    kind_nouns: set[str] = field(default_factory=set)  # "Enabel, the Belgian development agency"
    place_nouns: set[str] = field(default_factory=set)  # province, district ...: areas, not bodies
    institution_heads: set[str] = field(default_factory=set)  # teaching institutions (school, college ...)
    country_heads: set[str] = field(default_factory=set)  # heads whose name goes on "of <Country>"
    company_nouns: set[str] = field(default_factory=set)  # "Google staff": the company, not a product
    feature_nouns: set[str] = field(default_factory=set)  # "Amazon rainforest": a place's name, not the company
    course_levels: set[str] = field(default_factory=set)  # "AP": a course level in school news (as written)
    course_words: set[str] = field(default_factory=set)  # "AP Chemistry", "AP exams": a course, not the AP
    strong_heads: set[str] = field(default_factory=set)  # heads that make an organization on their own
    abbreviated_heads: set[str] = field(default_factory=set)  # "Inc.", "Ltd.": the period is the name's
    campus_heads: set[str] = field(default_factory=set)  # "University of California at Berkeley"
    party_plurals: set[str] = field(default_factory=set)  # "Scottish Conservatives", "Liberal Democrats"
    media_units: set[str] = field(default_factory=set)  # "BBC News": a news organization's unit
    media_unit_names: set[str] = field(default_factory=set)  # "BBC Radio Scotland": the unit's name goes on
    office_nations: set[str] = field(default_factory=set)  # "BBC Wales": a nation's unit of a known body
    bare_heads: set[str] = field(default_factory=set)  # "the Senate": a head that alone names a body
    collective_words: set[str] = field(default_factory=set)  # "Unit", "News": a body's word, though no head
    telling_verbs: set[str] = field(default_factory=set)  # "told CNN": an acronym told something is a body
    contact_nouns: set[str] = field(default_factory=set)  # "an interview with KTN"
    # people_words.json
    name_particles: set[str] = field(default_factory=set)  # "Ludwig van Beethoven", "Ali bin Said"
    scope_words: set[str] = field(default_factory=set)  # "District Education Officer": the post's area
    not_posts: set[str] = field(default_factory=set)  # "a member of X", "a student at X": no post
    member_bodies: set[str] = field(default_factory=set)  # "board member", "council member": a post
    portfolio_ranks: set[str] = field(default_factory=set)  # "Deputy Federal Minister of X"
    former_words: set[str] = field(default_factory=set)  # "former Director": a post no longer held
    status_words: set[str] = field(default_factory=set)  # "new Chair", "incoming Secretary": not the post's words
    hyphen_adjective_tails: set[str] = field(default_factory=set)  # "Obama-era", "Bush-led": no name's syllable
    inner_capital_prefixes: set[str] = field(default_factory=set)  # "McDonald", "DeShawn": a name's inner capital
    street_words: set[str] = field(default_factory=set)  # "Maryland Ave", "Shalimar Rd": a street, not a person
    student_nouns: set[str] = field(default_factory=set)  # "NAME, a student at X": X is NAME's organization
    deities: set[str] = field(default_factory=set)  # "Lord Krishna": a god, no person, after a peer's "Lord"
    ordinals: set[str] = field(default_factory=set)  # "first president of X": a place in a history
    board_words: set[str] = field(default_factory=set)  # "DAI Board Member": the board of DAI
    given_name_abbreviations: set[str] = field(default_factory=set)  # "Md.", "Mohd", "Wm." (as written)
    role_abbreviations: set[str] = field(default_factory=set)  # "MP", "VC", "DG": posts, not initials
    generational_suffixes: set[str] = field(default_factory=set)  # "King Jr.", "Abdullah II" (as written)
    body_kind_words: set[str] = field(default_factory=set)  # "the EIS union": the body EIS, with its kind
    owner_nouns: set[str] = field(default_factory=set)  # "the Obama campaign": a name before them is still the person's
    given_names: set[str] = field(default_factory=set)  # given_names.txt: "Rosemary", "Bradley" (folded)
    common_words: set[str] = field(default_factory=set)  # common_words.txt: "library", "results" (lower case)
    state_offices: set[str] = field(default_factory=set)  # titles held in a national government
    envoys: set[str] = field(default_factory=set)  # a government's posts abroad (Ambassador, High Commissioner)
    regional_heads: set[str] = field(default_factory=set)  # head a state's or province's government
    congress_chambers: dict[str, str] = field(default_factory=dict)  # "sen." -> United States Senate
    post_bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # post -> head words of its only kind of body
    post_bodies_by_end: set[str] = field(default_factory=set)  # matched at a title's end ("school principal")
    heads: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # name -> (country, offices)
    head_surnames: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # surname -> {(country, office)}
    known: list[KnownOrg] = field(default_factory=list)
    by_form: dict[str, KnownOrg] = field(default_factory=dict)  # org_key(name/alias) -> org
    by_acronym: dict[str, KnownOrg] = field(default_factory=dict)  # exact acronym -> org
    by_short: dict[str, KnownOrg] = field(default_factory=dict)  # exact one-word short name -> org

    @cached_property
    def name_blockers(self) -> set[str]:
        """Words that are no given name where a title's field runs on (title, portfolio, organization words)."""
        return self.title_heads | self.title_modifiers | self.portfolios | self.org_heads | self.disciplines \
            | self.body_heads | self.concepts

    @cached_property
    def envoy_words(self) -> set[str]:
        """The last words of envoys' posts ("ambassador", "commissioner"): "<word> to <Country>" is a posting."""
        return {p.split()[-1] for p in self.envoys}

    @cached_property
    def not_name_words(self) -> set[str]:
        """``name_blockers`` and the words pages write in lower case: no word of a name found without spaCy."""
        return self.name_blockers | self.common_words

    def everyday_word(self, word: str) -> bool:
        """A word pages write in lower case and no given name ("Maybe", "Citing"; "Will" is both, so not):
        capitalized before a name, it is not part of the name."""
        key = fold(word)
        return key in self.common_words and key not in self.given_names

    def known_org(self, text: str) -> KnownOrg | None:
        """The gazetteer organization a surface form names (acronyms are case-sensitive).

        A dotted acronym may reach here without its last dot ("the U.N." tokenized "U.N" + "."):
        it is looked up with the dot back.
        """
        text = text.strip()
        found = self.by_acronym.get(text) or self.by_short.get(text) or self.by_form.get(org_key(text))
        if found is None and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text):
            found = self.by_acronym.get(text + ".")
        return found


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if line:
            row = json.loads(line)
            if "_doc" not in row:
                rows.append(row)
    return rows


# titles.jsonl: kind -> (Lexicon set it fills, the row's field); other kinds are read below.
_TITLE_SETS = {
    "head": ("title_heads", "word"), "modifier": ("title_modifiers", "word"),
    "event_role": ("event_roles", "phrase"), "name_group": ("name_groups", "word"),
    "role_verb": ("role_verbs", "word"), "body_head": ("body_heads", "word"),
    "body_post": ("body_posts", "phrase"), "employee_post": ("employee_posts", "phrase"),
    "state_office": ("state_offices", "phrase"),
    "envoy": ("envoys", "phrase"), "regional_head": ("regional_heads", "phrase"),
}
# people_words.json: word lists, each a Lexicon set of the same name.
_PEOPLE_LISTS = ("name_particles", "scope_words", "not_posts", "portfolio_ranks", "former_words", "body_kind_words",
                 "member_bodies",
                 "ordinals", "board_words", "status_words", "hyphen_adjective_tails",
                 "inner_capital_prefixes", "street_words", "student_nouns", "deities", "owner_nouns")
# org_lexicon.json: word lists, each a Lexicon set of the same name (but "heads" -> org_heads).
_REQUIRED_ORG_LISTS = ("heads", "unit_heads", "weak_heads", "government_words", "concepts", "disqualifiers")
_ORG_LIST_ATTR = {"heads": "org_heads"}
_OPTIONAL_ORG_LISTS = (
    "name_prefixes", "event_heads", "generic_complements", "disciplines", "possessive_name_words", "portfolios",
    "generic_unit_words", "regional_demonyms", "countries_with_the", "programme_tails", "head_initial",
    "head_initial_connectors", "parent_heads", "contact_labels", "contact_labels_colon", "numbered_heads",
    "kind_nouns", "place_nouns", "institution_heads", "country_heads", "company_nouns", "feature_nouns",
    "course_levels", "course_words",
    "strong_heads",
    "abbreviated_heads", "campus_heads", "party_plurals", "office_nations", "media_units", "media_unit_names",
    "bare_heads", "collective_words", "telling_verbs", "contact_nouns", "school_levels", "school_level_modifiers",
    "head_final_only",
)


def get_lexicon(models_dir: Path | None = None) -> Lexicon:
    """The lexicon of ``models_dir`` (default: this process's models folder, the ``models_dir`` setting)."""
    return _load_lexicon(models_dir or active_models_dir())


@lru_cache(maxsize=4)
def _load_lexicon(models_dir: Path) -> Lexicon:
    """Load and index the models files of ``models_dir`` (cached per folder)."""
    lex = Lexicon()
    hon = json.loads((models_dir / "honorifics.json").read_text("utf-8"))
    lex.honorifics = {fold(k): v for k, v in hon["forms"].items()}
    lex.honorific_firsts = {k.split(" ")[0].rstrip(".") for k in lex.honorifics}
    lex.ambiguous_honorifics = {fold(k) for k in hon.get("ambiguous_single", [])}
    lex.title_like_honorifics = dict(hon.get("title_like", {}))
    lex.military_ranks = {fold(k) for k in hon.get("military_ranks", [])}
    lex.name_like_ranks = {fold(k) for k in hon.get("name_like_ranks", [])}
    heads = models_dir / "heads.jsonl"
    for row in _read_jsonl(heads) if heads.exists() else []:
        offices = frozenset(row["offices"])
        for name in (row["name"], *row.get("aliases", [])):
            lex.heads[fold(name)] = (row["country"], offices)
        for short in row.get("short", [row["name"].split()[-1]]):
            for office in offices:
                lex.head_surnames.setdefault(fold(short), set()).add((row["country"], office))
    for row in _read_jsonl(models_dir / "titles.jsonl"):
        kind = row.get("kind")
        if kind in _TITLE_SETS:
            attr, key = _TITLE_SETS[kind]
            getattr(lex, attr).add(fold(row[key]))
        elif kind == "paired_head":
            first, head = fold(row["phrase"]).rsplit(" ", 1)
            lex.paired_heads.setdefault(head, set()).add(first)
        elif kind == "country_short":
            lex.country_short[row["phrase"]] = row["country"]
        elif kind == "congress_chamber":
            lex.congress_chambers[fold(row["phrase"])] = row["body"]
        elif kind == "post_of":
            lex.post_bodies[fold(row["phrase"])] = tuple(fold(h) for h in row["body_heads"])
            if row.get("match") == "end":
                lex.post_bodies_by_end.add(fold(row["phrase"]))
    words = json.loads((models_dir / "org_lexicon.json").read_text("utf-8"))
    for key in _REQUIRED_ORG_LISTS:
        setattr(lex, _ORG_LIST_ATTR.get(key, key), {fold(w) for w in words[key]})
    for key in _OPTIONAL_ORG_LISTS:
        setattr(lex, key, {fold(w) for w in words.get(key, [])})
    people = json.loads((models_dir / "people_words.json").read_text("utf-8"))
    for key in _PEOPLE_LISTS:
        setattr(lex, key, {fold(w) for w in people[key]})
    lex.given_name_abbreviations = set(people.get("given_name_abbreviations", []))
    lex.role_abbreviations = set(people.get("role_abbreviations", []))
    lex.generational_suffixes = set(people.get("generational_suffixes", []))
    common = models_dir / "common_words.txt"
    if common.exists():
        lex.common_words = {w for w in common.read_text("utf-8").split("\n")[1:] if w.strip()}
    given = models_dir / "given_names.txt"
    if given.exists():
        lex.given_names = {fold(w) for w in given.read_text("utf-8").split("\n")[1:] if w.strip()}
    for row in _read_jsonl(models_dir / "organizations.jsonl"):
        org = KnownOrg(row["name"], tuple(row.get("acronyms", [])), tuple(row.get("aliases", [])),
                       row.get("kind", ""), tuple(row.get("short", [])))
        lex.known.append(org)
        for form in (org.name, *org.aliases):
            lex.by_form.setdefault(org_key(form), org)
        for word in org.short:
            lex.by_short.setdefault(word, org)
        for acr in org.acronyms:
            lex.by_acronym.setdefault(acr, org)
            if " " in acr:
                lex.by_form.setdefault(org_key(acr), org)
    return lex


# ----------------------------------------------------------------------------------------
# Places: exact country, city and demonym names, from the one place index (the gazetteer)


def country_name(text: str) -> str | None:
    """The country a text names exactly ("Nauru", "the Republic of Nauru"), else None."""
    countries = get_gazetteer().country_names
    key = re.sub(r"^the\s+", "", fold(text))
    if key in countries:
        return countries[key]
    core = re.sub(r"^(?:republic|kingdom|state|federal republic|islamic republic) of (?:the )?",
                  "", key)
    return countries.get(core)


def government_of(country: str) -> str:
    """The canonical name of a country's government: "Government of Ghana", "Government of the Philippines"."""
    the = "the " if fold(country) in get_lexicon().countries_with_the else ""
    return f"Government of {the}{country}"


_GLUED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,4}$")


def glued_initials(text: str) -> bool:
    """"L.M.D.", "M.N.": a name's initials written as one token (also "U.S.": callers check places)."""
    return bool(_GLUED_INITIALS.match(text))


def is_place(text: str) -> bool:
    """Is ``text`` a known country or city name (a single place, not an organization)?"""
    gaz = get_gazetteer()
    key = re.sub(r"^the\s+", "", fold(text))
    return key in gaz.country_names or key in gaz.city_names


def place_country(text: str) -> str | None:
    """The country a place name is or lies in ("Abuja" -> Nigeria, "Kenya" -> Kenya)."""
    key = re.sub(r"^the\s+", "", fold(text))
    key = re.sub(r"\s+(?:state|province|region|district|city)$", "", key)
    return country_name(key) or get_gazetteer().city_country.get(key)


def demonym_country(word: str) -> str | None:
    """Country named by a demonym adjective ("Korean" -> "South Korea"), when known."""
    return get_gazetteer().demonym_names.get(fold(word))


def role_apposition(doc: Doc, k: int, lex: Lexicon) -> bool:
    """", an education policy expert" / ", a Grade 5 teacher" right after a name (ending at token ``k``): an
    apposition whose head is a person's post or role (``title_heads``), with no kind of body
    before it ("Enabel, a Belgian development agency" is a body). Looked at over the five
    words after "a"/"an", up to the first punctuation."""
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in {"a", "an"}:
        return False
    for tok in doc[k + 2:min(k + 7, len(doc))]:
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "ADP"} or fold(tok.text) in lex.kind_nouns:
            return False
        if tok.text.islower() and fold(tok.text) in lex.title_heads:
            return True
    return False
