"""Main content of a page as blocks (title, headings, paragraphs, list items).

Nobody wins on every page, so three opinions are combined instead of writing a
boilerplate remover from scratch:

1. trafilatura in precision mode gives the base body (the best single tool on
   the news benchmark). Its XML keeps the structure the extractors read (a cue
   sentence followed by ``<item>``s is a list of priorities). Its fast mode runs
   first; the full run, with its own fallbacks, only when that body looks short.
2. readability-lxml is a second opinion: when trafilatura stopped early (a page
   split in several containers) and readability's body is a clear superset of
   trafilatura's, readability's body is taken. Trafilatura's recall mode is the
   fallback when precision mode finds nothing.
3. Our own arbitration removes what both tools let through on news pages: teaser
   links ("Read more: ..."), newsletter and social calls, contributor credits,
   data tables (standings, tickers), per the phrase lists in
   ``models/clean_boilerplate.json`` (knowledge kept as data).

The page is parsed once (lxml); both libraries work on that tree.

Each addition to trafilatura is a named switch (``settings.BODY_RULES``); only those that
improved held-back folds of sites in ``bench/bench_cv.py`` are on (readability, phrases).
The fast mode and the data-table drop cut bodies whose text is not in ``<p>`` and are off.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from copy import deepcopy
from functools import lru_cache
from pathlib import Path

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from pipeline.clean.language import lead_over
from pipeline.clean.status import SENTENCE_END
from pipeline.knowledge import models_dir
from pipeline.settings import BODY_RULES, SKIM_MIN_LEAD, SKIM_PARAGRAPH_SHARE

_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_TOKEN = re.compile(r"\w+")
_KIND = {
    "head": "heading",
    "p": "paragraph",
    "item": "list_item",
    "quote": "quote",
    "cell": "paragraph",
    "code": "paragraph",
}
_CONTAINERS = {"list", "table", "row", "div", "main", "doc", "quote", "item", "cell", "p", "head"}
_MODELS = "clean_boilerplate.json"  # in the models folder (the models_dir setting)

Blocks = list[tuple[str, str]]


def _clean_space(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _rules() -> dict[str, re.Pattern[str] | int]:
    return _rules_of(models_dir())


@lru_cache(maxsize=2)
def _rules_of(folder: Path) -> dict[str, re.Pattern[str] | int]:
    """Compile the phrase lists once: one regex per rule family."""
    data = json.loads((folder / _MODELS).read_text(encoding="utf-8"))

    def rx(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]), re.I)

    return {
        "anywhere": rx("drop_anywhere"),
        "trailing": rx("drop_trailing"),
        "max_words": int(data.get("max_words", 40)),
        "trailing_blocks": int(data.get("trailing_blocks", 4)),
        "list_heading": re.compile(
            r"^\W*(?:" + "|".join(f"(?:{p})" for p in data.get("link_list_headings", ["(?!)"])) + r")\W*$", re.I),
        "list_words": int(data.get("link_list_max_words", 20)),
    }


# --- parsing --------------------------------------------------------------------------


FRAGMENT_MARK = "data-edunews-fragment"  # set on the root of a page parsed inside <html><body>
# Block tags that make a text a page fragment worth parsing (a PHP/Blade/Jinja view, a CMS export).
_MARKUP = re.compile(rb"<(?:p|div|section|article|main|h[1-6]|table|ul|ol|li|br|span|a)\b", re.I)


def parse_html(html: str | bytes) -> HtmlElement | None:
    """The page as an lxml tree (None when it is not HTML); parsed once, shared by all.

    trafilatura's loader rejects a text whose start names no ``html`` and that parses to
    fewer than two elements: a template fragment (``@extends('layout')`` then one
    ``<section>``) is real HTML to us, so a rejected text that holds block markup is
    parsed again inside ``<html><body>``, its root marked with ``FRAGMENT_MARK``.
    """
    try:
        tree = load_html(html)
        if tree is None:
            raw = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
            if _MARKUP.search(raw[:100_000]):
                tree = load_html(b"<html><body>" + raw + b"</body></html>")
                if tree is not None:
                    tree.set(FRAGMENT_MARK, "")  # clean_html weighs its date evidence differently
        return tree
    except (TypeError, ValueError):
        return None


# --- trafilatura XML -> blocks ----------------------------------------------------------


def _is_block(node: etree._Element) -> bool:
    return isinstance(node.tag, str) and (node.tag in _KIND or node.tag in _CONTAINERS)


def _inline_text(node: etree._Element) -> list[str]:
    """Lines of a leaf block; ``<lb/>`` is a hard line break."""
    parts: list[str] = [node.text or ""]
    for child in node:
        parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return [s for s in (_clean_space(x) for x in "".join(parts).split("\n")) if s]


def _walk(node: etree._Element, out: Blocks, kind: str = "paragraph") -> None:
    """Leaf blocks in reading order; loose text between blocks becomes paragraphs."""
    tag = node.tag if isinstance(node.tag, str) else ""
    own = _KIND.get(tag, kind if tag in {"quote", "item", "cell"} else "paragraph")
    if not any(_is_block(c) for c in node):
        out.extend((own, line) for line in _inline_text(node))
        return
    pending: list[str] = [node.text or ""]

    def flush() -> None:
        for line in _clean_space("".join(pending).replace("\n", " ")).split("\n"):
            if line:
                out.append((own if tag in _KIND else "paragraph", line))
        pending.clear()

    for child in node:
        if _is_block(child):
            flush()
            _walk(child, out, own)
            pending.append(child.tail or "")
        elif child.tag == "lb":
            flush()
            pending.append(child.tail or "")
        else:
            pending.append("".join(child.itertext()) + (child.tail or ""))
    flush()


def _drop_data_tables(main: etree._Element) -> None:
    """Remove tables of short cells (standings, tickers, specs): data, not prose."""
    for table in list(main.iter("table")):
        cells = [" ".join("".join(c.itertext()).split()) for c in table.iter("cell")]
        rows = sum(1 for _ in table.iter("row"))
        if rows < 3 or not cells:
            continue
        short = sum(1 for c in cells if len(c.split()) <= 3)
        if short / len(cells) >= 0.7 and table.getparent() is not None:
            table.getparent().remove(table)


def _xml_blocks(xml: str | None, tables: bool = True) -> Blocks:
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return [("paragraph", _clean_space(p)) for p in xml.split("\n") if p.strip()]
    main = root.find("main")
    main = main if main is not None else root
    if tables:
        _drop_data_tables(main)
    out: Blocks = []
    _walk(main, out)
    return out


def _trafilatura(tree: HtmlElement, url: str | None, tables: bool = True, **mode: bool) -> Blocks:
    xml = trafilatura.extract(
        tree,
        url=url,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
        **mode,
    )
    return _xml_blocks(xml, tables)


# --- readability -------------------------------------------------------------------------

_READ_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
}
_READ_KIND = {"li": "list_item", "blockquote": "quote"} | {f"h{i}": "heading" for i in range(1, 7)}


# readability logs its own give-ups ("ruthless removal did not work") at ERROR: for us
# that is an expected outcome of a second opinion, not a message for the user.
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)


def _readability(tree: HtmlElement) -> Blocks:
    """Readability's body, read from a copy (it edits the tree it is given).

    No URL is passed: readability only uses it to make every link absolute, a sixth of its
    time for text that never shows the links (same bodies on all dev pages without it).
    """
    from readability import Document

    try:
        summary = Document(deepcopy(tree)).summary(html_partial=True)
    except Exception:  # readability raises bare Exceptions on odd pages; it is only an opinion
        return []
    if not summary or not summary.strip():
        return []
    from lxml import html as lhtml

    root = lhtml.fromstring(summary)
    out: Blocks = []
    for el in root.iter():
        if el.tag in _READ_BLOCKS and not any(d.tag in _READ_BLOCKS for d in el.iterdescendants()):
            text = _clean_space(el.text_content())
            if text:
                out.append((_READ_KIND.get(el.tag, "paragraph"), text))
    return out


# --- arbitration -------------------------------------------------------------------------


def _shingles(blocks: Blocks) -> set[str]:
    out: set[str] = set()
    for _, text in blocks:
        toks = _TOKEN.findall(text)
        out.update(" ".join(toks[i : i + 4]) for i in range(max(1, len(toks) - 3)) if toks)
    return out


def _arbitrate(base: Blocks, second: Blocks) -> Blocks:
    """Readability's body when it holds trafilatura's and is much longer (an early stop)."""
    if not second:
        return base
    b, s = _shingles(base), _shingles(second)
    if len(s) > 1.5 * len(b) and len(b & s) >= 0.8 * len(b):
        return second
    return base


_COVERED = 0.6
_FAST_MIN_CHARS = 250  # trafilatura's MIN_EXTRACTED_SIZE: below it, its fallback tries justext
_FAST_COVERED = 0.8


def _paragraph_chars(tree: HtmlElement) -> int:
    """Characters in the page's <p> elements: what a body drawn from paragraphs can hold."""
    return sum(len(_clean_space(p.text_content())) for p in tree.iter("p"))


