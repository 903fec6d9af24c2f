"""Build data/topic/ check10 (part c): a blind check of news pages, labelled by reading before any scorer ran.

    python bench/build_check10c.py dbstack=GIT_DIR bibvnews=GIT_DIR pandapk=GIT_DIR amnyc=GIT_DIR

Each KEY names a source below and GIT_DIR a clone (or bare mirror) of its repository holding the commit given there;
every page is read with `git show COMMIT:PATH` and stored gzip'd as found. The sources are news publishers' own pages:
The Stack (the Daily Bruin's data desk, UCLA's student newspaper; Jekyll posts in Markdown), On a MONTHLY BASIS (the
student newspaper of BASIS Independent Bellevue, a school in Washington State; Astro posts in MDX, stored with a `.md`
name so that they load as the Markdown they are), a 2017-2018 crawl of six Pakistani news sites saved as HTML with
their chrome (The News International, Geo News, Daily Times, The Frontier Post, The Friday Times, Dawn) and a copy of
amNewYork's site saved with its chrome (its one education-desk article and a random.Random(10) draw of the others).
None of the first three has an education desk: The Stack and the school paper were read whole (every post's title and
start) and their education posts were found by that reading, then drawn with random.Random(10); the other pages are a
random.Random(10) draw over each publisher's other articles. No page was chosen by keyword in either direction. Every
page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on check10;
this script only copies the pages and writes their rows, so the set can be rebuilt and audited. It refuses to write if
a site is already in data/topic (other splits, or rows of check10 written by another builder), if a repository or URL
host is one of tests/fixtures/real's sources (reading only their `repository` and `url` fields), if two pages map to
one file name, or if one site holds more than 22 pages or one repository more than 35. Every source must be given: this
part of check10 is built whole or not at all. Rows of check10 from other builders (the other parts) are kept.
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

SPLIT = "check10"
PART = "check10c"
LABEL = {"E": "education", "O": "other"}
MAX_SITE_PAGES = 22  # brief: no single site decides check10's precision or recall
MAX_REPOSITORY_PAGES = 35


@dataclass(frozen=True)
class Page:
    """One page as read: its bytes, title and original URL."""

    body: bytes
    title: str
    url: str


@dataclass(frozen=True)
class Source:
    """One repository: its commit, the `source` field of its rows, every label (path -> "E" | "O"), how a page is
    read and what its stored file is called."""

    key: str
    repository: str
    commit: str
    source: str
    labels: dict[str, str]
    read: Callable[[bytes, str], Page]  # (bytes at the commit, path) -> Page
    suffix: str  # the stored file's suffix (before .gz): it tells the cleaner the content type


def _front_title(body: bytes) -> str:
    """The `title:` of a Markdown post's YAML front matter, without quotes and HTML entities."""
    front = body.decode("utf-8").split("---", 2)[1]
    m = re.search(r"^title:\s*(.+?)\s*$", front, re.M)
    if not m:
        raise ValueError("no title in the front matter")
    return html.unescape(m.group(1).strip().strip("'\"")).strip()


def _html_title(body: bytes) -> str:
    """The page's <title> without the site's name (' - Daily Times', ' | Pakistan - Geo.tv', ' ‹ The Friday Times')."""
    m = re.search(rb"<title[^>]*>(.*?)</title>", body, re.S | re.I)
    title = re.sub(r"\s+", " ", html.unescape(m.group(1).decode("utf-8", "replace"))).strip() if m else ""
    for sep in (" | ", " ‹ ", " - "):
        if sep in title:
            title = title.split(sep, 1)[0]
    return title.strip()


STACK_COMMIT = "49c91954a2c30e0c1b0ce9b2033e8562051c7fb3"


def _stack(body: bytes, path: str) -> Page:
    """A post of The Stack: Jekyll `pretty` permalinks, /YYYY/MM/DD/slug/ from the file name."""
    m = re.fullmatch(r"_posts/(\d{4})-(\d{1,2})-(\d{1,2})-(.+)\.md", path)
    if not m:
        raise ValueError(f"{path}: not a dated post")
    year, month, day, slug = m.groups()
    url = f"https://stack.dailybruin.com/{year}/{int(month):02d}/{int(day):02d}/{slug}/"
    return Page(body, _front_title(body), url)


BIBV_COMMIT = "2cc4e0319af745f5c201f9318fa7cc303324f7b0"


def _bibv(body: bytes, path: str) -> Page:
    """An article of On a MONTHLY BASIS: Astro's route articles/[...slug] with the entry's slug (its path)."""
    slug = path.removeprefix("src/content/articles/").removesuffix(".mdx")
    return Page(body, _front_title(body), f"https://bibvnewspaper.github.io/articles/{slug}/")


