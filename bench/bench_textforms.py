"""People found in text forms of real articles vs their HTML pages (issue 16's check).

The 90 pages of ../shared/data/cleaning-dev have the real HTML and a hand-made article body.
Each body is written out in the forms analysts' archives have (title + one line per paragraph
without blank lines, the same with CRLF, no blank line after the title, hard-wrapped at 72
columns with end-of-line hyphenation and breaks after a word's own hyphen ("Baffoe-" | "Bonnie"),
page headers and page numbers, and markdown) and cleaned
and extracted like any text file; the people found are compared with those of the HTML page,
counting only names that appear in the hand-made body (a byline the body lacks is not a loss).

    .venv/bin/python bench/bench_textforms.py [../shared/data/cleaning-dev]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.clean import clean_page  # noqa: E402
from pipeline.extract import extract_articles  # noqa: E402
from pipeline.records import RawPage  # noqa: E402


def wrap(paragraph: str, width: int = 72) -> list[str]:
    lines, cur = [], ""
    for w in paragraph.split():
        if cur and len(cur) + 1 + len(w) > width:
            head, hyphen, tail = w.partition("-")
            if hyphen and head and tail and len(cur) + 2 + len(head) <= width:
                lines.append(f"{cur} {head}-")  # a word processor breaks after a word's own hyphen
                cur = tail
                continue
            room = width - len(cur) - 2
            if room >= 3 and len(w) >= 7 and w.isalpha():
                cut = max(3, min(room, len(w) - 3))
                lines.append(f"{cur} {w[:cut]}-")
                cur = w[cut:]
                continue
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return [*lines, cur] if cur else lines


def forms(title: str, body: str) -> dict[str, tuple[str, str]]:
    paras = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
    dump = "\n".join([title, *paras])
    wrapped: list[str] = ["Press Office", "Tel: +1 202 555 0100 | press@example.org", "", title, ""]
    for p in paras:
        wrapped += [*wrap(p), ""]
    paged = []
    for i in range(0, len(wrapped), 40):
        paged += wrapped[i : i + 40] + ["", "NEWS RELEASE - Press Office", f"Page {i // 40 + 1}", "\f"]
    return {
        "dump": (dump, "text/plain"),
        "dump_crlf": (dump.replace("\n", "\r\n"), "text/plain"),
        "no_title_gap": (title + "\n" + "\n\n".join(paras), "text/plain"),
        "wrapped_paged": ("\n".join(paged), "text/plain"),
        "markdown": (f"# {title}\n\n" + "\n\n".join(paras), "text/markdown"),
    }


def main(folder: Path) -> None:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages, bodies, kinds = [], {}, ["html"]
    for pid, gt in sorted(truth.items()):
        html = gzip.decompress((folder / "html" / f"{pid}.html.gz").read_bytes())
        pages.append(RawPage(html, gt["url"], "cleaning-dev", f"{pid}/html", "text/html"))
        bodies[pid] = gt["articleBody"]
    htmls = {p.raw_ref.split("/")[0]: clean_page(p) for p in pages}
    articles = list(htmls.values())
    for pid, art in htmls.items():
        for kind, (text, ctype) in forms(art.title, bodies[pid]).items():
            page = RawPage(text.encode("utf-8"), truth[pid]["url"], "cleaning-dev", f"{pid}/{kind}", ctype)
            articles.append(clean_page(page))
            if kind not in kinds:
                kinds.append(kind)
    people: dict[str, dict[str, set[str]]] = {}
    status: Counter[tuple[str, str]] = Counter()
    for x in extract_articles(articles):
        pid, kind = x.article.raw_ref.split("/")
        status[(kind, x.article.status)] += 1
        body = bodies[pid]
        people.setdefault(pid, {})[kind] = {p.name for p in x.people if p.name.split()[-1] in body}
    print(f"{len(truth)} real articles; people = distinct names whose surname is in the hand-made body")
    print("| form | status ok | people found | of them also in HTML | HTML people found here |")
    print("| --- | --- | --- | --- | --- |")
    html_total = sum(len(v.get("html", set())) for v in people.values())
    for kind in kinds:
        found = sum(len(v.get(kind, set())) for v in people.values())
        both = sum(len(v.get(kind, set()) & v.get("html", set())) for v in people.values())
        ok = status[(kind, "ok")]
        share = both / max(html_total, 1)
        missed = sorted(n for v in people.values() for n in v.get("html", set()) - v.get(kind, set()))
        if missed:
            print(f"<!-- {kind}: HTML people not found: {', '.join(missed)} -->", file=sys.stderr)
        print(f"| {kind} | {ok}/{len(truth)} | {found} | {both} | {both}/{html_total} = {share:.3f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data/cleaning-dev")
