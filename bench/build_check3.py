"""Build data/topic/ check3: a blind check set of new sites, labelled by reading before any scoring.

    python bench/build_check3.py MERCURY_GIT JOUR329W_GIT

MERCURY_GIT is a clone of postlight/mercury-parser (@ c15f4f5), JOUR329W_GIT one of
clay-ludwig/jour329w_fall2025 (@ 9bbcf6c). The labels below were written by reading each
page's title and start (data/topic/README.md's rule) before any scorer ran on check3; this
script only copies the pages and writes their rows, so the set can be rebuilt and audited.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPIC = ROOT / "data" / "topic"
MERCURY_COMMIT = "c15f4f5c3e8d496634edf214b724e970298e6b73"
JOUR_COMMIT = "9bbcf6c7d85c7352120f6d7b32939b808a5a096e"

# postlight/mercury-parser fixtures/: English article pages of sites not already in data/topic
# (one page per site except a few); E = education, O = other.
MERCURY = {
    "247sports.com/1481309665090.html": "O", "biorxiv.org/1565356858754.html": "O",
    "blisterreview.com/1551128228532.html": "O", "deadline.com/1556104756617.html": "O",
    "deadspin.com/1476389931786.html": "O", "deadspin.com/1477505848605.html": "O",
    "fandom.wikia.com/1475595373938.html": "O", "fortune.com/1485216994169.html": "O",
    "forward.com/1488392273490.html": "O", "fusion.net/1482529202024.html": "O",
    "newrepublic.com/1480434805231.html": "O", "newrepublic.com/1480446502259.html": "O",
    "news.nationalgeographic.com/1481919545107.html": "O",
    "obamawhitehouse.archives.gov/1485905445365.html": "O",
    "obamawhitehouse.archives.gov/1490209983872.html": "E",  # tuition-free community college
    "obamawhitehouse.archives.gov/1490227791307.html": "O",
    "obamawhitehouse.archives.gov/1490375478954.html": "O",
    "otrs.com/1553117632270.html": "O", "pagesix.com/1482254007534.html": "O",
    "people.com/1481580462922.html": "O", "pitchfork.com/1560196240837.html": "O",
    "qz.com/1481758330660.html": "O",
    "sandiegouniontribune.com/test.html": "O",  # a university's stadium operator: not education
    "sciencefly.com/1482530492413.html": "O",
    "thefederalistpapers.org/1482344359572.html": "E",  # the failure of public schooling
    "thoughtcatalog.com/1482426075702.html": "O", "www.al.com/1482445422101.html": "O",
    "www.americanow.com/1482528557836.html": "O", "www.aol.com/1480618816916.html": "O",
    "www.apartmenttherapy.com/1476396697639.html": "O", "www.bloomberg.com/1481135708958.html": "O",
    "www.bloomberg.com/1481136509532.html": "O", "www.bloomberg.com/1481138014494.html": "O",
    "www.broadwayworld.com/1476392567143.html": "E",  # training scholarships for drama students
    "www.bustle.com/1481129185239.html": "O", "www.cbssports.com/1482254907948.html": "O",
    "www.cinemablend.com/1482432215722.html": "O", "www.cnbc.com/1482251664848.html": "O",
    "www.cnbc.com/1553160766510.html": "O", "www.cnet.com/1482428196806.html": "O",
    "www.dmagazine.com/1481755804475.html": "O", "www.eonline.com/1481567592820.html": "O",
    "www.fastcompany.com/1547124373499.html": "O", "www.fool.com/1489175437362.html": "O",
    "www.fortinet.com/1546954846985.html": "O", "www.howtogeek.com/1482438125052.html": "O",
    "www.inquisitr.com/1481665067498.html": "O", "www.littlethings.com/1475605036506.html": "O",
    "www.macrumors.com/1484778558090.html": "O", "www.mentalfloss.com/1482186439659.html": "O",
    "www.miamiherald.com/1481571585318.html": "O", "www.msnbc.com/1482261084088.html": "O",
    "www.nationalgeographic.com/1481921323654.html": "O",
    "www.newyorker.com/1475248565793.html": "O", "www.newyorker.com/1480713300334.html": "O",
    "www.newyorker.com/1557834611707.html": "O", "www.npr.org/1481842125199.html": "O",
    "www.nydailynews.com/1481917212613.html": "O", "www.opposingviews.com/1482427531189.html": "O",
    "www.phoronix.com/1559454992878.html": "O", "www.politico.com/1475617690069.html": "O",
    "www.popsugar.com/1482182390796.html": "O", "www.prospectmagazine.co.uk/1488476298434.html": "O",
    "www.rawstory.com/1482439337481.html": "O", "www.recode.net/1481841159344.html": "O",
    "www.refinery29.com/1481661863250.html": "O", "www.rollingstone.com/1482380017694.html": "O",
    "www.sbnation.com/1481062909839.html": "O", "www.si.com/1484253704408.html": "O",
    "www.theatlantic.com/1474321707642.html": "O", "www.thepennyhoarder.com/1482509014877.html": "O",
    "www.thepoliticalinsider.com/1482255981213.html": "O", "www.theverge.com/1480520999617.html": "O",
    "www.theverge.com/1480526003318.html": "O", "www.tmz.com/1480368537455.html": "O",
    "www.today.com/1482432737905.html": "O", "www.usmagazine.com/1481147005164.html": "O",
    "www.vox.com/1481563623532.html": "O", "www.westernjournalism.com/1482520953825.html": "O",
    "www.yahoo.com/1475529982399.html": "O",
}

# clay-ludwig/jour329w_fall2025 ludwig/cns_collections/enhanced_beat_stories_no_summary.json:
# Capital News Service (Maryland) stories a journalism class filed under "Education"; index ->
# label by reading (school sport, students' health, public libraries, campus events are other).
# Left out: the 22 per-county child-care and 23 per-county "Behind the Blueprint" data pages
# (templated near-duplicates; one of the latter kept), an empty page and two credits pages.
CNS_BEAT = {
    0: "E", 1: "O", 2: "E", 3: "E", 4: "O", 5: "O", 6: "E", 7: "E", 8: "O", 9: "E", 10: "E",
    11: "E", 12: "E", 13: "O", 14: "O", 15: "O", 16: "E", 17: "E", 18: "E", 19: "E", 20: "E",
    21: "E", 22: "E", 23: "E", 24: "E", 25: "E", 26: "E", 27: "E", 28: "O", 29: "O", 30: "E",
    31: "O", 32: "O", 56: "E", 58: "E", 59: "E", 60: "E", 61: "O", 62: "E", 63: "E", 64: "E",
    65: "E", 66: "O", 67: "E", 68: "E", 69: "O", 70: "O", 71: "E", 72: "E", 73: "E", 74: "E",
    75: "E", 76: "E", 77: "E", 102: "E", 103: "E", 104: "E",
}

# same repository, data/cns_maryland_posts.json (500 CNS posts, all beats), by post id: 40 random
# posts (random.Random(3) sample of the posts not in the beat file) and every other post whose
# title has a school/college/student/learning word.
CNS_POSTS = {
    106808: "O", 95404: "O", 96603: "O", 110165: "O", 102518: "O", 85608: "O", 95221: "E",
    99391: "O", 93835: "O", 95966: "O", 114663: "O", 95163: "O", 118415: "O", 85690: "O",
    87430: "O", 99420: "O", 106225: "O", 96392: "O", 107113: "E", 108991: "O", 89997: "O",
    96723: "O", 96402: "O", 99303: "O", 101831: "O", 93453: "O", 86590: "O", 109658: "O",
    107118: "O", 93497: "O", 86432: "O", 85326: "O", 98073: "O", 102079: "O", 89519: "O",
    117932: "O", 91853: "O", 88670: "O", 114951: "O", 109371: "O",
    117022: "E", 105571: "O", 101644: "O", 99773: "E", 99301: "E", 99032: "E", 98207: "E",
    98006: "E", 94983: "E", 88389: "O", 88049: "E", 87875: "O", 85898: "E", 85798: "O", 85423: "E",
}

# tests/fixtures/real/tune/articles (real articles in text forms; sites not in data/topic; the
# three BBC rows are left out because bbc.co.uk is).
TUNE = {
    "cn-cogtwins-2025-maribor.md": "E", "cn-cogtwins-2025-ufrgs.md": "E",
    "co-jefferson-book-fair.html": "E", "co-jefferson-cultural-exchange.html": "E",
    "dai-2012-all-children-reading.md": "E", "dai-2016-space-apps-colombia.md": "O",
    "dai-2019-literacy-summit-uganda.md": "E", "devtech-2018-nicaragua-parents-schools.md": "E",
    "devtech-2019-zambia-egra.md": "E", "gh-presidency-2025-education-forum-committee.txt": "E",
    "gh-presidency-2025-ghanasco-anniversary.txt": "E", "gh-presidency-2025-ugmc-committee.txt": "O",
    "jo-dai-workforce.md": "O", "ke-elmama-dalu-visit.md": "E", "ke-elmama-dining-hall.md": "E",
    "lb-dai-social-enterprise.md": "O", "lr-dai-mobile-tax.md": "O",
    "np-cfn-2014-computer-learning-project.md": "E", "np-cfn-2014-digital-empowerment.md": "E",
    "np-cfn-2017-digitalnepal-conference.md": "O", "ph-inquirer-2025-classroom-shortage.md": "E",
    "ph-inquirer-2025-deped-debacle.md": "E", "ph-inquirer-2025-pshs-expansion.md": "E",
    "ph-tesda-poverty-plans.html": "E", "py-sugarlabs-2013-turtleart-day.txt": "E",
    "rw-anthropic-alx-chidi.md": "E", "rw-rfa-teacher-day.md": "E", "rw-rfa-welcome-guests.md": "E",
    "ug-iassist-law-librarians.md": "O", "ug-iassist-national-library.md": "O",
    "us-csumb-2007-mcnair-grant.md": "E", "us-csumb-2018-community-dialogues.md": "E",
    "us-csumb-2019-tqp-grant.md": "E", "us-sugarlabs-2013-gci-winners.txt": "E",
    "us-sugarlabs-2014-gci-winners.txt": "E", "us-uva-math-new-faculty.md": "O",
    "us-uva-math-whiteman-prize.md": "O", "zw-iassist-librarians.md": "O",
}
LABEL = {"E": "education", "O": "other"}


def _git(repo: str, path: str, commit: str) -> bytes:
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


def _page(title: str, content: str, url: str) -> bytes:
    """A CNS story as a small HTML page (the dataset holds the story's title and body only)."""
    if "<p" not in content:
        content = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in content.split("\n") if p.strip())
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<link rel="canonical" href="{html.escape(url)}"></head><body><article><h1>{html.escape(title)}</h1>\n'
            f"{content}</article></body></html>").encode()


