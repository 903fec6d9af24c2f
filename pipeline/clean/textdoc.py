"""Text that reads like text: one normalizer for every non-HTML article (plain text, markdown, PDF, OCR).

Text copies of articles come in many shapes: scrape dumps (title and paragraphs each one
line, often no blank line after the title), OCR'd and PDF-extracted press releases
(hard-wrapped lines, words split across line ends, page headers and numbers, scan stamps,
letterheads with addresses and phone numbers, a second-language letterhead), markdown posts
(YAML/TOML front matter, links, emphasis, headings) and CRLF files from other systems.
``normalize`` turns any of them into a title, blocks of running text, the front matter's
fields, and the text's own date evidence, so the clean stage treats them all alike.

The furniture patterns (page numbers, scan stamps, release labels, letterhead lines) are data:
``models/clean_textforms.json``.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from pipeline.clean.byline import parse_dates
from pipeline.clean.dateline import dateline_date
from pipeline.clean.metadata import is_byline_block, iso_day, url_day
from pipeline.knowledge import models_dir

_MODEL = "clean_textforms.json"  # in the models folder (the models_dir setting; bundled in a wheel)

_FENCED = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A\s*\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z][\w-]{0,30})[ \t]*[:=][ \t]*(.*)$")
_LIST_ITEM = re.compile(r"^\s*-\s+(.*)$")
_MAP_ENTRY = re.compile(r"^([^:\s][^:]{0,60}):\s*(.*)$")  # "Nick Griffin: Interviewer" under a key
_BLOCK_SCALAR = re.compile(r"[>|][1-9]?[+-]?[1-9]?")  # YAML's folded (>) and literal (|) indicators
_TAG_LINE = re.compile(r"^[ \t]*\[\[([A-Za-z][\w-]{0,30}):([^\]\n]*)\]\][ \t]*$", re.M)
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-f]{2,5}|[a-z]{2,8});", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>|<!--.*?-->", re.S)
_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "publishdate", "published_at", "date_published",
              "publication_date", "pub_date", "published_date", "post_date", "date_posted", "created", "created_at",
              "datecreated")
# (keys are read lower-cased: Hugo's "publishDate" is "publishdate")
_TITLE_KEYS = ("title", "headline")  # a news CMS's export names the title "headline"
_EPOCH = re.compile(r"^(\d{9,10})(?:\d{3})?(?:\.\d+)?$")  # Unix time in seconds, or milliseconds
_AUTHOR_KEYS = ("author", "authors", "byline", "creator")
# Credit fields of a post's front matter and the credit line each becomes (the people in a post's
# credits count, as a page's photo credits do): "photo: Amelia Ross" -> "Photo: Amelia Ross".
_CREDIT_KEYS = {"photo": "Photo", "photos": "Photos", "photographer": "Photo", "photo_credit": "Photo",
                "photo-credit": "Photo", "image_credit": "Photo", "image-credit": "Photo", "credit": "Photo",
                "contributors": "Contributors", "contributor": "Contributors", "illustrator": "Illustration",
                "illustration": "Illustration", "graphic": "Graphic", "graphics": "Graphics"}
# A post's standfirst (shown under the headline) and its lead image's caption, as its page shows them.
_DEK_KEYS = ("subtitle", "dek", "standfirst", "kicker", "summary", "description", "excerpt", "snippet", "introduction",
             "teaser", "intro", "lede", "deck", "strapline")
_CAPTION_KEYS = ("image_caption", "image-caption", "caption", "image-description", "image_description")
# the author's note a post's page prints under it ("DAI's Hoda Salman is manager of ...")
_BIO_KEYS = ("author-bio", "author_bio", "authorbio", "author-description", "author_description", "bio")
_URL_KEYS = ("url", "source-url", "source_url", "canonical_url", "canonical", "link", "original_url", "permalink")

_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf]|\d{1,2}[.)])\s+")
# (two or more hashes need no space: "##Entrepreneur-Driven Impact" is a heading to Markdown.pl and
# many themes; one hash and no space is a hashtag line)
_HEADING = re.compile(r"^\s{0,3}(#{1,6}(?=\s)|#{2,6}(?=[^\s#]))\s*(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
# an image with a title: ![alt](src "title"); static-site themes print the title under the image
_IMAGE_TITLE = re.compile(r"!\[([^\]]*)\]\(\s*\S+\s+(?:\"([^\"]+)\"|'([^']+)')\s*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*(?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\s*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`]+)`")
# Static-site template tags in a post's body: Hugo shortcodes ({{< figure ... >}}, {{% note %}}) and Liquid tags
# ({% include base.html %}). Not text: left in, their attributes (src=, alt=, class=) read as prose.
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}", re.S)
_CAPTION_ATTR = re.compile(r"\bcaption\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_SIGNALS = (re.compile(r"^\s{0,3}#{1,6}\s+\S", re.M), _LINK, _STRONG, re.compile(r"^\s{0,3}[-*+]\s+\S", re.M),
               _IMAGE, re.compile(r"^\s{0,3}(=+|-{3,})\s*$", re.M))
_MD_STRONG = (0, 1, 2, 4)  # heading, link, strong emphasis, image
_GAP = re.compile(r"(?<=[.!?\"\u201d\u2019)])\s{2,}(?=[\"\u201c\u2018(]?[A-Z0-9])")
_END_PUNCT = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", ")")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_PERMALINK_DAY = re.compile(r"(?<![\d.])(\d{1,2})[-_](\d{1,2})[-_](\d{2}|(?:19|20)\d{2})(?=[./_-]|$)")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
_PAGE = "\ue000"  # a page break (form feed) while lines are read
_INLINE_HYPHEN = re.compile(r"\b([A-Za-z]{2,})- ([a-z]{2,})\b")
_NOT_A_SPLIT = frozenset(["and", "or", "nor", "to", "but", "as", "the", "than", "versus", "vs"])


@dataclass
class TextDoc:
    """A text-form article after normalization: what ``clean_text`` assembles into an Article."""

    title: str
    blocks: list[tuple[str, str]]
    fields: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)
    source_url: str | None = None  # the text's own URL: front matter, or the URL line a scrape dump starts with
    embargo: str | None = None  # an embargo line (removed from the text; its date is the last resort)


def furniture() -> dict[str, re.Pattern[str]]:
    """The whole-line patterns of models/clean_textforms.json, one compiled regex per list.

    Read from the active models folder, as the other clean-stage models are: a path beside the
    checkout does not exist in an installed wheel, where every text, markdown or PDF input failed.
    """
    return _furniture_of(models_dir())


@lru_cache(maxsize=2)
def _furniture_of(folder: Path) -> dict[str, re.Pattern[str]]:
    data = json.loads((folder / _MODEL).read_text(encoding="utf-8"))
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.I) for k, v in data.items() if not k.startswith("_")}


# --- front matter -----------------------------------------------------------------------------

def _fields(lines: list[str]) -> dict[str, str]:
    """``key: value`` (YAML) or ``key = value`` (TOML) lines; a YAML list under a key is joined with "; ",
    a YAML block scalar (``title: >-`` or ``|`` and indented lines under it) with spaces: a long headline or
    summary is often written that way, and the indicator itself is no title."""
    out: dict[str, str] = {}
    key = None
    parent = None  # a key with no value: the indented "name: value" lines under it are its map's
    block = False  # the lines under key are its block scalar's
    flowing = False  # key's value may go on, folded, on indented lines ("author-bio: "A is\n  a consultant."")
    for line in lines:
        if block and key and line[:1] in " \t" and line.strip():
            out[key] = f"{out[key]} {line.strip()}".lstrip()
            continue
        if flowing and key and line[:1] in " \t" and line.strip() and not _LIST_ITEM.match(line) \
                and not _MAP_ENTRY.match(line.strip()):
            out[key] = f"{out[key]} {line.strip()}".strip("\"'")
            continue
        block = flowing = False
        if parent and line[:1] in " \t" and (m := _MAP_ENTRY.match(re.sub(r"^-\s+", "", line.strip()))):
            if parent in _AUTHOR_KEYS:  # author: {name: Ann Lee, url: ...}: the name, nothing else
                if m[1].lower() == "name" and m[2].strip():
                    out[parent] = f"{out[parent]}; {m[2].strip()}" if out.get(parent) else m[2].strip()
            else:
                out[parent] = f"{out[parent]}; {m[1]}" if out.get(parent) else m[1]  # contributors: {A B: Interviewer}
            continue
        parent = None
        if key and (m := _LIST_ITEM.match(line)):
            item = re.sub(r"^name:\s*", "", m[1].strip()).strip("\"'")  # authors: [{name: Ann Lee, ...}]
            out[key] = f"{out[key]}; {item}" if out.get(key) else item
            continue
        if m := _FIELD.match(line.strip()):
            key = m[1].lower()
            value = m[2].strip()
            if value.startswith("[") and value.endswith("]"):  # inline list: authors = ["A", "B"]
                value = "; ".join(v.strip().strip("\"'") for v in value[1:-1].split(",") if v.strip())
            if _BLOCK_SCALAR.fullmatch(value):
                block = key not in out
                value = ""
            elif not value and (key in _CREDIT_KEYS or key in _AUTHOR_KEYS):
                parent = key
            flowing = bool(value) and key not in out and not value.startswith("[")
            out.setdefault(key, value.strip("\"'"))
        else:
            key = None
    return out


def read_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata fields, the text without them): YAML ``---``, TOML ``+++``, a leading ``key: value`` block."""
    fields: dict[str, str] = {}
    if m := _FENCED.match(text) or _TOML.match(text):
        fields = _fields(m[1].splitlines())
        text = text[m.end() :]
    else:
        head, _sep, rest = text.lstrip().partition("\n\n")
        lines = [ln for ln in head.splitlines() if ln.strip()]
        if len(lines) >= 2 and all(_FIELD.match(ln.strip()) or _LIST_ITEM.match(ln) for ln in lines):
            candidate = _fields(lines)
            if any(k in candidate for k in _TITLE_KEYS + _DATE_KEYS):
                fields, text = candidate, rest
    for m in _TAG_LINE.finditer(text):
        fields.setdefault(m[1].lower(), m[2].strip())
    return _titled(fields), _TAG_LINE.sub("", text)


