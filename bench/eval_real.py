"""The real-page yardstick: extraction quality on published pages that no rule was tuned on.

``tests/fixtures/real/`` holds real published education and development news pages
(copied with their chrome from public repositories; ``sources.jsonl`` gives repository,
path, commit and URL), annotated under the gold-dev guidelines before any extractor
ran on them, split by source into two halves:

- ``tune``: read its failures, improve the extractors in general ways;
- ``check``: scored only when a change is finished, never read. This script prints
  only its totals, never its per-article failures, and ``--log`` appends every score
  with its date and commit to ``bench/real_scores.jsonl`` so the history is visible.

Run:  python bench/eval_real.py [--set tune|check|both] [--by-form] [--html-as-text] [--log]
Each set is printed beside the naive baseline (trafilatura + spaCy entities as they come).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # score this checkout's pipeline (a worktree's), not the one pip installed
sys.path.insert(0, str(ROOT / "bench"))  # bench_textforms' text forms
REAL = ROOT / "tests" / "fixtures" / "real"
LOG = ROOT / "bench" / "real_scores.jsonl"
COLUMNS = ("people", "person_title", "person_organization", "organizations", "places", "event_dates",
           "priority_areas")


def _commit() -> str:
    """The commit of the code that is scored (the imported ``pipeline``'s checkout, maybe a worktree)."""
    import pipeline

    code = Path(pipeline.__file__).resolve().parents[1]
    out = subprocess.run(["git", "-C", str(code), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    branch = subprocess.run(["git", "-C", str(code), "branch", "--show-current"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(code), "status", "--porcelain", "--", "pipeline", "models"],
                           capture_output=True, text=True).stdout.strip()
    return f"{out.stdout.strip()}{'+dirty' if dirty else ''} ({branch.stdout.strip() or 'detached'})"


def summary(report_dict: dict[str, Any]) -> dict[str, Any]:
    """The numbers the README table shows: F1 per table, person+org precision, country accuracy, pub. dates."""
    tables = report_dict["tables"]
    out: dict[str, Any] = {t: tables[t]["f1"] for t in COLUMNS}
    out["person_organization_precision"] = tables["person_organization"]["precision"]
    out["country_accuracy"] = report_dict["places"]["country_code"]["accuracy"]
    pub = report_dict["publication_date"]
    out["published"] = f"{pub['dated_correct']}/{pub['dated']}"
    out["published_invented"] = pub["undated_predicted"]
    out["articles"] = report_dict["articles_scored"]
    return out


def score_set(name: str) -> dict[str, Any]:
    """Score one half with edunews and with the naive baseline; totals only."""
    from pipeline.evaluate import evaluate, naive_baseline
    from pipeline.evaluate_cli import pipeline_predict
    from pipeline.settings import Settings

    gold = REAL / name
    ours = evaluate(gold, pipeline_predict(Settings()))
    base = evaluate(gold, naive_baseline)
    sources = {json.loads(line)["source_key"] for line in (gold / "sources.jsonl").read_text("utf-8").splitlines()
               if line.strip()}
    return {"set": name, "sources": len(sources), "failed_articles": len(ours.errors),
            "edunews": summary(ours.to_dict()), "baseline": summary(base.to_dict())}


def _predict(predict: Any, key: str, path: Path | None, url: str | None,
             predicted: dict[str, Any], errors: dict[str, str]) -> Any:
    """Run ``predict`` for one article into ``predicted``; a failure is an ``errors`` entry and counts
    as an empty prediction, as in ``evaluate()``."""
    try:
        predicted[key] = predict(path, url) if path else {}
    except Exception as exc:
        errors[key] = f"{type(exc).__name__}: {exc}"
        return None
    return predicted[key]


def people_by_form(name: str) -> dict[str, dict[str, Any]]:
    """People precision/recall/F1 of one half per input form: HTML pages against text forms (md, txt).

    Issue 16 asks that text-form articles lose no more people than HTML ones; this scores each
    group's totals (never per-article failures), so it may be run on the check half.
    """
    from pipeline.evaluate import load_gold, score
    from pipeline.evaluate_cli import pipeline_predict
    from pipeline.settings import Settings

    gold = load_gold(REAL / name)
    predict = pipeline_predict(Settings())
    predicted: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for item in gold:
        _predict(predict, item.id, item.file, item.url, predicted, errors)
    out: dict[str, dict[str, Any]] = {}
    for form, suffixes in (("html", {".html", ".htm"}), ("text (md, txt)", {".md", ".txt"})):
        items = [g for g in gold if g.file is not None and g.file.suffix.lower() in suffixes]
        people = score(items, predicted, errors=errors).to_dict()["tables"]["people"]
        out[form] = {"articles": len(items), **{k: people[k] for k in ("precision", "recall", "f1")}}
    return out


def html_as_text(name: str) -> dict[str, dict[str, Any]]:
    """People precision/recall, event dates and publication dates of one half's HTML articles, and of
    the same articles written as text.

    The natural text-form articles of a half are other articles than its HTML ones (other sources,
    other writing), so ``people_by_form`` compares forms and contents at once. Here each HTML
    article's cleaned title, its publication date as a date line and its body are written out in
    the forms of ``bench_textforms.py`` (a scrape dump, hard-wrapped and paged like a PDF's text,
    markdown), extracted like any text file and scored against the same gold: what the text
    route itself loses. Totals only, so it may be run on the check half.
    """
    import tempfile

    from bench_textforms import forms

    from pipeline.evaluate import load_gold, score
    from pipeline.evaluate_cli import pipeline_predict
    from pipeline.settings import Settings

    gold = [g for g in load_gold(REAL / name) if g.file is not None and g.file.suffix.lower() in {".html", ".htm"}]
    predict = pipeline_predict(Settings())
    predicted: dict[str, dict[str, Any]] = {"html": {}}
    errors: dict[str, dict[str, str]] = {"html": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for item in gold:
            got = _predict(predict, item.id, item.file, item.url, predicted["html"], errors["html"])
            if got is None:
                continue
            title = got["article"]["title"] or ""
            paras = [p for p in got["article"]["text"].split("\n\n") if p.strip()]
            if paras and paras[0].strip() == title.strip():
                paras = paras[1:]
            # the page's date as the date line a text copy carries under its headline ("May 26, 2020")
            published = got["article"].get("published")
            dateline = [datetime.fromisoformat(published[:10]).strftime("%B %-d, %Y")] if published else []
            for form, (text, ctype) in forms(title, "\n".join([*dateline, *paras])).items():
                path = Path(tmp) / f"{item.id}.{form}.{'md' if ctype == 'text/markdown' else 'txt'}"
                path.write_text(text, encoding="utf-8")
                _predict(predict, item.id, path, item.url, predicted.setdefault(form, {}), errors.setdefault(form, {}))
    out: dict[str, dict[str, Any]] = {}
    for form, preds in predicted.items():
        report = score(gold, preds, errors=errors.get(form, {})).to_dict()
        people, dates = report["tables"]["people"], report["tables"]["event_dates"]
        pub = report["publication_date"]
        out[form] = {"articles": len(gold), **{k: people[k] for k in ("precision", "recall", "f1")},
                     "event_dates_f1": dates["f1"], "published": f"{pub['dated_correct']}/{pub['dated']}"}
    return out


def _row(label: str, s: dict[str, Any]) -> str:
    cells = [f"{s[t]:.2f}" for t in COLUMNS]
    cells[2] += f" (P {s['person_organization_precision']:.2f})"
    cells.insert(5, f"{s['country_accuracy']:.2f}")
    cells.append(f"{s['published']}, {s['published_invented']} invented")
    return f"| {label} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("tune", "check", "both"), default="tune")
    ap.add_argument("--by-form", action="store_true",
                    help="also print people precision/recall per input form (HTML vs md/txt)")
    ap.add_argument("--html-as-text", action="store_true",
                    help="also print people precision/recall of the HTML articles written out as text forms")
    ap.add_argument("--log", action="store_true", help=f"append the scores to {LOG.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    names = ("tune", "check") if args.set == "both" else (args.set,)
    print("| set | people | person+title | person+org | orgs | places | country acc. | event dates | "
          "priority areas | published |")
    print("| --- " * 10 + "|")
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    commit = _commit()
    for name in names:
        res = score_set(name)
        label = f"real {name} ({res['edunews']['articles']} articles, {res['sources']} sources)"
        print(_row(label, res["edunews"]))
        print(_row(f"real {name}, naive baseline", res["baseline"]))
        if args.by_form:
            for form, r in people_by_form(name).items():
                print(f"  {name}, people in {form}: {r['articles']} articles, P {r['precision']:.2f} "
                      f"R {r['recall']:.2f} F1 {r['f1']:.2f}")
        if args.html_as_text:
            for form, r in html_as_text(name).items():
                print(f"  {name}, HTML articles as {form}: {r['articles']} articles, people P {r['precision']:.3f} "
                      f"R {r['recall']:.3f} F1 {r['f1']:.3f}; event dates F1 {r['event_dates_f1']:.3f}; "
                      f"published {r['published']}")
        if args.log:
            with LOG.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"at": stamp, "commit": commit, **res}, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
