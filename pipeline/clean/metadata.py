"""Title, publication/modification dates and authors from a page's markup.

Order of trust for dates: what the publisher wrote for machines about *this*
article (JSON-LD ``datePublished``, ``article:published_time`` and kin,
``itemprop=datePublished``, ``<time pubdate>``), then htmldate's original date
without its extensive guessing (its extensive search is where it invents dates,
e.g. 2013-01-01 on a page that only says "Posted: 3 years ago"). A timestamp
keeps the publisher's local day ("2024-03-09T23:30:00-05:00" is the 9th). No
date is better than a wrong one. The page is read as the lxml tree the body
extractor already parsed, so metadata costs no second parse.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from lxml.html import HtmlElement

from pipeline.clean.byline import OUTSIDE_TAGS, prefer_visible, visible_dates
from pipeline.knowledge import models_dir
from pipeline.settings import DATE_RULES

_ISO_DAY = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_]|\d{2}:?\d{2})")
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "pub_date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "published-date",
    "published_time",
    "publication_date",
    "release_date",
    "originalpublicationdate",
    "original-publish-date",
    "date.created",
    "dc.date",
    "date",
    "created",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "article:modified",
    "modified",
    "revised",
    "updated_time",
)
_ARTICLE_TYPES = (
    "Article",
    "BlogPosting",
    "Posting",
    "Report",
    "NewsArticle",
    "WebPage",
    "PressRelease",
    "Blog",
    "Review",
)
_MIN_YEAR = 1995
_AUTHORS_MODEL = "clean_authors.json"  # in the models folder (the models_dir setting)


def iso_day(value: object) -> str | None:
    """YYYY-MM-DD of an ISO-like timestamp, as written (no time-zone shift)."""
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    if day.year < _MIN_YEAR or day > date.today():
        return None  # a placeholder (0001-01-01, 1970) or a date in the future
    return day.isoformat()


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict]:
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                    if isinstance(item.get(key), dict | list):
                        stack.append(item[key])


def _metas(tree: HtmlElement) -> dict[str, str]:
    """First content of every <meta> by lower-cased property/name/itemprop."""
    out: dict[str, str] = {}
    for tag in tree.iterfind(".//meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = tag.get("content")
        if key and content and key not in out:
            out[key] = content.strip()
    return out


def _first(metas: dict[str, str], names: Iterable[str]) -> str | None:
    for name in names:
        if day := iso_day(metas.get(name)):
            return day
    return None


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _is_article(obj: dict) -> bool:
    types = obj.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and any(a in t for a in _ARTICLE_TYPES) for t in types)


def _itemprop_dates(tree: HtmlElement, prop: str) -> str | None:
    for el in tree.xpath(f'.//*[@itemprop="{prop}"]'):
        if day := iso_day(el.get("content") or el.get("datetime") or el.get("value")):
            return day
    return None


def structured_dates(tree: HtmlElement) -> tuple[str | None, str | None, dict[str, object]]:
    """(published, modified, extras) from JSON-LD, meta tags, itemprop and <time pubdate>."""
    published = modified = None
    authors: list[str] = []
    headline = None
    free = None
    objects = sorted(_jsonld_objects(tree), key=lambda o: not _is_article(o))
    for obj in objects:
        if not (_is_article(obj) or "datePublished" in obj):
            continue
        published = (
            published or iso_day(obj.get("datePublished")) or iso_day(obj.get("dateCreated"))
        )
        modified = modified or iso_day(obj.get("dateModified"))
        if _is_article(obj):
            authors = authors or _names(obj.get("author") or obj.get("creator"))
            headline = headline or obj.get("headline")
            if free is None and "isAccessibleForFree" in obj:
                free = str(obj["isAccessibleForFree"]).strip().lower() not in {"false", "0", "no"}
    metas = _metas(tree)
    published = (
        published or _first(metas, _PUBLISHED_META) or _itemprop_dates(tree, "datePublished")
    )
    if not published:
        for t in tree.xpath(".//time[@pubdate or @itemprop='datePublished']"):
            if day := iso_day(t.get("datetime") or t.get("content")):
                published = day
                break
    modified = modified or _first(metas, _MODIFIED_META) or _itemprop_dates(tree, "dateModified")
    return (
        published,
        modified,
        {"metas": metas, "authors": authors, "headline": headline, "free": free},
    )


_OFFSET = re.compile(r"T?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*([+-])(\d{2}):?(\d{2})$")


def local_stamp(tree: HtmlElement, day: str | None) -> bool:
    """The markup's publication timestamp for ``day`` carries a non-UTC offset (+09:00).

    Such a day is already the publisher's local day, so a byline one day off it is not the
    UTC/local shift ``prefer_visible`` corrects (Fundus pages: Yomiuri +09:00, junge Welt
    +02:00 showed the next day somewhere near the headline).
    """
    if not day:
        return False
    values = [v for k, v in _metas(tree).items() if k in _PUBLISHED_META]
    values += [str(o.get("datePublished") or "") for o in _jsonld_objects(tree)]
    values += [t.get("datetime") or t.get("content") or ""
               for t in tree.xpath(".//*[@itemprop='datePublished'] | .//time[@pubdate]")]
    for value in values:
        value = value.strip()
        if value.startswith(day) and (m := _OFFSET.search(value)) and (m[2], m[3]) != ("00", "00"):
            return True
    return False


def htmldate_original(tree: HtmlElement, url: str | None, extensive: bool = False) -> str | None:
    """htmldate's original date; extensive search only on demand (where guesses come from)."""
    from htmldate import find_date

    try:
        found = find_date(
            tree, url=url, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d"
        )
    except (ValueError, TypeError):
        return None
    return iso_day(found)