PANDA_COMMIT = "415933ee3395c58bbb613cc5067c7d854463f969"


def _panda(body: bytes, path: str) -> Page:
    """A page of the Pakistani crawl. The mirror rewrote most canonical links to local files, so the original address
    is the page's og:url where it is absolute (The News, Daily Times, Dawn) or the site's address rule otherwise (each
    rule checked against the absolute links to the page itself inside the saved HTML)."""
    rel = path.removeprefix("artifacts/source-code/")
    paper, rest = rel.split("/", 1)
    text = body.decode("utf-8", "replace")
    og = re.search(r"""property=["']og:url["']\s+content=["'](https?://[^"']+)["']""", text)
    if paper in {"TheNews", "DailyTimes", "Dawn"} and og:
        url = og.group(1)
    elif paper == "Geo":
        url = f"https://www.geo.tv/latest/{rest.removesuffix('.html')}"
    elif paper == "FrontierPost":
        url = f"https://thefrontierpost.com/{rest.removesuffix('index.html')}"
    elif paper == "TheFridayTimes":
        url = f"http://www.thefridaytimes.com/tft/{rest.removesuffix('index.html')}"
    else:
        raise ValueError(f"{path}: no original address")
    return Page(body, _html_title(body), url)


AMNY_COMMIT = "482f69e9403dca94bcd77c0ba6a9bdf41cef9680"


def _amny(body: bytes, path: str) -> Page:
    """An amNewYork article saved with its chrome; URL = its og:url (the site's own address for the page)."""
    og = re.search(rb'property="og:url" content="(https://www\.amny\.com/[^"]+)"', body)
    if not og:
        raise ValueError(f"{path}: no og:url")
    return Page(body, _html_title(body), og.group(1).decode("ascii"))


STACK = {
    # read whole (66 posts; 7 redirect stubs of under 100 words left out); education as read: first 14 of a
    # random.Random(10) shuffle of the 19 education posts
    "_posts/2018-11-13-cs-enrollment.md": "E",  # growth of the computer science department's enrollment
    "_posts/2024-02-04-course-selling.md": "E",  # students buying and selling seats in courses
    "_posts/2018-11-08-how-long-are-lectures.md": "E",  # lecture lengths and class sizes by department
    "_posts/2020-05-18-professor-demographics.md": "E",  # faculty demographics over a decade
    "_posts/2020-01-17-student-expenses.md": "E",  # the cost of attending college (tuition, textbooks, living)
    "_posts/2021-05-11-student-demographic-hsis.md": "E",  # UCLA's aim to become a Hispanic-Serving Institution
    "_posts/2021-8-5-online-grade-distributions.md": "E",  # grades during online learning, grading policies
    "_posts/2023-04-14-study-abroad.md": "E",  # study abroad programmes
    "_posts/2017-04-23-department-similarity.md": "E",  # academic subjects compared through course descriptions
    "_posts/2017-06-12-course-schedule.md": "E",  # when and where departments schedule classes
    "_posts/2020-2-5-class-fill-ups.md": "E",  # how fast classes fill up at enrollment
    "_posts/2019-05-21-change-major.md": "E",  # students changing majors
    "_posts/2017-05-08-bruinwalk-class-ratings.md": "E",  # best and worst classes by student ratings
    "_posts/2015-03-04-higher-education-executive-pay.md": "E",  # tuition hikes vs executive pay in public universities
    # the 40 other posts (student government, housing, dining, sport, police, research funding, politics, campus
    # life, the newsroom's tools): first 8 of a random.Random(10) shuffle
    "_posts/2023-04-20-construction-ucla.md": "O",
    "_posts/2015-10-21-meal-plan-swipe-deduction.md": "O",
    "_posts/2016-05-16-presidential-campaign-donations.md": "O",
    "_posts/2021-6-09-ucla-filming-locations.md": "O",
    "_posts/2015-09-19-usac-purchasing-power.md": "O",  # student government fees and inflation
    "_posts/2015-05-13-usac-endorsements-vs-election-results.md": "O",
    "_posts/2024-05-24-meal-plans.md": "O",
    "_posts/2022-03-01-public-transit.md": "O",
}

