"""Aggregate the tables into the small frames the report shows.

Everything here is vectorized pandas over the typed tables of ``load_tables``: the
report must stay fast at 100,000 articles, so charts and HTML only ever see the
aggregates (a few hundred rows at most), never the raw tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TOP_N = 20
RECENT_N = 50

# Short names of the SDG 4 targets, used when models/taxonomy.json gives no label.
SDG4_TARGETS = {
    "4.1": "Free primary and secondary education",
    "4.2": "Early childhood development",
    "4.3": "TVET and higher education",
    "4.4": "Skills for work",
    "4.5": "Equity and inclusion",
    "4.6": "Literacy and numeracy",
    "4.7": "Education for sustainable development",
    "4.a": "Learning environments and facilities",
    "4.b": "Scholarships",
    "4.c": "Teachers",
}


@dataclass
class ReportData:
    """Every aggregate the report shows; empty frames mean "no data" for that section."""

    totals: dict[str, int | str] = field(default_factory=dict)
    by_source: pd.DataFrame = field(default_factory=pd.DataFrame)
    by_language: pd.DataFrame = field(default_factory=pd.DataFrame)
    by_status: pd.DataFrame = field(default_factory=pd.DataFrame)
    errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    run_dates: dict[str, str] = field(default_factory=dict)
    articles_by_month: pd.DataFrame = field(default_factory=pd.DataFrame)
    events_by_month: pd.DataFrame = field(default_factory=pd.DataFrame)
    people: pd.DataFrame = field(default_factory=pd.DataFrame)
    organizations: pd.DataFrame = field(default_factory=pd.DataFrame)
    countries: pd.DataFrame = field(default_factory=pd.DataFrame)
    cities: pd.DataFrame = field(default_factory=pd.DataFrame)
    themes: pd.DataFrame = field(default_factory=pd.DataFrame)
    theme_by_country: pd.DataFrame = field(default_factory=pd.DataFrame)
    recent: pd.DataFrame = field(default_factory=pd.DataFrame)


def theme_labels(models_dir: Path | None) -> dict[str, str]:
    """Theme code -> label, from models/taxonomy.json when it exists (any of the usual JSON shapes)."""
    labels = dict(SDG4_TARGETS)
    path = Path(models_dir) / "taxonomy.json" if models_dir else None
    if path is None or not path.is_file():
        return labels
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return labels
    entries = data.get("targets", data.get("themes", data)) if isinstance(data, dict) else data
    items = entries.items() if isinstance(entries, dict) else ((None, e) for e in entries or [])
    for code, entry in items:
        if isinstance(entry, str) and code:
            labels[str(code)] = entry
        elif isinstance(entry, dict):
            key = entry.get("code") or entry.get("id") or code
            label = entry.get("label") or entry.get("name") or entry.get("title") or entry.get("short")
            if key and isinstance(label, str):
                labels[str(key)] = label
    return labels


def country_name(code: str) -> str:
    """English short name of an ISO 3166-1 alpha-2 code (the code itself when unknown)."""
    import pycountry

    found = pycountry.countries.get(alpha_2=str(code).upper()) if code else None
    if found is None:
        return str(code)
    return getattr(found, "common_name", None) or found.name


def _count(series: pd.Series, name: str) -> pd.DataFrame:
    """Value counts as a two-column frame, missing values shown as "(none)"."""
    counts = series.astype("string").fillna("(none)").value_counts(sort=False)
    frame = counts.rename_axis(name).reset_index(name="articles")
    return frame.sort_values(["articles", name], ascending=[False, True], ignore_index=True)


def _span(series: pd.Series) -> str:
    """"first … last" of a datetime column, or empty."""
    series = series.dropna()
    if series.empty:
        return ""
    first, last = series.min(), series.max()
    fmt = "%Y-%m-%d %H:%M UTC" if getattr(series.dt, "tz", None) is not None else "%Y-%m-%d"
    return first.strftime(fmt) if first == last else f"{first.strftime(fmt)} to {last.strftime(fmt)}"


def _mode_per_key(frame: pd.DataFrame, key: str, column: str) -> pd.Series:
    """Most frequent non-empty ``column`` per ``key`` (ties: alphabetical), vectorized."""
    pairs = frame[[key, column]].dropna()
    if pairs.empty:
        return pd.Series(dtype="string")
    counts = pairs.value_counts().rename("n").reset_index()
    counts = counts.sort_values([key, "n", column], ascending=[True, False, True])
    return counts.drop_duplicates(key).set_index(key)[column]


def _by_month(dates: pd.Series, label: str) -> pd.DataFrame:
    """Counts per calendar month, with empty months filled so the time axis is honest."""
    dates = dates.dropna()
    if dates.empty:
        return pd.DataFrame(columns=["month", label])
    months = dates.dt.to_period("M")
    counts = months.value_counts().sort_index()
    full = pd.period_range(counts.index.min(), counts.index.max(), freq="M")
    counts = counts.reindex(full, fill_value=0)
    return pd.DataFrame({"month": counts.index.to_timestamp(), label: counts.to_numpy()})


def summarize_dataset(tables: dict[str, pd.DataFrame], data: ReportData) -> None:
    """Totals, articles by source/language/status, errors by stage and reason, run dates."""
    arts, errors = tables["articles"], tables["errors"]
    ok = arts["status"] == "ok"
    data.totals = {
        "articles": len(arts),
        "ok articles": int(ok.sum()),
        "sources": int(arts["source"].nunique()),
        "people": int(tables["people"]["person_id"].nunique()),
        "organizations": int(tables["organizations"]["org_id"].nunique()),
        "places": int(tables["places"]["name"].nunique()),
        "priority areas": len(tables["priority_areas"]),
        "errors": len(errors),
    }
    off_topic = int((arts["status"] == "off_topic").sum())
    if off_topic:  # only with --only-education: articles not about education, kept but not extracted
        data.totals["off topic (not education)"] = off_topic
    if not arts.empty:
        flagged = arts.assign(source=arts["source"].fillna("(none)"), ok=ok.fillna(False).astype(int))
        by_source = flagged.groupby("source", sort=False).agg(articles=("article_id", "size"), ok=("ok", "sum"))
        data.by_source = (
            by_source.reset_index().sort_values(["articles", "source"], ascending=[False, True]).head(TOP_N)
        ).reset_index(drop=True)
        data.by_language = _count(arts["language"], "language").head(TOP_N)
        data.by_status = _count(arts["status"], "status")
    if not errors.empty:
        reason = errors["error"].fillna("").str.split(":", n=1).str[0].str.slice(0, 80)
        grouped = errors.assign(reason=reason).groupby(["stage", "reason"], dropna=False)
        data.errors = (
            grouped.agg(documents=("source", "size"), example=("source", "first"))
            .reset_index()
            .sort_values(["documents", "stage", "reason"], ascending=[False, True, True])
            .head(TOP_N)
            .reset_index(drop=True)
        )
    data.run_dates = {
        "published": _span(arts["published"]),
        "fetched": _span(arts["fetched_at"]),
        "errors recorded": _span(errors["at"]),
    }


def top_people(people: pd.DataFrame) -> pd.DataFrame:
    """People in the most articles, with their most frequent name form, title and organization."""
    if people.empty:
        return pd.DataFrame()
    grouped = people.groupby("person_id").agg(
        articles=("article_id", "nunique"), mentions=("mention_count", "sum")
    )
    top = grouped.sort_values(["articles", "mentions"], ascending=False).head(TOP_N)
    rows = people[people["person_id"].isin(top.index)]
    top["name"] = _mode_per_key(rows, "person_id", "name")
    top["title"] = _mode_per_key(rows, "person_id", "title")
    top["organization"] = _mode_per_key(rows, "person_id", "organization")
    top = top.sort_values(["articles", "mentions", "name"], ascending=[False, False, True])
    return top.reset_index()[["name", "title", "organization", "articles", "mentions"]]


def top_organizations(orgs: pd.DataFrame) -> pd.DataFrame:
    """Organizations in the most articles, with the aliases the texts use for them."""
    if orgs.empty:
        return pd.DataFrame()
    grouped = orgs.groupby("org_id").agg(articles=("article_id", "nunique"), mentions=("mention_count", "sum"))
    top = grouped.sort_values(["articles", "mentions"], ascending=False).head(TOP_N)
    rows = orgs[orgs["org_id"].isin(top.index)]
    top["name"] = _mode_per_key(rows, "org_id", "name")
    aliases = rows[["org_id", "aliases"]].dropna()
    aliases = aliases.assign(alias=aliases["aliases"].str.split(";")).explode("alias")
    aliases["alias"] = aliases["alias"].str.strip()
    aliases = aliases[aliases["alias"].fillna("") != ""]
    counts = aliases.groupby(["org_id", "alias"]).size().rename("n").reset_index()
    counts = counts.sort_values(["org_id", "n", "alias"], ascending=[True, False, True])
    top["aliases"] = counts.groupby("org_id")["alias"].agg(lambda s: "; ".join(s.head(6)))
    top = top.sort_values(["articles", "mentions", "name"], ascending=[False, False, True])
    return top.reset_index()[["name", "aliases", "articles", "mentions"]]


def place_aggregates(places: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per country: articles, position (median of its resolved places), top cities; and the cities to plot."""
    located = places.dropna(subset=["country_code"])
    if located.empty:
        return pd.DataFrame(), pd.DataFrame()
    countries = located.groupby("country_code").agg(
        articles=("article_id", "nunique"),
        mentions=("mention_count", "sum"),
        latitude=("latitude", "median"),
        longitude=("longitude", "median"),
    )
    cities = located[located["kind"] == "city"]
    city_counts = (
        cities.groupby(["country_code", "name"]).agg(
            articles=("article_id", "nunique"), latitude=("latitude", "median"), longitude=("longitude", "median")
        )
    ).reset_index().sort_values(["articles", "name"], ascending=[False, True])
    countries["top places"] = city_counts.groupby("country_code")["name"].agg(lambda s: ", ".join(s.head(5)))
    countries = countries.sort_values(["articles", "mentions"], ascending=False).reset_index()
    countries.insert(1, "country", countries["country_code"].map(country_name))
    countries["latitude"] = countries["latitude"].astype("float64")
    countries["longitude"] = countries["longitude"].astype("float64")
    city_points = city_counts.dropna(subset=["latitude", "longitude"]).head(2000).reset_index(drop=True)
    return countries, city_points