def _outside_prose(tree: HtmlElement, url: str | None, guess: str) -> bool:
    """Does htmldate's extensive guess still stand with the page's paragraphs taken out?

    A page with no date of its own (no markup, no URL day, no byline) hands htmldate's
    extensive search only its text, and the first full date of the story is an event
    ("The meeting, held in Accra on Thursday, January 8, 2026, ..."), not the day the page
    appeared. A guess that comes from somewhere else (a date line, a footer, a list of posts)
    is kept; one that only the story's paragraphs give is refused: no date beats an invented one.
    A paragraph's first words stay (a dateline: "27.1.2022 - Bei der Erinnerung ..."), and short
    paragraphs stay whole (a date line, "Benni 10. September 2017").
    """
    bare = copy.deepcopy(tree)
    for p in list(bare.iter("p")):
        text = " ".join(p.text_content().split())
        if len(text) >= _PROSE:
            tail = p.tail
            p.clear()
            p.text, p.tail = text[:_DATELINE], tail
    return htmldate_original(bare, url, extensive=True) == guess


def _without_navigation(tree: HtmlElement) -> HtmlElement:
    """A copy of the page without its <nav>, <footer> and <aside>: a masthead's "today" and the
    dates of other pages' teasers live there, and the extensive search would take them."""
    bare = copy.deepcopy(tree)
    for el in bare.xpath(" | ".join(f"//{tag}" for tag in sorted(OUTSIDE_TAGS))):
        if el.getparent() is not None:
            el.drop_tree()
    return bare


_PROSE = 100  # characters: a paragraph of the story, not a date line
_DATELINE = 25  # characters of a paragraph's start that may be its dateline


_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])"
    r"|/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$)"
)


