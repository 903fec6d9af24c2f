"""Priority areas: the items of a list that the text explicitly labels as priorities.

Reads sentence boundaries and the dependency parse of ``ctx.doc`` (to choose which
"and" separates items), and ``ctx.article.blocks`` (``list_item`` blocks after a cue
sentence ending in ":"). Cue phrases, delimiters and blockers are data in
``models/priority_cues.json``; themes come from ``models/taxonomy.json`` (SDG 4
targets with keyword lists).

Why these rules:
- Only a priority-type cue opens a list ("three priority areas in X: a, b and c",
  "the focus ... is two-fold - a and b", "will prioritize a, b, and c", "a, b and c
  will be our focus"); goals, objectives, challenges or areas of cooperation are
  near-misses and have no cue. A list needs at least two items.
- Items split on semicolons, else commas; a final "and"/"or" splits too. When the cue
  gives a count, "and"s are used as separators, shallowest in the parse first, until
  the count is reached, so "teaching and learning resources" stays whole.
- A modifier shared by all items ("access, quality, and relevance in tertiary
  education") is cut from the last item when the other items are one or two words.

- After a cue sentence ending in ":" (or a short "They are as follows:" after the cue
  sentence), the list is the ``list_item`` blocks, else paragraphs opening with an item
  marker, else the next paragraph when it is one sentence listing the items.
- A list ends at an item that opens a relative clause ("..., which have ..."), and a
  verb's object list where the items change form (a gerund after a noun item); a list
  of places ("three areas: Kenya, Uganda and Tanzania") is not a priority list.

Known limits: lists spread over several sentences without a cue sentence ending in
":", and lists in tables, are not read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span

from pipeline.extract.base import Context
from pipeline.extract.knowledge.casefold_scan import ascii_folded, fold, folded_pattern, required_literals
from pipeline.knowledge import models_dir
from pipeline.records import PriorityAreaRow

_COUNT_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)"


@dataclass(frozen=True)
class _Cues:
    cue: re.Pattern[str]
    verb: re.Pattern[str]
    trailing: re.Pattern[str]
    delimiter: re.Pattern[str]
    blockers: tuple[re.Pattern[str], ...]
    after_blockers: tuple[re.Pattern[str], ...]
    counts: dict[str, int]
    # (code, keyword patterns, weights, what each keyword match must contain: see theme_of)
    themes: tuple[tuple[str, tuple[re.Pattern[str], ...], tuple[int, ...], tuple[tuple[str, str], ...]], ...]
    # cue, verb and trailing without re.I for folded text (None if one needs re.I)
    folded: tuple[re.Pattern[str], ...] | None
    # strings of which a folded sentence with a cue contains one (None: unknown)
    cue_words: tuple[str, ...] | None
    # a short ':' sentence that hands on the list of the cue sentence before it
    followers: re.Pattern[str] | None = None
    # first words of a relative clause: such an item belongs to the one before
    relative_starts: frozenset[str] = frozenset()


def _cues() -> _Cues:
    return _cues_of(models_dir())


@lru_cache(maxsize=2)
def _cues_of(folder: Path) -> _Cues:
    data: dict[str, Any] = json.loads(
        (folder / "priority_cues.json").read_text("utf-8"))
    tax: dict[str, Any] = json.loads((folder / "taxonomy.json").read_text("utf-8"))
    cue = re.compile(rf"(?:\b(?P<count>{_COUNT_WORDS})\s+(?:\w+\s+)?)?\b(?:"
                     + "|".join(data["cues"]) + r")\b", re.I)
    verb = re.compile(r"\b(?:" + "|".join(data["verb_cues"]) + r")\b\s+", re.I)
    trailing = re.compile(r"\s+(?:" + "|".join(data["trailing_cues"]) + r")\b", re.I)
    delim = re.compile(r"\s*(?:" + "|".join(
        re.escape(d) if not d.strip().isalpha() else rf"\b{d.strip()}\b" for d in
        data["list_delimiters"]) + r")\s*[;:]?\s*", re.I)
    themes = []
    for target in tax["targets"]:
        words = [k.split("|")[0] for k in target["keywords"]]
        pats = tuple(re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])", 0 if k.isupper() else re.I)
                     for k in words)
        weights = tuple(int(k.split("|")[1]) if "|" in k else len(k.split())
                        for k in target["keywords"])
        # What an area must contain for a keyword to match: the keyword as written where
        # case counts, else lower-cased in the folded area (nothing known if not ASCII).
        needles = tuple(("as_written", k) if k.isupper() else ("folded", k.lower()) if k.isascii()
                        else ("", "") for k in words)
        themes.append((target["code"], pats, weights, needles))
    folded = [folded_pattern(p) for p in (cue, verb, trailing)]
    plain = None if None in folded else tuple(p for p in folded if p is not None)
    return _Cues(cue, verb, trailing, delim,
                 tuple(re.compile(b, re.I) for b in data["blockers"]),
                 tuple(re.compile(b, re.I) for b in data.get("after_blockers", [])), data["counts"],
                 tuple(themes), plain, _cue_words(plain),
                 re.compile("|".join(data["list_followers"]), re.I) if data.get("list_followers") else None,
                 frozenset(w.lower() for w in data.get("relative_starts", ())))


def _cue_words(folded: tuple[re.Pattern[str], ...] | None) -> tuple[str, ...] | None:
    """Strings of which every match of any of these patterns contains one (None: unknown)."""
    words: set[str] = set()
    for p in folded or ():
        required = required_literals(p)
        if required is None:
            return None
        words.update(required)
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words))) if words else None


def theme_of(area: str) -> str | None:
    """SDG 4 target code whose keywords best match the area (None when none does).

    A keyword's regex runs only when the area contains the keyword as plain text (as
    written when case counts, else in the folded area): few do, and ~100 regex
    searches per area were most of this extractor's time.
    """
    texts = {"as_written": area, "folded": fold(area)}
    best, best_score = None, 0
    for code, pats, weights, needles in _cues().themes:
        score = 0
        for p, w, (where, needle) in zip(pats, weights, needles, strict=True):
            text = texts.get(where)
            if (text is None or needle in text) and p.search(area):
                score += w
        if score > best_score:
            best, best_score = code, score
    return best


def _count(m: re.Match[str], cues: _Cues) -> int | None:
    groups = m.groupdict()
    word = groups.get("fold") or groups.get("count") or groups.get("n") or groups.get("areas_n")
    return cues.counts.get(word.lower()) if word else None


def _blocked(text: str, m: re.Match[str], cues: _Cues) -> bool:
    """A near-miss: 'one of the priorities', 'key areas of cooperation'."""
    return any(b.search(text[:m.start()]) for b in cues.blockers) \
        or any(b.search(text[m.end():]) for b in cues.after_blockers)


# "(1) a, (2) b and (3) c", "a) ... b) ...": explicit item markers inside running text.
_MARKER = re.compile(r"(?:(?<=\s)|^)(?:\((?:\d{1,2}|[a-h]|i{1,3}|iv|v|vi)\)|(?:\d{1,2}|[a-h])\))\s+")
_LEAD_MARKER = re.compile(r"^(?:\((?:\d{1,2}|[a-z]{1,3})\)|\d{1,2}[.)]|[a-h]\))\s+")
_TAIL_CONJ = re.compile(r",?\s+(?:and|or)$")


def _depth(tok: Any) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok, d = tok.head, d + 1
    return d


def _tight(cc: Any) -> bool:
    """'teaching and learning': an "and" between two bare words joins inside an item."""
    doc = cc.doc
    if cc.i == 0 or cc.i + 1 >= len(doc):
        return False
    left, right = doc[cc.i - 1], doc[cc.i + 1]
    left_kids = [c for c in left.children if c.dep_ not in {"cc", "conj"}]
    return left.is_alpha and right.is_alpha and not left_kids and not list(right.children)


def _split(doc: Any, text: str, start: int, end: int, count: int | None) -> list[tuple[int, int]]:
    """Item char spans of text[start:end]; ``text`` is the Doc text built once by the caller."""
    segment = text[start:end]
    markers = list(_MARKER.finditer(segment))
    if len(markers) >= 2:
        # Numbered items: the markers are the separators, whatever the punctuation.
        bounds = [start + mk.start() for mk in markers[1:]] + [end]
        return [t for t in (_trim(text, start + mk.start(), b) for mk, b in zip(markers, bounds, strict=True))
                if t[1] > t[0]]
    sep = ";" if ";" in segment else ","
    cuts: list[tuple[int, int]] = []  # (cut start, cut end) char offsets
    depth_paren = 0
    for i, ch in enumerate(segment):
        depth_paren += (ch == "(") - (ch == ")")
        if ch == sep and depth_paren == 0:
            j = i + 1
            m = re.match(r"\s*(?:and|or)\s+", segment[j:])
            cuts.append((start + i, start + j + (m.end() if m else 0)))
    pieces = len(cuts) + 1
    span = doc.char_span(start, end, alignment_mode="expand")
    ands = []
    if span is not None:
        ands = [t for t in span if t.lower_ in {"and", "or"} and t.dep_ == "cc"
                and not any(a <= t.idx < b for a, b in cuts)]
    ands.sort(key=lambda t: (_tight(t), _depth(t.head), -t.i))
    if count is not None:
        for t in ands:
            if pieces >= count:
                break
            cuts.append((t.idx - (1 if text[t.idx - 1] == " " else 0), t.idx + len(t.text)))
            pieces += 1
    elif cuts and ands and not re.search(r"\b(?:and|or)\s*$", text[cuts[-1][0]:cuts[-1][1]]):
        # "a, b and c": the last "and" after the last comma closes the list.
        last = [t for t in ands if t.idx > cuts[-1][1]]
        if last:
            t = max(last, key=lambda t: t.i)
            cuts.append((t.idx - 1, t.idx + len(t.text)))
    elif not cuts and ands:
        t = ands[0]
        left, right = text[start:t.idx].split(), text[t.idx + len(t.text):end].split()
        if len(left) >= 2 and len(right) >= 2:
            cuts.append((t.idx - 1, t.idx + len(t.text)))
    cuts.sort()
    items, pos = [], start
    for a, b in cuts:
        items.append((pos, a))
        pos = b
    items.append((pos, end))
    return [t for t in (_trim(text, a, b) for a, b in items) if t[1] > t[0]]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop bullets, quotes, closing punctuation and a leading list conjunction."""
    while a < b and text[a] in " \n\t\"'“”‘’-–—•·*":
        a += 1
    while b > a and text[b - 1] in " \n\t.,;:\"'“”‘’)*":
        b -= 1
    lead = _LEAD_MARKER.match(text[a:b])
    if lead:
        a += lead.end()
    tail = _TAIL_CONJ.search(text[a:b])
    if tail:  # "parents; and": the conjunction, then what is left of the punctuation
        b = a + tail.start()
        while b > a and text[b - 1] in " \n\t.,;:":
            b -= 1
    m = re.match(r"(?:and|or)\s+", text[a:b])
    return (a + m.end(), b) if m else (a, b)