def _titled(fields: dict[str, str]) -> dict[str, str]:
    """The fields with ``title`` filled from the first other title key that has one ("headline")."""
    if not fields.get("title", "").strip():
        for key in _TITLE_KEYS[1:]:
            if fields.get(key, "").strip():
                return {**fields, "title": fields[key]}
    return fields


def html_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, the page without them) of an HTML source file that opens with a fenced front-matter
    block: a static site's post written in HTML (Jekyll's ``_posts/*.html``) carries its title, date and
    authors there, and the layout that would print them is not in the file. Only a fenced block
    counts: a page's first lines are never read as ``key: value`` fields."""
    if m := _FENCED.match(text) or _TOML.match(text):
        return _titled(_fields(m[1].splitlines())), text[m.end():]
    return {}, text


# Tags that end a line where a browser draws them: dropped with nothing in their place they glue words
# ("Mary George Cheriyan<br>Deputy Principal" -> "CheriyanDeputy", "happened.</p><p>Second").
_LINE_TAG = re.compile(r"<br\s*/?>|</?(?:p|div|li|ul|ol|h[1-6]|blockquote|section|article|aside|figure|figcaption|"
                       r"header|footer|hr|dl|dd|dt|pre|table|tr|td|th)\b[^<>]*>", re.I)


