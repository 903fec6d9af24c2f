"""Typed records that cross stage boundaries.

scrape/ingest -> ``RawPage`` -> clean -> ``Article`` -> extract -> ``Extraction``
(one row dataclass per output table) -> tables.

The row dataclasses *are* the table schemas: ``pipeline.tables`` takes column order,
types and descriptions from ``dataclasses.fields`` (``metadata``), so a column is
declared in exactly one place. Rows are plain data: they pickle for worker
processes and Dask, and write straight to CSV.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any


def col(kind: str, description: str, example: Any = None) -> Any:
    """Declare a table column: Frictionless type, meaning and an example value."""
    return field(metadata={"type": kind, "description": description, "example": example})


@dataclass(frozen=True, slots=True)
class RawPage:
    """One fetched or archived document, exactly as the archive holds it."""

    body: bytes
    url: str | None
    source: str  # where it came from: a WARC path, a manifest, a file
    raw_ref: str  # stable pointer back into the archive ("file.warc.gz#1234")
    content_type: str | None = None
    fetched_at: str | None = None  # ISO-8601 UTC
    origin: str | None = None  # the original URL or local file, to name it in the errors table
    error: str | None = None  # set when the archive is damaged here: the record could not be read

    @property
    def error_source(self) -> str:
        """The errors table's ``source``: the archive reference, then the original URL or file."""
        return f"{self.raw_ref} ({self.origin})" if self.origin else self.raw_ref


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of the cleaned text; ``start`` is its offset in ``Article.text``."""

    kind: str  # title, heading, paragraph, list_item, quote, table, caption
    text: str
    start: int


@dataclass(slots=True)
class Article:
    """A cleaned article: the body text with its block structure and its metadata."""

    article_id: str
    url: str | None
    source: str
    title: str
    text: str
    blocks: list[Block]
    published: str | None = None  # YYYY-MM-DD, the publisher's local day
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    source_agency: str | None = None
    language: str | None = None
    status: str = "ok"
    duplicate_of: str | None = None
    education: float | None = None  # 0..1, see pipeline.extract.education (English articles)
    education_topics: list[str] = field(default_factory=list)  # SDG 4 target codes
    content_sha1: str = ""
    fetched_at: str | None = None
    raw_ref: str = ""

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_row(self) -> ArticleRow:
        return ArticleRow(
            article_id=self.article_id,
            url=self.url,
            source=self.source,
            title=self.title,
            published=self.published,
            modified=self.modified,
            authors="; ".join(self.authors) or None,
            source_agency=self.source_agency,
            language=self.language,
            word_count=self.word_count,
            status=self.status,
            duplicate_of=self.duplicate_of,
            education=self.education,
            education_topics="; ".join(self.education_topics) or None,
            text=self.text,
            content_sha1=self.content_sha1,
            fetched_at=self.fetched_at,
            raw_ref=self.raw_ref,
        )


# --- table rows -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleRow:
    article_id: str = col("string", "Stable id: sha1 of the canonical URL (of the text when no URL), 16 hex", "1f2d184caed9bfe9")
    url: str | None = col("string", "Canonical URL of the page", "http://en.unesco.kz/a-workshop")
    source: str = col("string", "Site the article comes from (host name, or the input file's folder)", "en.unesco.kz")
    title: str = col("string", "Headline", "A workshop on leveraging ICT ...")
    published: str | None = col("date", "Day the article first appeared, as the publisher states it", "2018-11-09")
    modified: str | None = col("date", "Day the article was last updated, when the page says", "2018-11-12")
    authors: str | None = col("string", "Authors (people only), '; '-joined", "Jane Doe; John Roe")
    source_agency: str | None = col("string", "Wire service credited for the story (AFP, Reuters, NAN ...)", "AFP")
    language: str | None = col("string", "ISO 639-1 code of the body's language", "en")
    word_count: int = col("integer", "Words in the cleaned text", 612)
    status: str = col("string", "ok, empty, too_short, not_an_article, paywalled, not_english, duplicate, "
                      "off_topic (below min_education with only_education) or too_long (only the first "
                      "max_chars characters were read)", "ok")
    duplicate_of: str | None = col("string", "article_id of the earlier copy when status is duplicate", None)
    education: float | None = col("number", "How much the article is about education, 0 to 1 (English articles; "
                                  "a classifier over term density and headline/lead/body words: models/education_*.json)", 0.97)
    education_topics: str | None = col("string", "SDG 4 targets the article touches (models/taxonomy.json codes), "
                                       "'; '-joined; only for articles with education >= 0.5", "4.1; 4.c")
    text: str = col("string", "Cleaned body (title first, blocks separated by blank lines); offsets in other tables point here", "...")
    content_sha1: str = col("string", "sha1 of the normalized text: same text, same hash", "9a0b...")
    fetched_at: str | None = col("datetime", "When the page was fetched (UTC)", "2018-11-10T08:00:00Z")
    raw_ref: str = col("string", "Where the raw page is: archive file and record offset (or line)", "raw/sample/manifest.jsonl#1")


@dataclass(frozen=True, slots=True)
class PersonRow:
    article_id: str = col("string", "Article the person appears in", "1f2d184caed9bfe9")
    person_id: str = col("string", "Stable id from the normalized name (sha1, 12 hex)", "5c1e0f2ab3d4")
    name: str = col("string", "Fullest form of the name in the text, without honorific", "Fengchun Miao")
    honorific: str | None = col("string", "Normalized courtesy/academic prefix (Mr, Ms, Dr, Prof, H.E., Hon ...)", "Mr")
    title: str | None = col("string", "Job title(s) as written, without the organization; several joined with ' and '", "Chief of the Unit for ICT in Education")
    organization: str | None = col("string", "Canonical name of the organization the title is held in", "UNESCO")
    org_id: str | None = col("string", "org_id of that organization in the organizations table", "0f3a9c2d1b7e")
    mention_count: int = col("integer", "Mentions of the person (name forms) in the text", 2)
    sentence: str = col("string", "Sentence of the first mention", "Mr Fengchun Miao, Chief of ...")
    start_char: int = col("integer", "Offset of the first mention in articles.text", 1234)
    end_char: int = col("integer", "End offset of the first mention", 1247)


@dataclass(frozen=True, slots=True)
class OrganizationRow:
    article_id: str = col("string", "Article the organization appears in", "1f2d184caed9bfe9")
    org_id: str = col("string", "Stable id from the normalized canonical name (sha1, 12 hex)", "0f3a9c2d1b7e")
    name: str = col("string", "Canonical long form", "United Nations Educational, Scientific and Cultural Organization")
    aliases: str | None = col("string", "Other forms used in the text (acronyms, short forms), '; '-joined", "UNESCO; UNESCO Headquarters")
    mention_count: int = col("integer", "Mentions (all forms) in the text; 0 for an organization only implied by a person's post (Government of X for its President), whose offsets are then that person's", 7)
    sentence: str = col("string", "Sentence of the first mention", "...")
    start_char: int = col("integer", "Offset of the first mention in articles.text", 310)
    end_char: int = col("integer", "End offset of the first mention", 316)


@dataclass(frozen=True, slots=True)
class PlaceRow:
    article_id: str = col("string", "Article the place appears in", "1f2d184caed9bfe9")
    place_id: str | None = col("string", "GeoNames id when resolved, empty otherwise", "1221874")
    name: str = col("string", "Name as written", "Dushanbe")
    kind: str | None = col("string", "city, country or region", "city")
    country_code: str | None = col("string", "ISO 3166-1 alpha-2 of the country the place is in", "TJ")
    latitude: float | None = col("number", "Latitude (WGS84) when resolved", 38.53575)
    longitude: float | None = col("number", "Longitude (WGS84) when resolved", 68.77905)
    mention_count: int = col("integer", "Mentions in the text", 1)
    sentence: str = col("string", "Sentence of the first mention", "...")
    start_char: int = col("integer", "Offset of the first mention in articles.text", 400)
    end_char: int = col("integer", "End offset of the first mention", 408)


@dataclass(frozen=True, slots=True)
class DateRow:
    article_id: str = col("string", "Article the date appears in", "1f2d184caed9bfe9")
    text: str = col("string", "The date expression as written", "from 22 to 23 October")
    start: str | None = col("date", "First day the expression covers", "2018-10-22")
    end: str | None = col("date", "Last day the expression covers", "2018-10-23")
    kind: str = col("string", "published (the article's date), event (a day, range or month of something) or other (years, academic years)", "event")
    sentence: str = col("string", "Sentence the expression is in (empty for metadata dates)", "...")
    start_char: int | None = col("integer", "Offset in articles.text (empty for metadata dates)", 512)
    end_char: int | None = col("integer", "End offset in articles.text", 533)


@dataclass(frozen=True, slots=True)
class PriorityAreaRow:
    article_id: str = col("string", "Article the list appears in", "1f2d184caed9bfe9")
    position: int = col("integer", "1-based position of the item in its list", 1)
    area: str = col("string", "The item as written, minus list conjunctions", "provision of teaching and learning resources")
    cue: str = col("string", "The phrase that announced the list", "three priority areas")
    sentence: str = col("string", "Sentence (or list) the item is in", "...")
    start_char: int = col("integer", "Offset of the item in articles.text", 2600)
    end_char: int = col("integer", "End offset of the item", 2644)
    theme: str | None = col("string", "SDG 4 target code from models/taxonomy.json, or empty", "4.c")


@dataclass(frozen=True, slots=True)
class ErrorRow:
    source: str = col("string", "The failing document: its archive reference (file#offset, manifest#line) with the "
                      "original URL or file in parentheses when known; the URL of a failed fetch",
                      "ingest-20240309T120000.000000Z-3f2a.warc.gz#5120 (https://example.org/news/1)")
    stage: str = col("string", "Stage that failed: read, clean, extract, write", "clean")
    error: str = col("string", "One-line reason", "empty document: 0 bytes")
    at: str = col("datetime", "When it failed (UTC)", "2024-03-09T12:00:00Z")


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article: the article row plus one list per table."""

    article: ArticleRow
    people: list[PersonRow] = field(default_factory=list)
    organizations: list[OrganizationRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    dates: list[DateRow] = field(default_factory=list)
    priority_areas: list[PriorityAreaRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``edunews extract`` JSON shape: rows with the table columns."""
        return {
            "article": _plain(self.article),
            "people": [_plain(r) for r in self.people],
            "organizations": [_plain(r) for r in self.organizations],
            "places": [_plain(r) for r in self.places],
            "dates": [_plain(r) for r in self.dates],
            "priority_areas": [_plain(r) for r in self.priority_areas],
        }


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(row: Any) -> dict[str, Any]:
    """A row as a dict. Row fields are plain values, so ``dataclasses.asdict``'s recursive
    deep copy (a third of the cost of committing a batch) is not needed."""
    return {name: getattr(row, name) for name in _names(type(row))}


TABLES: dict[str, type] = {
    "articles": ArticleRow,
    "people": PersonRow,
    "organizations": OrganizationRow,
    "places": PlaceRow,
    "dates": DateRow,
    "priority_areas": PriorityAreaRow,
    "errors": ErrorRow,
}
