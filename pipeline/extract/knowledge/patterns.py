"""Sequence-shaped cues as spaCy ``Matcher`` patterns, kept as data in ``models/*_cues.jsonl``.

A cue such as "Reporting by NAME" or "the ORG team headed by NAME" is a short run of
tokens; written as a loop over tokens it hides its words in code. As a Matcher pattern
(https://spacy.io/usage/rule-based-matching) it is one line of JSON that a reader can
change without reading Python: ``{"label": "credit", "pattern": [{"LOWER": {"IN":
["reporting", ...]}}, {"LOWER": "by"}]}``. Each file is read once per models folder; the
Matcher is built once per models folder and vocabulary.

Extractors ask ``cue_ends(doc, "people")``: for each label, the token indices where a
match ends (the token after it), which is where the cued name starts. A pattern that must see
the name to know it is a cue ("(Mike Vanata/WyoFile)": a parenthesis, name words, a slash) says
where in the match the name starts with ``"name_at": k`` (its k-th token), and that is recorded.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.knowledge import models_dir as active_models_dir

_matchers: dict[tuple[Path, str, int], tuple[Vocab, Matcher, tuple[str, ...], dict[str, int]]] = {}


@lru_cache(maxsize=8)
def load_cues(models_dir: Path, name: str) -> tuple[tuple[str, tuple[dict, ...], int | None], ...]:
    """(label, pattern, name_at) of every line of ``models_dir/<name>_cues.jsonl`` (``_doc`` lines are comments)."""
    rows = []
    for line in (models_dir / f"{name}_cues.jsonl").read_text("utf-8").splitlines():
        line = line.strip()
        if line:
            row = json.loads(line)
            if "_doc" not in row:
                rows.append((row["label"], tuple(row["pattern"]), row.get("name_at")))
    return tuple(rows)


def _matcher(vocab: Vocab, name: str) -> tuple[Matcher, tuple[str, ...], dict[str, int]]:
    """The Matcher of ``name``'s cues for ``vocab`` (built once; the vocabulary is kept alive with it),
    its labels, and the ``name_at`` of each pattern that has one (by its Matcher key)."""
    folder = active_models_dir()
    key = (folder, name, id(vocab))
    if key not in _matchers:
        matcher = Matcher(vocab)
        labels: list[str] = []
        starts: dict[str, int] = {}
        for n, (label, pattern, name_at) in enumerate(load_cues(folder, name)):
            if name_at is None:
                matcher.add(label, [list(pattern)])
            else:  # a key of its own, so that a match says where its name starts
                starts[f"{label}#{n}"] = name_at
                matcher.add(f"{label}#{n}", [list(pattern)])
            labels.append(label)
        _matchers[key] = (vocab, matcher, tuple(dict.fromkeys(labels)), starts)
    _, matcher, labels, starts = _matchers[key]
    return matcher, labels, starts


def cue_ends(doc: Doc, name: str) -> dict[str, set[int]]:
    """For each label of ``name``'s cues, the token indices where one of its matches ends."""
    matcher, labels, starts = _matcher(doc.vocab, name)
    ends: dict[str, set[int]] = {label: set() for label in labels}
    strings = doc.vocab.strings
    for match_id, start, end in matcher(doc):
        key = strings[match_id]
        if key in starts:
            ends[key.partition("#")[0]].add(start + starts[key])
        else:
            ends[key].add(end)
    return ends