def strip_tags(text: str) -> str:
    """Raw HTML tags out of text, their content kept ("<a href=..>UNICEF</a>" -> "UNICEF"), and
    character references decoded ("&amp;", "&#8217;": scrape dumps keep them). A tag that ends a
    line leaves a line end, so no two words run together; paragraphs stay as the text lays them out."""
    if "<" in text:
        text = _HTML_TAG.sub("", _LINE_TAG.sub("\n", text))
    return html.unescape(text) if _ENTITY.search(text) else text


def front_matter_date(fields: dict[str, str]) -> str | None:
    """The publication day a front-matter field gives (ISO or written out, any known language)."""
    for key in _DATE_KEYS:
        value = fields.get(key)
        if not value:
            continue
        if day := iso_day(value[:10]) or iso_day(value):
            return day
        if m := _EPOCH.match(value.strip()):  # "publication_date: 1743756105": the UTC day
            return iso_day(datetime.fromtimestamp(int(m[1]), tz=UTC).date().isoformat())
        if found := parse_dates(value[:80]):
            return found[0][1]
    return None


def front_matter_authors(fields: dict[str, str]) -> list[str]:
    """Author names the front matter gives (one field or a list)."""
    out: list[str] = []
    for key in _AUTHOR_KEYS:
        for name in (fields.get(key) or "").split(";"):
            name = render_inline(name).strip()
            if re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", name):
                continue  # a slug ("new-zealand-national-party"), not a name
            if name and name not in out:
                out.append(name)
    return out


def front_matter_credits(fields: dict[str, str]) -> list[str]:
    """Credit lines the front matter gives ("Photo: Amelia Ross", "Contributors: A B; C D"): names, not files."""
    out: list[str] = []
    for key, label in _CREDIT_KEYS.items():
        names = [render_inline(v).strip() for v in (fields.get(key) or "").split(";")]
        names = [n for n in names if n and re.search(r"[A-Z][a-z]+\s+[A-Z]", n)
                 and not re.search(r"https?:|www\.|\.(?:jpe?g|png|gif|webp|svg)\b", n, re.I)]
        if names and not any(line.endswith(", ".join(names)) for line in out):
            out.append(f"{label}: {', '.join(names)}")
    return out


