"""Clean stage: a raw page (HTML or plain text) -> ``Article``.

``clean_html`` is the public entry point for one page; ``clean_page`` takes a
``RawPage`` from the archive. The article's ``text`` is its blocks joined by blank
lines, title first, and every offset the extractors emit points into it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from pipeline.clean.boilerplate import FRAGMENT_MARK, body_blocks, other_language_body, parse_html
from pipeline.clean.dateline import dateline_date
from pipeline.clean.encoding import decode, repair_lost_quotes, repair_mojibake
from pipeline.clean.language import detect_language
from pipeline.clean.metadata import (
    byline_as_shown,
    byline_text,
    iso_day,
    mark_byline,
    page_metadata,
    split_authors,
    visible_bylines,
)
from pipeline.clean.selectors import apply_selectors
from pipeline.clean.status import page_status
from pipeline.clean.textdoc import (
    front_matter_authors,
    front_matter_date,
    html_front_matter,
    normalize,
    render_inline,
    slug_title,
    text_date,
    url_date,
)
from pipeline.errors import CleanError
from pipeline.ids import article_id, canonical_url, content_sha1
from pipeline.records import Article, Block, RawPage
from pipeline.settings import DATE_PRECISE_SOURCES, PAGE_SUFFIX_TYPES

# Publication-date sources that are htmldate's reading of the text, not markup, URL or byline.
FRAGMENT_GUESSES = frozenset({"htmldate", "extensive", "earlier"})

__all__ = ["clean_html", "clean_page", "clean_text", "clean_row", "assemble", "page_dates", "content_type_of"]

ROW_CONTENT_TYPE = "application/vnd.edunews.row+json"  # a dataset row (pipeline.ingest.datasets)

MIN_WORDS = 40
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|p|div|article)\b", re.I)
_NORM = re.compile(r"\W+")


def content_type_of(path: Path | str) -> str | None:
    """The content type a local file's suffix gives (text, markdown, PDF); None lets the content decide."""
    found = PAGE_SUFFIX_TYPES.get(Path(path).suffix.lower())
    return None if found == "text/html" else found


def _same_title(a: str, b: str) -> bool:
    """The body's first line repeats the headline (maybe without the site suffix)."""
    x, y = _NORM.sub(" ", a).strip().casefold(), _NORM.sub(" ", b).strip().casefold()
    if not x or not y:
        return False
    return x == y or (len(x) >= 20 and y.startswith(x)) or (len(y) >= 20 and x.startswith(y))


def assemble(title: str, blocks: list[tuple[str, str]]) -> tuple[str, list[Block]]:
    """Join blocks into the article text, recording each block's offset."""
    out: list[Block] = []
    parts: list[str] = []
    pos = 0
    *repaired, title = repair_lost_quotes(repair_mojibake([text for _, text in blocks] + [title]))
    blocks = [(kind, text) for (kind, _), text in zip(blocks, repaired, strict=True)]
    items = [("title", title.strip())] if title.strip() else []
    seen_title = title.strip()
    not_bylines = len(items)  # counted as they come: a sum per block was quadratic on long pages (issue 14)
    for kind, text in blocks:
        leading = not_bylines <= 1
        if leading and kind in {"heading", "paragraph"} and _same_title(text, seen_title):
            continue  # the body repeats the headline
        items.append((kind, text))
        not_bylines += kind != "byline"
    for kind, text in items:
        if parts:
            pos += 2
        out.append(Block(kind, text, pos))
        parts.append(text)
        pos += len(text)
    return "\n\n".join(parts), out


