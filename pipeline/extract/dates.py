"""Dates (first version: the publication date only)."""

from __future__ import annotations

from pipeline.extract.base import Context
from pipeline.records import Article, DateRow


def published_rows(article: Article) -> list[DateRow]:
    """The article's own date as a ``published`` row (no offsets: it comes from metadata)."""
    if not article.published:
        return []
    return [DateRow(article.article_id, article.published, article.published, article.published,
                    "published", "", None, None)]


def extract(ctx: Context) -> list[DateRow]:
    return published_rows(ctx.article)