# --- lines: line ends, furniture, other scripts -------------------------------------------------

def _line_ends(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00ad", "").replace("\u2028", "\n").replace("\u2029", "\n\n")


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().casefold())


def _foreign(line: str) -> bool:
    """Mostly letters of another script than Latin (a bilingual letterhead's second language)."""
    letters = _LETTER.findall(line)
    return len(letters) >= 2 and len(_LATIN.findall(line)) < 0.5 * len(letters)


def _drop_furniture(lines: list[str], pages: int) -> tuple[list[str], str | None]:
    """Lines without page headers/footers, page numbers, scan stamps, release labels, letterhead
    and other-script lines; and a URL line the text starts with (a scrape dump's source).

    A short line that repeats is a running header or footer when the text has pages (form feeds)
    or repeats three times or more; letterhead lines (phone, fax, e-mail, web address, P.O. Box)
    are short lines of contact details, never prose.
    """
    rx = furniture()
    stripped = [ln.strip() for ln in lines]
    counts = Counter(_key(s) for s in stripped if s and s != _PAGE and len(s) <= 100)
    letters = sum(len(_LETTER.findall(s)) for s in stripped)
    latin = sum(len(_LATIN.findall(s)) for s in stripped)
    latin_text = letters > 0 and latin >= 0.4 * letters  # mostly (or half) Latin: other-script lines go
    source_url = None
    out: list[str] = []
    letterhead: set[int] = set()
    edge = _near_page_edge(stripped) if pages >= 2 else set()
    for i, (raw, s) in enumerate(zip(lines, stripped, strict=True)):
        if not s or s == _PAGE:
            out.append(s)
            continue
        short = len(s) <= 120
        if not any(out) and (m := re.fullmatch(r"(?:source:\s*)?(https?://\S+)", s, re.I)):
            source_url = source_url or m[1]
            out.append("")
            continue
        # paged text: a running header or footer sits at a page's top or bottom; a paragraph the
        # text prints twice (a summary, a pull quote) repeats its lines mid-page and stays
        repeated = len(s) <= 100 and not _BULLET.match(s) and (
            counts.get(_key(s), 0) >= 3 or (pages >= 2 and counts.get(_key(s), 0) >= 2 and i in edge))
        plain = (render_inline(s).strip(" *_#>") or s) if short and any(c in s for c in "*_#[") else s
        contact = short and bool(rx["letterhead"].fullmatch(plain))
        if contact or (latin_text and _foreign(s)):
            letterhead.add(i)
        if (short and (rx["page_number"].fullmatch(plain) or rx["scan_stamp"].fullmatch(plain)
                       or rx["release_label"].fullmatch(plain))) or repeated or i in letterhead:
            out.append("")
            continue
        out.append(raw.rstrip())
    _above_label(stripped, letterhead, rx)
    for i in _navigation(stripped, rx):
        out[i] = ""
    return _drop_letterhead(out, stripped, letterhead), source_url


def _near_page_edge(lines: list[str], reach: int = 3) -> set[int]:
    """Indexes of the lines among the first or last ``reach`` non-blank lines of a page."""
    near: set[int] = set()
    page: list[int] = []
    for i, s in enumerate([*lines, _PAGE]):
        if s == _PAGE:
            near.update(page[:reach] + page[-reach:])
            page = []
        elif s:
            page.append(i)
    return near


def _navigation(lines: list[str], rx: dict[str, re.Pattern[str]]) -> list[int]:
    """Lines of runs of four or more short lines (menu items) with a "Home"/"Contact us"-like one
    among them: a web page's navigation copied into a text dump."""
    found: list[int] = []
    run: list[int] = []
    for i, s in enumerate([*lines, ""]):
        if s and s != _PAGE and len(s.split()) <= 4 and not s.endswith((".", "!", "?", ":", ";", ",")):
            run.append(i)
            continue
        if len(run) >= 4 and any(rx["navigation"].fullmatch(lines[j]) for j in run):
            found += run
        run = []
    return found


def _above_label(lines: list[str], marked: set[int], rx: dict[str, re.Pattern[str]], top: int = 15) -> None:
    """Short lines above a "PRESS RELEASE" label that name an organization are its letterhead."""
    label = re.compile(r"(?:(?:press|news|media) (?:release|statement)|(?:for )?immediate release)\b.{0,40}", re.I)
    seen = [i for i, s in enumerate(lines) if s][:top]
    first = next((i for i in seen if label.fullmatch(lines[i])), None)
    above = [i for i in seen if first is not None and i < first]
    # a letterhead is a few short lines of names and addresses, never sentences
    short = all(len(lines[i]) <= 80 and not lines[i].endswith((".", "!", "?")) for i in above)
    if 0 < len(above) <= 6 and short and any(rx["letterhead_org"].fullmatch(lines[i]) or i in marked for i in above):
        marked.update(above)