def url_day(url: str | None) -> str | None:
    """A full date in the URL path (/2019/01/01/, /20200428/): the site's own filing day."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    y, mo, d = (g for g in m.groups() if g)
    return iso_day(f"{y}-{int(mo):02d}-{int(d):02d}")


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def choose_published(
    structured: str | None,
    tree: HtmlElement,
    url: str | None,
    modified: str | None = None,
    lang: str | None = None,
    rules: frozenset[str] | None = None,
) -> str | None:
    """The publication day (see ``published_and_source``)."""
    return published_and_source(structured, tree, url, modified, lang, rules)[0]


def published_and_source(
    structured: str | None,
    tree: HtmlElement,
    url: str | None,
    modified: str | None = None,
    lang: str | None = None,
    rules: frozenset[str] | None = None,
) -> tuple[str | None, str]:
    """Arbitrate the publication day between markup, URL and htmldate: (day, where from).

    ``rules`` (default ``settings.DATE_RULES``) switch on what edunews adds to htmldate's
    original date; with none, the answer is htmldate's. With all:

    - The markup (JSON-LD, meta, itemprop) comes first (``markup``).
    - The URL day wins over a markup timestamp one day off: that timestamp is
      usually UTC, while the URL is filed under the publisher's local day (``url_day``).
    - An earlier date htmldate finds (within about a year) beats the markup: pages
      often put the last update in their markup, and the original is wanted (``earlier``).
    - htmldate's extensive search is the last resort, and a bare 1 January (a
      year-only guess) is refused: no date is better than an invented one (``extensive``).
    - The byline readers see near the headline (``byline.py``) corrects the markup when
      the markup confirms it (a UTC day off, the modified date) or replaces a guess (``visible``);
      not "a UTC day off" when the markup's timestamp has a non-UTC offset (``offset_guard``).

    The source ("agree" when markup and htmldate say the same day, else "markup", "url",
    "earlier", "htmldate", "extensive", "visible" or "none") lets an analyst keep only
    the kinds of answer whose cross-validated precision is high enough.
    """
    rules = DATE_RULES if rules is None else rules
    original = htmldate_original(tree, url)
    if "markup" not in rules:
        structured = None
    found, source = structured, "markup"
    in_url = url_day(url)
    if "url_day" in rules and found and in_url and _days(found, in_url) <= 1 and found != in_url:
        found, source = in_url, "url"
    if (
        "earlier" in rules
        and found
        and original
        and original < found
        and _days(found, original) <= 400
        and not (in_url and found == in_url)
    ):
        found, source = original, "earlier"
    if found and original == found and source == "markup":
        source = "agree"
    if not found and original:
        found, source = original, "htmldate"
    weak = not found
    if not found and "extensive" in rules:
        page = _without_navigation(tree)
        guess = htmldate_original(page, url, extensive=True)
        if guess and not guess.endswith("-01-01") and _outside_prose(page, url, guess):
            found, source = guess, "extensive"
    if "visible" in rules:
        shown = visible_dates(tree, lang)
        local = "offset_guard" in rules and local_stamp(tree, structured)
        day = prefer_visible(found, shown, structured=structured, modified=modified, in_url=in_url,
                             weak=weak, local=local)
        if day != found:
            found, source = day, "visible"
    return found, (source if found else "none")


def page_metadata(
    tree: HtmlElement, url: str | None = None, rules: frozenset[str] | None = None
) -> dict[str, object]:
    """What the markup says: title, published (and its source), modified, authors (raw), lang."""
    published, modified, extra = structured_dates(tree)
    metas: dict[str, str] = extra["metas"]  # type: ignore[assignment]
    lang = tree.get("lang") or metas.get("og:locale") or metas.get("content-language")
    published, source = published_and_source(published, tree, url, modified, lang, rules)
    if modified and published and modified < published:
        modified = None
    authors: list[str] = list(extra["authors"])  # type: ignore[call-overload]
    if not authors:
        for key in (
            "author",
            "article:author",
            "dc.creator",
            "sailthru.author",
            "parsely-author",
            "byl",
        ):
            if (value := metas.get(key)) and not value.startswith("http"):
                authors = [value]
                break
    if not authors:
        authors = [
            " ".join(el.text_content().split())
            for el in tree.xpath('.//*[@rel="author" or @itemprop="author"]')[:3]
        ]
    title = metas.get("og:title") or metas.get("twitter:title") or extra["headline"]
    if not title:
        h1 = tree.find(".//h1")
        tt = tree.find(".//title")
        node = h1 if h1 is not None else tt
        title = " ".join(node.text_content().split()) if node is not None else ""
    return {
        # a separator glyph set before or after the headline ("<font>|</font>Headline") is decoration
        "title": str(title or "").strip().strip("|•·»›").strip(),
        "published": published,
        "published_source": source,
        "modified": modified,
        "authors": [a for a in authors if a],
        "lang": lang,
        "free": extra["free"],
        "og_type": metas.get("og:type"),
        "site_name": metas.get("og:site_name"),
    }


# --- authors ------------------------------------------------------------------------------


def _author_rules() -> tuple[dict[str, str], frozenset[str], re.Pattern[str]]:
    return _author_rules_of(models_dir())


@lru_cache(maxsize=2)
def _author_rules_of(folder: Path) -> tuple[dict[str, str], frozenset[str], re.Pattern[str]]:
    data = _authors_model(folder)
    agencies = {
        alias.casefold(): name
        for name, aliases in data["agencies"].items()
        for alias in [name, *aliases]
    }
    stop = frozenset(w.casefold() for w in data["not_people"])
    noise = re.compile("|".join(f"(?:{p})" for p in data["strip_patterns"]), re.I)
    return agencies, stop, noise


@lru_cache(maxsize=2)
def _authors_model(folder: Path) -> dict:
    return json.loads((folder / _AUTHORS_MODEL).read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def _byline_post_words(folder: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(``byline_posts``, ``post_fields``) of the byline knowledge, folded once."""
    data = _authors_model(folder)
    return (frozenset(w.casefold() for w in data.get("byline_posts", [])),
            frozenset(w.casefold() for w in data.get("post_fields", [])))