def article_countries(places: pd.DataFrame) -> pd.Series:
    """The main country of each article: the one its places mention most (ties: alphabetical)."""
    located = places.dropna(subset=["country_code"])
    if located.empty:
        return pd.Series(dtype="string")
    per = located.groupby(["article_id", "country_code"])["mention_count"].sum().rename("n").reset_index()
    per = per.sort_values(["article_id", "n", "country_code"], ascending=[True, False, True])
    return per.drop_duplicates("article_id").set_index("article_id")["country_code"]


def priority_aggregates(
    areas: pd.DataFrame, places: pd.DataFrame, labels: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Priority areas per theme (with an example), and a theme x country count matrix (top countries)."""
    if areas.empty:
        return pd.DataFrame(), pd.DataFrame()
    theme = areas["theme"].astype("string").str.strip().replace("", pd.NA).fillna("(no theme)")
    frame = areas.assign(theme=theme)
    themes = frame.groupby("theme").agg(areas=("area", "size"), articles=("article_id", "nunique"))
    themes["label"] = [labels.get(code, "") if code != "(no theme)" else "not matched" for code in themes.index]
    themes["example"] = _mode_per_key(frame, "theme", "area")
    themes = themes.sort_values(["areas", "theme"], ascending=[False, True]).reset_index()
    main = article_countries(places)
    frame = frame.assign(country=frame["article_id"].map(main).astype("string").fillna("(none)"))
    matrix = pd.crosstab(frame["theme"], frame["country"])
    if "(none)" in matrix.columns and matrix.shape[1] > 1:
        matrix = matrix.drop(columns="(none)")
    top_cols = matrix.sum().sort_values(ascending=False).head(15).index
    matrix = matrix[top_cols].loc[themes["theme"].head(15)]
    return themes[["theme", "label", "areas", "articles", "example"]], matrix


def recent_articles(arts: pd.DataFrame) -> pd.DataFrame:
    """The newest articles (by publication day, then fetch time), with the fields the table links."""
    if arts.empty:
        return pd.DataFrame()
    keyed = arts.assign(_day=arts["published"].fillna(arts["fetched_at"].dt.tz_localize(None).dt.normalize()))
    cols = ["published", "title", "url", "source", "language", "status"]
    recent = keyed.sort_values(["_day", "fetched_at", "article_id"], ascending=[False, False, True], na_position="last")
    return recent.head(RECENT_N)[cols].reset_index(drop=True)


def build_data(tables: dict[str, pd.DataFrame], models_dir: Path | None = None) -> ReportData:
    """All aggregates for the report from the typed tables of ``load_tables``."""
    data = ReportData()
    summarize_dataset(tables, data)
    data.articles_by_month = _by_month(tables["articles"]["published"], "articles")
    dates = tables["dates"]
    data.events_by_month = _by_month(dates.loc[dates["kind"] == "event", "start"], "events")
    data.people = top_people(tables["people"])
    data.organizations = top_organizations(tables["organizations"])
    data.countries, data.cities = place_aggregates(tables["places"])
    data.themes, data.theme_by_country = priority_aggregates(
        tables["priority_areas"], tables["places"], theme_labels(models_dir)
    )
    data.recent = recent_articles(tables["articles"])
    return data
