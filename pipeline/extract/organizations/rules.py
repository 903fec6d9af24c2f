"""Organization rules that look beyond one mention: offices, units and fragments.

Helpers for ``pipeline.extract.organizations`` (kept apart so that module stays readable):

- ``glued_markup``: a name cut short by markup glued to its next word ("[University Of The
  South Pacific](https://...)" tokenizes as "... South" + "Pacific](https..."): the
  truncated fragment is not a name of its own, the full name is elsewhere in the text;
- ``country_offices``: a well-known organization followed by a country ("UNDP Timor-Leste",
  "Samsung New Zealand", "UNICEF Kenya") is that organization's country office or
  subsidiary, a body of its own;
- ``academic_units``: units named only by a discipline ("Department of English", "School of
  Physics", "Literature Department") take their parent's name when the text writes it beside
  them ("Department of English at the University of Lagos" -> "Department of English,
  University of Lagos"); alone they are the unit the article's university news names;
- ``generic_government``: "Government of the Federation" names no country: it is part of a
  title ("Secretary to the Government of the Federation"), not an organization;
- ``contact_label``: the labels of a contact block (Email, Tel, Fax, Website ...) that a
  page's line breaks glue after a name ("Ministry of Education Email: ...") end the name;
- ``inner_article_start``, ``school_number``, ``saint``, ``person_cut``: where a name with an
  inner "the" ("Christ the King College"), a number ("School No. 2") or a saint's possessive
  ("St John's RC Academy") starts or ends, and where a complement run stops before a title
  and a person ("Council of Zambia Director Dr. X");
- ``kind_appositions``: a name the text says is a body ("Enabel, the Belgian development
  agency", "the charity Snap Cymru"), with its later mentions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from pipeline.extract.knowledge.lexicon import (
    Lexicon,
    country_name,
    demonym_country,
    fold,
    get_lexicon,
    government_of,
    is_place,
)

if TYPE_CHECKING:
    from pipeline.extract.organizations.mentions import Mention

GLUED = re.compile(r"^[A-Za-z][\w'.&-]*[\]\[()<>|*_]")
UNIT_OF = re.compile(r"^(department|dept|school|faculty) of (?:the )?(.+)$")
UNIT_AFTER = re.compile(r"^(.+) (department)$")




def contact_label(doc: Doc, k: int) -> bool:
    """Is token ``k`` a contact-block label (Email, Tel, Fax, Website; Phone or Mobile before ":")?"""
    if k < 0 or k >= len(doc):
        return False
    word = fold(doc[k].text).rstrip(":")
    lex = get_lexicon()  # models/org_lexicon.json: contact_labels, contact_labels_colon ("Mobile: 0788")
    if word in lex.contact_labels:
        return True
    return word in lex.contact_labels_colon and k + 1 < len(doc) and doc[k + 1].text == ":"


def glued_markup(doc: Doc, end: int) -> bool:
    """Is the token after a name a word glued to markup ("Pacific](https")?"""
    return end < len(doc) and bool(GLUED.match(doc[end].text)) and bool(doc[end - 1].whitespace_)


def generic_government(text: str, lex: Lexicon) -> bool:
    """"Government of the Federation": a government word with a generic, country-less complement."""
    m = re.match(r"^(?:the )?(?:federal )?([\w ]+?) of (?:the )?(\w+)$", fold(text))
    return bool(m) and m.group(1) in lex.government_words and m.group(2) in lex.generic_complements


def lowercase_governments(doc: Doc, lex: Lexicon, make: type[Mention]) -> list[Mention]:
    """Governments written with a lower-case head: "the Jordanian government", "the UK
    government", "Jordan's government" -> Government of <country>; "the Scottish government"
    (a region's own government, ``regional_demonyms``) -> Scottish Government.

    News style writes "government" in lower case; the annotation guidelines name the body
    "Government of <country>", so the mention carries that canonical form.
    """
    from pipeline.extract.knowledge.gazetteer import get_gazetteer
    from pipeline.extract.knowledge.lexicon import demonym_country

    found = []
    for i, tok in enumerate(doc):
        if tok.text != "government" or i == 0:
            continue
        k = i - 1
        if doc[k].text in {"'s", "\u2019s"} and k > 0:
            k -= 1  # "Jordan's government"
        start = k
        if k > 0 and doc[k - 1].text[:1].isupper() and fold(f"{doc[k - 1].text} {doc[k].text}") \
                in lex.regional_demonyms:
            start = k - 1  # "Northern Irish government"
        word = doc[start:k + 1].text
        if not word[:1].isupper() or doc[k].ent_type_ in {"PERSON", "ORG"}:
            continue
        if fold(word) in lex.regional_demonyms:
            name = f"{word} Government"
        else:
            country = demonym_country(word) if start == k + 0 and k == i - 1 else None
            country = country or country_name(word) or next(
                (p.name for p in get_gazetteer().lookup(word) if p.kind == "country"), None)
            if not country:
                continue
            name = government_of(country)
        found.append(make(start, i + 1, "rule", canonical=name))
    return found


def administrations(doc: Doc, lex: Lexicon, make: type[Mention]) -> list[Mention]:
    """"the Biden administration", "the Trump Administration": a leader's government, written after
    the leader's surname (a person's name in the text), is a body the guidelines list as named.

    Only a surname that is a person's (spaCy's PERSON, or a word of a PERSON entity elsewhere in the
    text) alone before the word: "Food and Drug Administration" and "Small Business Administration"
    are names of their own, and "school administration" is no name.
    """
    surnames = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e[1:]}
    found = []
    for i, tok in enumerate(doc):
        if tok.lower_ != "administration" or i == 0:
            continue
        prev = doc[i - 1]
        if not (prev.is_alpha and prev.text[:1].isupper() and prev.text[1:].islower()) \
                or prev.lower_ in lex.common_words or fold(prev.text) in lex.org_heads:
            continue
        if i >= 2 and doc[i - 2].text[:1].isupper() and not doc[i - 2].is_sent_start:
            continue  # "Veterans Health Administration", "Joe Biden administration" (a name of its own)
        if prev.ent_type_ == "PERSON" or prev.text in surnames:
            found.append(make(i - 1, i + 1, "rule"))
    return found


def country_offices(doc: Doc, gaz: list[Mention], make: type[Mention]) -> list[Mention]:
    """"UNDP Timor-Leste", "BBC Wales": a gazetteer organization directly followed by a country
    name or a nation (``office_nations``)."""
    found = []
    n = len(doc)
    for m in gaz:
        if m.end >= n or "\n" in doc[m.end - 1].whitespace_ or not doc[m.end - 1].whitespace_:
            continue
        if doc[m.end - 1].text in {"'s", "\u2019s"}:
            continue
        # the longest run of up to 4 tokens after the name that is a country
        best = 0
        for width in range(1, 5):
            e = m.end + width
            if e > n or not doc[e - 1].text[:1].isupper() and doc[e - 1].text != "-":
                break
            if any("\n" in t.whitespace_ for t in doc[m.end:e - 1]):
                break
            if country_name(doc[m.end:e].text) or fold(doc[m.end:e].text) in get_lexicon().office_nations:
                best = e
        if best and not (best < n and doc[best].text in {"-"} and not doc[best - 1].whitespace_) \
                and not _names_a_programme(doc, best):
            found.append(make(m.start, best, "office"))
    return found


def media_units(doc: Doc, gaz: list[Mention], make: type[Mention]) -> list[Mention]:
    """"BBC News", "BBC Radio Scotland", "BBC World Service": a known news organization's name
    followed by a unit word (``media_units``) names that unit, the body the text means (a
    reporter's desk, the station that was told). After a word that opens a unit's own name
    (``media_unit_names``: "Radio", "World") the name goes on over capitalized words and numbers
    of the same line, at most two."""
    lex = get_lexicon()
    found = []
    n = len(doc)
    for m in gaz:
        e = m.end
        if e >= n or "\n" in doc[e - 1].whitespace_ or fold(doc[e].text) not in lex.media_units \
                or not doc[e].text[:1].isupper():
            continue
        known = lex.known_org(doc[m.start:m.end].text)
        if known is None or known.kind != "media":
            continue
        end = e + 1
        if fold(doc[e].text) in lex.media_unit_names:
            while end < n and end - e <= 2 and "\n" not in doc[end - 1].whitespace_ \
                    and (doc[end].is_alpha and doc[end].text[:1].isupper() or doc[end].is_digit):
                end += 1
        found.append(make(m.start, end, "office"))
    return found


def _names_a_programme(doc: Doc, k: int) -> bool:
    """Do the words from ``k`` go on to a programme word ("USAID Jordan Workforce Development
    Project", "USAID Liberia Revenue Generation for Governance and Growth project")? Then
    "ORG Country" opens the programme's name and is no office."""
    lex = get_lexicon()
    for t in doc[k:k + 10]:
        if fold(t.text) in lex.disqualifiers:
            return True
        if not (t.text[:1].isupper() or t.lower_ in {"of", "for", "and", "&", "-"}):
            return False
    return False


def _unit_parts(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """(head, discipline) when ``text`` is a unit named only by academic disciplines."""
    key = fold(text)
    m = UNIT_OF.match(key)
    if m:
        head, rest = m.group(1), m.group(2)
    else:
        m = UNIT_AFTER.match(key)
        if not m:
            return None
        rest, head = m.group(1), m.group(2)
    items = [x.strip() for x in re.split(r",|\band\b|&", rest) if x.strip()]
    if items and all(x in lex.disciplines for x in items):
        return head, rest
    return None


def academic_units(doc: Doc, chosen: list[Mention], lex: Lexicon) -> list[Mention]:
    """Give discipline units their parent's name where the text writes it beside them.

    The parent is a university-like mention right after the unit (", the University of X",
    "at the University of X", "of X College") or right before it ("X University's School
    of Law"). A unit with no parent beside it stays a unit of its own ("the Department of
    Mathematics" in a university's news, "the School of Nursing"): the guidelines annotate the
    most specific named body, and news of one university names its units without it.
    """
    parents: dict[str, str] = {}  # folded unit text -> parent text
    starts = {m.start: m for m in chosen}
    ends = {m.end: m for m in chosen}
    units = []
    for m in chosen:
        if m.source not in {"rule", "spacy", "acronym"}:
            continue
        text = m.text(doc)
        if _unit_parts(text, lex) is None:
            continue
        units.append(m)
        parent = _parent_after(doc, m, starts, lex) or _parent_before(doc, m, ends, lex)
        if parent is not None:
            parents.setdefault(fold(text), parent.canonical or parent.text(doc))
    for m in units:
        parent_name = parents.get(fold(m.text(doc)))
        if parent_name:
            m.canonical = f"{m.text(doc)}, {parent_name}"
    return chosen


def _is_parent(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    words = set(fold(m.text(doc)).split())
    return bool(words & lex.parent_heads) or bool(m.canonical and set(fold(m.canonical).split()) & lex.parent_heads)


def _parent_after(doc: Doc, m: Mention, starts: dict[int, Mention], lex: Lexicon) -> Mention | None:
    k = m.end
    if k < len(doc) and doc[k].text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")":
        k += 3  # "Faculty of Arts (FA) at USP"
    if k < len(doc) and (doc[k].text == "," or doc[k].lower_ in {"at", "of", "in"}):
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        p = starts.get(k)
        if p is not None and _is_parent(doc, p, lex):
            return p
    return None


def _parent_before(doc: Doc, m: Mention, ends: dict[int, Mention], lex: Lexicon) -> Mention | None:
    k = m.start
    if k > 0 and doc[k - 1].lower_ == "the":
        k -= 1
    if k > 0 and doc[k - 1].text in {"'s", "\u2019s"}:
        k -= 1
    p = ends.get(k)
    if p is not None and p is not m and _is_parent(doc, p, lex):
        return p
    return None


def name_title_word(doc: Doc, j: int, i: int, lex: Lexicon) -> bool:
    """Is the title word at ``j - 1`` the first words of an organization name ending at head ``i``?

    A title word before an organization head usually closes a title ("Education Minister"
    then a name); but the members a body is named after open many names: "Nepal Teachers'
    Federation", "Teacher Service Commission", "Nurses Council". A plural or possessive
    member noun, or a singular one opening the run (after "the", a lower-case word or a
    country) with plain name words up to the head, is part of the name.
    """
    t = doc[j - 1]
    if not t.text[:1].isupper() or t.ent_type_ == "PERSON" or j - 1 >= i or t.is_stop:
        return False  # (a stop word opening a sentence, "At Hillside School", is no title word)
    after = doc[j]
    if after.text in {"'", "\u2019", "'s", "\u2019s"}:
        return fold(t.text) in lex.possessive_name_words
    if fold(t.text).endswith("s") and fold(t.text)[:-1] in lex.title_heads:
        return True  # "Teachers Service Commission"
    if fold(t.text) not in lex.title_heads:
        return False  # "At Kisumu Girls School": a sentence's first word, not a member noun
    before = doc[j - 2] if j - 2 >= 0 else None
    opens = before is None or before.is_lower or before.is_punct or bool(country_name(before.text))
    plain = all(fold(doc[x].text) not in lex.title_heads and doc[x].text[:1].isupper() for x in range(j, i))
    # right before the head only after an inner "the" ("St Joseph the Worker School"), never
    # after a title's own words ("Education Minister School" is no name)
    inner_the = before is not None and before.text == "the" and j - 2 > 0 and doc[j - 3].text[:1].isupper()
    return opens and plain and (j < i or inner_the)


def _plain_run(doc: Doc, k: int, s1: int, lex: Lexicon) -> int:
    """End of 1-3 capitalized plain words at ``k`` (no org head, acronym, person or place)."""
    run = k
    while run < s1 and run - k < 3 and doc[run].text[:1].isupper() and doc[run].is_alpha \
            and not doc[run].text.isupper() and doc[run].ent_type_ not in {"PERSON", "GPE"} \
            and fold(doc[run].text) not in lex.org_heads and not doc[run].is_stop:
        run += 1
    if run < s1 and doc[run].text[:1].isupper() and not doc[run].is_stop:
        return k  # the run goes on into something longer: not a plain item
    return run


def list_complement(doc: Doc, head_end: int, end: int, s1: int, lex: Lexicon) -> int:
    """Extend an organization's of/for complement over a coordinated list of fields.

    Ministries and councils are often named after several portfolios: "Ministry of Education,
    Science and Technology", "Higher Council for Education, Training and Scientific Research".
    After the first field, ", Field" items closed by "and Field" are part of the name when
    every item is a short run of plain capitalized words (not a body, acronym, person or
    place) and nothing capitalized follows: "the Ministry of Education, UNICEF and WFP" or
    "the Ministry of Health, Fiji and Samoa" stay lists of separate names.
    """
    if end <= head_end or end >= s1 or doc[end].text != ",":
        return end
    k = end
    while k < s1 and doc[k].text == ",":
        run = _plain_run(doc, k + 1, s1, lex)
        if run == k + 1 or is_place(doc[k + 1:run].text):
            return end
        k = run
    if k < s1 and doc[k].lower_ == "and":
        run = _plain_run(doc, k + 1, s1, lex)
        if run > k + 1 and not is_place(doc[k + 1:run].text):
            return run
    return end


_PLACE_ENTS = {"DATE", "TIME", "GPE", "LOC", "NORP", "CARDINAL", "ORDINAL"}


def inner_article_start(doc: Doc, start: int, head: int, s0: int, lex: Lexicon) -> int:
    """Start of a name with an inner lower-case "the"/"of the" before the run at ``start``.

    "Christ the King College", "Our Lady of the Rosary School", "St Joseph the Worker School":
    the capitalized run before the head stops at "the", leaving "King College". One to three
    proper-noun words before "the" / "of the" open the name unless they are a date, a place,
    a title, a body of their own ("On Friday the Ministry", "In Kenya the Commission",
    "told Reuters the Council") or a person named to a verb ("told Mary the Council"); the
    parser must attach the head to them (an apposition "Christ ... College", or "Lady of ...
    School"), not to a verb of its own ("told Reuters [the Council would act]").
    """
    k = start - 1
    if k <= s0 or doc[k].text != "the" or fold(doc[start].text) in lex.org_heads:
        return start  # "Friday the Ministry of X": the article of a name that starts at its head
    k -= 1
    if doc[k].text == "of":
        k -= 1
    end_left = k + 1
    while k >= s0 and end_left - k <= 3 and _left_name_word(doc, k, s0, lex):
        k -= 1
    first = k + 1
    if first == end_left or (k >= s0 and (doc[k].text[:1].isupper() and not doc[k].is_punct
                                          or doc[k].text in {"-", "\u2013", "/", "'s", "\u2019s"})):
        return start  # nothing before "the", a longer capitalized run, "Director-General of the"
    words = doc[first:end_left]
    if is_place(words.text) or not any(t.pos_ == "PROPN" for t in words):
        return start
    parent = doc[head].head
    if parent.text == "of" and parent.i == end_left:
        parent = parent.head
    if not first <= parent.i < end_left:
        return start
    if doc[end_left].text == "of" and all(t.ent_type_ == "PERSON" for t in words):
        return start  # "Gene Sperling of the National Economic Council": a person and the body
    for t in words:
        if t.ent_type_ == "ORG" and doc[start - 1].ent_iob_ != "I":
            return start  # "told Reuters the Council": another body, not part of this name
        if t.ent_type_ == "PERSON" and k >= s0 and doc[k].pos_ not in {"ADP", "PUNCT", "CCONJ"}:
            return start  # "told Mary the Council would ..."
    return first


def _left_name_word(doc: Doc, k: int, s0: int, lex: Lexicon) -> bool:
    t = doc[k]
    if t.text == "St.":
        return True  # "St. Joseph the Worker School"
    if not t.text[:1].isupper() or not t.is_alpha or t.text.isupper() or t.ent_type_ in _PLACE_ENTS:
        return False
    folded = fold(t.text)
    if folded in lex.org_heads or folded in lex.title_heads or folded in lex.honorifics:
        return False
    if t.is_stop:  # "Our Lady": a capitalized function word inside a sentence
        return k > s0 and folded != "the"
    return t.pos_ == "PROPN"


_NUMBER_WORD = re.compile(r"^(?:No\.?|Nr\.?|Number|N\u00ba|#)$")
_GLUED_NUMBER = re.compile(r"^(?:No|Nr|N\u00ba)\.?\d+$")


def number_word(text: str) -> bool:
    """"No.", "Nr", "Number", "Nº", "#": the word before a body's number ("School No. 2")."""
    return _NUMBER_WORD.match(text) is not None


def school_number(doc: Doc, end: int) -> int:
    """End of a school name with its number: "Tosontsengel School No. 2", "School Number 14"."""
    if end >= len(doc) or fold(doc[end - 1].text) not in get_lexicon().numbered_heads \
            or "\n" in doc[end - 1].whitespace_:
        return end
    if _GLUED_NUMBER.match(doc[end].text):
        return end + 1  # "No.2"
    k = end
    if not _NUMBER_WORD.match(doc[k].text):
        return end
    k += 1
    if k < len(doc) and doc[k].text == "." and doc[k - 1].text in {"No", "Nr"} and not doc[k - 1].whitespace_:
        k += 1
    if k < len(doc) and doc[k].text.isdigit() and "\n" not in doc[k - 1].whitespace_:
        return k + 1
    return end


def saint(doc: Doc, k: int, s0: int) -> bool:
    """Is token ``k`` a saint's name ("St John's RC Academy", "Saint Mary's College")?"""
    return k - 1 >= s0 and doc[k].text[:1].isupper() and doc[k].is_alpha \
        and doc[k - 1].text in {"St", "St.", "Saint", "Ste"}


def person_cut(doc: Doc, m: int, run_end: int, lex: Lexicon) -> int:
    """End of a complement run before a title and a person: "Council of Zambia Director Dr. X"."""
    for x in range(m + 1, run_end):
        word = fold(doc[x].text)
        nxt = doc[x + 1] if x + 1 < len(doc) else None
        if word in lex.honorifics and word not in lex.ambiguous_honorifics \
                and nxt is not None and nxt.text[:1].isupper():  # not "University of Notre Dame,"
            return x if fold(doc[x - 1].text) not in lex.title_heads else x - 1
        if word in lex.title_heads and nxt is not None and (
                fold(nxt.text) in lex.honorifics or nxt.ent_type_ == "PERSON"):
            return x
    return run_end




def kind_appositions(doc: Doc, sents: list, lex: Lexicon, make: type[Mention],
                     words: list[str]) -> list[Mention]:
    """Names the text says are bodies: "Enabel, the Belgian development agency, ..." and "the
    charity Snap Cymru": a capitalized run beside an appositive or a preceding kind noun.

    ``words`` (the token texts) let the scan skip lower-case tokens without building Tokens.
    """
    found = []
    n = len(doc)
    for sent in sents:
        i = sent.start
        while i < sent.end:
            if not words[i][:1].isupper() or not _name_token(doc[i], lex) \
                    or (i > sent.start and words[i - 1][:1].isupper() and _name_token(doc[i - 1], lex)):
                i += 1
                continue
            e = i
            while e < sent.end and e - i < 4 and _name_token(doc[e], lex):
                e += 1
            e = _for_complement(doc, e, sent.end)
            if e - i < 6 and (_kind_after(doc, e, n) or _kind_before(doc, i) or _acronym_kind(doc, i, e, lex)) \
                    and not is_place(doc[i:e].text) and not lex.known_org(doc[i:e].text) \
                    and fold(doc[i].text) not in lex.honorifics:
                found.append(make(i, e, "rule"))
            i = e
    names = {tuple(t.text for t in doc[m.start:m.end]) for m in found}
    starts = {m.start for m in found}
    for i in range(n):  # later mentions of a name so introduced ("Enabel's Resident Representative")
        for name in names:
            if i not in starts and tuple(t.text for t in doc[i:i + len(name)]) == name \
                    and not (i + len(name) < n and _name_token(doc[i + len(name)], lex)) \
                    and not (i > 0 and _name_token(doc[i - 1], lex)):
                found.append(make(i, i + len(name), "rule"))
    return found


def _for_complement(doc: Doc, e: int, s1: int) -> int:
    """A short name's "for/of <Name>" complement ("Code for Nepal"): one or two capitalized
    words (a place included) after a lower-case "for"/"of", not followed by more capitals."""
    if e + 1 >= s1 or doc[e].text not in {"for", "of"}:
        return e
    k = e + 1
    while k < s1 and k - e <= 2 and doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].is_stop \
            and doc[k].ent_type_ not in {"DATE", "TIME"}:
        k += 1
    if k == e + 1 or (k < s1 and doc[k].text[:1].isupper()):
        return e
    return k


def _name_token(tok, lex: Lexicon) -> bool:  # noqa: ANN001 - a spaCy Token
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start and not tok.is_stop \
        and fold(tok.text) not in lex.title_heads and tok.ent_type_ not in {"DATE", "TIME", "GPE", "NORP"}


def _kind_after(doc: Doc, e: int, n: int) -> bool:
    """", the [Belgian development] agency," after the name."""
    if e + 2 >= n or doc[e].text != "," or doc[e + 1].lower_ not in {"the", "a", "an"}:
        return False
    k = e + 2
    kinds = get_lexicon().kind_nouns
    while k < n and k - e <= 6 and (doc[k].is_lower or doc[k].ent_type_ == "NORP") and doc[k].is_alpha:
        if fold(doc[k].text) in kinds and (k + 1 >= n or doc[k + 1].text in {",", ".", ";", ")", "that",
                                                                             "which", "based"}):
            return True
        k += 1
    return False


def _kind_before(doc: Doc, i: int) -> bool:
    """"the charity Snap Cymru", "the schools inspectorate Estyn" before the name."""
    if i < 2 or not doc[i - 1].is_lower or fold(doc[i - 1].text) not in get_lexicon().kind_nouns:
        return False
    k = i - 2
    while k >= 0 and i - k <= 4 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in {"the", "a"}:
        k -= 1
    # "the charity X"; "African tech training provider ALX" (a nationality opens the description)
    return k >= 0 and (doc[k].lower_ in {"the", "a"} or (doc[k].ent_type_ == "NORP" and k < i - 2))


def _acronym_kind(doc: Doc, i: int, e: int, lex: Lexicon) -> bool:
    """"the EIS union", "the NAHT union": an acronym the text calls a kind of body."""
    tok = doc[i]
    return e == i + 1 and e < len(doc) and tok.text.isupper() and len(tok.text) >= 2 \
        and fold(tok.text) not in lex.concepts and i > 0 and doc[i - 1].lower_ == "the" \
        and doc[e].is_lower and fold(doc[e].text) in lex.kind_nouns


def party_mentions(doc: Doc, lex: Lexicon, make: type[Mention]) -> list[Mention]:
    """Parties named by their members' plural after a national or political adjective
    ("Scottish Conservatives", "Liberal Democrats"): spaCy tags the adjective NORP and the
    plural nothing, and the plural alone names the party's people, not the party. A chamber,
    a state or a person before the plural names a group of members ("Senate Republicans",
    "Montana Republicans", "Trump Republicans"), not a party."""
    found = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if fold(tok.text) in lex.party_plurals and tok.text[:1].isupper() and prev.text[:1].isupper() \
                and prev.is_alpha and (prev.ent_type_ == "NORP" or demonym_country(prev.text) is not None) \
                and not prev.is_stop and not prev.text.isupper():
            found.append(make(prev.i, tok.i + 1, "rule"))
    return found
