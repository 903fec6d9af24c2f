"""People (first version: spaCy PERSON entities, merged by name)."""

from __future__ import annotations

from pipeline.extract.base import Context
from pipeline.ids import entity_id
from pipeline.records import PersonRow


def extract(ctx: Context) -> list[PersonRow]:
    seen: dict[str, list[tuple[int, int]]] = {}
    for ent in ctx.doc.ents:
        if ent.label_ == "PERSON":
            seen.setdefault(ent.text, []).append((ent.start_char, ent.end_char))
    rows = []
    for name, spans in seen.items():
        s, e = spans[0]
        rows.append(PersonRow(ctx.article.article_id, entity_id(name), name, None, None, None, None,
                              len(spans), ctx.sentence_text(s), s, e))
    return rows
