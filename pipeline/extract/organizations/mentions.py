"""Organization mentions: the Mention record and spaCy's ORG entities, filtered.

Part of the organizations extractor (``pipeline.extract.organizations``). spaCy's small
model tags as ORG many things that are not organizations on education news pages:
concepts (ICT, OER), places, people with honorifics, job titles, projects, events and
venues, page boilerplate, and names of methods used as modifiers. The filters here
keep an ORG entity only when none of these explains it; they also serve the rule
recognizer (``disqualified``: a capitalized phrase followed by "project" is a project).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.extract.knowledge.lexicon import OPEN_QUOTES, Lexicon, fold, get_lexicon, is_place, role_apposition
from pipeline.extract.organizations.rules import contact_label, glued_markup

ACRONYM = re.compile(r"^[A-Z][A-Za-z&.\-]*$")
LEADING_PREPS = {"at", "in", "on", "from", "for", "with", "by"}  # "At Hillside School, ...": spaCy's ORG takes "At"
BOILERPLATE = re.compile(r"[\[\]|@<>{}=/\\_]|https?:|www\.|\n|\.(?:jpe?g|png|gif|svg|webp|pdf)\b", re.I)


@dataclass
class Mention:
    start: int  # token indices [start, end)
    end: int
    source: str
    key: str = ""
    canonical: str | None = None  # gazetteer or inherited long form
    aliases: list[str] = field(default_factory=list)

    def text(self, doc: Doc) -> str:
        text = strip_article(doc[self.start:self.end].text)
        last = doc[self.end - 1].text if self.end > self.start else ""
        if last.endswith(".") and not text.endswith(".") and _period_goes_on(doc, self.end) \
                and fold(last) in get_lexicon().abbreviated_heads:
            text += "."  # "Student Assistance Inc., Erica ...": the period is the abbreviation's
        if _named_with_the(doc, self.start):
            text = "The " + text
        return text


def _named_with_the(doc: Doc, start: int) -> bool:
    """Does a capital "The" in mid-sentence open the name ("an initiative of The Nawaya
    Network")? Writers capitalize the article only when it is part of the name; at a sentence
    or line start, after a quote, or in a title-cased headline the capital says nothing."""
    k = start if start < len(doc) and doc[start].text == "The" else start - 1
    if k < 1 or k >= len(doc) or doc[k].text != "The" or doc[k].is_sent_start:
        return False
    before = doc[k - 1]
    if not (before.is_alpha and before.text.islower()) or "\n" in before.whitespace_:
        return False
    if k >= 2 and before.lower_ == "of" and doc[k - 2].text[:1].isupper():
        return False  # "Transactions of The American ...": a title-cased work title
    return k + 1 < len(doc) and not heading_line(doc[k:k + 2])


def _period_goes_on(doc: Doc, end: int) -> bool:
    """Does the sentence go on after token ``end - 1`` (so its period is not a full stop)?"""
    return end < len(doc) and (doc[end].text in {",", ";", ")"} or doc[end].text.islower())


def strip_article(text: str) -> str:
    text = re.sub(r"^(?:the|The|THE)\s+", "", " ".join(text.split()))
    return re.sub(r"['\u2019]s$", "", text).strip(" ,.;:")


def is_cap(tok: Token) -> bool:
    """A capitalized word that can be part of a name (not an email, URL or bare symbol)."""
    t = tok.text
    if not t[:1].isupper() or tok.like_email or tok.like_url or "@" in t:
        return False
    return bool(re.match(r"^[^\W\d_][\w'\u2019.&]*$", t))  # (any script's capitals: "Ático")


def acronym_letters(text: str) -> list[str]:
    return [c for c in text if c.isupper()]


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and len(acronym_letters(text)) >= 2 and len(text) <= 12


def company_itself(doc: Doc, start: int, end: int) -> bool:
    """Does a company's name at ``start:end`` name the company? Not when a lower-case noun follows
    that is not about the company ("Google searches": a product), nor when it names the feature
    the company borrowed its name from (``feature_use``)."""
    return not _product_use(doc, end) and not feature_use(doc, start, end)


def feature_use(doc: Doc, start: int, end: int) -> bool:
    """Does a company's name at ``start:end`` name a place it shares the name with? Before a feature
    noun ("Amazon forests", "the Amazon rainforest"; ``feature_nouns`` in org_lexicon.json), or as
    one word after "the" ("home to the Amazon", "through the Amazon"): companies go without the
    article, the river and forest take it ("the Associated Press" and acronyms, "the AP reported",
    do too; "the Google Home" is a product's name). The organizations and places extractors both
    ask this, so a name is the company in one table exactly where it is no place in the other."""
    if end < len(doc) and doc[end].lower_ in get_lexicon().feature_nouns:
        return True
    return (end - start == 1 and start > 0 and doc[start - 1].lower_ == "the" and not doc[start].is_upper
            and not (end < len(doc) and doc[end].text[:1].isupper()))


def _product_use(doc: Doc, end: int) -> bool:
    """Is a company name followed by a lower-case noun that is not about the company itself?"""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.text.islower() and nxt.pos_ in {"NOUN", "PROPN"} and nxt.lower_ not in get_lexicon().company_nouns


def spacy_mentions(doc: Doc, lex: Lexicon, words: list[str]) -> list[Mention]:
    """spaCy's ORG entities that survive the filters; ``words`` are the token texts."""
    found = []
    counts = Counter(words)
    lowered = {(words[i - 1].lower(), words[i]) for i in range(1, len(words)) if words[i].islower()}
    person_tokens: set[str] = set()
    of_tokens: set[str] = set()
    for i in range(1, len(words)):
        if words[i][:1].isupper() and words[i - 1].lower() in {"of", "for"} and is_cap(doc[i]):
            of_tokens.add(words[i])
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            person_tokens.update(t.text for t in ent)
    orgs = [ent for ent in doc.ents if ent.label_ == "ORG"]
    for ent in orgs:  # "Fatmata Sankoh, 18, who ...": a person spaCy took for an ORG
        if person_name(ent, lex, person_tokens):
            person_tokens.update(t.text for t in ent if t.is_alpha)
    for ent in orgs:  # then "Sankoh" alone is part of the person "Fatmata Sankoh"
        if person_name(ent, lex, person_tokens):
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ == "the" or not doc[start].text.strip()
                               or doc[start].is_punct or doc[start].text in {"'s", "\u2019s"}
                               or doc[start].is_alpha and doc[start].text.islower()
                               or (doc[start].is_sent_start and doc[start].lower_ in LEADING_PREPS)):
            start += 1  # "the ministry's Technical Education Development Unit"; "At Hillside School"
        while end > start and (doc[end - 1].text in {"'s", "\u2019s", "'"} or doc[end - 1].is_punct
                               or not doc[end - 1].text.strip()
                               or doc[end - 1].is_alpha and doc[end - 1].text.islower()):
            end -= 1  # "Social mobilizer": a name never ends in a lower-case word
        if end <= start:
            continue
        for k in range(start, end):
            if doc[k].text == "(" or contact_label(doc, k):
                end = k  # "(IITE": the definition; "Ministry of Education Email": a contact label
                break
        while end > start and (doc[end - 1].is_punct or not doc[end - 1].text.strip()):
            end -= 1
        if end <= start:
            continue
        end = _before_title(doc, start, end, lex)
        while end - start > 1 and fold(doc[end - 1].text).rstrip(".") in lex.honorifics:
            end -= 1  # "Government College Lahore Prof [Dr Asghar Zaidi]": the next name's honorific
        if end <= start:
            continue
        start = _after_person_of(doc, start, end, lex)
        start = _after_title_of(doc, start, end, lex)
        if end - start == 1 and start > 0 and doc[start - 1].ent_type_ == "NORP" and is_cap(doc[start - 1]) \
                and doc[start - 1].whitespace_ == " " and fold(doc[start].text) not in lex.org_heads:
            start -= 1  # "Scottish Labour": a party or body named with its nation's adjective
        span = doc[start:end]
        if acronym_body(span, lex):
            found.append(Mention(start, end, "spacy"))
            continue
        if _not_an_org(span, lex, counts) or _part_of_other(span, person_tokens, of_tokens) \
                or _in_place_list(span, lex):
            continue
        if glued_markup(doc, end) or (fold(doc[end - 1].text) in lex.event_heads
                                      and not lex.known_org(span.text)):
            continue
        if _attributive(span) and not lex.known_org(span.text):
            continue  # "Online Merges Offline learning": a name of a method, not a body
        if (org := lex.known_org(span.text)) is not None and org.kind == "company" \
                and not company_itself(doc, start, end):
            continue  # "Amazon forests": the feature, not the company
        if _headless(span, lex) and (_person_context(span, person_tokens) or _quoted(span)
                                     or _plural_end(span, lex) or heading_line(span)
                                     or _common_noun_end(span, lowered)):
            continue
        found.append(Mention(start, end, "spacy"))
    for ent in doc.ents:  # "CSUMB's commitment": spaCy's small model takes some acronyms for people
        if ent.label_ == "PERSON" and len(ent) == 1 and len(ent.text) >= 3 and acronym_body(ent, lex):
            found.append(Mention(ent.start, ent.end, "spacy"))
    return found


BRAND = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$")
SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz)[A-Z]")


