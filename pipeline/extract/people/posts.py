"""A person's post: their job title and the organization it is held in, found by an ordered list of strategies.

Each strategy is a small function ``(mentions, post, clues) -> Post`` that reads the
person's name mentions, what earlier strategies found (``post``) and what the article
offers (``clues``), and returns the post, completed or corrected. ``STRATEGIES`` runs them
in order, so the order *is* the precedence, and each one can be tried alone on a sentence:

1. ``from_patterns``: the phrase around a name ("TITLE of ORG, NAME", "NAME, TITLE at
   ORG", "NAME (TITLE, ORG)"; ``.affiliations``);
2. ``from_parse``: the dependency parse, where no pattern gave a title or an organization;
3. ``from_shared_or_led``: "A and B, both of ORG", "A, B and C of ORG", "ORG team led by NAME";
4. ``body_in_title``: a body the title itself names moves to the organization
   ("CEO of ALX" -> CEO at ALX; "Liberia President"); one post per person;
   ``lead_body_word``: a body's or a place's name before the post leaves it ("Boeing CEO", "Wharton Dean");
   ``country_after_name``: a state office's country right after the name ("President A of Uganda");
   ``board_of_org``: "DAI Board Member" is a Board Member of DAI when the article names DAI;
5. ``parent_institution``: a discipline unit's parent ("Department of English, University of X");
6. ``named_ministry``: a minister's named ministry beats a government or a bare name;
7. ``ministry_of_org``: the ministry of the organization's own portfolio;
8. ``body_of_the_post``: the body a post implies when the article names it ("Vice-Chancellor");
9. ``cabinet_government``: a cabinet post's government named near the person;
10. ``state_government``: a head of state's government, from the person's own sentences;
    ``regional_government``: a governor's or premier's, from the state of their own sentences;
    ``congress_seat``: a member of Congress's chamber, from a party-and-state label after the name;
11. ``credit_agency``: a credited name's agency after its slash ("Photo: A B/Getty Images");
12. ``publisher_staff``: a byline's author works for the outlet the byline names after the name
    ("By A B · Cronkite News"), else the publisher the host names.

Rules 1-3 find; 4-12 only complete or correct what was found. Precedence holds because
each rule after the first acts only where the post still has a gap (see each docstring).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.knowledge.aboutness import article_country, article_region, region_counts
from pipeline.extract.knowledge.gazetteer import get_gazetteer
from pipeline.extract.knowledge.lexicon import Lexicon, country_name, fold, government_of, is_place
from pipeline.extract.organizations.merge import government_country
from pipeline.extract.organizations.recognizers import host_labels, squash
from pipeline.extract.people.affiliations import Affiliations, ministry_for, singular
from pipeline.extract.people.context import (
    body_of_post,
    cabinet_post,
    government_nearby,
    led_by,
    parent_of_unit,
    portfolio_body,
    state_office,
    strip_courtesy,
    strip_holder_words,
)
from pipeline.extract.people.mentions import Mention
from pipeline.extract.people.title_parse import DepTitles
from pipeline.extract.people.titles import TitleParser, is_titleish_text, org_named, split_title


@dataclass(frozen=True)
class Post:
    """A title and where it is held: one of the article's organizations or a name no mention gave."""

    title: str | None = None
    org: OrgEntity | None = None
    org_name: str | None = None  # "Government of Ghana": inferred, or read where no mention was
    closed: bool = False  # no later strategy adds an organization (``TitleParse.closed``)
    inferred: bool = False  # a government taken from the country the person's sentences name, no more

    @property
    def has_org(self) -> bool:
        return self.org is not None or self.org_name is not None


@dataclass
class Clues:
    """What the strategies read besides the mentions: the article, its organizations and the parsers."""

    ctx: Context
    orgs: list[OrgEntity]
    lex: Lexicon
    parser: TitleParser
    affiliations: Affiliations
    dep: DepTitles
    cues: dict[str, set[int]]  # models/people_cues.jsonl: label -> where its matches end


Strategy = Callable[[list[Mention], Post, Clues], Post]