def _drop_letterhead(out: list[str], lines: list[str], marked: set[int], top: int = 25) -> list[str]:
    """A group of short lines at the top holding contact details is a letterhead: drop all of it
    (the organization's name and street address with the phone and e-mail lines)."""
    start = 0
    for end in [*(i for i, ln in enumerate(lines) if not ln), len(lines)]:
        group = range(start, end)
        if start >= top:
            break
        if any(i in marked for i in group) and all(len(lines[i]) <= 80 for i in group):
            for i in group:
                out[i] = ""
        start = end + 1
    return out


# --- blocks ------------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _paragraphs(lines: list[str], width: int = 0, wrapped: bool = False) -> list[list[str]]:
    """Groups of lines between blank lines. A paragraph cut by a page break (its last line before the
    break ends mid-sentence) goes on after the next page's header; in hard-wrapped text a blank line
    after a full-width line that ends mid-sentence (OCR inserts them) does not end the paragraph."""
    paras: list[list[str]] = [[]]
    across_page = False
    for line in lines:
        if line == _PAGE:
            across_page = True
            if paras[-1]:
                paras.append([])
        elif line.strip():
            # (never onto the first group: that is the headline's place)
            if not paras[-1] and len(paras) >= 3 and _goes_on(paras[-2], line, width, wrapped, across_page):
                paras.pop()
            paras[-1].append(line)
            across_page = False
        elif paras[-1]:
            paras.append([])
    return [p for p in paras if p]


def _goes_on(para: list[str], nxt: str, width: int, wrapped: bool, across_page: bool) -> bool:
    """Whether the paragraph ``para`` goes on with ``nxt`` after a blank line or page break."""
    p, n = para[-1].strip(), nxt.strip()
    if p.endswith(_END_PUNCT) or _BULLET.match(n) or _date_line(n):
        return False
    if across_page:
        return True
    if not wrapped or n[:1].isdigit():
        return False
    # a wrapped line (not a one-line heading, never wider than the text) that stops mid-sentence
    return p.endswith("-") or (len(para) >= 2 and 0.75 * width <= len(p) <= width + 2)


def _width(lines: list[str]) -> tuple[int, bool]:
    """(the text's line width, whether it is hard-wrapped): most lines end near one width <= 110."""
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip() and ln != _PAGE)
    if len(lengths) < 5:
        return (lengths[-1] if lengths else 0), False
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(n >= 0.75 * width for n in lengths)
    # wrapped lines end mid-sentence; a dump's one-line paragraphs end with their full stop
    open_ends = sum(bool(s) and s != _PAGE and not s.endswith(_END_PUNCT) for s in (ln.strip() for ln in lines))
    return width, width <= 110 and near >= max(3, 0.3 * len(lengths)) and open_ends >= 0.3 * len(lengths)


def _join(prev: str, nxt: str, hyphenated: set[str]) -> str:
    """Join two wrapped lines; a word split by an end-of-line hyphen is joined ("yester- day"), a
    hyphenated name broken at its hyphen is joined with it ("Baffoe-" + "Bonnie")."""
    m = re.search(r"(\w+)-$", prev)
    if m and nxt[:1].isupper() and not prev.endswith("--"):
        return prev + nxt  # a hyphen before a capital is the word's own ("Baffoe-|Bonnie", "non-|English")
    if m and nxt[:1].islower() and not prev.endswith("--"):
        word = m[1] + "-" + re.match(r"[\w'-]*", nxt)[0]  # type: ignore[index]
        if word.casefold() in hyphenated:
            return prev + nxt  # a real compound ("well-known") that the text writes with a hyphen
        return prev[:-1] + nxt
    if prev.endswith(("\u2014", "\u2013", "/")):
        return prev + nxt
    return prev + " " + nxt


def _break_between(prev: str, nxt: str, width: int, wrapped: bool) -> bool:
    """Whether a line end is a paragraph end (True) or a wrap inside a paragraph (False)."""
    p, n = prev.strip(), nxt.strip()
    if _BULLET.match(n) or is_byline_block(p) or is_byline_block(n):
        return True
    if re.search(r"\w-$", p) and (n[:1].islower() or (wrapped and n[:1].isupper())):
        return False  # a word goes on after its hyphen ("yester-|day", "Baffoe-|Bonnie")
    if n[:1].islower() or (n[:1] in "([" and p[-1:] not in _END_PUNCT):
        return False
    if not wrapped:
        return True  # one line per paragraph (scrape dumps), or one per heading
    first = n.split(" ", 1)[0]
    # In hard-wrapped text a line ends early only where the paragraph ends: the next word would have fit.
    return len(p) + 1 + len(first) <= 0.92 * width


