"""What every extractor receives: the parsed Doc and its Article, read-only (``Context``).

What one extractor hands another is passed as an argument, not left on the Context
(``pipeline.extract.extract_one``): the organizations' entities (``OrgEntity``) go to
people, who take their organization from them, and with the people's name spans to
places, which must not be read out of names ("University of Lagos", "Lagos Smith").
The Context's cached views (words, sentences) are computed once and shared.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.attrs import IDX, LENGTH, POS
from spacy.tokens import Doc, Span

from pipeline.extract.knowledge.lexicon import fold
from pipeline.extract.knowledge.patterns import cue_ends
from pipeline.records import Article


@dataclass
class OrgEntity:
    """One organization of an article with all its mention spans (char offsets)."""

    name: str  # canonical long form
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    """One parsed article; its properties cache views of the Doc that several extractors read."""

    doc: Doc
    article: Article
    published: date | None = None

    @cached_property
    def text(self) -> str:
        """``doc.text`` without re-joining the tokens (spaCy does so on every access).

        spaCy keeps the input string exactly, so the article text it parsed is the Doc's
        text; the length check guards a Doc made from another string.
        """
        doc, text = self.doc, self.article.text
        if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text) and doc[0].idx == 0:
            return text
        return doc.text

    @cached_property
    def words(self) -> list[str]:
        """Token texts as plain strings: ``doc[i].text`` builds a Token object on each access."""
        _, idx, length = self.token_arrays
        text = self.text
        return [text[i:i + n] for i, n in zip(idx, length, strict=True)]

    @cached_property
    def folded(self) -> list[str]:
        """``fold`` of each token text: the lexicon's lookup keys, computed once per Doc."""
        return [fold(w) for w in self.words]

    @cached_property
    def token_arrays(self) -> tuple[list[int], list[int], list[int]]:
        """Per-token (pos id, char offset, length) as plain lists, read once from ``doc.to_array``.

        Indexing ``doc[i]`` builds a Token object each time; loops over every token read
        these instead (compare pos ids with ``spacy.parts_of_speech``).
        """
        if not len(self.doc):
            return [], [], []
        pos, idx, length = self.doc.to_array([POS, IDX, LENGTH]).T.tolist()
        return pos, idx, length

    @cached_property
    def _sents(self) -> list[Span]:
        """The sentences, scanned once: each ``doc.sents`` walks every token again."""
        return list(self.doc.sents)

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start_char for s in self._sents]

    @cached_property
    def _cues(self) -> dict[str, dict[str, set[int]]]:
        return {}

    def cue_ends(self, name: str) -> dict[str, set[int]]:
        """``knowledge.patterns.cue_ends`` of this Doc, matched once however many extractors ask."""
        found = self._cues.get(name)
        if found is None:
            found = self._cues[name] = cue_ends(self.doc, name)
        return found

    @cached_property
    def _sent_texts(self) -> dict[int, str]:
        """Trimmed sentence texts by index, filled as asked (several mentions share a sentence)."""
        return {}

    @property
    def sents(self) -> list[Span]:
        """``doc.sents`` as a list shared by every extractor of this Doc."""
        return self._sents

    def sentence_index(self, char: int) -> int:
        """Index (in ``sents``) of the sentence around ``char``."""
        return max(0, bisect_right(self._sent_starts, char) - 1)

    def sentence_at(self, char: int) -> Span:
        return self._sents[self.sentence_index(char)]

    def sentence_text(self, char: int) -> str:
        """The sentence around ``char``, whitespace-trimmed (block breaks removed)."""
        i = self.sentence_index(char)
        cached = self._sent_texts.get(i)
        if cached is None:
            sent = self._sents[i]
            cached = self._sent_texts[i] = " ".join(self.text[sent.start_char:sent.end_char].split())
        return cached