def with_byline(blocks: list[tuple[str, str]], raw_authors: list[str], site_names: tuple[str, ...] = (),
                visible: list[str] | None = None) -> tuple[list[tuple[str, str]], list[str], str | None]:
    """(blocks with a ``byline`` block, the authors, the wire agency).

    The people table's offsets point into ``Article.text``, and the guidelines count the
    byline's people, so the byline must be in the text: a leading "By ..." paragraph is
    re-kinded ``byline``; when the body has none but the page or front matter names authors,
    a block is written first: the visible byline as shown (dates dropped) when it names every
    author, else "By A and B". Agencies go to ``source_agency``, not authors.
    """
    blocks, in_text = mark_byline(blocks)
    authors, agency = split_authors([*raw_authors, *in_text], site_names)
    if authors and not in_text:
        shown = next((line for v in visible or [] if (line := byline_as_shown(v, authors))), None)
        if shown is None and len(authors) > 1:  # one author card each: "By A · Reporter, X and B · Editor, X"
            cards = [next((line for v in visible or [] if (line := byline_as_shown(v, [a]))), None) for a in authors]
            if all(cards) and len(set(cards)) == len(cards):
                lines = [re.sub(r"^By\s+", "", str(c)) for c in cards]
                shown = "By " + " and ".join([", ".join(lines[:-1]), lines[-1]])
        blocks = [("byline", shown or byline_text(authors)), *blocks]
    return blocks, authors, agency


def _source(url: str | None, fallback: str) -> str:
    host = urlsplit(url).hostname if url else None
    return (host or fallback).removeprefix("www.")


def _folder(path: str | None) -> str | None:
    """The folder a local file came from: the source of a page saved without its URL."""
    if not path or "://" in path:
        return None
    return PurePath(path).parent.name or None


def page_dates(html: str | bytes, url: str | None = None) -> tuple[str | None, str | None]:
    """(published, modified) of a page from its markup alone (no body extraction)."""
    if isinstance(html, bytes):
        html, _enc = decode(html)
    tree = parse_html(html)
    if tree is None:
        return None, None
    meta = page_metadata(tree, url)
    return meta["published"], meta["modified"]  # type: ignore[return-value]


def clean_html(
    html: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    source: str | None = None,
    raw_ref: str = "",
    fetched_at: str | None = None,
    min_words: int = MIN_WORDS,
    languages: tuple[str, ...] = ("en",),
    selectors: Mapping[str, str] | None = None,
    language_hint: str | None = None,
    precise_dates: bool = False,
    skim_other_languages: bool = False,
) -> Article:
    """Clean one HTML page. Raises CleanError when the page holds no article text.

    The page is parsed once; the body extractors and the metadata reader share the tree.
    ``selectors`` (title/date/body CSS from the site's entry in the sites file) win over
    the generic guesses where they match; ``language_hint`` (the site's language) stands
    in for a missing ``<html lang>``. ``precise_dates`` keeps a publication date only from
    the sources in ``settings.DATE_PRECISE_SOURCES`` (an analyst may prefer none to a wrong one).
    ``skim_other_languages``: a page whose paragraphs are plainly in a language not in ``languages``
    (``boilerplate.other_language_body``) is ``not_english`` with its paragraphs as text, without the
    body extractors; its title, dates and authors are read as for any page.
    """
    if isinstance(html, bytes):
        html, _enc = decode(html, content_type)
    fields, html = html_front_matter(html)
    tree = parse_html(html)
    if tree is None:
        raise CleanError("not an HTML page: nothing to parse")
    meta = page_metadata(tree, url)
    sel_title, sel_date, sel_blocks = apply_selectors(tree, selectors) if selectors else (None, None, [])
    skimmed = other_language_body(tree, languages, min_words=min_words, declared=meta["lang"] or language_hint) \
        if skim_other_languages and not sel_blocks else None  # type: ignore[arg-type]
    blocks = skimmed[1] if skimmed else sel_blocks or body_blocks(tree, url)
    if not blocks:
        raise CleanError("no article text found in the page (empty body after boilerplate removal)")
    title = sel_title or render_inline(fields.get("title", "")).strip() or str(meta["title"] or "")
    site = str(meta.get("site_name") or "")
    marked = [*front_matter_authors(fields), *meta["authors"]]  # type: ignore[misc]
    visible = visible_bylines(tree, marked)
    raw_authors = [*marked, *visible]
    blocks, authors, agency = with_byline(blocks, raw_authors, (site, _source(url, "")), visible)
    text, out_blocks = assemble(title, blocks)
    sel_date = sel_date or front_matter_date(fields)  # the post's own date field, as a selector's
    if precise_dates:
        published = sel_date or (meta["published"] if meta["published_source"] in DATE_PRECISE_SOURCES else None)
    else:
        guessed = meta["published"]
        if tree.get(FRAGMENT_MARK) is not None and meta["published_source"] in FRAGMENT_GUESSES:
            # A fragment that is HTML only once wrapped (a PHP/Blade view with one block) has no
            # page-level date evidence; htmldate's search of its text finds event dates as readily
            # as the publication day. (Whole headless views keep the guess: on gold-dev's PHP page it
            # is the "latest news of 21st January, 2025" line, right.)
            guessed = None
        published = sel_date or guessed or dateline_date(
            [b.text for b in out_blocks if b.kind != "byline"][:4])
    body = " ".join(b.text for b in out_blocks if b.kind != "title")
    if skimmed:  # the language is decided and the page will not be parsed: no other status applies
        language, status = skimmed[0], "not_english"
    else:
        language = detect_language(body, meta["lang"] or language_hint)  # type: ignore[arg-type]
        status = page_status(out_blocks, url=url, title=title, language=language, meta=meta,
                             min_words=min_words, languages=languages)
    return _article(url, source, title, text, out_blocks, language, status, raw_ref, fetched_at,
                    published=published, modified=meta["modified"],  # type: ignore[arg-type]
                    authors=authors, source_agency=agency)