def _split_gaps(text: str) -> list[str]:
    """A long one-line paragraph whose paragraphs are glued with runs of spaces (scrape dumps)."""
    if len(text) < 300 or len(_GAP.findall(text)) < 2:
        return [text]
    return [part for part in _GAP.split(text) if part.strip()]


def _text_blocks(lines: list[str]) -> list[tuple[str, str]]:
    width, wrapped = _width(lines)
    body = " ".join(lines)
    hyphenated = {w.casefold() for w in re.findall(r"\b\w+-\w+\b", body)}
    blocks: list[tuple[str, str]] = []
    paras = _paragraphs(lines, width, wrapped)
    if paras and _title_lines(paras[0]):
        blocks.append(("paragraph", " ".join(ln.strip() for ln in paras[0])))
        paras = paras[1:]
    for para in paras:
        current = last = para[0].strip()
        for line in para[1:]:
            if _break_between(last, line, width, wrapped):
                blocks.append(_kind(current))
                current = line.strip()
            else:
                current = _join(current, line.strip(), hyphenated)
            last = line.strip()
        blocks.append(_kind(current))
    # in OCR'd (hard-wrapped) text a block without a word of three letters or a number is noise ("H##F")
    out = [(k, _clean(t)) for kind, text in blocks for k, t in _split_kind(kind, text)
           if _clean(t) and (not wrapped or _WORD3.search(t) or sum(c.isdigit() for c in t) >= 4)]
    return [(k, _rejoin(t, hyphenated)) for k, t in out]


def _rejoin(text: str, hyphenated: set[str]) -> str:
    """A word split by a hyphen and a space inside a line ("yester- day": a wrapped line joined
    by an earlier tool) is joined; "pre- and post-war" and compounds the text writes are kept."""
    def fix(m: re.Match[str]) -> str:
        if m[2] in _NOT_A_SPLIT:
            return m[0]
        compound = f"{m[1]}-{m[2]}"
        return compound if compound.casefold() in hyphenated else m[1] + m[2]

    return _INLINE_HYPHEN.sub(fix, text) if "- " in text else text


def _title_lines(para: list[str]) -> bool:
    """A headline set on two or three lines (centred or wrapped) above a blank line: one title."""
    if not 2 <= len(para) <= 3 or len(" ".join(para).split()) > 30:
        return False
    return all(ln.strip() and not ln.strip().endswith(_END_PUNCT) and not _BULLET.match(ln)
               and not dateline_date([ln]) and not is_byline_block(ln.strip()) for ln in para)


def _kind(text: str) -> tuple[str, str]:
    if _BULLET.match(text):
        return "list_item", _BULLET.sub("", text, count=1)
    return "paragraph", text


def _split_kind(kind: str, text: str) -> list[tuple[str, str]]:
    return [(kind, part) for part in _split_gaps(text)]