def _name_before_post(part: str, stop: frozenset[str]) -> str | None:
    """"Richard Adams Education editor" -> "Richard Adams": a byline that runs the name into the
    writer's post with no comma. The part ends in a post word (``byline_posts``) and the words
    between the name and it are a beat or a rank (``post_fields``, ``not_people``): the shortest
    name of two or more words that leaves only such words ("Mary Ann Smith Education editor" keeps
    "Smith", no beat)."""
    posts, fields = _byline_post_words(models_dir())
    words = part.split()
    if len(words) < 3 or words[-1].casefold() not in posts:
        return None
    for k in range(2, len(words)):
        name, between = words[:k], words[k:-1]
        if (between or k == 2) and all(w.casefold() in fields or w.casefold() in stop for w in between) \
                and not any(len(w) > 1 and w.isupper() for w in name) and _is_person(" ".join(name), stop):
            return " ".join(name)  # (no beat: only "Jane Doe editor"; "AP National ..." is no name)
    return None


_SPLIT = re.compile(r"\s*(?:,|;|\||&|\+|/|\u00b7|\u2022|\band\b|\bwith\b|\bund\b|\bet\b|\by\b|\n)\s*", re.I)
_PARTICLES = {
    "de",
    "van",
    "von",
    "da",
    "bin",
    "al",
    "el",
    "der",
    "den",
    "la",
    "le",
    "di",
    "du",
    "dos",
    "del",
    "ibn",
    "ter",
    "st.",
}


def _is_person(part: str, stop: frozenset[str]) -> bool:
    words = part.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in part) or "@" in part:
        return False
    low = part.casefold()
    if low in stop or any(w.casefold().strip(".") in stop for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES or w[:1] in "'’" for w in words)


_GLUED_WORD = re.compile(r"^([A-Z][a-z]+)([A-Z][a-z]+)$")


def _unglued(part: str, stop: frozenset[str]) -> str:
    """"Marla MillingContributor" -> "Marla Milling", "ByJordan James" -> "Jordan James": a byline's
    elements run together without a space; the tail is a word no name has (``not_people``)."""
    part = re.sub(r"^By(?=[A-Z][a-z])", "", part)
    words = part.split()
    for k, word in enumerate(words[1:], 1):
        m = _GLUED_WORD.match(word)
        if m and m[2].casefold() in stop:
            return " ".join([*words[:k], m[1]])
    return part


def split_authors(
    raw: Iterable[str], site_names: Iterable[str] = ()
) -> tuple[list[str], str | None]:
    """People among byline strings, and a wire agency if one is credited.

    "By Jane Doe and John Roe | AFP" -> (["Jane Doe", "John Roe"], "AFP"). Site
    names, "Staff", "Email the author", dates and job titles are not people.
    """
    agencies, stop, noise = _author_rules()
    sites = {s.casefold() for s in site_names if s}
    people: list[str] = []
    agency = None
    for item in raw:
        item = noise.sub(" ", item)
        for part in _SPLIT.split(item):
            part = " ".join(part.split()).strip(" .,:;()[]-–—'\"")
            if not part:
                continue
            hit = agencies.get(part.casefold())
            if hit is None and part.casefold().startswith(("the ", "la ")):
                hit = agencies.get(part.casefold().split(" ", 1)[1])
            if hit:
                agency = agency or hit
                continue
            part = _unglued(part, stop)
            if not _is_person(part, stop):
                part = _name_before_post(part, stop) or part
            if part.casefold() in sites or not _is_person(part, stop):
                continue
            if part.isupper():
                part = part.title()
            if part not in people:
                people.append(part)
    return people, agency


# --- visible bylines -------------------------------------------------------------------------

