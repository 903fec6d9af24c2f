"""Build data/topic/ check11 (part e): blind news pages of two US high-school newspapers and a state newsroom.

    python bench/build_check11e.py cc=GIT_DIR kt=GIT_DIR mnag=GIT_DIR

GIT_DIR is a clone (or bare mirror) of the repository named in SOURCES holding the commit given there. check11 is built
by several helpers at once (parts a to e, on their own branches); this script writes only part e's rows (their `file`
names start with ``check11/e-``) and keeps every other row of labels.jsonl, the other parts' included, so the parts
merge without touching each other.

Every page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on
check11; this script only copies the pages (gzip, the bytes as found in the repository) and writes their rows, so the
set can be rebuilt and audited. The two student newspapers are static sites kept as their source (one Markdown file per
article, front matter then body, stored as found, as check5 stored blog posts); the state newsroom is a scraper's cache
of the press releases' HTML pages with their chrome. It refuses to write if a site is already in data/topic (any split
but check11), if a repository or URL host is one of tests/fixtures/real's sources (reading only their `repository` and
`url` fields), if two pages map to one file name, or if one site holds more than MAX_SITE_PAGES or one repository more
than MAX_REPOSITORY_PAGES pages. Every source must be given: part e is built whole or not at all.

Part e was to look for government newsrooms and student or local newspapers kept in git that the other parts had not
claimed. Most press-release archives found hold only titles and links, or their data files are over the size a stored
snapshot keeps; the three sources used are the ones with full texts that could be read here.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _dataset_split import write_part  # noqa: E402
from _topic import git_show, host, source_args  # noqa: E402

SPLIT = "check11"
PART = "e"
MAX_SITE_PAGES = 22  # the brief's caps for one part: no site or repository decides check11's precision or recall
MAX_REPOSITORY_PAGES = 35
LABEL = {"E": "education", "O": "other"}

# CC: lixitrixi/classical-chronicle, the Jekyll source of The Classical Chronicle (classicalchronicle.org), the
#   independent student newspaper of Classical High School, Providence, Rhode Island (2019-2022); one Markdown file per
#   article in `_articles/`, permalink /article/:slug, front matter with a category (School, Opinion, Culture, Sports).
#   The School category stands in for the education desk (a hint only): its 13 listed articles were read (unlisted and
#   test files left out) and 12 kept; one, AP Psychology students' survey links (a notice of links, no article text),
#   left out as unsettled. Of the School desk, a club, two pieces on the student press (a rival school paper's policies,
#   a merger of the two papers) and a racist video's fallout read as other (clubs, student media, school climate). The
#   other 33 listed articles were shuffled with random.Random(11) and read from the top until 10 were kept; two were
#   left out as unsettled: the school's Poetry Out Loud contest (an arts contest run in English classes) and Zoom
#   selling students' data during distance learning (a company's privacy case or online schooling).
CC_COMMIT = "5e63149ba2d4b9d9071ac4e59e8d68729e56f5d5"
CC = {
    # School desk
    "classical-renovations": "E",  # the school building's renovation plan, a school board priority
    "coronavirus-closes-classical": "E",  # the school closed, classes stopped
    "distance-learning": "E",
    # a vice principal transferred by the district to raise test scores at another high school
    "farewell-mr-marino": "E",
    "goodbye-mr-rustigian": "E",  # a history teacher's retirement
    "mccabe-profile": "E",  # a teacher and her classroom
    "ping-pong-club": "O",  # a club
    "ppsd-chromebook-privacy": "E",  # the district's remote access to students' school-loaned laptops
    "purple-post-master-plan": "O",  # student press: another school paper's policies
    "purple-post-merger": "O",  # student press
    "richter-interview": "E",  # an alumna on changing majors, Tufts and Oxford
    "tiktok-hate-speech-prompts-conversation": "O",  # a student's racist video, school climate
    # random.Random(11) draw of the other categories
    "music-concert-review": "O",
    "horror-movies-list": "O",
    "anti-trans-legislation": "O",
    "positive-social-media-accounts": "O",
    "music-pandemic": "O",
    "classical-smashes-st-rays": "O",  # school sport
    "racism-at-classical": "O",
    "later-start-times": "E",  # school start times and students' sleep (an opinion on school scheduling)
    "angelique-kidjo-visits-classical": "O",  # a concert at the school
    "esports-team-profile": "O",
}

# KT: talmax1124/kt, the Astro source of Knight Times (knighttimesnews.com), the student newspaper of NeoCity Academy,
#   Kissimmee, Florida (2020-2023); one Markdown file per article in `src/content/blog/` (route /blog/<slug>). Its
#   tags (news, insights, ae, features) are not desks, so there is no education desk: the 28 articles (a test article
#   left out) were shuffled with random.Random(11) and the first 21 read; one, an AP Physics lesson on circular motion
#   (teaching content rather than news about teaching), left out as unsettled. Many are essays and reviews (games,
#   films, myths), which the rule calls other.
KT_COMMIT = "00c4846a2151ef7c3a501e49e11f2a16d0d5112a"
KT = {
    "what-is-celebrity-influence": "O",
    "how-are-you-going-to-school-this-year": "E",  # the county's online and in-person schooling options
    "how-programming-can-improve-your-creativity-and-mind": "O",
    "how-is-neocity-academy-dealing-with-covid-19": "E",  # the school's virtual learning and its platforms
    "how-the-entertainment-industry-changed": "O",
    "how-does-social-media-affects-us-mentally-physically-and-socially-and-what-are-their-secret-tricks": "O",
    "the-history-of-all-souls-day": "O",
    "what-are-myths-a-series-1": "O",  # a story, not news
    "the-correlation-between-physical-health-and-mental-health": "O",
    "game-of-the-week-katana-zero": "O",
    "Find-Your-Future": "E",  # college admission advice: GPA, applications
    "Monetization-Issues-Overwatch-2": "O",
    "all12destiny2subclasses": "O",
    "everything-you-need-to-know-about-the-sga-elections": "O",  # student government
    "a-podcast": "O",  # the school's podcast
    "standard-based-grading": "E",  # the school's new grading system
    "is-12-years-of-school-really-worth-it-why-does-it-exist-are-there-any-risks": "E",  # compulsory schooling
    "top-9-christmas-movies-to-watch": "O",
    "black-student-union-presents-black-history-month-activities": "O",  # a student club's events
    "do-you-really-need-a-college-degree-to-be-successful-in-life-is-college-worth-it": "E",
}

# MNAG: jwcanaday/News_Server, an RSS project for the Minnesota Attorney General's press releases (ag.state.mn.us); its
#   `historical_scraper/html_cache/` holds each release's page as fetched (HTML with the site's chrome, 2018-2025; the
#   scraper saved the text decoded as Latin-1, so curly quotes show as mojibake, kept as found). The office has no
#   education desk: its 726 cached pages were shuffled with random.Random(11) and the first 14 read, all other
#   (opioid settlements, drug prices, courts, charities, hospital billing, nicotine, vehicle thefts, Medicare, an award
#   for a report on social media and young people). The URL is the cache file's name (the pages' og:url is sometimes
#   copied from another release).
MNAG_COMMIT = "d2b5add38af79e5476ac1e265ee7d6e0e7e9e714"
MNAG_DIR = "historical_scraper/html_cache"
MNAG = {
    "2021_12_06_OpioidSettlement": "O",
    "2023_05_18_CommerceOmnibusBill": "O",
    "2025_03_26_LegalCommunity": "O",
    "2023_07_21_Silgjord": "O",
    "2024_04_19_Mangi": "O",
    "2019_12_20_PoliceCharityBan": "O",
    "2020_10_29_HutchinsonHealth": "O",
    "2025_02_21_GenderAffirmingCare": "O",
    "2021_07_01_PCMA": "O",
    "2022_06_15_UnregulatedNicotine": "O",  # nicotine products' appeal to youth: a health regulation
    "2022_10_18_OpioidSettlements": "O",
    "2023_03_02_KiaHyundai": "O",
    "2024_11_25_Medicare": "O",
    "2024_03_20_TopWorkplace": "O",
}


def _front(text: str, key: str) -> str:
    m = re.search(rf"^{key}:\s*(.+)$", text.split("---", 2)[1] if text.startswith("---") else "", re.M)
    return m.group(1).strip().strip("'\"").strip() if m else ""


def _unmangle(text: str) -> str:
    """Text decoded as Latin-1 from UTF-8 bytes, as the Minnesota scraper saved it, read back as UTF-8 if it was."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def rows_and_pages(clones: dict[str, str]) -> list[tuple[dict[str, object], bytes]]:
    """Every part e row with its page bytes, read from the clones at the recorded commits."""
    out: list[tuple[dict[str, object], bytes]] = []

    def add(key: str, name: str, body: bytes, label: str, url: str, source: str, repository: str, path: str,
            commit: str, title: str) -> None:
        if not title:
            raise SystemExit(f"{key}: no title for {path}")
        row = {"file": f"{SPLIT}/{PART}-{key}/{name}.gz", "label": LABEL[label], "site": host(url), "source": source,
               "repository": repository, "path": path, "commit": commit, "url": url,
               "title": re.sub(r"\s+", " ", html.unescape(title)).strip(), "split": SPLIT}
        out.append((row, body))

    for slug, lab in CC.items():
        path = f"_articles/{slug}.md"
        body = git_show(clones["cc"], path, CC_COMMIT)
        add("cc", f"{slug}.md", body, lab, f"https://classicalchronicle.org/article/{slug}", "classical-chronicle",
            "lixitrixi/classical-chronicle", path, CC_COMMIT, _front(body.decode("utf-8"), "title"))

    for stem, lab in KT.items():
        path = f"src/content/blog/{stem}.md"
        body = git_show(clones["kt"], path, KT_COMMIT)
        add("kt", f"{stem}.md", body, lab, f"https://knighttimesnews.com/blog/{stem.lower()}", "knight-times",
            "talmax1124/kt", path, KT_COMMIT, _front(body.decode("utf-8"), "title"))

    for stem, lab in MNAG.items():
        path = f"{MNAG_DIR}/_Office_Communications_{stem}.asp"
        body = git_show(clones["mnag"], path, MNAG_COMMIT)
        year, month, rest = stem.split("_", 2)
        m = re.search(rb'property="og:title" content="([^"]*)"', body)
        title = _unmangle(m.group(1).decode("utf-8")) if m else ""
        add("mnag", f"{stem}.html", body, lab, f"https://www.ag.state.mn.us/Office/Communications/{year}/{month}/{rest}.asp",
            "mn-ag-press-releases", "jwcanaday/News_Server", path, MNAG_COMMIT, title)
    return out


def main(argv: list[str]) -> int:
    clones = source_args(argv, {"cc", "kt", "mnag"})
    if clones is None:
        return 2
    built = rows_and_pages(clones)
    return write_part(built, SPLIT, PART, site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
