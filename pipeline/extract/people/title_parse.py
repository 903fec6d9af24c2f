"""Fallback titles from spaCy's dependency parse, for people the lexical patterns left bare.

Why: the patterns in ``titles.py`` read token shapes (capitalized words before a head, a
comma after the name) and miss titles whose shape they were not written for: "NAME, a
nutritionist with the X Institute", "Its director, NAME", "NAME, Chocó's education
secretary", "NAME, human resources director at X". The parser already links such a role
noun to the name (``appos``) or puts it before the name as a modifier (``compound``), so a
local walk from the name's head token finds it without new patterns per shape.

A role noun is a noun whose word or lemma is a title head in ``models/titles.jsonl``; a
noun merely ending like one (-ist, -or ...) counts only as an appositive with an article
before it and an organization after it ("NAME, an economist at ORG"), where the syntax
itself says it is a post. The organization comes from an "of/at/from/with ORG" complement
of the role noun, an organization modifying it ("ORG executive director", "ORG's
director"), a common-noun possessor naming an earlier organization ("the ministry's
director" -> the last ministry mentioned) or "Its/Their" (the last organization mentioned
before it in this or the previous sentence). The role noun's own "for/of/to/on" complement is
the title's ("Advocate for Community Opportunities"), unless it reaches over the name or is one
name word, a body's short name ("spokesperson for Pitt"). Only used when the patterns found no title.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.extract.base import OrgEntity
from pipeline.extract.knowledge.lexicon import Lexicon, fold
from pipeline.extract.people.titles import TitleParser, is_head

LEFT_DEPS = {"compound", "amod", "nmod", "nummod"}
ORG_PREPS = {"of", "at", "from", "with", "for", "in"}
TITLE_PREPS = {"of", "for", "to", "on"}
ROLE_SUFFIXES = ("ist", "ian", "or", "er")
PRONOUNS = {"its", "their"}


@dataclass
class DepTitle:
    title: str
    org: OrgEntity | None


class DepTitles:
    """Finds a role noun attached to a person's name in the parse, and its organization."""

    def __init__(self, doc: Doc, parser: TitleParser, lex: Lexicon) -> None:
        self.doc = doc
        self.parser = parser
        self.lex = lex
        self.tok_org: dict[int, OrgEntity] = {}
        for start, (end, org) in parser.org_start.items():
            for k in range(start, end):
                self.tok_org.setdefault(k, org)

    def role_noun(self, tok: Token) -> bool:
        """A title head word (or its lemma) used as a noun."""
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in self.tok_org:
            return False
        word = fold(tok.text)
        if word in self.lex.not_posts:
            return False
        if is_head(tok, self.lex) or fold(tok.lemma_) in self.lex.title_heads:
            return True
        doc = self.doc  # "Director-General" split by the tokenizer: the rank word after "-" heads it
        return (word in self.lex.title_modifiers and tok.i >= 2 and doc[tok.i - 1].text == "-"
                and is_head(doc[tok.i - 2], self.lex))

    def _suffix_role(self, tok: Token) -> bool:
        """"an economist at ORG": a -ist/-or/-er noun counts only in this full appositive shape."""
        if tok.pos_ != "NOUN" or not tok.text.islower() or not fold(tok.text).endswith(ROLE_SUFFIXES):
            return False
        if fold(tok.text) in self.lex.not_posts \
                or not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.lefts):
            return False
        return self._prep_org(tok) is not None

    def find(self, start: int, end: int, outer: int | None = None) -> DepTitle | None:
        """The title of the name at tokens [start, end) from the parse, or None.

        ``outer`` is where the mention's honorifics start: "Professor" there is no title.
        """
        outer = start if outer is None else outer
        doc = self.doc
        root = doc[start]
        while start <= root.head.i < end and root.head.i != root.i:
            root = root.head
        heads: list[Token] = []
        for child in root.rights:  # "NAME, the ministry's director of planning"
            if child.dep_ == "appos" and child.i >= end:
                heads.append(child)
        if root.dep_ == "appos" and root.head.i < start:  # "Its director, NAME"
            heads.append(root.head)
        for child in root.lefts:  # "education minister NAME", "Deputy minister for X NAME"
            if child.dep_ in {"compound", "nmod"} and child.i < outer and child.i not in self.tok_org:
                heads.append(child)
        for head in heads:
            if self.role_noun(head) or (head.dep_ == "appos" and head.i > start and self._suffix_role(head)):
                found = self._phrase(head, start, end)
                if found is not None:
                    return found
        return None

    def _phrase(self, head: Token, start: int, end: int) -> DepTitle | None:
        doc = self.doc
        left = head.i
        for child in reversed(list(head.lefts)):  # nearest first; stop at a determiner/possessor
            if child.text == "-" and child.i == left - 1:
                continue  # "Director - General"
            if child.dep_ not in LEFT_DEPS or start <= child.i < end:
                break
            edge = child.left_edge.i
            if any(k in self.tok_org or (doc[k].is_punct and doc[k].text != "-") for k in range(edge, left)):
                break
            left = edge
        right = head.i + 1
        org = self._prep_org(head)
        for child in head.rights:
            if child.dep_ != "prep" or child.lower_ not in TITLE_PREPS or child.i != right:
                break
            if child.i < end and start <= child.right_edge.i or self._body_word(child) \
                    or any(k in self.tok_org for k in range(child.i, child.right_edge.i + 1)):
                break
            if child.i >= end and not self._own_complement(child, head, left, org):
                break
            right = child.right_edge.i + 1
        title = doc[left:right].text
        if fold(title) in self.lex.event_roles or self._former(left):
            return None
        if org is None:
            org = self._modifier_org(head, left)
        return DepTitle(title, org)

    def _own_complement(self, prep: Token, head: Token, left: int, org: OrgEntity | None) -> bool:
        """Is "of/for ..." after a post written after the name the post's own ("Advocate for Community
        Opportunities", "Director of Educational Research")? Not when the post already has its body
        ("Mozilla Vice President of Products": the complement is a division), nor a phrase that goes
        on to a person, a possessive, a verb or another preposition ("adviser to Sen. X", "leader of
        Mr. Suharto's team", "Professor of AI at the University of Liege").
        """
        if prep.lower_ not in {"of", "for"} or org is not None or self._modifier_org(head, left) is not None:
            return False
        words = self.doc[prep.i + 1:prep.right_edge.i + 1]
        return 0 < len(words) <= 6 and not any(
            t.ent_type_ == "PERSON" or t.text in {"'s", "\u2019s"} or t.pos_ in {"VERB", "AUX", "PRON"}
            or (t.pos_ == "ADP" and t.lower_ not in {"of"}) or fold(t.text) in self.lex.honorifics for t in words)

    def _body_word(self, prep: Token) -> bool:
        """"spokesperson for Pitt", "Executive Officer for MOET": one name word after the preposition
        is a body's short name or acronym (an organization), not the post's portfolio."""
        if prep.right_edge.i != prep.i + 1:
            return False
        word = self.doc[prep.i + 1]
        return word.text.isupper() and len(word.text) > 1 or (
            word.text[:1].isupper() and fold(word.text) not in self.lex.common_words)

    def _former(self, left: int) -> bool:
        """"former minister", "ex-President", "the late director": a post no longer held is no title.
        Also a former word glued inside the phrase ("then-foreign affairs minister")."""
        doc, former = self.doc, self.lex.former_words
        if any(fold(doc[k].text) in former and doc[k + 1].text == "-"
               for k in range(left, min(left + 3, len(doc) - 1))):
            return True
        if left < 1:
            return False
        return any(0 <= k < len(doc) and fold(doc[k].text) in former for k in (left - 1, left - 2)) \
            and (fold(doc[left - 1].text) in former or doc[left - 1].text == "-")

    def _prep_org(self, head: Token) -> OrgEntity | None:
        """"director of/at/with [the] ORG"."""
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ORG_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in self.tok_org:
                        return self.tok_org[obj.i]
        return None

    def _modifier_org(self, head: Token, left: int) -> OrgEntity | None:
        """"ORG executive director", "ORG's director", "the ministry's director", "Its director"."""
        if left - 1 >= 0 and left - 1 in self.tok_org:
            return self.tok_org[left - 1]
        for child in head.lefts:
            if child.dep_ != "poss":
                continue
            if child.i in self.tok_org:
                return self.tok_org[child.i]
            if child.lower_ in PRONOUNS:
                return self._last_org(head.i, sentences=2)
            if child.pos_ == "NOUN" and child.text.islower():  # "the ministry's director"
                return self._last_org(head.i, sentences=None, word=(child.lemma_ or child.lower_).lower())
        return None

    def _last_org(self, before: int, sentences: int | None, word: str | None = None) -> OrgEntity | None:
        """The last organization mentioned before token ``before`` (within a few sentences if given)."""
        doc = self.doc
        floor = -1
        if sentences is not None:
            floor = doc[before].sent.start
            for _ in range(sentences - 1):
                if floor == 0:
                    break
                floor = doc[floor - 1].sent.start
        best: OrgEntity | None = None
        for end, org in self.parser.by_end:
            if end > before:
                break
            if end <= floor:
                continue
            if word is None or any(word in form.lower().split() for form in (org.name, *org.aliases)):
                best = org
        return best
