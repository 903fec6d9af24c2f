"""Main content of a page as blocks (title, headings, paragraphs, list items).

trafilatura finds the article body; its XML output keeps the structure that the
extractors read (a cue sentence followed by ``<item>``s is a list of priorities).
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree

_WS = re.compile(r"[ \t\r\f\v\u00a0]+")

_KIND = {"head": "heading", "p": "paragraph", "item": "list_item", "quote": "quote", "cell": "paragraph"}


def _clean_space(text: str) -> str:
    return "\n".join(s for s in (_WS.sub(" ", line).strip() for line in text.split("\n")) if s)


def _walk(node: etree._Element, out: list[tuple[str, str]]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    kind = _KIND.get(tag)
    has_block_children = any(
        isinstance(c.tag, str) and c.tag in _KIND or c.tag in {"list", "table", "row", "div"} for c in node
    )
    if kind and not has_block_children:
        # <lb/> inside a paragraph is a hard line break: keep it as a paragraph boundary.
        parts: list[str] = [node.text or ""]
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            else:
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        for line in "".join(parts).split("\n"):
            line = _clean_space(line)
            if line:
                out.append((kind, line))
        return
    for child in node:
        _walk(child, out)


def body_blocks(html: str, url: str | None = None, *, favor_precision: bool = False) -> list[tuple[str, str]]:
    """(kind, text) blocks of the article body, in reading order; [] when none is found."""
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        favor_precision=favor_precision,
        deduplicate=False,
    )
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return [("paragraph", _clean_space(p)) for p in xml.split("\n") if p.strip()]
    main = root.find("main")
    out: list[tuple[str, str]] = []
    _walk(main if main is not None else root, out)
    return out


def text_blocks(text: str) -> list[tuple[str, str]]:
    """Blocks of a plain-text or markdown document: blank-line paragraphs, bullets, headings."""
    out: list[tuple[str, str]] = []
    for para in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        if not lines:
            continue
        if all(re.match(r"^([-*\u2022]|\d+[.)])\s+", ln) for ln in lines):
            out.extend(("list_item", _clean_space(re.sub(r"^([-*\u2022]|\d+[.)])\s+", "", ln))) for ln in lines)
        elif len(lines) == 1 and lines[0].startswith("#"):
            out.append(("heading", _clean_space(lines[0].lstrip("#"))))
        else:
            out.append(("paragraph", _clean_space(" ".join(lines))))
    return out