BIBV = {
    # read whole (45 articles; 11 stubs ("coming soon", links only) and the sample page left out); all 5 education
    # articles (a humorous profile of a teacher's habits and a French class's Epiphany cake left out as unsettled)
    "src/content/articles/2025-dec/constitutional-convention.mdx": "E",  # 8th graders' US History unit, mock convention
    "src/content/articles/2026-apr/exams.mdx": "E",  # preparing for AP exams
    "src/content/articles/2026-jan/precomps-are-coming-up.mdx": "E",  # study tips before the school's exams
    "src/content/articles/2026-apr/new-faculty.mdx": "E",  # two new science and maths teachers
    "src/content/articles/2026-mar/egg-war.mdx": "E",  # physics project applying what was learned in class
    # the 22 other articles: first 6 of a random.Random(10) shuffle
    "src/content/articles/2025-dec/high-school-reflections.mdx": "O",  # off-campus lunch privileges
    "src/content/articles/2026-feb/award-show.mdx": "O",
    "src/content/articles/2025-dec/rants-about-dance.mdx": "O",
    "src/content/articles/2026-jan/new-fashion-trends.mdx": "O",
    "src/content/articles/2026-mar/open-letter.mdx": "O",  # head of school's letter for Women's History Month
    "src/content/articles/2026-apr/carrot-cake.mdx": "O",
}

PANDA = {
    # each publisher's article pages (listing, archive, error and empty pages left out; Geo's second copy of each
    # story under its bare id left out), shuffled with random.Random(10): the first 4 of each
    "artifacts/source-code/TheNews/print/360154-implementation-of-5pc-quota-for-minorities-in-pa-secretariat-jobs-sought.html": "O",  # noqa: E501
    "artifacts/source-code/TheNews/print/360156-four-firs-lodged-over-drug-raid-gone-wrong.html": "O",
    "artifacts/source-code/TheNews/latest/113377-SRK-Fan-breaks-records-earns-50-crore-in-just-two-days.html": "O",
    "artifacts/source-code/TheNews/print/15916-increase-in-uf-gas-benchmark-challenged-in-ihc.html": "O",
    "artifacts/source-code/Geo/603-world-cup-history-5-sparkling-performances-that-bit-the-dust.html": "O",
    "artifacts/source-code/Geo/132300-NCA-Lahore-closed-for-a-week-students-asked-to-immediately-vacate-hostels.html": "O",  # noqa: E501  campus shut after a clash, security
    "artifacts/source-code/Geo/132324-Momina-Mustehsan-comes-out-in-favour-of-PSL-for-women-cricketers.html": "O",
    "artifacts/source-code/Geo/208774-myanmar-army-chief-must-be-prosecuted-for-rohingya-genocide-un-probe.html": "O",
    "artifacts/source-code/DailyTimes/289062/police-search-for-motive-in-florida-mass-shooting/index.html": "O",
    "artifacts/source-code/DailyTimes/124650/amicus-curiae-and-military-courts/index.html": "O",
    "artifacts/source-code/DailyTimes/124690/meryl-streep-judi-dench-take-a-hit-against-weinstein-over-sexual-harassment-claims-2/index.html": "O",  # noqa: E501
    "artifacts/source-code/DailyTimes/289063/rangers-detain-two-imposters/index.html": "O",
    "artifacts/source-code/FrontierPost/2-3m-people-registered-as-voters-iec/index.html": "O",
    "artifacts/source-code/FrontierPost/2-killed-south-africa-football-stadium-stampede/index.html": "O",
    "artifacts/source-code/FrontierPost/islamabad-kabul-can-fight-war-terror/index.html": "O",
    "artifacts/source-code/FrontierPost/1-5-million-children-schools-kp-survey-report/index.html": "E",  # out of school
    "artifacts/source-code/TheFridayTimes/10-things-that-will-surprise-you-about-islam-in-europe/index.html": "O",
    "artifacts/source-code/TheFridayTimes/10-pieces-of-advice/index.html": "O",
    "artifacts/source-code/TheFridayTimes/50-years-of-curetons-multanis-1909/index.html": "O",
    "artifacts/source-code/TheFridayTimes/3-bahadur-distinctively-pakistani/index.html": "O",
    "artifacts/source-code/Dawn/page13th-all-pakistan-music-conference-opens-with-modern-classical-music.html": "O",
    "artifacts/source-code/Dawn/page14-photos-that-prove-pakistani-street-food-is-the-absolute-best.html": "O",
    "artifacts/source-code/Dawn/page300-million-pakistanis.html": "O",  # population projections
    "artifacts/source-code/Dawn/page11-suicide-bombers-enter-pakistan.html": "O",
}

