"""Organizations (first version: spaCy ORG entities, merged by name)."""

from __future__ import annotations

from pipeline.extract.base import Context, OrgEntity
from pipeline.ids import entity_id
from pipeline.records import OrganizationRow


def extract(ctx: Context) -> list[OrganizationRow]:
    by_name: dict[str, OrgEntity] = {}
    for ent in ctx.doc.ents:
        if ent.label_ == "ORG":
            org = by_name.setdefault(ent.text, OrgEntity(ent.text))
            org.spans.append((ent.start_char, ent.end_char))
    ctx.orgs = list(by_name.values())
    rows = []
    for org in ctx.orgs:
        s, e = org.spans[0]
        rows.append(OrganizationRow(ctx.article.article_id, entity_id(org.name), org.name,
                                    "; ".join(org.aliases) or None, len(org.spans),
                                    ctx.sentence_text(s), s, e))
    return rows