def _trim_shared_modifier(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(items) >= 2 and all(len(text[a:b].split()) <= 2 for a, b in items[:-1]):
        a, b = items[-1]
        m = re.match(r"(\S+(?:\s+\S+)?)\s+(?:in|for|of|across|at|within)\s", text[a:b])
        if m and len(text[a:b].split()) > 3:
            items[-1] = (a, a + len(m.group(1)))
    return items


def _inline(ctx: Context, sent: Span, cues: _Cues) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(cue, sentence, item spans) for lists written in running text."""
    doc, text, s0 = ctx.doc, ctx.text, sent.start_char
    stext = text[s0:sent.end_char]
    found = []
    for m in cues.cue.finditer(stext):
        if _blocked(stext, m, cues):
            continue
        count = _count(m, cues)
        d = cues.delimiter.search(stext, m.end())
        if d is None or d.start() - m.end() > 60 or "." in stext[m.end():d.start()]:
            continue
        start, end = s0 + d.end(), s0 + len(stext.rstrip())
        if d.group(0).strip() in {"-", "–", "—"}:
            # "priority areas - a, b and c - will guide ...": the second dash closes the list.
            close = re.search(r"\s[-–—]\s", stext[d.end():])
            if close:
                end = start + close.start()
        if stext.rstrip().endswith(":"):
            continue  # the list follows as list items
        items = _until_clause(text, _split(doc, text, start, end, count), cues)
        if len(items) >= 2 and not _all_places(ctx, items):
            found.append((stext[m.start():m.end()], stext, items))
            break
    if not found:
        for m in cues.verb.finditer(stext):
            start = s0 + m.end()
            stop = re.search(r"[.;:!?]|\s[-–—]\s|,?\s(?:including|such as)\s", stext[m.end():])
            end = start + (stop.start() if stop else len(stext) - m.end())
            items = _same_form(doc, text, _trim_shared_modifier(text, _split(doc, text, start, end, None)), cues)
            if len(items) >= 2 and "," in text[start:end]:
                found.append((m.group(0).strip(), stext, items))
                break
    if not found:
        m = cues.trailing.search(stext)
        if m:
            lead = re.search(r"[“\"‘']?([^“\"‘:]+)$", stext[:m.start()])
            if lead and "," in lead.group(1):
                start = s0 + lead.start(1)
                items = _split(doc, text, start, s0 + m.start(), None)
                if len(items) >= 2 and all(len(text[a:b].split()) <= 4 for a, b in items):
                    found.append((m.group(0).strip(), stext, items))
    return found


def _cue_before_colon(ctx: Context, block: Any, cues: _Cues) -> tuple[re.Match[str], str] | None:
    """The cue of a block ending in ':' — in its last sentence, or in the sentence before
    when the last one only hands the list on ("... its priorities. They are as follows:")."""
    end = block.start + len(block.text.rstrip()) - 1
    sent_text = ctx.sentence_text(end)
    m = cues.cue.search(sent_text)
    if m is None and cues.followers is not None and len(sent_text.split()) <= 8 \
            and cues.followers.search(sent_text):
        sent = ctx.doc.char_span(end, end + 1, alignment_mode="expand")
        if sent is not None and sent.sent.start > 0:
            prev = ctx.doc[sent.sent.start - 1].sent
            sent_text = prev.text
            m = cues.cue.search(sent_text)
    if m is None or _blocked(sent_text, m, cues):
        return None
    return m, sent_text


def _following_items(ctx: Context, blocks: list[Any], count: int | None, cues: _Cues) -> list[tuple[int, int]]:
    """The items after a cue ending in ':' — ``list_item`` blocks (``<li>``, bullets), else
    consecutive paragraphs opening with an item marker ("1.", "a)", "•"), else the next
    paragraph read as a comma/semicolon list ("Its priorities are as follows:" then a
    sentence listing them)."""
    text, items = ctx.text, []
    kinds = {"list_item"} if blocks and blocks[0].kind == "list_item" else set()
    for nxt in blocks:
        if count is not None and len(items) >= count:
            break
        bulleted = bool(kinds) and nxt.kind == "list_item"
        marked = not kinds and nxt.kind == "paragraph" and bool(_ITEM_LINE.match(nxt.text))
        if not (bulleted or marked):
            break
        item = _trim(text, nxt.start, nxt.start + len(nxt.text))
        if item[1] > item[0]:
            items.append(item)
    if items or not blocks or blocks[0].kind != "paragraph":
        return items
    first = blocks[0]
    start, end = first.start, first.start + len(first.text.rstrip())
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if not re.search("[,;]", first.text) or span is None or len(list(span.sents)) > 1:
        return []  # one sentence listing the items, not a paragraph of prose
    return _until_clause(text, _split(ctx.doc, text, start, end, count), cues)


def _list_blocks(ctx: Context, cues: _Cues) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """Cue sentence ending in ':' followed by the list (see ``_following_items``)."""
    blocks = ctx.article.blocks
    found = []
    for i, block in enumerate(blocks[:-1]):
        if block.kind == "list_item" or not block.text.rstrip().endswith(":"):
            continue
        cue = _cue_before_colon(ctx, block, cues)
        if cue is None:
            continue
        m, sent_text = cue
        items = _following_items(ctx, blocks[i + 1:], _count(m, cues), cues)
        if len(items) >= 2 and not _all_places(ctx, items):
            found.append((m.group(0), sent_text, items))
    return found


_ITEM_LINE = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-h]\)|[•·▪●◦*-])\s+")


def _first_word(text: str, item: tuple[int, int]) -> str:
    m = re.match(r"\W*(\w+)", text[item[0]:item[1]])
    return m.group(1).lower() if m else ""


def _until_clause(text: str, items: list[tuple[int, int]], cues: _Cues) -> list[tuple[int, int]]:
    """Items up to one that opens with a relative word: "..., which have ..." qualifies the
    item before it and ends the list."""
    for k, item in enumerate(items):
        if k and _first_word(text, item) in cues.relative_starts:
            return items[:k]
    return items


def _same_form(doc: Any, text: str, items: list[tuple[int, int]], cues: _Cues) -> list[tuple[int, int]]:
    """A verb's object list ends where the items change form: "prioritising TVET, and
    implementing further initiatives" — a gerund after a noun item continues the sentence's
    own list of actions, not the priorities."""
    items = _until_clause(text, items, cues)

    def gerund(item: tuple[int, int]) -> bool:
        span = doc.char_span(item[0], item[1], alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].tag_ == "VBG"

    if items and not gerund(items[0]):
        for k, item in enumerate(items[1:], 1):
            if gerund(item):
                return items[:k]
    return items


def _all_places(ctx: Context, items: list[tuple[int, int]]) -> bool:
    """"works in three areas: Kenya, Uganda and Tanzania": places, not priorities."""
    spans = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ in {"GPE", "LOC"}]
    return all(any(a <= s and e <= b and (e - s) >= (b - a) - 1 for s, e in spans) for a, b in items)


def _has_cue(cues: _Cues, text: str, folded: str | None, start: int, end: int) -> bool:
    """Whether text[start:end] (a sentence) matches the cue, verb or trailing pattern.

    Tested on the folded text without re.I when there is one (same answer, see
    casefold_scan), and by the regexes only when the sentence holds a word every cue
    has: most sentences do not, and these searches were most of this extractor's time.
    """
    if folded is None or cues.folded is None:
        stext = text[start:end]
        return bool(cues.cue.search(stext) or cues.verb.search(stext) or cues.trailing.search(stext))
    ftext = folded[start:end]
    if cues.cue_words is not None and not any(w in ftext for w in cues.cue_words):
        return False
    return any(p.search(ftext) for p in cues.folded)


def extract(ctx: Context) -> list[PriorityAreaRow]:
    """Rows for every announced list, in text order; repeated items are kept once."""
    cues = _cues()
    lists = _list_blocks(ctx, cues)
    folded = ascii_folded(ctx.text) if cues.folded is not None else None
    for sent in ctx.sents:
        if _has_cue(cues, ctx.text, folded, sent.start_char, sent.end_char):
            lists.extend(_inline(ctx, sent, cues))
    lists.sort(key=lambda x: x[2][0][0])
    rows: list[PriorityAreaRow] = []
    seen: set[str] = set()
    text = ctx.text
    for cue, sentence, items in lists:
        position = 0
        for a, b in items:
            area = " ".join(text[a:b].split())
            key = area.casefold()
            if key in seen:
                continue
            seen.add(key)
            position += 1
            rows.append(PriorityAreaRow(ctx.article.article_id, position, area,
                                        " ".join(cue.split()), " ".join(sentence.split()), a, b,
                                        theme_of(area)))
    return rows