def _fast_suffices(blocks: Blocks, paragraphs: int) -> bool:
    """Trafilatura's fast body (no internal fallback) can stand: no second, full run.

    The full run compares its body with its own readability and justext and takes theirs
    when its own is short (< 250 chars) or much shorter than theirs: 40% of its time, and on
    news pages it almost never changes the body. A fast body of >= 250 chars holding >= 80%
    of the page's <p> text leaves that comparison nothing to find in paragraphs. Measured on
    cleaning-dev, sample, gold-dev and held-out pages: the full run is still made on 28 of
    123 pages, and every body is the same as with the full run alone. On the general-web
    pubdate-dev pages 4 of 485 bodies differ: a listing page's readability dump avoided,
    a kicker and byline line kept, teasers swapped for signature lists, an order form's
    four list items lost. 80% rather than 60%: between the two, the full run was better on
    two more of those pages (three article paragraphs recovered, a sidebar quote dropped).
    """
    ours = sum(len(text) for _, text in blocks)
    return ours >= _FAST_MIN_CHARS and ours >= _FAST_COVERED * paragraphs


def _covers_page(blocks: Blocks, paragraphs: int) -> bool:
    """Trafilatura's body already holds most of the page's paragraph text: skip readability.

    Readability is only taken when its body is 1.5x trafilatura's; when trafilatura holds
    >= 60% of the text of all <p> elements, such a body cannot exist in paragraphs, and
    readability (half the stage's time) is not worth running. Measured on cleaning-dev:
    readability wins only on pages where trafilatura holds about a third of that text.
    """
    ours = sum(len(text) for _, text in blocks)
    if not ours:
        return False
    return ours >= _COVERED * paragraphs