def _article(
    url: str | None, source: str | None, title: str, text: str, blocks: list[Block], language: str | None,
    status: str, raw_ref: str, fetched_at: str | None, **metadata: object,
) -> Article:
    """The Article both cleaners return: ids, source and hash derived the same way for HTML and text."""
    return Article(
        article_id=article_id(canonical_url(url) if url else None, text),
        url=canonical_url(url) if url else None,
        source=source or _source(url, "local"),
        title=title,
        text=text,
        blocks=blocks,
        language=language,
        status=status,
        content_sha1=content_sha1(text),
        fetched_at=fetched_at,
        raw_ref=raw_ref,
        **metadata,  # type: ignore[arg-type]
    )


def clean_text(
    text: str,
    url: str | None = None,
    *,
    source: str | None = None,
    raw_ref: str = "",
    fetched_at: str | None = None,
    min_words: int = MIN_WORDS,
    languages: tuple[str, ...] = ("en",),
    markdown: bool | None = None,
    title_hint: str | None = None,
    published_hint: str | None = None,
) -> Article:
    """Clean a text-form article (plain text, markdown, PDF or OCR text) through one normalizer.

    ``pipeline.clean.textdoc.normalize`` gives the title, the blocks of running text and the
    front matter; the date comes from front matter, a dateline or date line, or the URL (the
    text's own URL line when a scrape dump starts with one). Text is prose by construction,
    so the listing test (many short blocks) is not applied. The ``*_hint`` values come from
    outside the text (a PDF's heading or metadata, a file's path) and count where the text says
    nothing. A PDF's /Author is not used: it names whoever typed the file, not the article's author.
    """
    doc = normalize(text, markdown=markdown, title_hint=title_hint)
    if not doc.blocks and not doc.title:
        raise CleanError("no text in the document")
    if not url and doc.source_url and doc.source_url.startswith("http"):
        url = doc.source_url  # the text names its own URL (front matter, or a dump's first line)
    published = text_date(doc.fields, doc.blocks, url or doc.source_url, doc.embargo) or published_hint
    title = doc.title or slug_title(url or doc.source_url)  # a dump that starts with its first paragraph
    body_blocks_, authors, agency = with_byline(doc.blocks, doc.authors)
    full, out_blocks = assemble(title, body_blocks_)
    body = " ".join(b.text for b in out_blocks if b.kind != "title")
    language = detect_language(body or title)
    status = page_status(out_blocks, url=url, title=title, language=language, min_words=min_words,
                         languages=languages, prose=True)
    return _article(url, source, title, full, out_blocks, language, status, raw_ref, fetched_at,
                    published=published, authors=authors, source_agency=agency)