def render_inline(text: str) -> str:
    """Markdown inline markup to plain text: images dropped, links to their text, emphasis unmarked."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m[1] or m[2], text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):
        text = _STRONG.sub(r"\2", text)
        text = _EM.sub(lambda m: m[1] or m[2], text)
    text = re.sub(r"\\$|  +$", "", text, flags=re.M)
    return _ESCAPE.sub(r"\1", text)


def image_captions(raw: str) -> list[str]:
    """The titles of a paragraph's images that read as captions.

    ``![alt](src "SE Factory founders Zeina Saab and Fadi Bizri. Photo: SE Factory.")``: a post's
    theme prints an image's title under it, as a page's ``<figcaption>``, and the people and
    places named there count as the caption's do on an HTML page. A title of one or two words, or
    one that repeats the alt text ("Disco", a file name), labels the image and says nothing.
    """
    out = []
    for m in _IMAGE_TITLE.finditer(raw):
        title = (m[2] or m[3] or "").strip()
        if len(title.split()) >= 3 and title.casefold() != m[1].strip().casefold():
            out.append(title)
    return out


def _link_only(raw: str) -> bool:
    """A paragraph that is links and images only ("Pickup - [citybuzz.co](...)"): navigation, not text."""
    if not (_LINK.search(raw) or _IMAGE.search(raw)):
        return False
    rest = _LINK.sub(" ", _IMAGE.sub(" ", raw))
    return len(re.findall(r"\w{2,}", rest)) < 3


def _mid_sentence(group: list[str], nxt: str) -> bool:
    """A markdown line that stops mid-sentence goes on in the next line (CommonMark's soft line break).

    Needed where the file is not hard-wrapped at one width (``_width`` says unwrapped) but its
    lines still break inside sentences ("researchers at the Tata" / "Institute of ..."): prose
    that has not reached its end punctuation, and either ends on a word that cannot end a
    sentence ("the", "of": ``line_goes_on`` in models/clean_textforms.json) or is
    sentence-case (most words lower-case), is not a paragraph. Title Case lines (headings)
    and the document's first line (a dump's title) are left to ``_break_between``.
    """
    p, n = group[-1].strip(), nxt.strip()
    if not p or p.endswith(_END_PUNCT) or _BULLET.match(n) or is_byline_block(p) or is_byline_block(n):
        return False
    if furniture()["line_goes_on"].fullmatch(p):
        return True
    words = [w for w in " ".join(group).split() if w[:1].isalpha()]
    return len(words) >= 6 and sum(w[:1].islower() for w in words) >= 0.5 * len(words)


def _md_blocks(lines: list[str], titled: bool = False) -> list[tuple[str, str]]:
    """Markdown blocks: headings (ATX and setext), list items, quotes and paragraphs (soft-wrapped lines joined).

    ``titled``: the front matter gives the title, so the first line is no headline of a dump and
    the first paragraph's lines join like every other's ("Team captain Olivia" / "Brown, a senior").
    """
    out: list[tuple[str, str]] = []
    para: list[str] = []
    kind = "paragraph"
    width, wrapped = _width([ln for ln in lines if not _FENCE.match(ln)])

    def flush() -> None:
        nonlocal para, kind
        # One paragraph per line where the lines are paragraphs (a dump written as markdown)
        groups: list[list[str]] = []
        for line in para:
            if groups and (not _break_between(groups[-1][-1], line, width, wrapped)
                           or (bool(out) or len(groups) > 1 or titled) and _mid_sentence(groups[-1], line)):
                groups[-1].append(line)
            else:
                groups.append([line])
        for group in groups:
            raw = " ".join(s.strip() for s in group)
            if raw and not _link_only(raw):
                for part in _split_gaps(render_inline(raw)):
                    out.append((kind, _clean(part)))
            out.extend(("caption", _clean(render_inline(c))) for c in image_captions(raw))
        para, kind = [], "paragraph"

    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            flush()
            continue
        s = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not s or s == _PAGE or _REF_DEF.match(line) or (_RULE.match(line) and not para):
            flush()
            continue
        if in_fence:
            para.append(s)
            continue
        if para and _SETEXT.match(line):
            kind = "heading"
            flush()
            continue
        if m := _HEADING.match(line):
            flush()
            para, kind = [m[2]], "heading"
            flush()
            continue
        if _BULLET.match(line):
            flush()
            para, kind = [_BULLET.sub("", line, count=1)], "list_item"
            if not nxt.strip() or _BULLET.match(nxt):
                flush()
            continue
        if s.startswith(">"):
            s = s.lstrip("> ")
        para.append(s)
    flush()
    return [(k, t) for k, t in out if t]


def looks_markdown(text: str) -> bool:
    """Two or more kinds of markdown markup, one of them a heading, link, emphasis or image
    (bullets and rules alone are plain text's too)."""
    found = [bool(rx.search(text)) for rx in _MD_SIGNALS]
    return sum(found) >= 2 and any(found[i] for i in _MD_STRONG)


# --- title and date ----------------------------------------------------------------------------

def _date_line(text: str) -> bool:
    return len(text.split()) <= 6 and bool(dateline_date([text]))


def title_like(text: str) -> bool:
    """A headline: a short line without a full stop at its end (a first line run into the body isn't one)."""
    words = len(text.split())
    if not 1 <= words <= 30 or len(text) > 250 or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    return not is_byline_block(text) and not _date_line(text)


def text_date(fields: dict[str, str], blocks: list[tuple[str, str]], url: str | None,
              embargo: str | None = None) -> str | None:
    """Publication day: front matter, a dateline or date line at the top, a date line at the end, the URL,
    and last an embargo line (often garbled by OCR, so it never wins over the others)."""
    if day := front_matter_date(fields):
        return day
    body = [t for k, t in blocks if k != "byline"]
    if day := dateline_date(body[:4]):
        return day
    tail = [t for t in body[-3:] if len(t) <= 60]
    if day := dateline_date(tail):
        return day
    return url_date(url) or (dateline_date([embargo]) if embargo else None)


def url_date(url: str | None) -> str | None:
    """A date in the URL: /2019/05/03/, /20190503/, or a permalink day like ``01-05-98`` (month first)."""
    if not url:
        return None
    if day := url_day(url):
        return day
    path = url.split("?", 1)[0].split("://", 1)[-1].partition("/")[2]
    for m in _PERMALINK_DAY.finditer(path):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        year = y if y > 100 else (1900 + y if y >= 70 else 2000 + y)
        month, day_ = (a, b) if a <= 12 else (b, a)
        if found := iso_day(f"{year:04d}-{month:02d}-{day_:02d}"):
            return found
    return None


def slug_title(url: str | None) -> str:
    """A headline from the URL's last readable segment ("uhuru-gifts-vihiga-a-university-3894082" ->
    "Uhuru gifts vihiga a university"): the fallback title of a text that has none of its own."""
    if not url:
        return ""
    for segment in reversed(url.split("?", 1)[0].split("#", 1)[0].rstrip("/").split("/")[3:]):
        words = [w for w in re.split(r"[-_+]+", re.sub(r"\.[a-z0-9]{2,5}$", "", segment, flags=re.I)) if w]
        while words and not re.search(r"[a-z]", words[-1], re.I):
            words.pop()  # a trailing article number
        if len(words) >= 3 and all(re.fullmatch(r"[A-Za-z0-9']+", w) for w in words):
            text = " ".join(words)
            return text[:1].upper() + text[1:]
    return ""


# --- the normalizer ------------------------------------------------------------------------------

def with_front_matter_text(blocks: list[tuple[str, str]], fields: dict[str, str]) -> list[tuple[str, str]]:
    """The body with the front matter's text that a post's page shows around it: the standfirst under
    the headline (unless the body already opens with it), then the credit lines, the author's note and the
    lead image's caption."""
    credits = [("caption", line) for line in front_matter_credits(fields)]
    credits += [("paragraph", render_inline(fields[k]).strip()) for k in _BIO_KEYS if fields.get(k, "").strip()]
    captions = [("caption", render_inline(fields[k]).strip()) for k in _CAPTION_KEYS if fields.get(k, "").strip()]
    dek = next((render_inline(fields[k]).strip() for k in _DEK_KEYS if fields.get(k)), "")
    shown = [*blocks, *credits]
    lead = [("paragraph", dek)] if dek and not any(dek[:60] in block for _kind, block in shown) else []
    return [*lead, *shown, *captions]


def _template_caption(m: re.Match[str]) -> str:
    """A template tag is dropped; a figure's ``caption="..."`` stays as its own paragraph.

    Captions are article text: people and places named under a photo count.
    """
    cap = _CAPTION_ATTR.search(m[0])
    text = (cap[1] or cap[2] or "").strip() if cap else ""
    return f"\n\n{text}\n\n" if text else ""


def normalize(text: str, *, markdown: bool | None = None, title_hint: str | None = None) -> TextDoc:
    """Any text form -> title, blocks, front matter fields and authors (see the module docstring).

    ``markdown`` forces (or forbids) markdown rendering; by default the text's markup decides.
    ``title_hint`` is a title known from outside the text (a PDF's metadata): it wins over the
    first line, and a first block that repeats it is dropped.
    """
    text = _line_ends(text)
    fields, text = read_front_matter(text)
    text = strip_tags(_TEMPLATE_TAG.sub(_template_caption, text))
    pages = text.count("\f") + 1
    lines = text.replace("\f", f"\n{_PAGE}\n").split("\n")
    is_md = looks_markdown(text) if markdown is None else markdown
    embargo = next((ln.strip() for ln in lines[:40] if re.match(r"\s*embargo", ln, re.I)), None)
    lines, source_url = _drop_furniture(lines, pages)
    blocks = _md_blocks(lines, titled=bool(fields.get("title", "").strip())) if is_md else _text_blocks(lines)
    title = render_inline(fields.get("title", "")).strip() or (title_hint or "").strip()
    # the headline is the first block, or the second after a date line ("9 November 2018\nHeadline")
    first = 1 if len(blocks) > 1 and _date_line(blocks[0][1]) else 0
    if not title and blocks and (blocks[first][0] == "heading" or title_like(blocks[first][1])):
        title = blocks.pop(first)[1]
    url = next((fields[k] for k in _URL_KEYS if fields.get(k, "").startswith(("http", "/"))), None)
    blocks = with_front_matter_text(blocks, fields)
    return TextDoc(title=title, blocks=blocks, fields=fields, authors=front_matter_authors(fields),
                   source_url=url or source_url, embargo=embargo)
