"""Language of the body: the text decides, the page's ``lang`` attribute breaks ties.

Pages often keep ``lang="en"`` in a template shared by all languages, so the
declared value only counts when the text is too short to classify.
"""

from __future__ import annotations

import re

import py3langid

CLASSIFY_MIN_CHARS = 200  # shorter texts take the declared language, when there is one
# py3langid's cost grows with the text, and the opening of the body already decides: the
# first 1,000 chars give the same code as the whole text on all 597 dev pages with a body of
# >= 200 chars (cleaning-dev, pubdate-dev, gold-dev, held-out, sample) at 60% of the cost of
# 2,000; 800 already flips one page, so 1,000 is not cut closer.
_SAMPLE_CHARS = 1000


# English function words. In English prose they are a fifth or more of the words (0.20-0.45 on
# the dev bodies; 210 of the 212 English ones reach 0.2); in the 366 other-language bodies
# (German, Dutch, French, Russian, Japanese ...) at most 0.10. At >= 0.2 the body is English
# without asking py3langid, which costs ten times more: 0 of 578 dev bodies change language.
_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "and", "of", "to", "in", "a", "is", "for", "that", "on", "with", "was", "are", "as", "by", "at",
    "it", "be", "from", "this", "has", "have", "will", "said", "an", "were", "their", "its", "which", "not",
    "or",
})
_ENGLISH_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")


def _plainly_english(sample: str) -> bool:
    words = _WORD.findall(sample.lower())
    return len(words) >= 30 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= _ENGLISH_SHARE * len(words)


def detect_language(text: str, declared: str | None = None) -> str | None:
    declared_code = (declared or "").split("-")[0].strip().lower() or None
    if len(text) < CLASSIFY_MIN_CHARS and declared_code:
        return declared_code
    if not text.strip():
        return declared_code
    sample = text[:_SAMPLE_CHARS]
    if _plainly_english(sample):
        return "en"
    code, _score = py3langid.classify(sample)
    return code


def lead_over(sample: str, languages: tuple[str, ...]) -> tuple[str, float]:
    """(the sample's most likely language, how far it leads the likeliest of ``languages``).

    The lead is py3langid's log-probability difference per character of the sample: a German
    article leads English by 0.5-1.5, while English menus in capitals, which py3langid may call
    Nigerian Pidgin, lead by about 0.01. A language of ``languages`` leads by 0.
    """
    ranked = py3langid.rank(sample)
    top, best = ranked[0]
    ours = max((score for code, score in ranked if code in languages), default=float("-inf"))
    return top, (best - ours) / max(len(sample), 1)
