"""The report's sections, in order: each turns aggregates into a chart and a table.

Every section is always present; when its data is empty it says so, so a reader can
tell "nothing was found" from "the report forgot to look".
"""

from __future__ import annotations

from html import escape

import pandas as pd

from pipeline.report import charts
from pipeline.report.build import ReportData
from pipeline.report.html import Section, link, nodata, table, text, totals


def summary(data: ReportData) -> Section:
    """Totals, articles by source/language/status, errors, run dates."""
    if not data.totals.get("articles") and not data.totals.get("errors"):
        body = nodata("the tables hold no articles and no errors (run `edunews run` or `edunews process` first)")
    else:
        dates = "".join(
            f"<li><strong>{escape(k)}:</strong> {escape(v) if v else 'unknown'}</li>" for k, v in data.run_dates.items()
        )
        blocks = [
            ("By source", table(data.by_source, ["source", "articles", "ok"], empty="no articles")),
            ("By language", table(data.by_language, ["language", "articles"], empty="no articles")),
            ("By status", table(data.by_status, ["status", "articles"], empty="no articles")),
        ]
        grid = "".join(f"<div><h3>{escape(h)}</h3>{b}</div>" for h, b in blocks)
        errors = (
            table(data.errors, ["stage", "reason", "documents", "example"])
            if not data.errors.empty
            else "<p>No document failed: nothing was lost.</p>"
        )
        body = (
            f"{totals(data.totals)}<h3>Run dates</h3><ul>{dates}</ul>"
            f'<div class="grid">{grid}</div>'
            f"<h3>What was lost and why</h3>"
            f'<p class="lede">Documents that failed, by stage and reason (the errors table).</p>{errors}'
        )
    return Section(
        "summary",
        "Dataset summary",
        "What the archive holds: articles by source, language and status, what was lost and why, and when.",
        body,
    )


def articles_over_time(data: ReportData) -> Section:
    chart = charts.bars_by_month(data.articles_by_month, "articles", "articles-month", "articles")
    undated = ""
    if chart and data.totals.get("articles"):
        dated = int(data.articles_by_month["articles"].sum())
        missing = int(data.totals["articles"]) - dated
        undated = f'<p class="lede">{dated:,} dated articles; {missing:,} without a publication date.</p>'
    return Section(
        "articles-over-time",
        "Articles over time",
        "Articles per month of publication (the publisher's date); articles without a date are not counted.",
        (chart + undated) if chart else nodata("no article has a publication date"),
    )


def events_over_time(data: ReportData) -> Section:
    chart = charts.bars_by_month(data.events_by_month, "events", "events-month", "event dates")
    return Section(
        "events-over-time",
        "Events over time",
        "When the things the articles report happen: event dates in the text, by the month they start.",
        chart or nodata("no event dates were found in the articles"),
    )


def people(data: ReportData) -> Section:
    frame = data.people
    body = nodata("no people were found")
    if not frame.empty:
        chart = charts.hbars(frame["name"].tolist(), frame["articles"].tolist(), "people", "articles naming them")
        body = (chart or "") + table(
            frame,
            ["name", "title", "organization", "articles", "mentions"],
            ["name", "most frequent title", "organization", "articles", "mentions"],
        )
    return Section(
        "people",
        "Top people",
        "The people named in the most articles, with the title and organization most often given to them.",
        body,
    )


def organizations(data: ReportData) -> Section:
    frame = data.organizations
    body = nodata("no organizations were found")
    if not frame.empty:
        chart = charts.hbars(frame["name"].tolist(), frame["articles"].tolist(), "orgs", "articles naming them")
        body = (chart or "") + table(frame, ["name", "aliases", "articles", "mentions"])
    return Section(
        "organizations",
        "Top organizations",
        "The organizations named in the most articles, with the short forms and acronyms the texts use.",
        body,
    )


def places(data: ReportData) -> Section:
    frame = data.countries
    body = nodata("no place was resolved to a country")
    if not frame.empty:
        chart = charts.place_map(frame, data.cities)
        body = (chart or nodata("no coordinates for the places found")) + table(
            frame.head(25),
            ["country", "country_code", "articles", "mentions", "top places"],
            ["country", "code", "articles", "mentions", "most named cities"],
        )
    return Section(
        "places",
        "Places",
        "Where the news is: each country sized by the articles naming a place in it, at its places' median "
        "latitude/longitude (grey dots: cities).",
        body,
    )


def priority_areas(data: ReportData, labels: dict[str, str]) -> Section:
    themes = data.themes
    body = nodata("no priority areas were found")
    if not themes.empty:
        names = [f"{t} {lab}".strip() for t, lab in zip(themes["theme"], themes["label"], strict=True)]
        chart = charts.hbars(names, themes["areas"].tolist(), "themes", "priority areas")
        heat = charts.heatmap(data.theme_by_country, labels)
        body = (
            "<h3>By theme (SDG 4 target)</h3>"
            + (chart or "")
            + table(themes, ["theme", "label", "areas", "articles", "example"],
                    ["theme", "SDG 4 target", "areas", "articles", "most frequent wording"])
            + "<h3>By country</h3>"
            + '<p class="lede">Each article counts under its main country (the one its places name most).</p>'
            + (heat or nodata("no priority area comes from an article with a known country"))
        )
    return Section(
        "priority-areas",
        "Priority areas",
        "The priorities that articles enumerate, grouped by SDG 4 target (theme) and by country.",
        body,
    )


def recent(data: ReportData) -> Section:
    frame = data.recent
    body = nodata("no articles")
    if not frame.empty:
        body = table(
            frame,
            ["published", "title", "source", "language", "status"],
            cells={"title": lambda row: link(row["url"], row["title"] if not pd.isna(row["title"]) else row["url"]),
                   "published": lambda row: f'<span class="nowrap">{text(row["published"]) or "undated"}</span>'},
        )
    return Section(
        "recent",
        "Most recent articles",
        f"The {len(frame) or 'no'} newest articles by publication date (the fetch date when undated), "
        "linked to their pages.",
        body,
    )


def all_sections(data: ReportData, labels: dict[str, str]) -> list[Section]:
    """Every section, in reading order."""
    return [
        summary(data),
        articles_over_time(data),
        events_over_time(data),
        people(data),
        organizations(data),
        places(data),
        priority_areas(data, labels),
        recent(data),
    ]