def own_post(title: str, lex: Lexicon) -> bool:
    """Is a parsed title a post the person holds now, and a post at all?

    Former posts are left out ("former Managing Director of X": neither title nor
    organization), and so are ranks in a history ("first president of X"); a phrase with an
    honorific in it is a name read as a title ("Dr. A Head of the Division and Dr. B": not B's
    title).
    """
    words = title.split()
    if words and fold(words[0]).rstrip(".-") in lex.former_words or title.lower().startswith("ex-"):
        return False
    if words and words[0].islower() and words[0] in lex.ordinals:
        return False  # "first president of Nepal": a place in a history ("First Lady" is a post)
    return not any(w[:1].isupper() and fold(w).rstrip(".") in lex.honorifics
                   and fold(w).rstrip(".") not in lex.title_heads and words[k + 1][:1].isupper()
                   and fold(words[k + 1]) not in lex.title_heads | lex.title_modifiers
                   for k, w in enumerate(words[:-1]))


def one_post(title: str, lex: Lexicon) -> str:
    """A title is one person's post: "Grade Four teachers" (said of a list) -> "Grade Four teacher"."""
    words = title.split()
    if any(w.lower() in {"of", "for", "to", "in", "at"} for w in words):
        return title  # "Secretary of Teachers": the plural is the post's field, not the post
    single = singular(words[-1], lex)
    return " ".join([*words[:-1], single]) if single else title


def bare_title(title: str) -> str:
    """A title without the symbols a name's brand mark or a list bullet leaves at its edges ("® liaison")."""
    words = title.split()
    while words and not any(c.isalnum() for c in words[0]):
        words.pop(0)
    while words and not any(c.isalnum() for c in words[-1]):
        words.pop()
    return " ".join(words)


