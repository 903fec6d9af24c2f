"""Case-insensitive scans without ``re.IGNORECASE``: lower-case the text once instead.

A case-insensitive regex compares every character of a long text in both cases; the
same pattern without ``re.I`` over ``text.lower()`` finds the same spans several times
faster (places' region names, dates' anchor words, priority cues). That holds when:

- the text is aligned with its lower-cased copy and no character folds onto an ASCII
  letter one way and not the other: ``re.I`` lets dotless 'ı', long 's' ('ſ') and
  dotted 'İ' match 'i'/'s' (and 'İ'.lower() is two characters), so texts with them
  get ``None`` and the caller keeps its ``re.I`` scan. Every other character keeps its
  word, space and digit class when lower-cased (checked over all of Unicode), so
  ``\\b``, ``\\s``, ``\\w`` and ``\\d`` behave the same on the copy;
- every character the pattern names is ASCII and none is an upper-case letter, and it
  has no inline flags nor back-references (:func:`folded_pattern` checks), so each
  letter it names meets the folded text in the one case it has there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_UNSAFE = ("\u0130", "\u0131", "\u017f")
_last: tuple[str, str | None] = ("", "")


def fold(text: str) -> str | None:
    """``text.lower()`` when ASCII patterns match it exactly as ``re.I`` matches ``text``, else None."""
    if not text.isascii() and any(c in text for c in _UNSAFE):
        return None
    folded = text.lower()
    return folded if len(folded) == len(text) else None  # defensive: only 'İ' grows


def ascii_folded(text: str) -> str | None:
    """:func:`fold`, keeping the last result: places, dates and priority areas fold one text."""
    global _last
    last = _last  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    folded = fold(text)
    _last = (text, folded)
    return folded


def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without ``re.I``, to run over :func:`fold` text; None when that could differ.

    Reads the parsed pattern: every character it names (literals, class members and
    ranges) must be ASCII and not an upper-case letter, and no group may change flags
    or refer back; anything unknown gives None, and the caller keeps ``re.I``.
    """
    if pattern.flags & (re.ASCII | re.LOCALE) or not pattern.flags & re.I:
        return None
    try:
        from re import _constants as c
        from re import _parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a private module: any surprise means "keep re.I"
        return None

    def plain_char(code: int) -> bool:
        return code < 128 and not 65 <= code <= 90

    def plain_member(op: Any, av: Any) -> bool:  # one item of a [...] class
        if op is c.LITERAL:
            return plain_char(av)
        if op is c.RANGE:
            return av[1] < 128 and (av[1] < 65 or av[0] > 90)
        return op in (c.CATEGORY, c.NEGATE)

    def plain(items: Iterable[tuple[Any, Any]]) -> bool:
        for op, av in items:
            if op in (c.LITERAL, c.NOT_LITERAL):
                ok = plain_char(av)
            elif op is c.IN:
                ok = all(plain_member(o, a) for o, a in av)
            elif op is c.BRANCH:
                ok = all(plain(b) for b in av[1])
            elif op is c.SUBPATTERN:
                ok = not av[1] and not av[2] and plain(av[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                ok = plain(av[2])
            elif op in (c.ASSERT, c.ASSERT_NOT):
                ok = plain(av[1])
            elif op is c.ATOMIC_GROUP:
                ok = plain(av)
            else:
                ok = op in (c.AT, c.ANY, c.CATEGORY)
            if not ok:
                return False
        return True

    if not plain(parsed) or parsed.state.flags != pattern.flags:
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains one (None when none is known).

    ``any(s in text for s in ...)`` is then a cheap test before a slow search: read from
    the parsed pattern (literal runs, all branches of an alternation, groups and repeats
    that must match), so it holds for every text. Only for patterns without ``re.I``.
    """
    if pattern.flags & re.I:
        return None
    try:
        from re import _constants as c
        from re import _parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a private module: any surprise means "unknown"
        return None

    def required(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
        options: list[set[str]] = []
        run: list[str] = []
        for op, av in [*items, (None, None)]:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if run:  # consecutive literals match consecutive characters
                options.append({"".join(run)})
                run = []
            sub: set[str] | None = None
            if op is c.BRANCH:
                subs = [required(b) for b in av[1]]
                sub = {x for b in subs if b for x in b} if all(subs) else None
            elif op is c.SUBPATTERN and not av[1] and not av[2]:
                sub = required(av[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                sub = required(av[2])
            elif op is c.ATOMIC_GROUP:
                sub = required(av)
            if sub:
                options.append(sub)
        # The most selective requirement: the one whose shortest string is longest.
        return max(options, key=lambda o: min(map(len, o))) if options else None

    found = required(parsed)
    if not found:
        return None
    # A string containing another one adds nothing to the test.
    return tuple(sorted(x for x in found if not any(y != x and y in x for y in found)))
