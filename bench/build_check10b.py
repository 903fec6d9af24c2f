"""Build data/topic/ check10 (part b): blind news pages from non-US publishers, labelled by reading before scoring.

    python bench/build_check10b.py png=GIT_DIR bd=GIT_DIR ca=GIT_DIR

GIT_DIR is a clone (or bare mirror) of the repository named in SOURCES holding the commits given there. check10 is built
by three helpers at once (parts a, b and c, on their own branches); this script writes only part b's rows (their `file`
names start with ``check10/b-``) and keeps every other row of labels.jsonl, the other parts' included, so the parts
merge without touching each other.

Every page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on
check10; this script only copies the pages (gzip) and writes their rows, so the set can be rebuilt and audited. The
sources are news datasets (title and full text per row, no page chrome), stored as small HTML pages made from the title
and the body, as check3 did for Capital News Service and check8 for the Philippine papers. It refuses to write if a site
is already in data/topic (any split but check10), if a repository or URL host is one of tests/fixtures/real's sources
(reading only their `repository` and `url` fields), if two pages map to one file name, or if one site holds more than
MAX_SITE_PAGES or one repository more than MAX_REPOSITORY_PAGES pages. Every source must be given: part b is built whole
or not at all.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _dataset_split import Article, Source, build_part  # noqa: E402
from _topic import git_show  # noqa: E402

SPLIT = "check10"
PART = "b"
MAX_SITE_PAGES = 22  # the brief's caps for one part: no site or repository decides check10's precision or recall
MAX_REPOSITORY_PAGES = 35


# PNG: charlieikosi/PNG-News-Database, a Papua New Guinea news database kept up to date by its author's scrapers (R and
#   Python): one CSV per outlet with each article's title, URL, date, full text, and a one-word topic and sentiment that
#   the author had Gemini tag (the notebook's prompt: "tag the article with the relevant category that it talks
#   about"). Sites: thenational.com.pg (The National, daily newspaper, 1,048 rows of Aug-Nov 2025) and tvwan.com.pg
#   (TVWAN, TV news; its local and business files, 2,541 rows of 2024-2025; the politics file repeats the business one).
#   The outlets' own sections are not in the data, so the Gemini topic "Education" stands in for the education desk
#   (it is a hint only, as a desk is). Articles of 150+ words, first copy of each URL. For each site the rows tagged
#   Education and the others were each shuffled with random.Random(10) and read from the top: The National, the first
#   12 tagged Education (2 read as other: students arrested for drinking after exams, students leaving a university
#   campus after a fight with neighbouring villagers) and the first 10 others; TVWAN, the first 9 tagged Education
#   (one, a donation to a university department's research and three students' fees, left out as unsettled; one, a
#   career-networking event run by student volunteers, read as other) and the first 5 others. The Post-Courier files
#   hold titles and URLs only; the NBC file is absent from the snapshot.
PNG_COMMIT = "3cc7c2efad74d90a5b4f7e33fd968294e8fc8281"
PNG_FILES = ("The National/thenational_nation_with_full_text_sentiment.csv",
             "TVWAN/tvwan_local_with_full_text_sentiment.csv", "TVWAN/tvwan_business_with_full_text_sentiment.csv")

PNG = {
    # thenational.com.pg: tagged Education, random.Random(10) draw
    "https://www.thenational.com.pg/police-arrest-18-grade-10-students-over-disorderly-behaviour/": "O",  # crime
    "https://www.thenational.com.pg/teenage-pregnancy-a-factor-in-school-dropouts-study/": "E",  # school dropouts
    "https://www.thenational.com.pg/36500-grade-12-students-nationwide-sit-exams/": "E",
    "https://www.thenational.com.pg/pioneer-grade-10s-in-banz-sit-exam/": "E",
    # desks for a primary school whose fee-free grant cannot buy them
    "https://www.thenational.com.pg/lae-school-receives-biggest-furniture-donation/": "E",
    "https://www.thenational.com.pg/thousands-leave-uog-campus/": "O",  # campus violence, students sent home
    "https://www.thenational.com.pg/moving-into-the-next-50-years/": "E",  # education sector plan launched
    "https://www.thenational.com.pg/commitment-vital-says-kombra/": "E",  # education department, teachers
    "https://www.thenational.com.pg/juffa-opens-education-conference-in-popondetta/": "E",
    # a primary school's 50th anniversary, held as a reconciliation meant to lift its poor results, its run-down
    # classrooms and a new classroom (about the school's schooling, not only the ceremony)
    "https://www.thenational.com.pg/school-to-mark-nations-50-years-with-reconciliation/": "E",
    "https://www.thenational.com.pg/suspended-students-allowed-to-sit-exams/": "E",  # unpaid school fees, exams
    # the Prime Minister on universities: student unrest, campus investment, a no-alcohol policy for students
    "https://www.thenational.com.pg/marape-respect-education-and-tertiary-institutions/": "E",
    # thenational.com.pg: other rows, random.Random(10) draw
    "https://www.thenational.com.pg/certain-provisions-of-constitution-needs-changing-says-kwa/": "O",
    "https://www.thenational.com.pg/pacific-snags-could-follow-albanese-to-trump-meeting/": "O",
    "https://www.thenational.com.pg/nso-pngs-population-now-stands-at-10-million/": "O",
    "https://www.thenational.com.pg/enbs-yalam-road-work-nearing-completion/": "O",
    "https://www.thenational.com.pg/nzdf-helicopter-carries-escavator-to-keapara-in-centrals-rigo/": "O",
    "https://www.thenational.com.pg/department-gives-k500000-for-png-indonesia-border-post-maintenance/": "O",
    "https://www.thenational.com.pg/no-change-in-budget-deficit-forecast-treasurer/": "O",
    "https://www.thenational.com.pg/failure-to-address-law-order-cause-of-goroka-fight-oneill/": "O",
    "https://www.thenational.com.pg/police-ready-to-provide-security-for-independence-celebrations/": "O",
    "https://www.thenational.com.pg/late-wenge-refused-treatment-overseas/": "O",
    # tvwan.com.pg: tagged Education, random.Random(10) draw (news/3711 left out as unsettled)
    "https://tvwan.com.pg/news/3836": "E",  # a university's graduation ceremony
    "https://tvwan.com.pg/news/5939": "E",  # a remote school's learning improvement plan
    "https://tvwan.com.pg/news/6333": "E",  # grade 10 exams
    "https://tvwan.com.pg/news/2516": "O",  # career networking event run by student volunteers
    "https://tvwan.com.pg/news/6485": "E",  # grade 8 exam dates
    "https://tvwan.com.pg/news/6846": "E",  # teacher training
    "https://tvwan.com.pg/news/4143": "E",  # tertiary school fees paid by a district
    "https://tvwan.com.pg/news/6461": "E",  # exam papers leaked
    # tvwan.com.pg: other rows, random.Random(10) draw
    "https://tvwan.com.pg/news/6188": "O",
    "https://tvwan.com.pg/news/6219": "O",
    "https://tvwan.com.pg/news/6746": "O",
    "https://tvwan.com.pg/news/3180": "O",
    "https://tvwan.com.pg/news/5533": "O",
}


def _png_rows(clone: str) -> Iterator[Article]:
    for path in PNG_FILES:
        text = git_show(clone, path, PNG_COMMIT).decode("utf-8-sig")
        csv.field_size_limit(1 << 30)
        for rec in csv.DictReader(io.StringIO(text)):
            # TVWAN's Date column holds one date (30/01/2025) for every row, stories of October included: not a
            # publication date, so those pages get none
            date = "" if path.startswith("TVWAN/") else rec["Date"]
            yield Article(path, PNG_COMMIT, rec["URL"].strip(), rec["Title"], date, rec["Content"])


# BD: EhsanulHaqueSiam/BDNewsPaperScraper, a daily scrape of Bangladeshi newspapers (JSON: headline, full article,
#   URL, paper, category). Only two of its JSON files are in the snapshot (the rest are over the size it keeps): the
#   2025-12-29 daily file and the 2025-12-30 articles.json. Of the English papers, only The Business Standard
#   (tbsnews.net) has full texts there (The Daily Star's and the Dhaka Tribune's rows hold a teaser of 20-50 words), and
#   none of its rows is from its education desk: its pages are the first 7 of a random.Random(10) shuffle of its 35
#   articles of 150+ words (first copy of each URL, daily file first), all read as other (late December 2025: the
#   death of Khaleda Zia, the election campaign, business licences, the border guard's day, the economy).
BD_FILES = (("data/daily/2025-12-29/articles.json", "8947a6cb897d94b3eea76c179394959652692819"),
            ("data/articles.json", "244a544fbb97ead4cb2c268df1b22497c1e38b41"))

BD = {
    # tbsnews.net: random.Random(10) draw
    "https://www.tbsnews.net/bangladesh/ncp-jamaat-alliance-matter-those-parties-bnps-nazrul-1321171": "O",
    "https://www.tbsnews.net/bangladesh/khaleda-zia-no-more-1322216": "O",
    "https://www.tbsnews.net/bangladesh/licence-raj-still-makes-doing-business-bangladesh-hard-1322186": "O",
    "https://www.tbsnews.net/bangladesh/bgb-day-observed-medal-conferral-freedom-fighters-honoured-1321771": "O",
    "https://www.tbsnews.net/bangladesh/politics/two-alliances-scramble-seat-deals-nomination-deadline-ends-today-1321376":
        "O",
    "https://www.tbsnews.net/bangladesh/political-leaders-unite-mourning-khaleda-zias-death-1322301": "O",
    "https://www.tbsnews.net/analysis/can-february-election-breathe-fresh-air-gasping-economy-1321851": "O",
}


def _bd_rows(clone: str) -> Iterator[Article]:
    for path, commit in BD_FILES:
        for rec in json.loads(git_show(clone, path, commit)):
            yield Article(path, commit, rec["url"].strip(), rec["headline"], str(rec.get("publication_date") or ""),
                          rec.get("article") or "")

# CA: jajsmith/COVID19NonPharmaceuticalInterventions, a research project's scrape of Canadian provincial governments'
#   news releases (CSV: date, URL, title, full text with its paragraphs run together; the scrapers took every release of
#   each newsroom from January 2020, not only COVID-19 ones), at CA_COMMIT. Sites: news.ontario.ca (the Ontario
#   Government Newsroom, releases of January-August 2020) and princeedwardisland.ca (the Government of Prince Edward
#   Island's news, 2020-2021). Releases of 150+ words, first copy of each URL. Ontario's URLs name the ministry that
#   issued the release: the releases of the Ministry of Education (edu) and of Colleges and Universities (maesd) are the
#   education desk. Ontario: the first 12 of a random.Random(10) shuffle of the desk (5 read as other: a student survey
#   on bullying, mental-health services for college and school students (students' health), research prizes for
#   post-doctoral researchers, an intellectual-property report) and the first 10 of a random.Random(10) shuffle of the
#   other ministries' releases; Prince Edward Island (no desk in its URLs): the first 6 of a random.Random(10) shuffle.
CA_COMMIT = "6096498db0b86db8095ddc90f85c2ebf3203827d"
CA_FILES = ("sources/ontario.csv", "sources/pei.csv")

CA = {
    # news.ontario.ca: Ministry of Education / Colleges and Universities releases, random.Random(10) draw
    "https://news.ontario.ca/edu/en/2020/01/government-stands-with-parents-and-kids-during-union-led-strike-actions-in-"
    "schools.html": "E",  # teachers' strikes closing schools
    "https://news.ontario.ca/edu/en/2020/01/minister-of-education-releases-interim-report-on-peel-district-school-board-"
    "review.html": "E",  # a school board's review
    "https://news.ontario.ca/edu/en/2020/03/ontario-government-reaches-tentative-agreement-with-aefo.html": "E",
    "https://news.ontario.ca/edu/en/2020/02/ontario-combatting-bullying-in-schools-through-student-survey.html": "O",
    "https://news.ontario.ca/maesd/en/2020/02/ontario-government-takes-action-on-campuses-to-support-student-mental-"
    "health.html": "O",  # students' health
    # mental-health workers in secondary schools (students' health)
    "https://news.ontario.ca/edu/en/2020/06/mental-health-initiatives-for-ontario-students.html": "O",
    "https://news.ontario.ca/maesd/en/2020/02/ontario-recognizes-research-excellence-with-polanyi-prizes.html": "O",
    "https://news.ontario.ca/edu/en/2020/03/new-ministerial-directions-to-drive-change-and-combat-discrimination-in-"
    "peel.html": "E",  # a school board's governance and discrimination
    "https://news.ontario.ca/maesd/en/2020/02/ontario-focuses-on-innovation.html": "O",  # intellectual property
    "https://news.ontario.ca/edu/en/2020/03/minister-of-education-on-increased-escalation-by-etfo-1.html": "E",
    # funding for a French-language university
    "https://news.ontario.ca/maesd/en/2020/01/historic-agreement-for-french-language-in-ontario.html": "E",
    "https://news.ontario.ca/edu/en/2020/01/applications-open-for-the-ministers-advisory-council-on-special-"
    "education.html": "E",
    # news.ontario.ca: other ministries' releases, random.Random(10) draw
    "https://news.ontario.ca/opo/en/2020/04/premier-doug-ford-commemorates-yom-hashoah.html": "O",
    "https://news.ontario.ca/opo/en/2020/05/ontario-expands-virtual-mental-health-services-during-covid-19.html": "O",
    "https://news.ontario.ca/mto/en/2020/02/connecting-people-and-places-in-northern-ontario.html": "O",
    "https://news.ontario.ca/opo/en/2020/03/ontario-enacts-declaration-of-emergency-to-protect-the-public.html": "O",
    "https://news.ontario.ca/mohltc/en/2020/02/ontario-investing-in-critical-mental-health-and-addictions-upgrades-and-"
    "repairs-in-hamilton.html": "O",
    "https://news.ontario.ca/mltc/en/2020/06/new-management-appointed-at-kitchener-long-term-care-home.html": "O",
    "https://news.ontario.ca/opo/en/2020/06/businesses-and-services-to-reopen-in-windsor-essex-with-"
    "exceptions.html": "O",
    "https://news.ontario.ca/mltc/en/2020/08/safe-outings-now-possible-for-long-term-care-home-residents.html": "O",
    "https://news.ontario.ca/omafra/en/2020/07/ontario-investing-in-rural-economic-growth-and-job-creation.html": "O",
    "https://news.ontario.ca/mohltc/en/2020/05/protecting-ontarios-children-with-covid-19.html": "O",
    # princeedwardisland.ca: random.Random(10) draw
    "https://www.princeedwardisland.ca/en/news/funding-mussel-processors-increase-sales-retailers": "O",
    "https://www.princeedwardisland.ca/en/news/photos-taken-air-will-map-entire-island-landscape": "O",
    "https://www.princeedwardisland.ca/en/news/public-libraries-drop-overdue-fees": "O",  # libraries
    "https://www.princeedwardisland.ca/en/news/province-supports-agriculture-and-trucking-industries": "O",
    "https://www.princeedwardisland.ca/en/news/two-new-positive-cases-of-covid-19-in-pei-0": "O",
    "https://www.princeedwardisland.ca/en/news/covid-19-testing-clinic-hours-expanded-due-new-cluster": "O",
}


def _ca_rows(clone: str) -> Iterator[Article]:
    for path in CA_FILES:
        csv.field_size_limit(1 << 30)
        for rec in csv.DictReader(io.StringIO(git_show(clone, path, CA_COMMIT).decode("utf-8"))):
            yield Article(path, CA_COMMIT, rec["source_url"].strip(), rec["source_title"], rec["start_date"],
                          rec["source_full_text"])


SOURCES = (
    Source("png", "charlieikosi/PNG-News-Database", "png-news-database", PNG, _png_rows),
    Source("bd", "EhsanulHaqueSiam/BDNewsPaperScraper", "bd-newspaper-scraper", BD, _bd_rows),
    Source("ca", "jajsmith/COVID19NonPharmaceuticalInterventions", "canada-provincial-news", CA, _ca_rows),
)


def main(argv: list[str]) -> int:
    return build_part(argv, SOURCES, SPLIT, PART, site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