def clean_page(
    page: RawPage,
    *,
    min_words: int = MIN_WORDS,
    languages: tuple[str, ...] = ("en",),
    selectors: Mapping[str, str] | None = None,
    language_hint: str | None = None,
    precise_dates: bool = False,
    skim_other_languages: bool = False,
) -> Article:
    """Clean a RawPage: PDF, HTML when it looks like HTML, text otherwise (site hints apply to HTML)."""
    if page.content_type == ROW_CONTENT_TYPE:
        return clean_row(page, min_words=min_words, languages=languages)
    ctype = (page.content_type or "").split(";")[0].strip().lower()
    kwargs = dict(
        source=_source(page.url, _folder(page.origin) or page.source),
        raw_ref=page.raw_ref,
        fetched_at=page.fetched_at,
        min_words=min_words,
        languages=languages,
    )
    if ctype == "application/pdf" or page.body[:5] == b"%PDF-":
        from pipeline.clean.pdf import read_pdf

        pdf = read_pdf(page.body)
        return clean_text(pdf.text, page.url, title_hint=pdf.title,
                          published_hint=pdf.created or _path_day(page), markdown=False,
                          **kwargs)  # type: ignore[arg-type]
    text, _enc = decode(page.body, page.content_type)
    is_html = ctype == "text/html" or (ctype != "text/markdown" and bool(_HTML_SNIFF.search(page.body[:2048])))
    if is_html:
        return clean_html(text, page.url, selectors=selectors, language_hint=language_hint,
                          precise_dates=precise_dates, skim_other_languages=skim_other_languages,
                          **kwargs)  # type: ignore[arg-type]
    markdown = True if ctype == "text/markdown" else None
    return clean_text(text, page.url, markdown=markdown, published_hint=_path_day(page),
                      **kwargs)  # type: ignore[arg-type]


# A full date as a file name's own part: "post_2015-11-12-title.md", "blog-20151112.txt",
# "2015.11.12 notes.md" (saved pages are often renamed with a prefix before a Jekyll date).
_FILE_DAY = re.compile(r"(?:^|[/_\-. ])((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?=$|[/_\-. ])")


def _path_day(page: RawPage) -> str | None:
    """A date in a local file's path (a Jekyll post's ``2014-04-09-title.md``, ``news/01-05-98.txt``,
    ``post_2014-04-09.md``): the last resort for a text with no date of its own. The path is the
    page's origin when ``ingest`` archived a local file (its reference is then a WARC offset),
    else its reference; archive references (WARC offsets) and URLs are not paths."""
    local = page.origin if page.origin and "://" not in page.origin and not page.url else None
    ref = local or page.raw_ref or ""
    if not ref or "#" in ref or ".warc" in ref:
        return None
    path = "/" + ref.replace("\\", "/").lstrip("/")
    if found := url_date(path):
        return found
    name = path.rsplit("/", 1)[-1]
    for m in _FILE_DAY.finditer(name):
        if found := iso_day(f"{m[1]}-{m[3]}-{m[4]}"):
            return found
    return None

def _one_line(value: str) -> str:
    return " ".join(value.split())


def clean_row(page: RawPage, *, min_words: int = MIN_WORDS, languages: tuple[str, ...] = ("en",)) -> Article:
    """Clean one dataset row (``pipeline.ingest.datasets``): its ``html`` through the full clean
    stage, else its already-extracted ``text`` through the text reader (no boilerplate removal).

    The row's own title and publication date are the dataset's word on them and win over
    what the page or text suggests; for text rows they enter as front matter, the text
    reader's own form of metadata, so the title heads the article text as for any text.
    """
    row = json.loads(page.body)
    where = f"row {row.get('row', '?')}"
    url, title, published = row.get("url"), row.get("title"), row.get("published")
    kwargs = dict(source=_source(url, page.source), raw_ref=page.raw_ref, fetched_at=page.fetched_at,
                  min_words=min_words, languages=languages)
    if row.get("html"):
        article = clean_html(row["html"], url, **kwargs)  # type: ignore[arg-type]
        if title:
            article.title = _one_line(title)
    elif row.get("text"):
        head = [f"{k}: {_one_line(v)}" for k, v in (("title", title), ("date", published),
                                                       ("author", row.get("author"))) if v]
        text = row["text"].replace("\r\n", "\n")
        article = clean_text(f"---\n{chr(10).join(head)}\n---\n\n{text}" if head else text, url,
                             **kwargs)  # type: ignore[arg-type]
    else:
        raise CleanError(f"{where}: no text or html in this row")
    if published and (day := iso_day(published) or front_matter_date({"date": published})):
        article.published = day
    return article
