"""Why a cleaned page is (or is not) an article worth extracting from.

An analyst counts what was lost and why, so every page gets one status: ok,
empty, too_short, not_an_article (listing, tag, search, error pages), paywalled,
not_english (``duplicate`` is decided later by the runner, across pages). The
URL and title patterns are data (``models/clean_status.json``); the shape test
is generic: a listing is many short link-like blocks and little running prose.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.clean.language import CLASSIFY_MIN_CHARS
from pipeline.knowledge import models_dir
from pipeline.records import Block

_MODEL = "clean_status.json"  # in the models folder (the models_dir setting)


def _rules() -> dict[str, re.Pattern[str]]:
    return _rules_of(models_dir())


@lru_cache(maxsize=2)
def _rules_of(folder: Path) -> dict[str, re.Pattern[str]]:
    data = json.loads((folder / _MODEL).read_text(encoding="utf-8"))
    return {
        k: re.compile("|".join(f"(?:{p})" for p in data[k]), re.I)
        for k in ("listing_url", "error_title", "paywall_text")
    }


# a block that ends as prose does: a full stop, "!" or "?", closing quotes or a parenthesis after it
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def _sentence_run(body: Sequence[Block]) -> int:
    """The longest run of consecutive blocks that are each a sentence (6+ words ending in . ! ?).

    A teaser listing alternates headlines (no end punctuation) with blurbs, so its runs stay short;
    a government media release told in one-sentence quote paragraphs runs on for a dozen.
    """
    best = run = 0
    for b in body:
        run = run + 1 if len(b.text.split()) >= 6 and SENTENCE_END.search(b.text) else 0
        best = max(best, run)
    return best


def looks_like_listing(blocks: Sequence[Block]) -> bool:
    """Many short blocks and little prose: a list of teasers, not a story.

    Figure captions are not the body's structure: a photo story's dozen captions do not make it a listing.
    """
    body = [b for b in blocks if b.kind not in {"title", "caption"}]
    if len(body) < 8 or _sentence_run(body) >= 4:
        return False  # four full sentences in a row are a story told in short paragraphs (a media release)
    words = [len(b.text.split()) for b in body]
    total = sum(words)
    prose = sum(n for n in words if n >= 25)
    return total > 0 and prose / total < 0.25


def page_status(
    blocks: Sequence[Block],
    *,
    url: str | None = None,
    title: str = "",
    language: str | None = None,
    meta: Mapping[str, object] | None = None,
    min_words: int = 40,
    languages: tuple[str, ...] = ("en",),
    prose: bool = False,
) -> str:
    """One status for the page; the first reason that applies wins.

    ``prose`` (text-form articles: plain text, markdown, PDF) skips the listing test: a hard-wrapped
    or one-line-per-paragraph text has many short blocks without being a list of teasers.
    """
    rules = _rules()
    meta = meta or {}
    body = [b for b in blocks if b.kind != "title"]
    words = sum(len(b.text.split()) for b in body)
    if words == 0:
        return "empty"
    if title and rules["error_title"].search(title) and words < 150:
        return "not_an_article"
    tail = " ".join(b.text for b in body[-4:])
    if (meta.get("free") is False and words < 300) or (
        rules["paywall_text"].search(tail) and words < 300
    ):
        return "paywalled"
    listing_url = bool(url and rules["listing_url"].search(url))
    if not prose and looks_like_listing(blocks) and (listing_url or meta.get("og_type") not in {"article"}):
        return "not_an_article"
    if listing_url and words < 150:
        return "not_an_article"
    if words < min_words:
        if language and language not in languages and sum(len(b.text) for b in body) >= CLASSIFY_MIN_CHARS:
            # Japanese or Chinese prose has few spaces, so few "words": a page of it was too_short, and a
            # too_short page is parsed, by the English model. Its language was read from enough text.
            return "not_english"
        return "too_short"  # also: too little text to trust the language guess
    if language and language not in languages:
        return "not_english"
    return "ok"
