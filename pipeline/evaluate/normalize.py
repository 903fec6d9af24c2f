"""String normalisation for comparisons: normalize, alias splitting, ISO days."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / curly apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as apostrophe
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
# hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus, ...
_DASHES = re.compile(r"[\u00ad\u2010-\u2015\u2043\u2212\ufe58\ufe63\uff0d]")


def normalize(text: object) -> str:
    """Return the comparison form of a string, as the gold README prescribes.

    NFKC, then quotes and dashes to their ASCII forms, case-folding and whitespace
    collapsing. ``None`` becomes ``""`` so that a missing value never equals a real one.
    Matching exactly on this form (rather than fuzzily) keeps the scorer strict and
    predictable: a near-miss name is a miss, and shows up in the failure lists.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    value = value.translate(_QUOTES)
    value = _DASHES.sub("-", value)
    value = value.casefold()
    return " ".join(value.split())


def _split_aliases(value: object) -> list[str]:
    """Aliases arrive `; `-joined in predictions (the table column) and as lists in gold."""
    if isinstance(value, str):
        return [part for part in (p.strip() for p in value.split(";")) if part]
    if isinstance(value, Iterable):
        return [str(part).strip() for part in value if normalize(part)]
    return []  # None, or a pandas NaN from an empty cell


def _iso_day(value: object) -> str | None:
    """A date cell as YYYY-MM-DD (a timestamp keeps its publisher-local day)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.lower() in {"nan", "nat", "none", "null"}:
        return None
    return text[:10]