def brand_word(text: str) -> bool:
    """A word with a capital inside ("DevTech", "CloudFactory"): a brand, not a common word,
    unless it is a surname with a particle ("McDonald", "DeVos")."""
    return bool(BRAND.match(text)) and not SURNAME_PREFIX.match(text) and len(text) <= 20


def acronym_body(span: Span, lex: Lexicon) -> bool:
    """An acronym the text never defines, used in the sentence as a body that acts or owns.

    Organizations are often named only by their acronym ("DAI is supporting ...", "DAI's
    Director of ICT"); an undefined capitalized token is otherwise dropped, since most are
    concepts, exams or page labels. spaCy's ORG tag alone is weak evidence; the syntax must
    also say "body": the subject of a verb, a possessor ("ACR's"), or the agent after "by".
    Concepts, job titles, honorifics and places are never bodies. Brand names written with
    an inner capital ("DevTech is partnering", "CloudFactory's") are taken the same way.
    """
    if len(span) != 1:
        return False
    tok = span[0]
    text = tok.text
    if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 6) and not brand_word(text):
        return False
    low = fold(text)
    if low in lex.concepts or text in lex.concepts or low in lex.title_heads or low in lex.honorifics \
            or is_place(text) or heading_line(span):
        return False
    doc = span.doc
    if any(t.text == text and _before_surname(doc, t.i + 1, lex) for t in doc):
        return False  # "VP Duterte": elsewhere a title before a name, so "the VP" is a person
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in {"'s", "\u2019s"}:
        return True
    if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"} and tok.head.i > tok.i:
        return True
    if tok.dep_ in {"dobj", "dative"} and tok.head.lower_ in lex.telling_verbs \
            and tok.head.i < tok.i:
        return True  # "he told CNN": one tells a body (an outlet, an agency) what one says
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return True  # "according to NAN"
    role = fold(tok.head.head.text)  # the word the preposition hangs on: a role ("spokesperson"), plural too
    if tok.dep_ == "pobj" and tok.head.lower_ in {"for", "from", "at", "with"} \
            and (role in lex.title_heads or role[:-1] in lex.title_heads or tok.head.head.lower_ in lex.contact_nouns):
        return True  # "a spokesperson for HRW", "reporters from NTV", "an interview with KTN"
    return tok.dep_ == "pobj" and tok.head.lower_ == "by"


