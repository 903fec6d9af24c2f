"""edunews: an NLP extraction pipeline for education news.

Public API: ``clean_html`` (HTML -> Article), ``extract_articles`` (Articles ->
Extractions), ``load_tables`` (the output tables as typed DataFrames),
``load_settings`` and the record types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["clean_html", "extract_articles", "load_tables", "load_settings", "Article", "Extraction", "RawPage"]
__version__ = "0.1.0"

_LAZY = {
    "clean_html": "pipeline.clean",
    "extract_articles": "pipeline.extract",
    "load_tables": "pipeline.tables",
    "load_settings": "pipeline.settings",
    "Article": "pipeline.records",
    "Extraction": "pipeline.records",
    "RawPage": "pipeline.records",
}

if TYPE_CHECKING:
    from pipeline.clean import clean_html
    from pipeline.extract import extract_articles
    from pipeline.records import Article, Extraction, RawPage
    from pipeline.settings import load_settings
    from pipeline.tables import load_tables


def __getattr__(name: str) -> Any:
    """Import lazily: `edunews --help` should not pay for loading spaCy."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
