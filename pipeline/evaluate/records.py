"""Scored tables, count and report dataclasses, and the gold-set loader."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .normalize import _iso_day

#: Scored tables, in report order: key -> label shown to users.
TABLES: dict[str, str] = {
    "people": "people",
    "person_title": "person+title",
    "person_organization": "person+organization",
    "organizations": "organizations",
    "places": "places",
    "event_dates": "event dates",
    "publication_date": "publication date",
    "priority_areas": "priority areas",
}


@dataclass
class Counts:
    """True positives, false positives and false negatives of one table.

    Precision and recall of an empty side follow one convention everywhere: nothing
    predicted against nothing expected is perfect (1.0); otherwise a zero denominator
    gives 0.0, so predicting nothing never looks precise.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ArticleScore:
    """Everything scored for one gold article, kept so a user can read the failures.

    ``false_positives`` / ``false_negatives`` hold the unmatched strings per table;
    ``attribute_errors`` the matched rows whose attributes are wrong (a person's title
    or organization, a place's kind or country code).
    """

    article_id: str
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TABLES})
    false_positives: dict[str, list[str]] = field(default_factory=dict)
    false_negatives: dict[str, list[str]] = field(default_factory=dict)
    attribute_errors: list[str] = field(default_factory=list)
    place_kind: tuple[int, int] = (0, 0)  # (correct, matched)
    place_country: tuple[int, int] = (0, 0)
    published_predicted: str | None = None
    published_gold: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "counts": {t: c.to_dict() for t, c in self.counts.items()},
            "false_positives": {t: v for t, v in self.false_positives.items() if v},
            "false_negatives": {t: v for t, v in self.false_negatives.items() if v},
            "attribute_errors": self.attribute_errors,
            "place_kind": {"correct": self.place_kind[0], "matched": self.place_kind[1]},
            "place_country_code": {
                "correct": self.place_country[0],
                "matched": self.place_country[1],
            },
            "published": {"predicted": self.published_predicted, "gold": self.published_gold},
            "error": self.error,
        }


@dataclass
class EvalReport:
    """Micro-averaged scores of a gold set, with the per-article scores they sum."""

    articles: list[ArticleScore]

    @property
    def totals(self) -> dict[str, Counts]:
        """TP/FP/FN summed over articles, per table (micro-average)."""
        total = {t: Counts() for t in TABLES}
        for art in self.articles:
            for table, counts in art.counts.items():
                total[table] = total[table] + counts
        return total

    def table(self, name: str) -> Counts:
        """Summed counts of one table (a key of :data:`TABLES`)."""
        return self.totals[name]

    @property
    def place_kind_accuracy(self) -> tuple[int, int]:
        """(correct, matched) place kinds over the places matched by name."""
        return (
            sum(a.place_kind[0] for a in self.articles),
            sum(a.place_kind[1] for a in self.articles),
        )

    @property
    def place_country_accuracy(self) -> tuple[int, int]:
        """(correct, matched) country codes over the places matched by name."""
        return (
            sum(a.place_country[0] for a in self.articles),
            sum(a.place_country[1] for a in self.articles),
        )

    @property
    def publication(self) -> dict[str, int]:
        """Publication-date accuracy as the README counts it.

        ``dated_correct`` of ``dated`` articles (those with a gold date) are right;
        ``undated_predicted`` of the ``undated`` pages were given a date, which is wrong
        by definition. ``accuracy`` in :meth:`to_dict` divides the right ones by all
        the judged ones (dated articles plus undated pages that got a date).
        """
        dated = [a for a in self.articles if a.published_gold]
        undated = [a for a in self.articles if not a.published_gold]
        return {
            "dated": len(dated),
            "dated_correct": sum(a.published_predicted == a.published_gold for a in dated),
            "undated": len(undated),
            "undated_predicted": sum(a.published_predicted is not None for a in undated),
        }

    @property
    def errors(self) -> dict[str, str]:
        """Articles whose prediction failed or was missing (scored as empty)."""
        return {a.article_id: a.error for a in self.articles if a.error}

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (`edunews eval --format json`)."""
        pub = self.publication
        judged = pub["dated"] + pub["undated_predicted"]
        kind, country = self.place_kind_accuracy, self.place_country_accuracy
        return {
            "articles_scored": len(self.articles),
            "tables": {t: c.to_dict() for t, c in self.totals.items()},
            "places": {
                "kind": _accuracy_dict(*kind),
                "country_code": _accuracy_dict(*country),
            },
            "publication_date": {
                **pub,
                "accuracy": round(pub["dated_correct"] / judged, 4) if judged else 1.0,
            },
            "errors": self.errors,
            "articles": [a.to_dict() for a in self.articles],
        }


def _accuracy_dict(correct: int, total: int) -> dict[str, float | int]:
    return {
        "correct": correct,
        "total": total,
        "accuracy": round(correct / total, 4) if total else 0.0,
    }


@dataclass
class GoldArticle:
    """One gold record joined with its source (file to run the extractor on, URL)."""

    id: str
    file: Path | None
    url: str | None
    publication_date: str | None
    dates: list[dict[str, Any]]
    people: list[dict[str, Any]]
    organizations: list[dict[str, Any]]
    places: list[dict[str, Any]]
    priority_areas: list[str]
    notes: str = ""
    source: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The gold record as it appears in gold.jsonl (what :func:`score` reads)."""
        return {
            "id": self.id,
            "publication_date": self.publication_date,
            "dates": self.dates,
            "people": self.people,
            "organizations": self.organizations,
            "places": self.places,
            "priority_areas": self.priority_areas,
            "notes": self.notes,
        }


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise FileNotFoundError(f"gold set: missing {path}")
    rows: list[dict[str, Any]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or "id" not in row:
            raise ValueError(f"{path}:{lineno}: expected an object with an 'id'")
        rows.append(row)
    return rows


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Read ``gold.jsonl`` and join each record with its ``sources.jsonl`` row.

    File paths in sources.jsonl are relative to the gold folder, so a gold set can be
    copied anywhere. An article without a source row keeps ``file=None``; evaluate()
    then scores it as an empty prediction with an error, rather than dropping it
    (dropping would silently raise the scores).
    """
    gold_dir = Path(gold_dir)
    records = _read_jsonl(gold_dir / "gold.jsonl")
    sources_path = gold_dir / "sources.jsonl"
    sources = {r["id"]: r for r in _read_jsonl(sources_path)} if sources_path.exists() else {}
    seen: set[str] = set()
    out: list[GoldArticle] = []
    for rec in records:
        gid = str(rec["id"])
        if gid in seen:
            raise ValueError(f"gold set: duplicate id {gid!r}")
        seen.add(gid)
        src = sources.get(gid, {})
        out.append(
            GoldArticle(
                id=gid,
                file=gold_dir / src["file"] if src.get("file") else None,
                url=src.get("url") or None,
                publication_date=_iso_day(rec.get("publication_date")),
                dates=list(rec.get("dates") or []),
                people=list(rec.get("people") or []),
                organizations=list(rec.get("organizations") or []),
                places=list(rec.get("places") or []),
                priority_areas=list(rec.get("priority_areas") or []),
                notes=rec.get("notes") or "",
                source=dict(src),
            )
        )
    return out
