"""Places (first version: spaCy GPE/LOC entities, unresolved)."""

from __future__ import annotations

from pipeline.extract.base import Context
from pipeline.records import PlaceRow


def extract(ctx: Context) -> list[PlaceRow]:
    seen: dict[str, list[tuple[int, int]]] = {}
    for ent in ctx.doc.ents:
        if ent.label_ in {"GPE", "LOC"}:
            seen.setdefault(ent.text, []).append((ent.start_char, ent.end_char))
    rows = []
    for name, spans in seen.items():
        s, e = spans[0]
        rows.append(PlaceRow(ctx.article.article_id, None, name, None, None, None, None, len(spans),
                             ctx.sentence_text(s), s, e))
    return rows