def _filter(blocks: Blocks) -> Blocks:
    """Drop short blocks that match the boilerplate phrase lists."""
    rules = _rules()
    anywhere, trailing = rules["anywhere"], rules["trailing"]
    max_words, tail = int(rules["max_words"]), int(rules["trailing_blocks"])  # type: ignore[call-overload]
    heading, list_words = rules["list_heading"], int(rules["list_words"])  # type: ignore[call-overload]
    out: Blocks = []
    n = len(blocks)
    in_list = False
    for i, (kind, text) in enumerate(blocks):
        if heading.match(text):  # type: ignore[union-attr]
            in_list = True  # "Related Story", "Other Stories": the headlines after it are links
            continue
        if in_list and len(text.split()) <= list_words and not SENTENCE_END.search(text):
            continue
        in_list = False
        if len(text.split()) <= max_words:
            if anywhere.search(text):  # type: ignore[union-attr]
                continue
            if i >= n - tail and trailing.search(text):  # type: ignore[union-attr]
                continue
        out.append((kind, text))
    return out


def body_blocks(
    page: str | bytes | HtmlElement,
    url: str | None = None,
    *,
    second_opinion: bool = True,
    rules: frozenset[str] | None = None,
) -> Blocks:
    """(kind, text) blocks of the article body, in reading order; [] when none is found.

    ``rules`` (default ``settings.BODY_RULES``) are the rules added on top of trafilatura;
    without any, the body is trafilatura's precision mode (recall mode when it finds nothing).
    """
    rules = BODY_RULES if rules is None else rules
    tree = page if isinstance(page, HtmlElement) else parse_html(page)
    if tree is None:
        return []
    tables = "data_tables" in rules
    paragraphs = _paragraph_chars(tree)
    blocks = _trafilatura(tree, url, tables, favor_precision=True, fast=True) if "fast" in rules else []
    if not blocks or not _fast_suffices(blocks, paragraphs):
        blocks = _trafilatura(tree, url, tables, favor_precision=True)
    if second_opinion and "readability" in rules and not _covers_page(blocks, paragraphs):
        blocks = _arbitrate(blocks, _readability(tree))
    if not blocks:
        blocks = _trafilatura(tree, url, tables, favor_recall=True)
    # A page whose only text is its menus (an index or error page) has no article, not one about "Home".
    if "chrome" in rules and blocks and {text for _, text in blocks} <= _chrome_texts(tree):
        return []
    if "captions" in rules and blocks:
        blocks = blocks + _captions(tree, blocks)
    return _filter(blocks) if "phrases" in rules else blocks