AMNY = {
    # the education desk's only saved article
    "education/nyc-college-enrollment-spring-semester-2023/index.html": "E",  # enrolling in NYC colleges for spring
    # the 24 other saved articles (news, opinion, police, transit, sport, sportsbook promotions): first 5 of a
    # random.Random(10) shuffle
    "sports/draftkings-sportsbook-promo-code-bet-nfl-with-best-sign-up-bonus/index.html": "O",
    "news/uk-tattoo-artist-east-village/index.html": "O",
    "sports/caesars-promo-code-amnyfull-1250-bet-for-eagles-cowboys-snf/index.html": "O",
    "sports/eagles-cowboys-preview-picks-top-prop-bets/index.html": "O",
    "sports/caesars-sportsbook-promo-code-bills-chiefs/index.html": "O",
}

# Where each dictionary above came from (all read by title and start; no desk, so no page was picked by its section):
# STACK: dailybruin/the-stack, the Jekyll source of stack.dailybruin.com, the Daily Bruin's (UCLA's student newspaper)
#   data journalism blog, 2015-2025, at STACK_COMMIT. All 66 posts were read; 19 are education (courses, classes,
#   enrollment, grades, majors, faculty, tuition and the cost of college, study abroad, admissions demographics), 40
#   other (student government fees and elections, dining and meal plans, housing, gyms, sport, campus police, research
#   funding, a COVID-19 classroom-spread model, construction, politics), 7 redirect stubs. The site cap (22) took 14
#   and 8 of the two random.Random(10) shuffles.
# BIBV: bibvnewspaper/bibvnewspaper.github.io, the Astro source of bibvnewspaper.github.io, "On a MONTHLY BASIS", the
#   student newspaper of BASIS Independent Bellevue (grades 3-12), December 2025 - April 2026, at BIBV_COMMIT. Its
#   34 real articles were read: 5 education (a history unit's mock convention, AP exams, study tips before exams, new
#   teachers, a physics project), 2 unsettled, 27 other (sport, dances, art shows, recipes, films, fashion, awareness
#   months); the others drawn with random.Random(10).
# PANDA: InzamamAnwar/panda-dataset (a Pakistani news dataset's saved pages, `artifacts/source-code/`), at
#   PANDA_COMMIT. Of the article pages of each of its six publishers (The News 70, Geo 41, The Frontier Post 31, The
#   Friday Times 25, Daily Times 24, Dawn 15), the first 4 of a random.Random(10) shuffle of each; all titles were read
#   and only one page of the whole crawl reads as education (an out-of-school children survey in Khyber Pakhtunkhwa),
#   and it fell in the draw.
# AMNY: 456-bytes/Amny-brooklyn, a static copy of amNewYork (amny.com, New York City daily) saved on 16 October 2022,
#   at AMNY_COMMIT: 25 article pages, one under the education desk (/education/), 24 elsewhere. The pages are the
#   publisher's own (their og:url and published times are amny.com's; nothing in the copy is invented), though the
#   copy's owner also keeps crypto-trading sites.

SOURCES = (
    Source("dbstack", "dailybruin/the-stack", STACK_COMMIT, "daily-bruin-the-stack", STACK, _stack, ".md"),
    Source("bibvnews", "bibvnewspaper/bibvnewspaper.github.io", BIBV_COMMIT, "bibv-on-a-monthly-basis", BIBV, _bibv,
           ".md"),
    Source("pandapk", "InzamamAnwar/panda-dataset", PANDA_COMMIT, "panda-pakistan-news", PANDA, _panda, ".html"),
    Source("amnyc", "456-bytes/Amny-brooklyn", AMNY_COMMIT, "amny-site-copy", AMNY, _amny, ".html"),
)


def _file_name(src: Source, path: str) -> str:
    stem = re.sub(r"\.(md|mdx|html?)$", "", path)
    for prefix in ("_posts/", "src/content/articles/", "artifacts/source-code/"):
        stem = stem.removeprefix(prefix)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", stem.strip("/"))[-140:]
    return f"{SPLIT}/{src.key}/{name}{src.suffix}.gz"


def rows_and_pages(places: dict[str, str]) -> list[tuple[dict[str, object], bytes]]:
    """Every labelled page of every source with its row (read from the clone at the recorded commit)."""
    out: list[tuple[dict[str, object], bytes]] = []
    for src in SOURCES:
        for path, lab in src.labels.items():
            page = src.read(git_show(places[src.key], path, src.commit), path)
            row = {"file": _file_name(src, path), "label": LABEL[lab], "site": _host(page.url),
                   "source": src.source, "repository": src.repository, "path": path, "commit": src.commit,
                   "url": page.url, "title": page.title, "split": SPLIT}
            out.append((row, page.body))
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
