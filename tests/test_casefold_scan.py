"""Case-insensitive scans over a lower-cased copy must find exactly what ``re.I`` finds."""

from __future__ import annotations

import random
import re

import pytest

from pipeline.extract.knowledge.casefold_scan import ascii_folded, fold, folded_pattern, required_literals

# Characters re.I treats specially, mixed with ordinary text.
TRICKY = ["K", "k", "\u212a", "S", "\u00df", "\u00b5", "\u03a3", "\u03c3", "\u03c2", "\u00e9", "\u00c9", "_", "-", " ",
          "\n", "\u00a0", "1", "\u0663", ".", ":", "'"]
WORDS = ["Priority", "PRIORITIES", "key areas", "focus", "Focus Areas", "East Asia", "and the", "Pacific",
         "sub-Saharan", "Africa", "pillars", "will be our focus", "Kelvin", "strategic", "TVET", "two", "three",
         "areas of"]


def texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(WORDS + TRICKY) + rnd.choice(["", " ", "  ", "\n"]) for _ in range(rnd.randint(0, 20)))
            for _ in range(n)]


def test_fold_refuses_characters_re_i_folds_its_own_way() -> None:
    assert fold("Déjà VU \u212a") == "déjà vu k"
    for ch in ("\u0130", "\u0131", "\u017f"):  # İ, ı, ſ
        assert fold(f"Istanbul {ch}") is None
    text = "Some Text"
    assert ascii_folded(text) == "some text" and ascii_folded(text) == "some text"


@pytest.mark.parametrize("source", [
    r"\b(?=[aep])(?:east\s+asia\s+and\s+the\s+pacific|east\s+asia|sub\-saharan\s+africa)\b",
    r"(?:\b(?P<count>two|three|[2-9])\s+(?:\w+\s+)?)?\b(?:(?:key |main )?priority (?:areas|themes)"
    r"|(?:the )?priorities|focus\b[^.:;]{0,60}?\bis (?P<fold>two|three)-fold|pillars)\b",
    r"(?<![\w-])tvet(?![\w-])",
    r"[^a-z]+k\W",
])
def test_folded_pattern_finds_the_same_spans(source: str) -> None:
    any_case = re.compile(source, re.I)
    lower = folded_pattern(any_case)
    assert lower is not None and not lower.flags & re.I
    for text in texts(1, 400) + [t.upper() for t in texts(2, 100)]:
        folded = fold(text)
        if folded is None:
            continue
        assert [m.span() for m in lower.finditer(folded)] == [m.span() for m in any_case.finditer(text)], text


@pytest.mark.parametrize("source", [r"Priority", r"\x41", r"[0-_]", r"(?-i:a)b", r"(a)\1", "é"])
def test_folded_pattern_declines_what_could_differ(source: str) -> None:
    assert folded_pattern(re.compile(source, re.I)) is None
    assert folded_pattern(re.compile("plain")) is None  # not re.I: nothing to gain


def test_required_literals_are_in_every_match() -> None:
    source = (r"(?:\b(?P<count>two|[2-9])\s+)?\b(?:(?:key |main )?priority (?:areas|themes)|priorities"
              r"|focus(?:es)? on|areas of (?:focus|priority))\b")
    pattern = re.compile(source)
    required = required_literals(pattern)
    assert required == ("areas of ", "focus", "priorities", "priority ")
    for text in texts(3, 600):
        for m in pattern.finditer(text.lower()):
            assert any(r in m.group(0) for r in required)
    assert required_literals(re.compile(r"a?b*|c")) is None  # a match may contain nothing fixed
    assert required_literals(re.compile("x", re.I)) is None