def _before_surname(doc: Doc, k: int, lex: Lexicon) -> bool:
    """Is token ``k`` a lone name word (a surname: not a place, head or title, and not followed
    by another capitalized word), as after an abbreviated title ("VP Duterte said")?"""
    if k >= len(doc) or not NAME_WORD.match(doc[k].text) or is_place(doc[k].text):
        return False
    low = fold(doc[k].text)
    if low in lex.org_heads or low in lex.title_heads or low in lex.concepts:
        return False
    return k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper()


def _headless(span: Span, lex: Lexicon) -> bool:
    """No organization head word and not a known name: spaCy's ORG tag is the only evidence."""
    return not any(fold(t.text) in lex.org_heads for t in span) and not lex.known_org(span.text)


def _person_context(span: Span, person_tokens: set[str]) -> bool:
    """A headless ORG that the article treats as a person (one entity is one type).

    "Patti Hunter, Della Dumbaugh, Sloan Despeaux": an item of a list of PERSON entities;
    "VP Duterte": the surname of a PERSON named elsewhere ends it; "By Alina Karki" at the
    start of a line: a byline.
    """
    doc = span.doc
    s, e = span.start, span.end
    words = [t for t in span if t.is_alpha]
    if not words or not all(NAME_WORD.match(t.text) or t.text.isupper() for t in words):
        return False

    def person(k: int) -> bool:  # a PERSON here, or a word of a PERSON named elsewhere
        return 0 <= k < len(doc) and (doc[k].ent_type_ == "PERSON" or (
            doc[k].text in person_tokens and bool(NAME_WORD.match(doc[k].text))))

    seps = {",", "and", "&", "--", "-", "\u2013", "\u2014", ";"}
    last = span[-1].text
    if (s >= 2 and doc[s - 1].lower_ in seps and person(s - 2) and doc[s - 2].text != last) \
            or (e + 1 < len(doc) and doc[e].lower_ in seps and person(e + 1)
                and not any(t.text == last for t in doc[e + 1:e + 5] if t.ent_type_ == "PERSON")):
        return True  # (but "Orange Telecom, Lonestar Telecom": names made alike are bodies)
    if len(words) >= 2 and NAME_WORD.match(last) and last in person_tokens and not is_place(last):
        return True
    k = s - 1
    if k >= 0 and doc[k].lower_ == "by" and len(words) >= 2 and all(NAME_WORD.match(t.text) for t in words):
        before = doc.text[:doc[k].idx].rsplit("\n", 1)[-1]
        return not any(c.isalnum() for c in before)  # "By NAME" opening a line
    return False