_BYLINE_CASE = str.maketrans("BYLINEAUTHOR", "bylineauthor")
_NOT_BYLINE = re.compile(r"bio|avatar|image|photo|img|social|share|follow|more|list|box|card", re.I)
_BYLINE_CONTROLS = {"comment", "comments", "share", "print", "email", "e-mail", "follow", "tweet", "more"}
_BY_LINE = re.compile(r"^\s*(?:written |reported |story |text )?by\s+\S", re.I)
_MAX_BYLINE = 160


def _byline_classed(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Elements whose class holds "byline" or "author", or whose id holds "byline" (any case).

    A Python walk over the attributes: the XPath with ``translate()`` on every element cost
    more than the rest of the byline reading.
    """
    for el in tree.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        cls = el.get("class")
        if cls is not None:
            cls = cls.translate(_BYLINE_CASE)
            if "byline" in cls or "author" in cls:
                yield el
                continue
        ident = el.get("id")
        if ident is not None and "byline" in ident.translate(_BYLINE_CASE):
            yield el


_NAME_WORDS = re.compile(r"\b[A-Z][\w'-]{2,}")  # the capitalized words of a byline's names


def _headline_header(header: HtmlElement, tree: HtmlElement) -> bool:
    """Is a ``<header>`` without ``<h1>`` the article's own, its ``<h2>`` the page's headline?

    Older templates write the headline as ``<h2>`` ("Using Robots To Help Children With Autism
    Learn" on Big Think, its byline beside it); the page's ``<title>`` says which one is the story's.
    """
    title = " ".join((tree.findtext(".//title") or "").split()).casefold()
    if not title:
        return False
    for h in header.iter("h2"):
        text = " ".join(h.text_content().split()).casefold()
        if len(text) >= 12 and title.startswith(text):
            return True
    return False


def visible_bylines(tree: HtmlElement, known: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Byline strings readers see ("By Jane Doe | AFP"): elements whose class says byline/author.

    Many pages carry no author markup at all, and main-content extractors drop the byline
    element as page furniture; yet the guidelines count the byline's people. Outermost
    matching elements only, outside navigation and footers, and short (an author box with a
    biography is not a byline). With people ``known`` as authors from the markup (two or more
    capitalized words: not "admin" or a desk), a byline that names none of them is another
    story's, in a list of teasers (The Washington Post's "blog-byline" under each linked post).
    """
    people = [a for a in known if len(_NAME_WORDS.findall(a)) >= 2]
    known_words = {w.casefold() for a in people for w in _NAME_WORDS.findall(a)}
    out: list[str] = []
    kept: list[HtmlElement] = []
    for el in _byline_classed(tree):
        cls = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _NOT_BYLINE.search(cls) or el.tag in {"meta", "link", "a", "img"}:
            continue
        if el.xpath("ancestor::nav or ancestor::footer or ancestor::aside"):
            continue
        header = el.xpath("ancestor::header[not(.//h1)]")
        if header and not _headline_header(header[0], tree):
            continue  # a site header, or a teaser's header in a list of other stories
        if any(k in kept for k in el.iterancestors()):
            continue  # inside a byline already read
        text = _by_line(el) or _block_text(el)
        if not text or len(text) > _MAX_BYLINE:
            continue
        if known_words and not known_words & {w.casefold() for w in _NAME_WORDS.findall(text)}:
            continue  # a teaser's byline in a list of other stories
        if any(text in seen or seen in text for seen in out):
            continue
        out.append(text)
        kept.append(el)
        if len(out) >= 3:
            break
    return out


_BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "header",
                         "footer", "address", "figcaption", "dd", "dt", "br"})


def _block_text(el: HtmlElement) -> str:
    """``el``'s text with its lines and block children kept apart by " · " (text_content() runs them together).

    An author card ``<h2>Daniel Marans</h2><p>Senior Politics Reporter, HuffPost</p>`` reads
    "Daniel Marans · Senior Politics Reporter, HuffPost", not "Daniel MaransSenior ...".
    """
    return _segmented("\u0001".join(_text_lines(el)))


