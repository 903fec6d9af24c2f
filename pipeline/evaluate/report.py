"""Text rendering of an evaluation report: format_report."""

from __future__ import annotations

from .records import TABLES, EvalReport


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
