"""Organization recognizers: the gazetteer, the head-word rule and acronym definitions.

Part of the organizations extractor (``pipeline.extract.organizations``), which selects
among their mentions and spaCy's filtered ORG entities (``.mentions``):
- the gazetteer (``models/organizations.jsonl``): known names and aliases by lower-case
  phrase match, acronyms by exact match;
- the rule: a capitalized run ending in an organization head word ("Ministry", "Union",
  ``models/org_lexicon.json``) with its "of/for" complements, stopping before a place or
  another organization;
- definitions: "Long Form (ACR)", where the long form is a mention already found or the
  capitalized words whose initials spell the acronym.
"""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.extract.base import Context
from pipeline.extract.knowledge.lexicon import (
    Lexicon,
    country_name,
    fold,
    get_lexicon,
    glued_initials,
    is_place,
    org_key,
)
from pipeline.extract.organizations.mentions import (
    Mention,
    acronym_letters,
    company_itself,
    disqualified,
    heading_line,
    is_acronym,
    is_cap,
)
from pipeline.extract.organizations.rules import (
    contact_label,
    generic_government,
    glued_markup,
    inner_article_start,
    list_complement,
    name_title_word,
    person_cut,
    saint,
    school_number,
)

PRIORITY = {"gazetteer": 3, "acronym": 3, "office": 3, "publisher": 3, "rule": 2, "spacy": 1}  # who wins an overlap


CONNECTORS = {"of", "for", "and", "&", "the", "on", "in", "de", "du", "des", "la", "le"}
TIME_OF_DAY = re.compile(r"^[AaPp]\.?[Mm]\.?$")  # "12:00 P.M. Ministry of ...": a release's time, no name word
# capitalized prepositions that open a heading or a sentence, never a name ("About Sugar Labs")
OPENING_PREPS = {"about", "at", "in", "on", "from", "with", "by", "to", "into", "after", "before",
                 "during", "via", "through", "like", "as", "within", "without"}




_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, PhraseMatcher]] = {}


def _matchers(doc: Doc, lex: Lexicon) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Gazetteer matchers, built once per (vocab, lexicon): LOWER for names, ORTH for acronyms."""
    key = (id(doc.vocab), id(lex))
    if key not in _MATCHERS:
        names = PhraseMatcher(doc.vocab, attr="LOWER")
        acronyms = PhraseMatcher(doc.vocab, attr="ORTH")
        make = Doc
        name_forms = sorted({f for o in lex.known for f in (o.name, *o.aliases)})
        acr_forms = sorted({a for o in lex.known for a in (*o.acronyms, *o.short)})
        names.add("ORG", [make(doc.vocab, words=_words(f)) for f in name_forms])
        acronyms.add("ORG", [make(doc.vocab, words=_words(f)) for f in acr_forms])
        _MATCHERS[key] = (names, acronyms)
    return _MATCHERS[key]


def _words(text: str) -> list[str]:
    """Tokenize a gazetteer form roughly as spaCy does (punctuation and hyphens apart)."""
    return re.findall(r"[\w']+|[^\w\s]", text.replace("\u2019", "'"))


def gazetteer_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
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
            if org is not None and doc[start].text in org.short and _inside_a_name(doc, start):
                continue  # "Harvard Medical School", "Sean Penn", "Penn State": part of another name
            if org is not None and org.kind == "company" and not company_itself(doc, start, end):
                continue  # "Google classes", "the Amazon rainforest": a product or a feature, not the company
            if org is not None and end - start > 1 and doc[start].lower_ == "the":
                start += 1  # "of the New York Times": the article is the sentence's, the name is the gazetteer's
            if org is not None:
                found.append(Mention(start, end, "gazetteer", canonical=org.name))
    # "UNESCOs" (possessive with the apostrophe lost in the page)
    for i, t in enumerate(ctx.words):
        if len(t) > 3 and t.endswith("s") and t[:-1] in lex.by_acronym and t[:-1].isupper():
            found.append(Mention(i, i + 1, "gazetteer", canonical=lex.by_acronym[t[:-1]].name))
    return found




def _inside_a_name(doc: Doc, k: int) -> bool:
    """Is the word at ``k`` part of a longer capitalized name (a word of a name right before or after it)?"""
    before = k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha and not doc[k - 1].is_stop
    after = k + 1 < len(doc) and (doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha
                                  or doc[k + 1].text in {"'s", "\u2019s"} and k + 2 < len(doc)
                                  and doc[k + 2].text[:1].isupper())
    return bool(before or after)


_HOST_NOISE = {"www", "com", "org", "net", "edu", "gov", "co", "ac", "amp", "news", "online", "en"}


def host_labels(url: str | None) -> set[str]:
    """The labels of a URL's host that can name its publisher: "cronkitenews.azpbs.org" -> {cronkitenews, azpbs}."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", (url or "").lower()).split("/")[0].split(":")[0]
    return {x for x in host.split(".") if len(x) >= 4 and x not in _HOST_NOISE}