def _common_noun_end(span: Span, lowered: set[tuple[str, str]]) -> bool:
    """A headless name whose last word the article also uses as a common noun with "the"
    ("The Digital Empowerment Training ... The training will run"): the text itself says
    what kind of thing the name is, an event, product or activity, not a body."""
    last = span[-1]
    low = fold(last.text)
    if low.endswith("news") or low in get_lexicon().weak_heads:
        return False  # "Sky News ... the news", "the Herald": media names keep their word
    return len(span) >= 2 and last.is_alpha and not last.text.isupper() \
        and ("the", last.lower_) in lowered


def _quoted(span: Span) -> bool:
    """A headless name in quotation marks is a title, nickname or label, not a body."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].text in OPEN_QUOTES


def _plural_end(span: Span, lex: Lexicon) -> bool:
    """A headless name ending in a plural common noun names people or things, not a body
    ("McNair Scholars", "Whyburn Instructors", "Employment Promotion Units"); spaCy often
    tags such plurals NNP. Company words that end in -s (Associates, Partners) are heads."""
    last = span[-1]
    low = last.lower_
    return len(span) >= 2 and last.tag_ in {"NNS", "NNPS", "NNP"} and len(low) > 3 and low.endswith("s") \
        and not low.endswith(("ss", "us", "is", "ics", "news")) \
        and fold(last.text) not in lex.possessive_name_words  # ("Mathematics", "Sky News": not plurals)


def heading_line(span: Span) -> bool:
    """Is the span in a title-cased line with no sentence end (a headline or page label)?

    "Liberia Launches Mobile Tax Payments, Opening Doors ...", "For Immediate Release":
    spaCy tags runs of capitalized words in headlines as ORG; a real body in a headline is
    found again in the body text.
    """
    text = span.doc.text
    ls = text.rfind("\n", 0, span.start_char) + 1
    le = text.find("\n", span.end_char)
    line = text[ls:le if le >= 0 else len(text)].strip(" *_#")
    if not line or line[-1] in ".?!\"\u201d" or len(line.split()) > 20:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


NAME_WORD = re.compile(r"^[A-Z][a-z\u00C0-\u024F'\u2019]+(?:-[A-Z][a-z\u00C0-\u024F'\u2019]+)?$")


def person_name(span: Span, lex: Lexicon, person_tokens: set[str]) -> bool:
    """Is an ORG entity a personal name ("Fatmata Sankoh", "Kargbo-Conteh")?

    Name-shaped words only (no org head, acronym, known organization or place), and a sign
    of a person: every word is part of a PERSON entity elsewhere in the article, or the name
    has a person's cue: a job title before it ("spokesperson Rhona Sweeney", "(principal)
    Wiremu Henare", "representative in Ecuador, Marta Ibanez") or ", who" / ", 18," after it.
    """
    words = [t for t in span if t.text not in {"-", "the", "The"}]
    if not words or len(words) > 3 or not all(NAME_WORD.match(t.text) for t in words) \
            or any(fold(t.text) in lex.org_heads or fold(t.text) in lex.concepts for t in words) \
            or lex.known_org(span.text) or is_place(span.text):
        return False
    if all(t.text in person_tokens for t in words):
        return True
    if len(words) < 2:
        return False
    return _title_before(span, lex) or _person_after(span) or _given_and_surname(words, lex) \
        or role_apposition(span.doc, span.end, lex)


def _given_and_surname(words: list[Token], lex: Lexicon) -> bool:
    """"Taryn Whiteaker", "Eli Finegood": a known given name and one or two surname-shaped words.

    spaCy tags such names ORG in lists and run-on text. No word of an organization (checked
    above), no word pages write in lower case ("Royal Mail", "Grace Church") and no title or
    field word: the span is a person, one type per entity.
    """
    first, rest = fold(words[0].text), [fold(t.text) for t in words[1:]]
    blocked = lex.not_name_words
    return first in lex.given_names and first not in blocked and not any(w in blocked for w in rest) \
        and len(words) <= 3


def _title_before(span: Span, lex: Lexicon) -> bool:
    """A job title shortly before the name, with nothing between that opens a clause or a body."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ in {"of", "at", "from", "for", "with", "by", "in", "to", "and"}:
        return False  # "the director of Enabel": the body a title is held in
    sent_start = span.sent.start
    comma = False
    while k >= sent_start and span.start - k <= 6:
        t = doc[k]
        if fold(t.text) in lex.title_heads:
            if not comma:
                return True
            # "Its representative in Ecuador, NAME" but not "(Executive Director, Acme Watch)",
            # where the body follows the title of the person named before it
            m = k - 1
            while m >= sent_start and k - m <= 3 and t.is_alpha and doc[m].is_alpha \
                    and doc[m].pos_ not in {"DET", "PRON"}:
                m -= 1
            return m >= sent_start and doc[m].pos_ in {"DET", "PRON"}
        if t.pos_ in {"VERB", "AUX", "PRON"} or t.ent_type_ in {"ORG", "PERSON"} or t.text in {".", ";", ":"}:
            return False
        comma = comma or t.text == ","
        k -= 1
    return False