def _captions(tree: HtmlElement, blocks: Blocks) -> Blocks:
    """The ``<figcaption>`` texts of the article's own container, as caption blocks after the body.

    Both libraries drop figures, and with them their captions; but a news photo's caption names
    the people in it and its credit the photographer ("Preschooler Madilyn Liechty shows ... (Katie
    Klingsporn/WyoFile)"), people the article names and an analyst expects in its table. Only
    captions inside the element that holds most of the body's paragraphs count (not a sidebar's or
    a related story's), and none whose text the body already holds.
    """
    texts = {text for _, text in blocks}
    found = [p for p in tree.iter("p") if _clean_space(p.text_content()) in texts]
    if len(found) < 2:
        return []
    holds = Counter(a for p in found for a in p.iterancestors())  # body paragraphs under each element
    home = next((a for a in found[0].iterancestors() if 2 * holds[a] >= len(found)), None)
    if home is None or home.tag in {"html", "body"}:
        return []
    body = " ".join(texts)
    out: Blocks = []
    for cap in [*_lead_captions(tree, home), *(el for el in home.iter() if _is_caption(el))]:
        for text in _caption_texts(cap):
            if len(text.split()) >= 3 and text not in body and ("caption", text) not in out:
                out.append(("caption", text))
    return out


# a caption written as a classed paragraph, not a <figcaption>: WordPress's "wp-caption-text",
# "caption", "image-caption", "sidecaption", "photo-caption", "imageCaption", "caption-text"
_CAPTION_CLASS = re.compile(r"^(?:wp-|wp-element-|image-?|img-|photo-?|media-|side|news-img-|featured-image-)?"
                            r"caption(?:-text)?$", re.I)


def _is_caption(el: HtmlElement) -> bool:
    """A photo caption's element: ``<figcaption>``, or a paragraph whose class names it a caption."""
    if el.tag == "figcaption":
        return True
    return el.tag in {"p", "div", "span"} and any(_CAPTION_CLASS.match(c) for c in (el.get("class") or "").split())


def _caption_texts(cap: HtmlElement) -> list[str]:
    """A caption's texts, each on one line (its line breaks are the source's), its blocks apart.

    ``Kristi Noem, governor ...<p>Alex Wong | Getty Images</p>``: a paragraph inside the caption
    (a credit, mostly) is a text of its own (read as one, "Getty Images Kristi Noem" is one
    name); inline elements join the text around them, with a space where two letters meet at an
    element's edge.
    """
    segments = [""]

    def add(piece: str | None) -> None:
        if piece:
            if segments[-1] and segments[-1][-1].isalnum() and piece[0].isalnum():
                segments[-1] += " "
            segments[-1] += piece

    add(cap.text)
    for child in cap:
        block = isinstance(child.tag, str) and child.tag in {"p", "div"}
        if block:
            segments.append("")
        if isinstance(child.tag, str):
            for piece in child.itertext():
                add(piece)
        if block:
            segments.append("")
        add(child.tail)
    return [t for t in (_clean_space(" ".join(seg.split())) for seg in segments) if t]


