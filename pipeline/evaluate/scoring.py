"""Per-table scoring of predictions against gold records: score and evaluate."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .matching import _max_matching, _record_unmatched, organization_matches, priority_token_f1, title_matches
from .normalize import _iso_day, _split_aliases, normalize
from .records import ArticleScore, Counts, EvalReport, GoldArticle, load_gold

#: A predicted priority area matches a gold item at this token F1 or above (README).
PRIORITY_F1_THRESHOLD = 0.6


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
    # gold lists the organizations a text names; rows only implied by a post (mention_count 0,
    # "Government of X" for its President) are there for people.org_id joins and are not scored
    preds = [p for p in _rows(pred, "organizations") if p.get("mention_count") != 0]
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
