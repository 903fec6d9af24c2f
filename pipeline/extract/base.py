"""What every extractor receives: the parsed Doc, the Article and what earlier extractors found.

Extractors run in a fixed order (``pipeline.extract.EXTRACTORS``); organizations
come first because people take their organization from them and places must not
be read out of organization names ("University of Lagos").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span

from pipeline.records import Article


@dataclass
class OrgEntity:
    """One organization of an article with all its mention spans (char offsets)."""

    name: str  # canonical long form
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    doc: Doc
    article: Article
    published: date | None = None
    orgs: list[OrgEntity] = field(default_factory=list)
    person_spans: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start_char for s in self.doc.sents]

    @cached_property
    def _sents(self) -> list[Span]:
        return list(self.doc.sents)

    def sentence_at(self, char: int) -> Span:
        i = max(0, bisect_right(self._sent_starts, char) - 1)
        return self._sents[i]

    def sentence_text(self, char: int) -> str:
        """The sentence around ``char``, whitespace-trimmed (block breaks removed)."""
        return " ".join(self.sentence_at(char).text.split())

    def org_at(self, start: int, end: int) -> OrgEntity | None:
        """The organization whose mention overlaps [start, end), if any."""
        for org in self.orgs:
            for s, e in org.spans:
                if s < end and start < e:
                    return org
        return None