def _lead_captions(tree: HtmlElement, home: HtmlElement) -> list[HtmlElement]:
    """The lead photo's caption: a ``<figcaption>`` between the headline's ``<h1>`` and the body's element.

    Many themes (WordPress's featured image, "post-thumbnail", "hero") set the lead photo between
    the header (headline, byline) and the element that holds the body, outside it. Only captions
    after the last ``<h1>`` before the body and before the body's element, and none inside a
    list or a link (a gallery's strip or a teaser of another story).
    """
    last_h1 = None
    captions: list[HtmlElement] = []
    for el in tree.iter():
        if el is home:
            break
        if el.tag == "h1":
            last_h1, captions = el, []
        elif el.tag == "figcaption" and last_h1 is not None \
                and not any(a.tag in {"li", "a", "ul", "ol"} for a in el.iterancestors()):
            captions.append(el)
    return captions[:2]


_VISIBLE_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]")
_SKIM_SAMPLE = 1000  # characters of the longest paragraphs the language is read from
_SKIM_MIN_SAMPLE = 200  # below this py3langid's guess is not plain


def paragraph_blocks(tree: HtmlElement) -> Blocks:
    """Every non-empty ``<p>`` of the page as a paragraph block, in page order (menus and footers too)."""
    return [("paragraph", text) for p in tree.iter("p") if (text := _clean_space(p.text_content()))]


def other_language_body(
    tree: HtmlElement, languages: tuple[str, ...], *, min_words: int, declared: str | None = None,
) -> tuple[str, Blocks] | None:
    """(language, the page's paragraphs) when the paragraphs are plainly in a language not in ``languages``.

    The full clean (two body extractors, about 30 ms a page) is only worth it for a page that will be
    parsed; a page in another language is kept with its status and metadata, and its paragraphs are
    text enough for it. "Plainly" means every guard holds: the page does not declare one of
    ``languages`` (a declared ``en`` on a German page only costs the full clean); its paragraphs hold at
    least ``min_words`` words and ``settings.SKIM_PARAGRAPH_SHARE`` of the page's visible text (an
    English post kept in ``<div>``s on a German blog has German comment-form paragraphs and nothing
    else); and the language read from its longest paragraphs (the article's, not the menus') is another,
    leading the likeliest of ``languages`` by ``settings.SKIM_MIN_LEAD``.
    """
    if declared and declared.split("-")[0].strip().lower() in languages:
        return None
    paragraphs = paragraph_blocks(tree)
    if sum(len(text.split()) for _, text in paragraphs) < min_words:
        return None
    visible = sum(len(text.strip()) for text in _VISIBLE_TEXT(tree))
    if sum(len(text) for _, text in paragraphs) < SKIM_PARAGRAPH_SHARE * visible:
        return None
    sample = " ".join(sorted((text for _, text in paragraphs), key=len, reverse=True))[:_SKIM_SAMPLE]
    if len(sample) < _SKIM_MIN_SAMPLE:
        return None
    language, lead = lead_over(sample, languages)
    if lead < SKIM_MIN_LEAD:
        return None
    return language, paragraphs


_CHROME = "//nav | //header | //footer | //aside | //*[@role='navigation' or @role='banner' or @role='contentinfo']"


def _chrome_texts(tree: HtmlElement) -> set[str]:
    """Texts of the page's navigation, header, footer and sidebars, line by line."""
    out: set[str] = set()
    for element in tree.xpath(_CHROME):
        for line in element.text_content().split("\n"):
            if line := _clean_space(line):
                out.add(line)
    return out