def _lines(el: HtmlElement, out: list[str]) -> None:
    """``el``'s text with a line break for each ``<br>`` (text_content() drops them) and a mark
    (\u0001) around block elements, which text_content() runs together ("MaransSenior")."""
    if el.tag == "br":
        out.append("\n")
    elif isinstance(el.tag, str):
        block = el.tag in _BLOCK_TAGS
        out.append("\u0001" * block + (el.text or ""))
        for child in el:
            _lines(child, out)
        out.append("\u0001" * block)
    out.append(el.tail or "")


def _text_lines(el: HtmlElement) -> list[str]:
    """The element's own text and its children's (not its tail), one string per ``<br>`` line, block
    elements inside a line as " · " segments."""
    parts = [el.text or ""]
    for child in el:
        _lines(child, parts)
    return [line for line in (_segmented(" ".join(x.split())) for x in "".join(parts).split("\n")) if line]


def _segmented(line: str) -> str:
    """Block marks as " · " segments: "By · A · Reporter, X · and · B" -> "By A · Reporter, X and B"."""
    line = re.sub(r"\s*(?:\u0001\s*)+", " \u00b7 ", line).strip(" \u00b7")
    line = re.sub(r"^(By)\s\u00b7\s", r"\1 ", line, flags=re.I)
    line = re.sub(r"(,|\band|&)\s\u00b7\s", r"\1 ", line)  # "A, · B and · C": the list goes on, no segment
    return re.sub(r"\s\u00b7\s(and|&)\s", r" \1 ", line)


def _by_line(el: HtmlElement) -> str | None:
    """The "By NAME" line of a byline element that also holds a date and the outlet.

    ``<p class="byline">Wednesday, Feb. 6, 2013<br/>By <span>Lauren Saria</span><br/>Cronkite
    News</p>`` reads as one run-on string whose name no splitter finds; its lines do not.
    """
    lines = _text_lines(el)
    at = next((k for k, line in enumerate(lines) if _BY_LINE.match(line)), None)
    if at is None:
        return None
    outlet = [line for line in lines[at + 1:at + 3] if line[:1].isupper() and len(line.split()) <= 4
              and not _DATED.search(line) and line.casefold() not in _BYLINE_CONTROLS]
    return " \u00b7 ".join([lines[at], *outlet])  # "By A · Cronkite News": the outlet line stays


def byline_text(authors: list[str]) -> str:
    """The byline line written into the article text: "By A", "By A and B", "By A, B and C"."""
    if not authors:
        return ""
    names = authors if len(authors) == 1 else [", ".join(authors[:-1]), authors[-1]]
    return "By " + " and ".join(names)


_SEGMENTS = re.compile(r"\s+[\u00b7\u2022|]\s+")
_DATED = re.compile(r"\d|\b(?:posted|updated|published|modified|ago)\b", re.I)


def byline_as_shown(visible: str, authors: list[str]) -> str | None:
    """A visible byline as a text line, its date/time segments dropped.

    "Jessica Tremblay · CBC News · Posted: Sep 03, 2024" -> "By Jessica Tremblay · CBC News";
    "By A, Communications Officer, Save the Children" stays whole (the title and employer are
    stated there). None when the line does not name every author.
    """
    visible = re.sub(r"@\w+", " ", visible)  # "By Eric Levitz@EricLevitz": the handle is no part of the name
    kept = [" ".join(seg.split()) for seg in _SEGMENTS.split(visible.strip()) if seg and not _DATED.search(seg)]
    line = " \u00b7 ".join(kept).strip()
    if not line or not all(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", line) for a in authors):
        return None  # (as whole words: "Daniel MaransSenior Politics Reporter" glues a name to its title)
    return line if _BY_LINE.match(line) else f"By {line}"


def is_byline_block(text: str) -> bool:
    """A short "By NAME[, TITLE]" paragraph near the headline names the article's authors."""
    if not _BY_LINE.match(text) or len(text) > _MAX_BYLINE or text.rstrip().endswith((".", "?", "!", '"')):
        return False
    people, _agency = split_authors([text])
    return bool(people)


def mark_byline(blocks: list[tuple[str, str]], lead: int = 3) -> tuple[list[tuple[str, str]], list[str]]:
    """Blocks with a leading "By ..." paragraph re-kinded ``byline``, and the people it names."""
    out = list(blocks)
    for i, (kind, text) in enumerate(out[:lead]):
        if kind in {"paragraph", "heading"} and is_byline_block(text):
            out[i] = ("byline", text)
            return out, split_authors([text])[0]
    return out, []