def squash(text: str) -> str:
    """Lower-case letters and digits only: how a host spells a name ("Spotlight PA" -> "spotlightpa")."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def publisher_mentions(ctx: Context) -> list[Mention]:
    """The publisher, where the text names it as its host does: "Spotlight PA" on spotlightpa.org.

    A run of one to three capitalized words whose letters, run together, are a label of the
    page's host, unless it is one everyday word ("Education" on education.gov.za). Outlets are
    rarely written with an organization head ("WyoFile", "Cronkite News"), so neither the
    head-word rule nor spaCy reliably finds them; the host says which words are the outlet's name.
    A person's own site is named by the person (nikemawilliams.house.gov, collins.senate.gov): a run
    that spaCy reads as a person's name anywhere in the text is no publisher.
    """
    labels = host_labels(ctx.article.url)
    if not labels:
        return []
    words, found = ctx.words, []
    common = get_lexicon().common_words
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        squashed = ""
        for k in range(i, min(i + 3, len(words))):
            if not (words[k][:1].isupper() or words[k].isdigit()):
                break
            squashed += squash(words[k])
            if squashed in labels or ("the" + squashed) in labels and k > i:
                if k > i or w.lower() not in common:  # "Education" on education.gov.za: a word, not a name
                    found.append(Mention(i, k + 1, "publisher"))
                break
    doc = ctx.doc
    people = {squash(doc[m.start:m.end].text) for m in found
              if all(t.ent_type_ == "PERSON" for t in doc[m.start:m.end])}
    return [m for m in found if squash(doc[m.start:m.end].text) not in people]


def course_use(doc: Doc, start: int) -> bool:
    """Is the acronym at ``start`` a course level followed by a subject or course word ("AP Euro", "AP exams",
    "AP and Honors Chemistry")?

    US schools name course levels by letters that are also organizations' acronyms
    (``course_levels`` in org_lexicon.json; AP: Advanced Placement, not the Associated Press);
    the word after says which is meant.
    """
    lex = get_lexicon()
    if not (doc[start].text.isupper() and fold(doc[start].text) in lex.course_levels):
        return False
    end = start + 1
    k = end + (end + 1 < len(doc) and doc[end].lower_ == "and")  # "AP and Honors Chemistry"
    return k < len(doc) and fold(doc[k].text) in lex.course_words and (k == end or doc[k].lower_ == "honors")


def _connectors() -> set[str]:
    """English connectors and the one-word ones of Romance names ("Rio Grande do Sul")."""
    return CONNECTORS | {c for c in get_lexicon().head_initial_connectors if c.isalpha() and len(c) >= 2}


def _cap_run(doc: Doc, i: int, end: int, digits: bool = False) -> int:
    """End of the capitalized run starting at ``i`` (connectors inside, not at its ends)."""
    connectors = _connectors()
    j = i
    while j < end:
        tok = doc[j]
        word = is_cap(tok) and not (tok.is_stop and tok.text not in {"Of", "And"}) \
            and tok.ent_type_ not in {"DATE", "TIME"} and not contact_label(doc, j)
        number = digits and tok.like_num and j > i
        hyphen = tok.text == "-" and j > i and not doc[j - 1].whitespace_ \
            and not tok.whitespace_ and j + 1 < end and is_cap(doc[j + 1])
        # "and" must be followed by a capitalized word; of/for/in may take "the" first
        connector = tok.lower_ in connectors and (tok.text.islower() or tok.text == "&") and j > i \
            and j + 1 < end \
            and (is_cap(doc[j + 1]) or (tok.lower_ != "and" and doc[j + 1].lower_ == "the"
                                        and j + 2 < end and is_cap(doc[j + 2])))
        if not (word or number or hyphen or connector):
            break
        j += 1
    # never end on a connector or hyphen
    while j > i and (doc[j - 1].lower_ in connectors or doc[j - 1].text == "-"):
        j -= 1
    return j


def _is_head(tok: Token, lex: Lexicon) -> bool:
    return is_cap(tok) and fold(tok.text) in lex.org_heads


def rule_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
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
                    and fold(nxt.text) not in lex.title_heads and not contact_label(doc, i + 1):
                continue  # the name goes on ("University Press"), not a title ("Schools Superintendent")
            if nxt is not None and nxt.text == "-" and not tok.whitespace_:
                continue
            start = inner_article_start(doc, _extend_left(doc, i, s0, lex), i, s0, lex)
            start = _of_parent_start(doc, start, i, s0, lex)
            titled = nxt is not None and is_cap(nxt) and fold(nxt.text) in lex.title_heads
            if titled and start > 0 and doc[start - 1].text in {"'s", "\u2019s"}:
                continue  # "Georgia's State School Superintendent": a title held in Georgia
            end = list_complement(doc, i + 1, _extend_right(doc, i + 1, s1, fold(tok.text)), s1, lex)
            end = school_number(doc, end)
            end = _campus(doc, i, end, s1, lex)
            if glued_markup(doc, end) or generic_government(doc[start:end].text, lex):
                continue  # a name cut by markup; "Government of the Federation"
            if fold(tok.text) in lex.event_heads and not lex.known_org(doc[start:end].text):
                continue  # "Capacity Building Forum": an event unless known or defined
            if doc[start:end].text.isupper() and disqualified(doc[start:end], lex):
                continue  # a headline in capitals: "MINISTRY OF EDUCATION LAUNCHES NEW ... PLAN"
            if start == i and folded[i] in lex.head_final_only:
                continue  # "the Unit for ICT in Education": a post's unit ("Chief of the Unit for ..."), no name
            if end - start == 1 and fold(tok.text) not in lex.bare_heads:
                if fold(tok.text) not in lex.abbreviated_heads:  # a lone "Ltd" would block "X Pvt. Ltd"
                    found.append(Mention(start, end, "bare"))
                continue
            found.append(Mention(start, end, "rule"))
    return found


def _campus(doc: Doc, head: int, end: int, s1: int, lex: Lexicon) -> int:
    """End of a university named with its campus: "University of California at Berkeley".
    Only after an "of" complement, and only when the words after "at" are a known place.

    A US state system's campus after a comma is the name's too ("University of California,
    Berkeley", "University of Texas, Austin"): the state's university, then a US city, with no
    name going on after it. Elsewhere a city after the comma says where the university is
    ("University of Queensland, Brisbane"), so only a US state's name opens this form.
    """
    if end <= head + 1 or end + 1 >= s1 or doc[end].text not in {"at", ","} \
            or fold(doc[head].text) not in lex.campus_heads or doc[head + 1].lower_ != "of":
        return end
    run = _cap_run(doc, end + 1, s1)
    if doc[end].text == ",":
        return run if end + 1 < run <= end + 4 and (run >= s1 or not is_cap(doc[run])) \
            and _in_us(doc[head + 2:end].text, "us_state") and _in_us(doc[end + 1:run].text, "city") else end
    if run == end + 1 or run - end > 4 or not _place(doc[end + 1:run]):
        return end
    return run


def _in_us(text: str, kind: str) -> bool:
    """Is ``text`` (by its own name, not an alternate one) a US state (``kind`` "us_state") or a US city?"""
    from pipeline.extract.knowledge.gazetteer import get_gazetteer

    return any(p.country_code == "US" and not p.alt and kind in {p.source, p.kind}
               for p in get_gazetteer().lookup(text))


def _of_parent_start(doc: Doc, start: int, head: int, s0: int, lex: Lexicon) -> int:
    """Start of a name whose run hangs on "<Head> of": "University of Ghana Medical School",
    "Association of Youth Organization". The capitalized run stops at the lower-case "of";
    when the word before it is an organization head (not a job title: "Minister of ...") and
    the run after it is more than its own head, the whole phrase is one name."""
    k = start - 1
    if k - 1 < s0 or head - start < 1 or doc[k].text != "of" or fold(doc[start].text) in lex.org_heads:
        return start
    before = doc[k - 1]
    if not _is_head(before, lex) or fold(before.text) in lex.title_heads:
        return start
    left = inner_article_start(doc, _extend_left(doc, k - 1, s0, lex), k - 1, s0, lex)
    if doc[left:k].text.isupper():
        return start
    return left


def head_initial_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
    """Names whose head comes first, as in Spanish, Portuguese or French: "Universidad del
    Trabajo del Uruguay", "Pontificia Universidad Javeriana", "Centro Agronómico Tropical de
    Investigación y Enseñanza": the head word (``head_initial``), capitalized words before it,
    and capitalized words after it joined by the language's connectors (de, del, y, ...)."""
    doc, folded = ctx.doc, ctx.folded
    found = []
    for sent in ctx.sents:
        s0, s1 = sent.start, sent.end
        for i in range(s0, s1):
            if folded[i] not in lex.head_initial or not is_cap(doc[i]):
                continue
            start = i
            while start > s0 and is_cap(doc[start - 1]) and not doc[start - 1].is_stop \
                    and fold(doc[start - 1].text) not in lex.org_heads and not is_place(doc[start - 1].text):
                start -= 1
            end = i + 1
            while end < s1 and (_name_word(doc[end], lex) or _initial_connector(doc, end, s1, lex)):
                end += 1
            if end - i >= 2 or (end - i == 1 and start < i):
                found.append(Mention(start, end, "rule"))
    return found


def school_level_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
    """Schools named by their level alone: "Lincoln High", "Pimlico State High", "Jefferson
    Elementary". US and Australian news drop "School" after the level; the level word is no
    organization head of its own ("a record high"), so it names a school only after a name
    word that is not itself a level modifier, and only where the name ends (no capitalized
    word follows: "High Court", "Middle East"), outside a title-cased headline unless in
    brackets ("Nooria Ahmadi (Forest Lake High)" lines are title-cased too)."""
    doc, folded = ctx.doc, ctx.folded
    found = []
    for sent in ctx.sents:
        s0, s1 = sent.start, sent.end
        for i in range(s0 + 1, s1):
            if folded[i] not in lex.school_levels or not is_cap(doc[i]) or doc[i].text.isupper() \
                    or not doc[i - 1].whitespace_:
                continue  # ("Beginner-Intermediate": a level of a course)
            if i + 1 < s1 and (is_cap(doc[i + 1]) or doc[i + 1].text == "-") and doc[i].whitespace_ != "\n":
                continue
            start = _extend_left(doc, i, s0, lex)
            for k in range(start, i):  # "Northside Elementary and King Elementary": two schools
                if folded[k] in lex.school_levels or folded[k] in {"and", "&", "-"}:
                    start = k + 1
            names = [t for t in doc[start:i] if fold(t.text) not in lex.school_level_modifiers]
            if not names or any(fold(t.text) in lex.org_heads for t in doc[start:i]) \
                    or (heading_line(doc[start:i + 1]) and not (start > s0 and doc[start - 1].text == "(")) \
                    or is_place(doc[start:i + 1].text):
                continue
            found.append(Mention(start, i + 1, "rule"))
    return found


def _name_word(tok: Token, lex: Lexicon) -> bool:
    return is_cap(tok) and not tok.is_stop and fold(tok.text) not in lex.title_heads


def _initial_connector(doc: Doc, k: int, s1: int, lex: Lexicon) -> bool:
    """A lower-case "de"/"del"/"y" (or "de la") inside a head-initial name, before a name word."""
    if doc[k].lower_ not in lex.head_initial_connectors or not doc[k].text.islower() or k + 1 >= s1:
        return False
    nxt = doc[k + 1]
    return is_cap(nxt) or (nxt.lower_ in lex.head_initial_connectors and k + 2 < s1 and is_cap(doc[k + 2]))


def _name_inner_honorific(doc: Doc, k: int, s0: int) -> bool:
    """Is an honorific's word at ``k`` a name's word instead ("Hun Sen Mouy Mithona High School")?

    Written without its period after another capitalized word, "Sen" is no "Sen." (a senator)
    opening a name: an honorific opens a name, it does not follow a word of one.
    """
    return "." not in doc[k].text and k - 1 >= s0 and is_cap(doc[k - 1]) and not doc[k - 1].is_stop \
        and doc[k - 1].is_alpha and not (k + 1 < len(doc) and doc[k + 1].text == ".")


def _extend_left(doc: Doc, i: int, s0: int, lex: Lexicon) -> int:
    j = i
    while j > s0:
        t = doc[j - 1]
        word = is_cap(t) and not (t.is_stop and (t.i == s0 or t.lower_ == "the")) and not TIME_OF_DAY.match(t.text) \
            and not (t.is_stop and (t.pos_ in {"ADP", "SCONJ"} or t.lower_ in OPENING_PREPS)
                     and t.lower_ not in {"of", "for", "and"}) \
            and (fold(t.text) not in lex.honorifics or _name_inner_honorific(doc, j - 1, s0)) \
            and fold(t.text) not in lex.title_heads and not contact_label(doc, j - 1)
        hyphen = t.text == "-" and j - 2 >= s0 and not t.whitespace_ \
            and not doc[j - 2].whitespace_ and is_cap(doc[j - 2])
        # "Commerce and Employers Federation", but not "X Office and Y Office" or a place
        # "Fiji Women's Rights Movement", "Teachers' Union": a plural noun's possessive
        poss = t.text in {"'s", "\u2019s", "'", "\u2019"} and j - 2 >= s0 and j < i + 1 \
            and (fold(doc[j - 2].text) in lex.possessive_name_words or saint(doc, j - 2, s0))
        conj = t.lower_ in {"and", "&"} and j - 2 >= s0 and is_cap(doc[j - 2]) and j < i \
            and not doc[j - 2].text.isupper() and fold(doc[j - 2].text) not in lex.org_heads \
            and (t.text == "&" or doc[j - 2].ent_type_ != "PERSON"
                 and not is_place(doc[max(s0, j - 3):j - 1].text) and not is_place(doc[j - 2].text))
        # ("&" joins the words of one name: "Franklin & Marshall College", "Johnson & Johnson";
        # "and" may join a place's or a person's name to another body)
        # "Gordon and Betty Moore Foundation", "David and Lucile Packard Foundation": a couple's given
        # names, the second one's surname shared, name one body
        couple = t.lower_ in {"and", "&"} and j - 2 >= s0 and j < i and fold(doc[j - 2].text) in lex.given_names \
            and fold(doc[j].text) in lex.given_names and is_cap(doc[j - 2]) \
            and (j - 3 < s0 or not is_cap(doc[j - 3]) or doc[j - 3].is_stop)
        # "Chancellor College", "Dean College": a lone title word right before the head word opens
        # the name after a lower-case word or a comma ("Principal Secretary College", "pyOpenSci
        # Executive Council - A & B" do not open one)
        titled = j == i and is_cap(t) and fold(t.text) in lex.title_heads and not t.is_stop \
            and (j - 2 < s0 or doc[j - 2].is_lower or doc[j - 2].text in {",", "(", "\""})
        if not (word or hyphen or conj or poss or couple or titled or name_title_word(doc, j, i, lex)):
            break
        j -= 1
    if j - 1 > s0 and doc[j - 1].lower_ in {"of", "for"} and doc[j - 1].text.islower() \
            and fold(doc[j - 2].text).rstrip("s") in {h.rstrip("s") for h in lex.org_heads}:
        # "Chambers of Industry and Eastern Amman Investors Association": the words before
        # "and" complete another name; this one starts after the conjunction
        conj = [k for k in range(j, i) if doc[k].lower_ in {"and", "&"}]
        if conj:
            j = conj[-1] + 1
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
        run_end = person_cut(doc, m, _cap_run(doc, m, s1), get_lexicon())
        while run_end > m and (doc[run_end - 1].lower_ in CONNECTORS or doc[run_end - 1].text == "-"):
            run_end -= 1  # "Division of Science and Environmental Policy and [Dr. X]"
        if run_end == m:
            break
        # stop before "in <place>" and before "and <another organization>" inside the run
        for x in range(m, run_end):
            if doc[x].lower_ in {"in", "and", "&", "on"} and not doc[x].text.istitle():
                y = x + 1 + (doc[x + 1].lower_ == "the")
                inner = doc[y:_cap_run(doc, y, s1)]
                if (doc[x].lower_ in {"in", "and"} and _place(inner)) or (
                        doc[x].lower_ in {"and", "&"} and (_names_org(inner) or _other_name(inner))):
                    run_end = x
                    break
        run_end = _drop_tail(doc, m, run_end, get_lexicon())
        if run_end == m:
            break
        run_text = doc[m:run_end].text
        if _names_org(doc[m:run_end]) or (doc[end].lower_ == "on"
                                           and fold(run_text) in get_lexicon().concepts):
            break  # "Council of the European Union", "Ministry on ICT": another entity
        scope = country_name(run_text) or (doc[end].lower_ == "for" and is_place(run_text))
        national = any(t.lower_ == "national" for t in doc[max(0, k - 3):k])  # "National Library of Uganda"
        if scope and (doc[end].lower_ != "of" or (head not in get_lexicon().country_heads and not national)):
            break
        end = run_end
    return end


def _other_name(span: Span) -> bool:
    """After "and", a run that starts another name: an acronym ("Parliament of Uganda and
    IASSIST Africa Chapter") or a modifier of a lower-case noun ("the Government of Rwanda
    and African tech training provider ALX")."""
    if not len(span):
        return False
    doc = span.doc
    if span[0].text.isupper() and len(span[0].text) >= 2 and span[0].is_alpha:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    return len(span) == 1 and (span[0].ent_type_ == "NORP" or span[0].pos_ == "ADJ") \
        and after is not None and after.is_alpha and after.text.islower() and after.pos_ in {"NOUN", "ADJ"}


def _drop_tail(doc: Doc, m: int, run_end: int, lex: Lexicon) -> int:
    """A complement that ends in a programme word names the programme, not the body:
    "Centre for Advanced Scientific Research Fellowship" -> the body ends before it."""
    if run_end - m >= 2 and fold(doc[run_end - 1].text) in lex.programme_tails:
        return run_end - 1
    while run_end - m >= 2 and _dateline(doc[run_end - 1]) and not doc[run_end - 2].text.isupper():
        run_end -= 1  # "Ministry of Education TORONTO - Today, ...": a release's dateline after the body
    if run_end - m >= 3 and glued_initials(doc[run_end - 2].text) \
            and doc[run_end - 1].text[:1].isupper() and fold(doc[run_end - 1].text) not in lex.common_words:
        run_end -= 2  # "Ministry of Education M.N. Ranasinghe": the official named after the body
    return run_end


def _dateline(tok: Token) -> bool:
    """A place in capitals ("TORONTO", "NAIROBI"), as a press release's dateline writes it."""
    return len(tok.text) > 2 and tok.text.isupper() and tok.is_alpha and is_place(tok.text.title())


def _place(span: Span) -> bool:
    """A country or city, or a single proper noun the places gazetteer knows ("in Battaramulla")."""
    if is_place(span.text):
        return True
    if len(span) != 1 or span[0].pos_ != "PROPN" or fold(span.text) in get_lexicon().disciplines:
        return False
    from pipeline.extract.knowledge.gazetteer import get_gazetteer

    return bool(get_gazetteer().lookup(span.text))




def _names_org(span: Span) -> bool:
    """Is this capitalized run an organization of its own (known, or headed by a strong head)?"""
    lex = get_lexicon()
    if not len(span):
        return False
    return bool(lex.known_org(span.text)) or (
        len(span) >= 2 and fold(span[-1].text) in get_lexicon().strong_heads)


def acronym_mentions(doc: Doc, words: list[str], lex: Lexicon, known: list[Mention]) -> tuple[
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
        if not (j + 1 < n and doc[j + 1].text == ")"):
            continue
        acr = doc[j].text
        if acr not in defined and _word_acronym(doc, tok.i, acr, lex):
            defined[acr] = Mention(tok.i - len(acr), tok.i, "acronym")  # "... Authorities (Cosla)"
            found.append(defined[acr])
            continue
        if not is_acronym(acr):
            continue
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
        if gaz is not None and not long_form.canonical \
                and consistent_long_form(long_form.text(doc), gaz.name):
            long_form.canonical = gaz.name
        defined[acr] = long_form
    return found, defined


def initialisms(doc: Doc, words: list[str], lex: Lexicon, known: list[Mention],
                defined: dict[str, Mention]) -> dict[str, Mention]:
    """Acronyms the article uses without defining, spelled by the initials of one of its names.

    News writes "the Higher Education Commission" once and "HEC" after it, or the other way
    round, without "(HEC)"; the acronym is then a mention of that body, not an organization
    of its own or none. Only when exactly one multi-word name of the article spells it with
    the initials of its capitalized words (connectors skipped), and the gazetteer knows no
    other body by it.
    """
    spelled: dict[str, set[str]] = {}
    first: dict[str, Mention] = {}
    for m in known:
        toks = [t for t in doc[m.start:m.end] if t.lower_ not in CONNECTORS and t.is_alpha]
        if len(toks) < 2 or not all(t.text[:1].isupper() for t in toks):
            continue
        acr = "".join(t.text[0] for t in toks).upper()
        spelled.setdefault(acr, set()).add(m.text(doc))
        first.setdefault(acr, m)
    out: dict[str, Mention] = {}
    for text in set(words):
        if text in defined or text in lex.by_acronym or not is_acronym(text) or not text.isupper() \
                or fold(text) in lex.concepts or len(spelled.get(text, ())) != 1:
            continue
        out[text] = first[text]
    return out


def _content_words(text: str) -> list[str]:
    """Words of a name that identify it (no connectors), in org_key spelling, plural-free."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w
            for w in org_key(text).split() if w not in CONNECTORS]


def consistent_long_form(text: str, gaz_name: str) -> bool:
    """Can the long form a text defines for a known acronym be the gazetteer's body?

    Acronyms are shared by unrelated bodies: "Teaching Service Commission (TSC)" is not the
    "Teachers Service Commission" (TSC) of another country. The text's long form names the
    gazetteer organization only when it has no word the gazetteer name lacks (it may be
    shorter: "Children's Fund (UNICEF)"); spelling variants and plurals meet.
    """
    if org_key(text) == org_key(gaz_name):
        return True
    words = _content_words(text)
    return bool(words) and set(words) <= set(_content_words(gaz_name))


def _word_acronym(doc: Doc, paren: int, acr: str, lex: Lexicon) -> bool:
    """An acronym written as a word ("Cosla", "Naht") whose letters are the initials of every
    word before it, connectors included: "Convention of Scottish Local Authorities (Cosla)"."""
    k = paren - len(acr)
    if not (acr.isalpha() and acr[0].isupper() and acr[1:].islower() and 3 <= len(acr) <= 8) \
            or k < doc[paren].sent.start:
        return False
    span = doc[k:paren]
    if not all(t.is_alpha for t in span) or not (is_cap(span[0]) and is_cap(span[-1])):
        return False
    return "".join(t.lower_[0] for t in span) == acr.lower() and any(
        fold(t.text) in lex.org_heads or fold(t.text) in lex.event_heads for t in span)


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
