"""Sequence-shaped cues as spaCy ``Matcher`` patterns, kept as data in ``models/*_cues.jsonl``.

A cue such as "Reporting by NAME" or "the ORG team headed by NAME" is a short run of
tokens; written as a loop over tokens it hides its words in code. As a Matcher pattern
(https://spacy.io/usage/rule-based-matching) it is one line of JSON that a reader can
change without reading Python: ``{"label": "credit", "pattern": [{"LOWER": {"IN":
["reporting", ...]}}, {"LOWER": "by"}]}``. Each file is read once per models folder; the
Matcher is built once per models folder and vocabulary.

Extractors ask ``cue_ends(doc, "people")``: for each label, the token indices where a
match ends (the token after it), which is where the cued name starts.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.knowledge import models_dir as active_models_dir

_matchers: dict[tuple[Path, str, int], tuple[Vocab, Matcher, tuple[str, ...]]] = {}


@lru_cache(maxsize=8)
def load_cues(models_dir: Path, name: str) -> tuple[tuple[str, tuple[dict, ...]], ...]:
    """(label, pattern) of every line of ``models_dir/<name>_cues.jsonl`` (``_doc`` lines are comments)."""
    rows = []
    for line in (models_dir / f"{name}_cues.jsonl").read_text("utf-8").splitlines():
        line = line.strip()
        if line:
            row = json.loads(line)
            if "_doc" not in row:
                rows.append((row["label"], tuple(row["pattern"])))
    return tuple(rows)


def _matcher(vocab: Vocab, name: str) -> tuple[Matcher, tuple[str, ...]]:
    """The Matcher of ``name``'s cues for ``vocab`` (built once; the vocabulary is kept alive with it)."""
    folder = active_models_dir()
    key = (folder, name, id(vocab))
    if key not in _matchers:
        matcher = Matcher(vocab)
        labels: list[str] = []
        for label, pattern in load_cues(folder, name):
            matcher.add(label, [list(pattern)])
            labels.append(label)
        _matchers[key] = (vocab, matcher, tuple(dict.fromkeys(labels)))
    _, matcher, labels = _matchers[key]
    return matcher, labels


def cue_ends(doc: Doc, name: str) -> dict[str, set[int]]:
    """For each label of ``name``'s cues, the token indices where one of its matches ends."""
    matcher, labels = _matcher(doc.vocab, name)
    ends: dict[str, set[int]] = {label: set() for label in labels}
    strings = doc.vocab.strings
    for match_id, _start, end in matcher(doc):
        ends[strings[match_id]].add(end)
    return ends
