"""Priority areas (first version: none)."""

from __future__ import annotations

from pipeline.extract.base import Context
from pipeline.records import PriorityAreaRow


def extract(ctx: Context) -> list[PriorityAreaRow]:
    return []