def _person_after(span: Span) -> bool:
    """", who" / ", whose" / ", 18," right after the name."""
    doc = span.doc
    k = span.end
    if k + 1 >= len(doc) or doc[k].text != ",":
        return False
    nxt = doc[k + 1]
    if nxt.lower_ in {"who", "whose"}:
        return True
    return nxt.text.isdigit() and int(nxt.text) < 120 and k + 2 < len(doc) and doc[k + 2].text == ","


def _before_title(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """End of an ORG entity that swallowed a job title and a name after it.

    "Buncombe County Schools Superintendent Karen Doyle": spaCy tags the whole run; the body
    ends before the title head, when what precedes the head itself ends in an org head word.
    """
    for k in range(start + 1, end - 1):
        if fold(doc[k].text) in lex.title_heads and doc[k].text[:1].isupper():
            prev = fold(doc[k - 1].text)
            if prev in lex.org_heads or prev.rstrip("s") in lex.org_heads:
                return k
            return end
    return end


def _after_title_of(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Start of an ORG entity that swallowed the post held in it: "Principal of Government
    College Lahore" -> the body after "<title> of/for [the]" (a title head that is no
    organization head opens the span)."""
    head = fold(doc[start].text)
    if head in lex.title_heads and head not in lex.org_heads and start + 2 < end \
            and doc[start + 1].lower_ in {"of", "for"} and doc[start + 1].text.islower():
        k = start + 2 + (doc[start + 2].lower_ == "the")
        if k < end and doc[k].text[:1].isupper() and any(fold(t.text) in lex.org_heads for t in doc[k:end]):
            return k  # (not "Secretary of State": no body is left)
    return start


def _after_person_of(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Start of an ORG entity that swallowed a person: "Gene Sperling of the National
    Economic Council" -> the body after "of [the]", when the words before "of" are a name
    (two or three name-shaped words, no org head) and the words after hold an org head."""
    for k in range(start + 2, min(end - 1, start + 4)):
        if doc[k].lower_ != "of" or not doc[k].text.islower():
            continue
        left = doc[start:k]
        right = k + 1 + (doc[k + 1].lower_ == "the")
        if all(NAME_WORD.match(t.text) and fold(t.text) not in lex.org_heads for t in left) \
                and any(fold(t.text) in lex.org_heads for t in doc[right:end]):
            return right
        break
    return start




def _in_place_list(span: Span, lex: Lexicon) -> bool:
    """An item of a list of places ("Zavkhan, Govi-Altai, Uvs and Khuvsgul provinces")."""
    doc = span.doc
    if any(fold(t.text) in lex.org_heads for t in span) or lex.known_org(span.text):
        return False
    s, e = span.start, span.end

    def place(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].ent_type_ in {"GPE", "LOC"}

    left = s >= 2 and doc[s - 1].lower_ in {",", "and"} and place(s - 2)
    right = e + 1 < len(doc) and doc[e].lower_ in {",", "and"} and place(e + 1)
    tail = e < len(doc) and doc[e].lower_ in lex.place_nouns
    further = right and e + 3 < len(doc) and doc[e + 2].lower_ in {",", "and"} and place(e + 3)
    return left and (right or tail) or further


def _attributive(span: Span) -> bool:
    """A name that modifies a lower-case noun right after it ("Media contact"; spaCy fragments)."""
    doc = span.doc
    last = span[-1]
    if len(span) == 1 and (last.text.isupper() or not last.is_alpha):
        return False  # "UNICEF staff": an acronym names its body even as a modifier
    return span.end < len(doc) and last.dep_ == "compound" \
        and last.head.i == span.end and doc[span.end].text.islower() and doc[span.end].pos_ == "NOUN"


def _part_of_other(span: Span, person_tokens: set[str], of_tokens: set[str]) -> bool:
    """A single word that elsewhere is part of a name ("Prasad") or a place ("of Sussex")."""
    return len(span) == 1 and (span[0].text in person_tokens or span[0].text in of_tokens)


def _not_an_org(span: Span, lex: Lexicon, counts: dict[str, int]) -> bool:
    text = span.text
    words = [t for t in span if not t.is_punct]
    if "\u00ae" in text or "\u2122" in text:
        return True  # "Lego\u00ae Mindstorms\u00ae": a trademark sign marks a product
    if not words or BOILERPLATE.search(text) or lex.known_org(text):
        return not lex.known_org(text) if words else True
    folded = fold(text)
    if folded in lex.concepts or all(fold(t.text) in lex.concepts for t in words):
        return True
    if any(fold(t.text) in lex.honorifics and fold(t.text) not in lex.ambiguous_honorifics
           for t in words[:1]):
        return True  # "Ms Lina Benete"
    if is_place(text):
        return True
    if not any(is_cap(t) for t in words):
        return True
    last = fold(words[-1].text)
    has_head = any(fold(t.text) in lex.org_heads for t in words)
    if last in lex.title_heads and (not has_head or fold(words[-2].text) not in {"of", "the"}):
        return True  # a job title: "Education Programme Specialist", "State School Superintendent"
    if any(fold(t.text) in lex.title_heads for t in words[:1]) and not has_head:
        return True  # "Coordinator of International Relations"
    if not has_head and _title_field(span, lex):
        return True  # "Vice President for Academic Affairs": the field of a title, not a body
    if disqualified(span, lex):
        return True
    if len(words) >= 2 and any(t.text.isupper() and len(t.text) >= 4
                               and not lex.known_org(t.text) for t in words):
        return True  # navigation in capitals: "GET INVOLVED", "ESWATINI Building"
    if any(t.text in {",", "'", "\u2019", "\u2018", '"'} and not _plural_possessive(t, lex) for t in span):
        return True  # lists and quotes: "Science, Technology, Engineering"
    for k, t in enumerate(words[:-1]):
        if t.lower_ in {"on", "in"} and all(fold(w.text) in lex.concepts for w in words[k + 1:]):
            return True  # "the Ministry on ICT": a head with a topic, not a name
    if any(t.lower_ in {"and", "&"} for t in span) and not has_head:
        return True  # "Zoom and Google", "Gender Equality and Development"
    if len(words) == 1:
        t = words[0].text
        if t.isupper() or counts.get(t, 0) < 2 or counts.get(t.lower(), 0) \
                or fold(t) in lex.org_heads or fold(t) in lex.title_heads:
            return True  # undefined acronyms, one-off or common words
        doc = span.doc
        if all(tok.i == words[0].i or (tok.ent_type_ == "ORG" and _ent_len(tok) > 1)
               for tok in doc if tok.text == t):
            return True  # "Technical" whose other uses are words of "Tamale Technical University"
    if not has_head and _everyday_phrase(span, words, lex):
        return True  # "Social Media", "Chemical Engineering", "Advanced Placement": a field or a thing
    return len(words) > 6 and not has_head


def _everyday_phrase(span: Span, words: list[Token], lex: Lexicon) -> bool:
    """Every word one that pages write in lower case (``models/common_words.txt``), and no "the" before it.

    spaCy tags fields, subjects and things ORG ("Social Media", "Mechanical Engineering",
    "Social Equity"); a body named by everyday words is spoken of with its article ("the
    Federal Reserve", "the Freedom Caucus"), which keeps it. (Called only for a name with no
    organization head word: "Reading Association" is one whatever its words.)
    """
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return False
    if any(fold(t.text) in lex.collective_words for t in words):
        return False  # "Technical Education Development Unit", "Sky News": a body's word
    return all(fold(t.text) in lex.common_words or t.lower_ in {"of", "and", "the", "for", "&"} for t in words)


def _ent_len(tok: Token) -> int:
    """Length in tokens of the entity ``tok`` is in (0 outside any entity)."""
    if not tok.ent_type_:
        return 0
    doc = tok.doc
    s = tok.i
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    e = tok.i + 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return e - s


def _plural_possessive(tok: Token, lex: Lexicon) -> bool:
    """An apostrophe closing a members' possessive inside a name ("Tanzania Teachers' Union")."""
    doc = tok.doc
    return tok.text in {"'", "\u2019"} and tok.i > 0 and tok.i + 1 < len(doc) \
        and fold(doc[tok.i - 1].text) in lex.possessive_name_words and is_cap(doc[tok.i + 1])


def _title_field(span: Span, lex: Lexicon) -> bool:
    """Does the span follow "TITLE of/for [the]" ("Secretary of Public Education")?

    spaCy tags the portfolio of a job title as ORG; without an org head word of its own it
    names what the post is about, not a body (the body, when named, is elsewhere).
    """
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    # a later item of a coordinated portfolio: "Minister of Education and Science"
    if k >= 1 and doc[k].lower_ in {"and", "&", ","}:
        j = k - 1
        while j >= 1 and span.start - j <= 8 and (is_cap(doc[j]) or doc[j].lower_ in {"and", "&", ","}) \
                and fold(doc[j].text) not in lex.org_heads:
            j -= 1
        if j >= 1 and j < k - 1 and doc[j].lower_ in {"of", "for"}:
            k = j
    if not (k >= 1 and doc[k].lower_ in {"of", "for"}):
        return False
    if fold(doc[k - 1].text) in lex.title_heads:
        return True
    # "Minister of State for Primary Education": the title may carry its own "of State"
    j = k - 1
    while j >= 0 and k - j <= 4 and (doc[j].text[:1].isupper() or doc[j].lower_ == "of"):
        if fold(doc[j].text) in lex.title_heads:
            return True
        j -= 1
    return False


def disqualified(span: Span, lex: Lexicon, inside: bool = True) -> bool:
    """A project, programme, event, venue or document named like an organization.

    ``inside=False`` (phrases that end in an org head word) looks only at what follows:
    "National Examinations Council" is an organization, "... Council Awards" is not.
    """
    folded = fold(span.text)
    if "fund-in-trust" in folded.replace(" ", "") or "funds-in-trust" in folded.replace(" ", ""):
        return True
    if inside and any(fold(t.text) in lex.disqualifiers for t in span):
        return True
    doc = span.doc
    # the words that follow the name: "Group Funds-in-Trust project", "Map project"
    k, tail = span.end, []
    while k < len(doc) and k < span.end + 6:
        tok = doc[k]
        if is_cap(tok) or tok.text == "-" or (tok.lower_ in {"in", "of"} and tail):
            tail.append(tok.text)
            k += 1
            continue
        if tok.text.isalpha() and tok.text.islower():
            tail.append(tok.text)
        break
    if tail and tail[0] == "-":
        return True  # "UNESCO-WeiDong Group-funded"
    if tail and (doc[span.end].text == "-" or is_cap(doc[span.end])):
        joined = fold("".join(tail))
        if "in-trust" in joined or any(fold(w) in lex.disqualifiers for w in tail):
            return True
    if not inside and tail and tail[0] in {"team", "teams", "management"}:
        return False  # "the Makerere University team": the university's people, still the university
    return bool(tail and tail[0].islower() and fold(tail[0]) in lex.disqualifiers)