def main(mercury: str, jour: str) -> int:
    out = TOPIC / "pages" / "check3"
    rows: list[dict[str, object]] = []

    def put(rel: str, body: bytes, label: str, site: str, source: str, repo: str | None, path: str,
            commit: str | None, url: str | None, title: str) -> None:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.compress(body, mtime=0))
        rows.append({"file": f"check3/{rel}", "label": LABEL[label], "site": site, "source": source,
                     "repository": repo, "path": path, "commit": commit, "url": url, "title": title,
                     "split": "check3"})

    for f, lab in MERCURY.items():
        body = _git(mercury, f"fixtures/{f}", MERCURY_COMMIT)
        m = re.search(rb"<title[^>]*>(.*?)</title>", body, re.S | re.I)
        title = html.unescape(m.group(1).decode("utf-8", "replace").strip()) if m else ""
        site = f.split("/")[0].removeprefix("www.")
        put(f"mercury/{f.replace('/', '_')}.gz", body, lab, site, "mercury-parser",
            "postlight/mercury-parser", f"fixtures/{f}", MERCURY_COMMIT, None, title)

    beat = json.loads(_git(jour, "ludwig/cns_collections/enhanced_beat_stories_no_summary.json", JOUR_COMMIT))
    for i, lab in CNS_BEAT.items():
        s = beat[i]
        put(f"cns/beat-{i:03d}.html.gz", _page(s["title"], s["content"], s["link"]), lab, "cnsmaryland.org",
            "cns-beat", "clay-ludwig/jour329w_fall2025",
            f"ludwig/cns_collections/enhanced_beat_stories_no_summary.json[{i}]", JOUR_COMMIT, s["link"], s["title"])

    def r(v: object) -> str:
        return v["rendered"] if isinstance(v, dict) else str(v)  # type: ignore[index]

    posts = {p["id"]: p for p in json.loads(_git(jour, "data/cns_maryland_posts.json", JOUR_COMMIT))}
    for pid, lab in CNS_POSTS.items():
        p = posts[pid]
        title = html.unescape(r(p["title"]))
        put(f"cns/post-{pid}.html.gz", _page(title, r(p["content"]), p["link"]), lab, "cnsmaryland.org",
            "cns-posts", "clay-ludwig/jour329w_fall2025", f"data/cns_maryland_posts.json[id={pid}]",
            JOUR_COMMIT, p["link"], title)

    tune = ROOT / "tests" / "fixtures" / "real" / "tune"
    src = {json.loads(line)["file"].split("/")[-1]: json.loads(line)
           for line in (tune / "sources.jsonl").read_text("utf-8").splitlines() if line.strip()}
    for name, lab in TUNE.items():
        meta = src.get(name, {})
        url = meta.get("url")
        site = re.sub(r"^www\.", "", url.split("/")[2]) if url else f"tune:{name}"
        put(f"tune/{name}.gz", (tune / "articles" / name).read_bytes(), lab, site, "tune-articles",
            meta.get("repository"), meta.get("path", ""), meta.get("commit"), url, name)

    old = [line for line in (TOPIC / "labels.jsonl").read_text("utf-8").splitlines()
           if json.loads(line)["split"] != "check3"]
    old_sites = {json.loads(line)["site"].removeprefix("www.") for line in old}
    clash = sorted({str(row["site"]) for row in rows} & old_sites)
    if clash:
        print("sites already in data/topic:", clash, file=sys.stderr)
        return 1
    (TOPIC / "labels.jsonl").write_text("\n".join(old + [json.dumps(row, ensure_ascii=False) for row in rows])
                                        + "\n", "utf-8")
    edu = sum(row["label"] == "education" for row in rows)
    print(f"check3: {len(rows)} pages, {edu} education, {len({row['site'] for row in rows})} sites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
