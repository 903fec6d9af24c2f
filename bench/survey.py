"""The unlabelled survey: what a change does to pages no gold covers, read by eye.

    python bench/survey.py run OUT.json DIR [DIR ...]     # extract every page of the folders
    python bench/survey.py diff BEFORE.json AFTER.json    # pages whose people, orgs, dates or places changed

The yardstick's check half moves for few changes (96 articles), and the tune half is where rules are
read. A change is also run over many pages of other sites before and after it, and the differences
are read one by one: an error the change removes on many unrelated sites is evidence that it
generalizes, a new error is evidence of harm. The fourteenth and fifteenth sessions used the pages of
../shared/data/pubdate-dev and ../shared/data/cleaning-dev and the pages of data/topic whose sources
neither half of tests/fixtures/real has (never the check half's sources, nor data/topic's blind
splits). Each page is extracted as `edunews extract` does; the output keeps people (name, title,
organization), organization names, event dates and places (name, kind, country) per page.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(out: Path, folders: list[Path]) -> int:
    from pipeline.run import extract_files
    from pipeline.settings import Settings

    settings = Settings()
    pages = sorted(p for folder in folders for p in folder.iterdir() if p.is_file())
    rows = []
    for path, ex, _err in extract_files(pages, settings):
        if ex is None:
            continue
        j = ex.to_json()
        rows.append({"file": path.name,
                     "people": [[x["name"], x.get("title"), x.get("organization")] for x in j["people"]],
                     "orgs": [o["name"] for o in j["organizations"]],
                     "dates": [[d.get("text"), d.get("start"), d.get("end")] for d in j["dates"]
                               if d.get("kind") != "published"],
                     "places": [[x["name"], x.get("kind"), x.get("country_code")] for x in j["places"]]})
    out.write_text(json.dumps(rows, indent=0), "utf-8")
    print(f"{len(rows)} of {len(pages)} pages extracted -> {out}")
    return 0


def diff(before: Path, after: Path) -> int:
    a = {r["file"]: r for r in json.loads(before.read_text("utf-8"))}
    b = {r["file"]: r for r in json.loads(after.read_text("utf-8"))}
    changed = 0
    for name in sorted(a.keys() & b.keys()):
        lines = []
        for key in ("people", "orgs", "dates", "places"):
            old = {json.dumps(x) for x in a[name].get(key, [])}
            new = {json.dumps(x) for x in b[name].get(key, [])}
            if old != new:
                lines.append(f"  {key}: - {sorted(old - new)}  + {sorted(new - old)}")
        if lines:
            changed += 1
            print(name, *lines, sep="\n")
    print(f"{changed} of {len(a.keys() & b.keys())} pages changed")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="extract every page of the folders")
    r.add_argument("out", type=Path)
    r.add_argument("folders", type=Path, nargs="+")
    d = sub.add_parser("diff", help="pages whose output changed between two runs")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    return run(args.out, args.folders) if args.cmd == "run" else diff(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