def from_patterns(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """The first current title a phrase pattern gives next to any mention, with its organization.

    An organization found without a title fills the gap until a title comes; the search
    stops at the first mention that gives both.
    """
    title, org, org_name = post.title, post.org, post.org_name
    closed = False
    aff, lex = clues.affiliations, clues.lex
    for m in mentions:
        for parse in (aff.left(m), aff.right(m)):
            if parse is None or not own_post(parse.title, lex):
                continue
            if parse.title and title is None:
                title = parse.title
                if org is None and org_name is None:
                    org, org_name, closed = parse.org, parse.org_name, parse.closed
            elif org is None and org_name is None and (parse.org or parse.org_name):
                org, org_name = parse.org, parse.org_name
        if title and (org or org_name):
            break
    return Post(title, org, org_name, closed and org is None and org_name is None)


def from_parse(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """The dependency parse's title, where the patterns gave none or gave no organization.

    It never overrides a pattern: with a title already found, only the same title (which
    may bring its organization) is taken.
    """
    if post.title and post.has_org:
        return post
    for m in mentions:
        found = clues.dep.find(m.start, m.end, m.outer_start)
        if found is None or (post.title and fold(found.title) != fold(post.title)) \
                or not own_post(found.title, clues.lex):
            continue
        return Post(found.title, found.org if not post.has_org else post.org, post.org_name)
    return post


def from_shared_or_led(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """A list's shared post ("A and B, both of ORG") or the body that a passive "led by" names."""
    if post.has_org and post.title:
        return post
    title, org, org_name = post.title, post.org, post.org_name
    for m in mentions:
        shared = clues.affiliations.both_of(m)
        if shared is not None and not title and shared.title:
            title = shared.title
        if org is None and org_name is None:
            if shared is not None and (shared.org or shared.org_name):
                org, org_name = shared.org, shared.org_name
            else:
                org = led_by(clues.ctx.doc, m.outer_start, clues.parser, clues.cues["led_by"])
        if org is not None or org_name is not None:
            break
    return Post(title, org, org_name)


def body_in_title(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """The body a title names leaves it for the organization ("CEO of ALX", "Liberia President");
    the title loses courtesy words and becomes one person's post."""
    if not post.title:
        return post
    title, own, own_name = split_title(bare_title(post.title), clues.orgs, clues.lex)
    org, org_name = (own, own_name) if own is not None or own_name is not None else (post.org, post.org_name)
    title = one_post(strip_courtesy(strip_holder_words(title, clues.lex), clues.lex), clues.lex) if title else None
    return Post(title, org, org_name)


def lead_body_word(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """"Wharton Dean", "Boeing CEO", "Transnet pipelines executive": a name before the post is its body.

    The name (one to three capitalized words before a title word or a lower-case post) is
    one the article also writes without a post after it, and no word of a post, subject,
    language or nationality ("Management professor", "Spanish Teacher", "Whyburn Instructor"
    stay whole). It leaves the title; it becomes the organization where it names one of the
    article's organizations ("Wharton" of "Wharton School") or, with no body found, stands
    for one itself; never where it is another person ("Shapiro spokesperson") or a known
    place's name ("Bulolo MP").
    """
    words = (post.title or "").split()
    if not is_titleish_text(words[-1] if words else "", clues.lex):
        return post
    k = _lead_name(words, clues)
    if not k:
        return post
    title, lead = " ".join(words[k:]), " ".join(words[:k])
    if post.has_org or fold(words[k - 1]) in clues.affiliations.surnames:
        return replace(post, title=title)
    heads = clues.lex.org_heads
    named = next((o for o in clues.orgs for f in (o.name, *o.aliases)
                  if f == lead or f.startswith(lead + " ") and fold(f.split()[k]) in heads), None)
    if named is None and (is_place(lead) or fold(words[k - 1]) in get_gazetteer().region_words | {"city", "town"}):
        return replace(post, title=title)  # "Iloilo City Mayor": a place's office, no body named
    return replace(post, title=title, org=named, org_name=None if named is not None else lead)


def _lead_name(words: list[str], clues: Clues) -> int:
    """How many words open ``words`` as a body's or a place's name (0: none)."""
    lex, gaz = clues.lex, get_gazetteer()
    first = fold(words[0])
    if not (words[0][:1].isupper() and words[0].isalpha()) or first in lex.common_words or first in lex.portfolios \
            or gaz.demonym(words[0]) or country_name(words[0]) or first in gaz.languages:
        return 0
    body_words = lex.org_heads | {"congress", "house"}  # "Senate Majority Leader": the body's own words
    for k in range(1, min(3, len(words) - 1) + 1):
        lead = words[:k]
        if not (lead[-1][:1].isupper() and lead[-1].isalpha() and lead[-1][1:].islower()) \
                or is_titleish_text(lead[-1], lex) or fold(lead[-1]) in body_words | lex.portfolios:
            return 0
        after = words[k]
        if fold(after) in body_words:
            return 0
        if (is_titleish_text(after, lex) or after.islower()) and _written_alone(lead, clues):
            return k
    return 0


def _written_alone(lead: list[str], clues: Clues) -> bool:
    """Does the article write ``lead`` somewhere with no title word after it?"""
    doc, k = clues.ctx.doc, len(lead)
    return any([t.text for t in doc[i:i + k]] == lead
               and not (i + k < len(doc) and is_titleish_text(doc[i + k].text, clues.lex))
               for i in range(len(doc) - k + 1) if doc[i].text == lead[0])


def country_after_name(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """A state office's government from the country named right after the person ("President A of Uganda").

    The person's own post names the country, so this beats the article's government or its
    most named country (a head of state is never put under the host country's government).
    """
    if not post.title or post.has_org or not state_office(post.title, clues.lex):
        return post
    for m in mentions:
        country = country_after(m.end, clues.ctx.doc)
        if country:
            return replace(post, org_name=government_of(country))
    return post


def governed(name: str) -> str | None:
    """The country of "Government of [the] X"."""
    m = re.match(r"^(?:the )?government of (?:the )?(.+)$", fold(name))
    return country_name(m.group(1)) if m else None


def country_after(k: int, doc: Doc) -> str | None:
    """The country of "NAME of [the] <Country>" when the name ends at ``k``."""
    if not (k + 1 < len(doc) and doc[k].lower_ == "of"):
        return None
    k += 1 + (doc[k + 1].lower_ == "the")
    run = k
    while run < len(doc) and run - k < 4 and doc[run].text[:1].isupper() and doc[run].is_alpha:
        run += 1
    return country_name(doc[k:run].text) if run > k else None


def sentence_country(m: Mention, clues: Clues) -> str | None:
    """The country the sentence of ``m`` names, unless another person's "NAME of <Country>" claims it.

    "President A met President B of Uganda": Uganda is B's, it says nothing of A's post.
    """
    doc = clues.ctx.doc
    sent = doc[m.start].sent
    country = article_country(sent, where=False)
    claimed = {country_after(end, doc) for end in clues.affiliations.by_end
               if sent.start <= end < sent.end and end != m.end}
    return None if country in claimed else country


def board_of_org(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """"DAI Board Member": a board of an organization the article names is part of it.

    The post is the board's ("Board Member"), held in the organization ("DAI"); only when
    the rest of the name is itself one of the article's organizations, or an acronym.
    """
    if not post.title or post.org is None:
        return post
    words = post.org.name.split()
    for k in range(len(words) - 1, 0, -1):
        board = " ".join(words[k:])
        if fold(board) not in clues.lex.board_words:
            continue
        owner = fold(" ".join(words[:k]))
        for org in clues.orgs:
            if org is not post.org and owner in {fold(f) for f in (org.name, *org.aliases)}:
                return Post(f"{board} {post.title}", org, None)
        if k == 1 and words[0].isupper() and len(words[0]) >= 2:
            return Post(f"{board} {post.title}", None, words[0])  # an acronym no recognizer knew
    return post


def parent_institution(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """A unit named only by its discipline gives way to its parent ("Department of English, University of X")."""
    if post.org is None:
        return post
    return replace(post, org=parent_of_unit(post.org, clues.orgs, clues.lex))


def named_ministry(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """A minister's ministry, when the article names it, beats no body, a bare name or a government."""
    if not post.title or not (post.org is None or post.org_name is not None
                              or fold(post.org.name).startswith("government")):
        return post
    ministry = ministry_for(post.title, clues.orgs) or portfolio_body(post.title, clues.orgs)
    return Post(post.title, ministry, None) if ministry is not None else post


def ministry_of_org(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """The organization itself narrowed to the ministry of the title's portfolio, where it is one."""
    if not post.title or post.org is None or post.org_name is not None:
        return post
    return replace(post, org=ministry_for(post.title, [post.org]) or post.org)


def body_of_the_post(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """With no organization, the one body the article names that the post implies."""
    if not post.title or post.has_org:
        return post
    return replace(post, org=body_of_post(post.title, clues.orgs, clues.lex))


def known_head_government(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """With no organization, a head of state or government ``models/heads.jsonl`` knows holds
    the office in their own country's government, whatever government the article names:
    "Egyptian President Sisi meets with President Donald Trump" in a story about Egypt's
    government is still the United States' President."""
    if not post.title or post.has_org:
        return post
    known = known_head(mentions, post.title, clues.lex)
    return replace(post, org_name=government_of(known)) if known else post


def cabinet_government(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """With no organization, a cabinet post's government named in the person's sentence (or the only one)."""
    if not post.title or post.has_org or not cabinet_post(post.title, clues.lex):
        return post
    gov = government_nearby(clues.ctx, clues.orgs, mentions[0].start)
    if gov is not None:
        sent = clues.ctx.doc[mentions[0].start].sent
        named_here = any(sent.start_char <= s < sent.end_char for s, _ in gov.spans)
        own, theirs = sentence_country(mentions[0], clues), government_country(gov.name) or governed(gov.name)
        if not named_here and own and theirs and own != theirs:
            gov = None  # the article's only government is not a post in the country the sentence names
    return replace(post, org=gov)


def state_government(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """With no organization, a state office's "Government of <country>", the country from the person's post.

    The country is the one named in a sentence that names the person; only where those
    name none, the one the article names most.
    """
    if not post.title or post.has_org or not state_office(post.title, clues.lex):
        return post
    country = own_country(mentions, clues)
    return replace(post, org_name=government_of(country) if country else None, inferred=bool(country))


_HEAD_OFFICES = {"president", "vice president", "prime minister", "chancellor", "premier"}


def known_head(mentions: list[Mention], title: str, lex: Lexicon) -> str | None:
    """The country of a head of state or government ``models/heads.jsonl`` knows, holding the
    title's office: "President Trump" in a sentence about Ukraine is the United States' President.

    A full name (or a listed spelling) is enough; a name written alone ("President Xi") must
    be the one word news writes for exactly one country's holder of that office.
    """
    office = re.sub(r"^(?:acting|interim) |-(?:elect|designate)$", "", fold(title))
    office = office.replace("vice-president", "vice president")
    if office not in _HEAD_OFFICES:
        return None
    for m in mentions:
        country, offices = lex.heads.get(fold(" ".join(m.words)), ("", frozenset()))
        if office in offices:
            return country
    singles = {fold(m.words[0]) for m in mentions if len(m.words) == 1}
    if len(singles) == 1 and all(len(m.words) == 1 for m in mentions):
        countries = {c for c, o in lex.head_surnames.get(singles.pop(), set()) if o == office}
        if len(countries) == 1:
            return countries.pop()
    return None


def regional_government(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """With no organization, a governor's or premier's "Government of <state>".

    The state is the only one named in the person's own sentences; else the only one the
    article names, when the article has one governor or premier. Only the bare office:
    "Governor of the Central Bank" has its body, and a governor of a story about several
    states or several governors gets nothing (an empty affiliation beats a wrong one).
    """
    if not post.title or post.has_org:
        return post
    words = fold(post.title).split()
    while len(words) > 1 and words[0] in clues.lex.status_words:
        words = words[1:]  # "Democratic Gov."
    if " ".join(words) not in clues.lex.regional_heads:
        return post
    written = next((r for r in (_state_before_post(m, clues) for m in mentions) if r), None)
    if written:
        return replace(post, org_name=government_of(written))
    doc = clues.ctx.doc
    own: Counter[str] = Counter()
    for m in mentions:
        own.update(region_counts(doc[m.start].sent))
    region = next(iter(own)) if len(own) == 1 else None
    if region is None and not own and len(_regional_heads_named(doc, clues.lex)) == 1:
        region = article_region(doc)
    return replace(post, org_name=government_of(region)) if region else post


_STATE_WORDS = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$")


def _state_before_post(m: Mention, clues: Clues) -> str | None:
    """The state or province written with the post, right before it: "Georgia Gov. Brian Kemp",
    "New Mexico Governor Bill Richardson". The post's own words name the state, so this beats
    the states of the sentence (Georgia is a country too, which ``region_counts`` leaves out)."""
    doc, text = clues.ctx.doc, clues.ctx.text
    start = doc[m.start].idx  # (the post may be read as the name's honorific: "Gov.")
    before = text[max(0, start - 80):start].rstrip().rstrip(".")  # ("Gov.": the lexicon folds the period away)
    head = next((h for h in sorted(clues.lex.regional_heads, key=len, reverse=True)
                 if fold(before[-len(h):]) == h and (len(before) == len(h) or not before[-len(h) - 1].isalpha())),
                None)
    if head is None:
        return None
    found = _STATE_WORDS.search(before[:-len(head)].rstrip())
    if found is None:
        return None
    words = found.group(1).split()
    for k in (len(words), 1):  # "New Mexico", then "Mexico" alone is no US state
        name = " ".join(words[-k:])
        regions = {p.name for p in get_gazetteer().lookup(name)
                   if not p.alt and p.kind == "region" and p.source in {"us_state", "subdivision"}}
        if len(regions) == 1:
            return regions.pop()
    return None


# ", D-Massachusetts,", " (R-ME)": a party letter and a state right after a name.
_PARTY_STATE_LABEL = re.compile(r"\s*[,(]\s*[DRI]-([A-Z][A-Za-z]*(?: [A-Z][a-z]+)?)\.?(?=[\s,).;]|$)")


def congress_seat(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """With no organization, a member of Congress's chamber: a name a party-and-state label
    follows ("Sen. Elizabeth Warren, D-Massachusetts", "Senators Mike Crapo (R-ID), Jeanne
    Shaheen (D-NH)") sits in the chamber its title names, else the nearest chamber word
    before it in the sentence (``congress_chamber`` in models/titles.jsonl).

    A state legislator's label names a town ("Rep. Tomi Strock, R-Douglas"): no chamber,
    since state chambers' names differ from state to state.
    """
    if post.has_org or not clues.lex.congress_chambers:
        return post
    doc, text, gaz = clues.ctx.doc, clues.ctx.text, get_gazetteer()
    labelled = None
    for m in mentions:
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        hit = _PARTY_STATE_LABEL.match(text, end)
        if hit and (hit.group(1) in gaz.us_state_abbr
                    or any(p.source == "us_state" for p in gaz.lookup(hit.group(1)))):
            labelled = m
            break
    if labelled is None:
        return post
    chambers = clues.lex.congress_chambers
    body = next((chambers[w] for w in fold(post.title or "").split() if w in chambers), None)
    if body is None:
        sent = doc[labelled.start].sent
        body = next((chambers[fold(doc[k].text)] for k in range(labelled.outer_start - 1, sent.start - 1, -1)
                     if fold(doc[k].text) in chambers and doc[k].text[:1].isupper()), None)
    return replace(post, org_name=body) if body else post


def _regional_heads_named(doc: Doc, lex: Lexicon) -> set[str]:
    """The surnames after a governor's or premier's title ("Gov. Josh Shapiro", "Gov. Shapiro")."""
    names = set()
    for tok in doc:
        if tok.text[:1].isupper() and fold(tok.text) in lex.regional_heads:
            k = tok.i + 1
            while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k += 1
            if k > tok.i + 1:
                names.add(doc[k - 1].text)
    return names


def own_country(mentions: list[Mention], clues: Clues) -> str | None:
    """The country named in a sentence of one of ``mentions`` (not another person's), else the one
    the article names most, unless that is another person's ("President B of Uganda")."""
    for m in mentions:
        country = sentence_country(m, clues)
        if country:
            return country
    # a post's country guessed from the article only where it is clearly the article's
    country = article_country(clues.ctx.doc, url=clues.ctx.article.url, margin=2.0)
    own_ends = {m.end for m in mentions}
    others = {country_after(end, clues.ctx.doc) for end in clues.affiliations.by_end if end not in own_ends}
    return None if country in others else country  # the article's main country is another's post


def publisher(ctx: Context, orgs: list[OrgEntity]) -> OrgEntity | None:
    """The article's publisher among its organizations: the one whose name, run together, is a label of the host."""
    labels = host_labels(ctx.article.url)
    found = [o for o in orgs if labels and any(squash(f) in labels for f in (o.name, *o.aliases))]
    return found[0] if len(found) == 1 else None


def publisher_staff(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """A byline's author with no other body works for the publisher (the organization the host names)."""
    if post.has_org:
        return post
    blocks = [(b.start, b.start + len(b.text)) for b in clues.ctx.article.blocks if b.kind == "byline"]
    doc = clues.ctx.doc
    if not any(s <= doc[m.start].idx < e for m in mentions for s, e in blocks):
        return post
    outlet = _byline_outlet(mentions, blocks, clues)
    if outlet:
        named = org_named(outlet, clues.orgs)
        return replace(post, org=named, org_name=None if named is not None else outlet)
    return replace(post, org=publisher(clues.ctx, clues.orgs))


# "By Lauren Saria · Cronkite News": the byline's segment after the name, to the block's end
_OUTLET_SEGMENT = re.compile(r"\s+\u00b7\s+((?:[A-Z][\w'&.-]*|of|the|and)(?: (?:[A-Z][\w'&.-]*|of|the|and)){0,5})\s*$")


def _byline_outlet(mentions: list[Mention], blocks: list[tuple[int, int]], clues: Clues) -> str | None:
    """The outlet a byline names after its author's name ("By A B · Cronkite News"), when that
    segment is the byline's last and no post ("By A B · Staff Writer" names none)."""
    doc, text = clues.ctx.doc, clues.ctx.text
    for m in mentions:
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        block_end = next((e for s, e in blocks if s <= doc[m.start].idx < e), None)
        if block_end is None:
            continue
        hit = _OUTLET_SEGMENT.match(text[end:block_end])
        if hit and _outlet_like(hit.group(1), m, clues):
            return re.sub(r" Staff$", "", hit.group(1))  # "PhillyVoice Staff"
    return None


def _outlet_like(segment: str, m: Mention, clues: Clues) -> bool:
    """Can a byline's last segment name an outlet? Not a post ("Staff Writer", "Contributor"), a
    section ("Sport"), another person ("Ambar Rodriguez") or the name again.

    One word names an outlet when the article names it as an organization or it is written
    as a brand (capitals inside: "TNN", "PhillyVoice")."""
    lex, words = clues.lex, segment.split()
    if any(is_titleish_text(w, lex) for w in words) or set(m.words) & set(words):
        return False
    if len(words) == 1:
        return any(segment in (o.name, *o.aliases) for o in clues.orgs) or any(c.isupper() for c in segment[1:])
    return not (fold(words[0]) in lex.given_names
                and not any(fold(w) in lex.common_words or fold(w) in lex.org_heads for w in words[1:]))


def credit_agency(mentions: list[Mention], post: Post, clues: Clues) -> Post:
    """"Photo: Jane Wanjiru/Daily Nation", "Abby Drey / Centre Daily Times": a credited name's agency.

    In a credit line the words after the slash name whom the credited person works for; an
    organization of the article when they name one, else the words as written.
    """
    if post.has_org:
        return post
    doc, credits = clues.ctx.doc, clues.cues["credit"]
    for m in mentions:
        if m.start not in credits or m.end + 1 >= len(doc) or doc[m.end].text != "/":
            continue
        run = m.end + 1
        while run < len(doc) and run - m.end <= 5 and (doc[run].text[:1].isupper() or doc[run].lower_ in {"of", "&"}) \
                and "\n" not in doc[run - 1].whitespace_:
            run += 1
        other = clues.affiliations.by_start.get(m.end + 1)
        if run == m.end + 1 or other is not None and not is_agency(other, clues) or doc[m.end + 1].lower_ == "for":
            continue  # ("Photo: A B/Mary C": a second person; "A B / For Spotlight PA": a commission, no employer)
        text = doc[m.end + 1:run].text
        named = next((o for o in clues.orgs if text in (o.name, *o.aliases)), None)
        return replace(post, org=named, org_name=None if named is not None else text)
    return post


def is_agency(m: Mention, clues: Clues) -> bool:
    """Is ``m`` the agency after a credited name and its slash ("Photo: Jane Wanjiru/Daily Nation"), no person?

    A name that opens with a known given name is a second person ("Photos: Mary Banda/John Phiri").
    """
    k = m.outer_start - 1
    return k > 0 and clues.ctx.doc[k].text == "/" and k in clues.affiliations.by_end \
        and fold(m.words[0]) not in clues.lex.given_names


STRATEGIES: tuple[Strategy, ...] = (
    from_patterns,
    from_parse,
    from_shared_or_led,
    body_in_title,
    lead_body_word,
    country_after_name,
    board_of_org,
    parent_institution,
    named_ministry,
    ministry_of_org,
    body_of_the_post,
    known_head_government,
    cabinet_government,
    state_government,
    regional_government,
    congress_seat,
    credit_agency,
    publisher_staff,
)


def find_post(mentions: list[Mention], clues: Clues, strategies: tuple[Strategy, ...] = STRATEGIES) -> Post:
    """The person's post: every strategy in order, each given what the ones before found."""
    post = Post()
    for strategy in strategies:
        post = strategy(mentions, post, clues)
        if post.closed:
            break
    return post
