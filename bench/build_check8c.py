"""Build data/topic/ check8 (part c): a blind check of news pages, labelled by reading before any scorer ran.

    python bench/build_check8c.py KEY=GIT_DIR [KEY=GIT_DIR ...]

KEY is one of the source keys below and GIT_DIR a clone (or bare mirror) of the repository named in SOURCES holding the
commit given there. Every source is a news publisher's own pages, saved as static HTML with their chrome and stored
gzip'd as found. Education pages were taken from the publisher's education desk (the Education category its
WordPress theme writes into each article's classes) and other pages by a random.Random(8) draw over the same
publisher's other articles; every page was then labelled by reading its title and start under data/topic/README.md's
rule (the desk is a hint only: a school's breakfast club and a youth mental-health programme filed under Education are
`other`). No scorer had run on check8 when the labels were written; this script only copies the pages and writes their
rows, so the set can be rebuilt and audited. It refuses to write if a site is already in data/topic (other splits, or
rows of check8 written by another builder), if a repository or URL host is one of tests/fixtures/real's sources
(reading only their `repository` and `url` fields), if two pages map to one file name, or if one site holds more than
22 pages or one repository more than 35. Every source must be given: this part of check8 is built whole or not at
all. Rows of check8 from other builders (the other parts) are kept.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _topic import Spread, git_show, source_args, write_split  # noqa: E402
from _topic import host as _host  # noqa: E402

SPLIT = "check8"
PART = "check8c"
LABEL = {"E": "education", "O": "other"}
MAX_SITE_PAGES = 22  # brief: no single site decides check8's precision or recall
MAX_REPOSITORY_PAGES = 35


@dataclass(frozen=True)
class Source:
    """One repository: its commit, the `source` field of its rows, every label, and how a page's URL is made."""

    key: str
    repository: str
    commit: str
    source: str
    labels: dict[str, str]  # page directory (its index.html is the page) -> "E" | "O"
    url: Callable[[str], str]


def _html_title(body: bytes) -> str:
    """The page's <title> without the site's name (WordPress appends ' | The Wombat Post')."""
    m = re.search(rb"<title[^>]*>(.*?)</title>", body, re.S | re.I)
    title = re.sub(r"\s+", " ", html.unescape(m.group(1).decode("utf-8", "replace"))).strip() if m else ""
    return title.rsplit(" | ", 1)[0] if " | " in title else title


WOMBAT_COMMIT = "d1977b0f5e5b8b3e52c249669f0d4bf3f1e70e29"

WOMBAT = {
    # education desk (class category-education): first 16 of a random.Random(8) shuffle of the 98 articles
    "bu-ka-lo-wurru-breaking-the-silence": "E",  # pupils of three primary schools learn Dja Dja Wurrung language
    "live4life-coming-to-daylesford-college-in-2024": "O",  # youth mental health, suicide prevention (students' health)
    "free-camps-for-students": "E",  # state-funded school camps for students who would miss them
    "sign-up-for-courses-at-the-neighbourhood-centre": "E",  # community courses for adults (course announcements)
    "three-year-olds-go-to-kinder": "E",  # three-year-old kindergarten reform (early childhood education)
    "have-your-say-on-vcal-replacement": "E",  # senior secondary certificate reform
    "funding-for-local-schools-to-support-kids-with-disabilities": "E",  # school funding, inclusion
    "join-the-daylesford-dharma-school-free-pathway-to-prep-program": "E",  # transition-to-school programme
    "a-nourishing-start-for-dharma-school-students": "O",  # school breakfast club (children's food)
    "get-your-kids-moving": "O",  # physical activity campaign, active-schools grants (health, sport)
    "ride-a-thon-a-success": "O",  # school fundraiser for a cancer institute
    "generous-donation-showered-on-dnc-notes-from-the-daylesford-neighbourhood-centre": "O",  # showers for homeless
    "notes-from-the-daylesford-neighbourhood-centre-3": "E",  # the centre's pre-accredited and general courses
    "daylesford-primary-celebrates-150-years-of-learning-and-community": "O",  # a school's anniversary exhibition
    # other articles: first 8 of a random.Random(8) shuffle of the 3,004 others
    "healthy-daylesford-put-a-spring-in-your-step-2": "O",
    "swamp-rats-in-your-garden": "O",
    "25th-anniversary-for-chillout": "O",
    "daylesford-property-listings-fall-as-seller-expectations-shift": "O",
    "an-indoor-aquatics-facility-makes-sense": "O",
    "a-new-brian-nash-exhibition-the-golden-hour": "O",
    "daylesford-speedway-events-suspended": "O",
    "fanciful-flutes-present-feathers-and-flight-at-yandoit-cultural": "O",
}

# Where each dictionary above came from (all read by title and start; the desk is only where a page was found):
# WOMBAT: haseebdev786/archivewombat, a static archive of The Wombat Post (wombatpost.com.au, the Daylesford and
#   District Community News Association's local paper, Hepburn Shire, Victoria, Australia, 2020-2026; the copy's links
#   point at a staging host, so each URL is the paper's address + the page's directory), at WOMBAT_COMMIT (its newest
#   commit; the archiver's later commits clean mojibake and the header script). Of its 3,102 article pages, the 98
#   whose classes hold category-education were shuffled with random.Random(8) and the first 16 read: two left out as
#   unsettled (a neighbourhood centre's notes mixing new doors, an event, a course and a joke; a state budget item on
#   school activities and organised sport for families under cost pressure). Early-childhood reform, senior
#   secondary certificate reform, school funding for pupils with disabilities, school camps, a transition-to-school
#   programme, pupils learning an Aboriginal language and adult community courses are education; a youth mental-health
#   programme, a school breakfast club, an activity campaign, a school fundraiser, showers for the homeless and a
#   school's anniversary exhibition are other. The 3,004 others were shuffled with random.Random(8) and the first 8
#   read (site cap 22): health, wildlife, a festival, property, a letter on a pool, art, speedway, a concert.

SOURCES = (
    Source("wombat", "haseebdev786/archivewombat", WOMBAT_COMMIT, "wombat-post", WOMBAT,
           lambda rel: f"https://wombatpost.com.au/{rel}/"),
)


def rows_and_pages(places: dict[str, str]) -> list[tuple[dict[str, object], bytes]]:
    """Every labelled page of every source with its row (read from the clone at the recorded commit)."""
    out: list[tuple[dict[str, object], bytes]] = []
    for src in SOURCES:
        for rel, lab in src.labels.items():
            body = git_show(places[src.key], f"{rel}/index.html", src.commit)
            name = re.sub(r"[^A-Za-z0-9._-]+", "_", rel.strip("/"))[-150:]
            url = src.url(rel)
            row = {"file": f"{SPLIT}/{src.key}/{name}.html.gz", "label": LABEL[lab], "site": _host(url),
                   "source": src.source, "repository": src.repository, "path": f"{rel}/index.html",
                   "commit": src.commit, "url": url, "title": _html_title(body), "split": SPLIT}
            out.append((row, body))
    return out


def main(argv: list[str]) -> int:
    """Copy the pages and append their rows, or refuse with the reason."""
    places = source_args(argv, {s.key for s in SOURCES})
    if places is None:
        return 2
    mine = tuple(f"{SPLIT}/{s.key}/" for s in SOURCES)
    return write_split(rows_and_pages(places), PART, lambda row: row["file"].startswith(mine),
                       spread=Spread(site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES))

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
