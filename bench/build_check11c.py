"""Build data/topic/ check11 (part c): blind news pages of US and Australian government newsrooms, labelled by reading.

    python bench/build_check11c.py govrss=GIT_DIR congress=GIT_DIR

GIT_DIR is a clone (or bare mirror) of the repository named in SOURCES holding the commits given there. check11 is built
by three helpers at once (parts a, b and c, on their own branches); this script writes only part c's rows (their `file`
names start with ``check11/c-``) and keeps every other row of labels.jsonl, the other parts' included, so the parts
merge without touching each other.

Every page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on
check11; this script only copies the pages (gzip) and writes their rows, so the set can be rebuilt and audited. The
sources are scrapes of newsrooms (title and full text per item, no page chrome), stored as small HTML pages made from
the title and the body, as check10 did. It refuses to write if a site is already in data/topic (any split but check11),
if a repository or URL host is one of tests/fixtures/real's sources (reading only their `repository` and `url` fields),
if two pages map to one file name, or if one site holds more than MAX_SITE_PAGES or one repository more than
MAX_REPOSITORY_PAGES pages. Every source must be given: part c is built whole or not at all.

Part c was to look first at US, UK, Irish, Australian and Canadian publishers. Their newspapers and education outlets
(Chalkbeat, EdSource, The Hechinger Report, The 74) have no full-text pages in the stored repositories, and the large
ones found (NYT, Washington Post, NPR, the Guardian, BBC, The Irish Times, CBC...) are labelled already; the two
sources used are government newsrooms that publish news releases as news: two Australian states' media statements and
US members of Congress's press releases.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _dataset_split import Article, Source, build_part  # noqa: E402
from _topic import git_show  # noqa: E402

SPLIT = "check11"
PART = "c"
MAX_SITE_PAGES = 22  # the brief's caps for one part: no site or repository decides check11's precision or recall
MAX_REPOSITORY_PAGES = 35


# GOVRSS: gov-rss/rss, a Scrapy project's RSS feeds of Australian governments' media statements, one commit (2022-11-12)
#   with each feed's last 24 items: title, link, the statement's full body as HTML, the ministers, the date. Sites:
#   mediastatements.wa.gov.au (the Government of Western Australia) and statements.qld.gov.au (the Queensland
#   Government); the repository's other feeds are parties' releases (ACT Liberals, Tasmanian Labor), not used. With 24
#   items a site, every statement was read; the statements of each state's education minister (WA: Sue Ellery,
#   Education and Training; Qld: Grace Grace, Education, also Industrial Relations and Racing) stand in for the
#   education desk, a hint only. Every statement read as education was kept (WA 3, Qld 2), and the first 15 of a
#   random.Random(11) shuffle (in feed order before it) of each site's statements read as other, so that the repository
#   holds 35 pages (its cap). Read and left out before the draw: WA, waterwise upgrades saving public schools' water and
#   the defence-industry workforce plan across schools, TAFEs and universities (both unsettled); Qld, two of three
#   near-identical farm-safety calendar winners (the Gold Coast one went into the draw). Left out by the draw: WA,
#   social housing, regional grants, a boat, education requirements for strata managers (other: professional
#   training); Qld, five statements (driver licences, Indigenous business, miners, veterans, police cars).
GOVRSS_COMMIT = "886ff6c19902676e9931193ebadd79df012a92eb"
GOVRSS_FILES = ("wa-gov.rss", "qld-gov.rss")
WA = "https://www.mediastatements.wa.gov.au/Pages/McGowan/2022/11/"
QLD = "https://statements.qld.gov.au/statements/"

GOVRSS = {
    # mediastatements.wa.gov.au: education, then the draw's first 15 others
    WA + "Students-to-commemorate-WWII-history-on-Premier's-ANZAC-tour.aspx": "E",  # students' study tour, Ellery
    # pay of public schools' education assistants, cleaners and gardeners (school staff pay, as teacher pay)
    WA + "Education-assistants,-cleaners-and-gardeners-accept-wages-offer.aspx": "E",
    # new machines for South Metropolitan TAFE's students (vocational college teaching), Ellery
    WA + "Cutting-edge-machines-to-train-WA-defence-industry-workers.aspx": "E",
    WA + "Position-statement-on-improving-development-of-childcare-centres.aspx": "O",  # planning rules for premises
    WA + "Supplier-Wage-Audit-established-to-combat-wage-theft.aspx": "O",
    WA + "Useful-upgrade-supports-growth-of-Gascoyne-SES-unit.aspx": "O",
    WA + "Have-a-Go-Day-gets-better-with-age.aspx": "O",
    WA + "New-local-government-regulations-gazetted-for-Council-meetings-to-continue-electronically.aspx": "O",
    WA + "Film-and-TV-studio-a-step-closer-for-Malaga-METRONET-station-precinct.aspx": "O",
    WA + "Government-announces-changes-to-Market-led-Proposal-policy.aspx": "O",
    WA + "Final-phase-of-Aboriginal-cultural-heritage-co-design-underway.aspx": "O",
    WA + "National-Rugby-League-Double-Header-for-Perth-next-year.aspx": "O",
    WA + "New-pipelines-to-support-growth-in-City-of-Swan.aspx": "O",
    WA + "Bunbury-wheelchair-access-on-the-right-track.aspx": "O",
    WA + "Potential-grows-for-the-Avon-Industrial-Park.aspx": "O",
    WA + "Extended-retail-trading-hours-to-increase-Christmas-convenience.aspx": "O",
    WA + "WA-Government-delivers-for-veteran-initiatives-and-support-services.aspx": "O",
    WA + "New-kitchen-showcases-Carnarvon%E2%80%99s-premier-produce.aspx": "O",
    # statements.qld.gov.au: education, then the draw's first 15 others
    QLD + "96535": "E",  # Premier's Anzac Prize: an educational trip for students and teachers, Grace
    QLD + "96553": "E",  # $20 million of new classrooms and STEM spaces at New Farm State School, Grace
    # primary pupils' drawings for Workplace Health and Safety's farm calendar (a school art contest: other, as school
    # sport, music and drama are), Grace as Industrial Relations Minister
    QLD + "96517": "O",
    QLD + "96518": "O",  # work health and safety codes, Grace
    QLD + "96531": "O",  # flood-recovery work-skills traineeships (job training)
    QLD + "96536": "O",
    QLD + "96540": "O",
    QLD + "96538": "O",
    QLD + "96549": "O",
    QLD + "96539": "O",
    QLD + "96547": "O",
    QLD + "96545": "O",
    QLD + "96508": "O",
    QLD + "96523": "O",
    QLD + "96526": "O",
    QLD + "96533": "O",
    QLD + "96532": "O",
}

_BREAK = re.compile(r"</(?:p|div|li|h[1-6]|tr)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")


def _html_text(body: str) -> str:
    """A statement's HTML body as text, one paragraph a line (entities are decoded when the page is made)."""
    return _TAG.sub(" ", _BREAK.sub("\n", body))


def _govrss_rows(clone: str) -> Iterator[Article]:
    for path in GOVRSS_FILES:
        for item in ET.fromstring(git_show(clone, path, GOVRSS_COMMIT)).iter("item"):
            yield Article(path, GOVRSS_COMMIT, (item.findtext("link") or "").strip(), item.findtext("title") or "",
                          item.findtext("pubDate") or "", _html_text(item.findtext("description") or ""))


# CONGRESS: dwillis/congress-press, a daily scrape of US senators' and representatives' press releases (JSONL a month:
#   URL, title, date, the member, the release's full text). Its newest month file in the snapshot, April 2026 (605
#   rows; the months of 2021-2026 but four are over the size the snapshot keeps), at CONGRESS_COMMIT. The releases have
#   no desk or topic, so: rows on a house.gov or senate.gov host with 800+ characters of text (549), sorted by URL and
#   shuffled with random.Random(11), read from the top by title and start; the first 17 read as education and the first
#   18 read as other were taken (the other 18 are rows 0-20 of the draw but the education ones). Read and left out on
#   the way (unsettled): the GI Bill transfer bill paired with VA health-care waits, a workforce skills-records bill
#   (the MATCH Act), JROTC instructors' pay, college athletes' eligibility (NIL), a member's day of events opening
#   with a high school's violence-prevention grant, a second Heinrich schoolyards release (near-duplicate of the one
#   kept); read as other but beyond the 18: two Congressional Art Competition winners (school art) and dementia
#   training for doctors at a medical school (professional training).
CONGRESS_COMMIT = "46d3cbc65898dee6b9a9cd6fc56ad6060e5da172"
CONGRESS_FILE = "data/2026/2026-04.jsonl"

CONGRESS = {
    # education, in draw order
    "https://nikemawilliams.house.gov/posts/congresswomen-nikema-williams-hayes-fighting-food-insecurity-for-college-"
    "students": "E",  # SNAP for college students (higher-education hunger)
    # a member's visit to a pre-K-12 Bible school, talking with its students
    "https://jasonsmith.house.gov/2026/04/07/smith-visits-mt-zion-bible-school-in-douglas-county/": "E",
    "https://www.collins.senate.gov/newsroom/senators-collins-warnock-lead-bipartisan-group-urging-education-department-"
    "to-revise-applications-for-trio-programs-promptly-release-funds": "E",  # TRIO college-access grants
    "https://www.cortezmasto.senate.gov/news/press-releases/cortez-masto-celebrates-7-million-secured-to-support-head-"
    "start-programming-in-northwest-nevada/": "E",  # Head Start (early childhood education) funding
    "https://takano.house.gov/newsroom/press-releases/takano-simon-schatz-reintroduce-day-of-silence-resolution-to-"
    "demand-fair-treatment-of-lgbtqi-students": "E",  # bullying of LGBTQI+ students in school
    "https://www.kaine.senate.gov/press-releases/kaine-statement-on-virginia-tech-president-tim-sands": "E",
    "https://www.heinrich.senate.gov/newsroom/press-releases/heinrich-tours-re-envisioned-schoolyard-at-albuquerques-"
    "polk-middle-school-and-announces-legislation-to-help-new-mexico-schools-build-vibrant-outdoor-learning-"
    "spaces": "E",
    "https://www.young.senate.gov/newsroom/press-releases/young-blum-column-in-national-review-restore-merit-to-college-"
    "admissions-by-ending-legacy-preferences/": "E",  # college admissions
    "https://pressley.house.gov/2026/04/07/photos-with-book-bans-on-the-rise-pressley-introduces-bill-to-fight-back-"
    "promote-inclusive-literature/": "E",  # book bans in public schools
    "https://www.moody.senate.gov/press-releases/video-release-senator-ashley-moody-continues-to-fight-for-florida-"
    "students-and-families-with-the-introduction-of-the-flex-act/": "E",  # charter schools' grants
    "https://www.merkley.senate.gov/merkley-colleagues-fight-to-restore-fairness-in-federal-student-aid/": "E",
    "https://www.murray.senate.gov/murray-warren-sanders-wyden-baldwin-blast-new-trump-admin-attempt-to-dismantle-"
    "education-department-call-for-immediate-end-to-illegal-transfer-of-student-loans-to-treasury/": "E",
    # a technical college's programme and career and technical education funding
    "https://www.murray.senate.gov/icymi-senator-murray-tours-renton-technical-college-highlights-importance-of-"
    "investing-in-workforce-training-and-career-and-technical-education/": "E",
    "https://www.warner.senate.gov/public/index.cfm/pressreleases?ID=70480F07-1E99-4535-A00E-3AF895F61DFD": "E",
    # a maritime academy student's costs and a student-incentive-payment law
    "https://www.peters.senate.gov/newsroom/press-releases/on-the-job-for-michigan-midshipman-at-great-lakes-maritime-"
    "academy-highlights-how-peters-cadets-act-helped-her-afford-deck-officer-education": "E",
    # GI Bill books stipend for veterans in higher education
    "https://www.heinrich.senate.gov/newsroom/press-releases/heinrich-banks-duckworth-introduce-legislation-to-support-"
    "veterans-continued-education": "E",
    "https://gottheimer.house.gov/posts/photo-release-gottheimer-visits-tenafly-middle-school-encourages-civic-"
    "engagement-and-leadership": "E",  # a talk to a middle school's eighth grade
    # other, in draw order
    "https://frost.house.gov/media/press-releases/congressman-maxwell-frost-statement-on-pam-bondi-firing": "O",
    "https://www.cramer.senate.gov/news/press-releases/cramer-president-trump-mark-100th-birthday-of-world-war-ii-rosie-"
    "the-riveter-irene-sprague": "O",
    # gambling partnerships of sports leagues, the NCAA among them
    "https://www.blumenthal.senate.gov/newsroom/press/release/blumenthal-presses-american-sports-leagues-on-gambling-"
    "and-prediction-market-partnerships": "O",
    "https://www.duckworth.senate.gov/news/press-releases/-duckworth-collins-introduce-bipartisan-legislation-to-"
    "eliminate-unfair-out-of-pocket-health-care-costs-for-veterans": "O",
    "https://vanepps.house.gov/media/press-releases/rep-van-epps-bill-to-strengthen-congressional-oversight-of-us-"
    "partnerships-with-non-nato-allies": "O",
    "https://www.kelly.senate.gov/newsroom/press-releases/kelly-gallego-demand-an-end-to-dhs-sham-investigation-of-2020-"
    "arizona-election/": "O",
    "https://www.cruz.senate.gov/newsroom/press-releases/sen-cruz-leads-amicus-brief-to-scotus-opposing-new-yorks-"
    "attempt-to-undermine-federal-firearms-law": "O",
    "https://lawler.house.gov/news/documentsingle.aspx?DocumentID=5758": "O",
    "https://hoyle.house.gov/media/press-releases/rep-hoyle-helps-secure-commitment-from-admiral-to-ensure-entirety-of-"
    "oregon-coasts-needs-are-met": "O",
    "https://www.klobuchar.senate.gov/public/index.cfm/news-releases?ID=B4720D36-B39E-487D-9279-1255E42603E7": "O",
    "https://www.moody.senate.gov/press-releases/video-release-senator-moody-leads-effort-to-designate-a-florida-museum-"
    "the-only-national-pow-mia-museum-and-memorial-in-the-country/": "O",
    "https://larsen.house.gov/news/documentsingle.aspx?DocumentID=4151": "O",
    "https://www.shaheen.senate.gov/news/press/ranking-members-shaheen-coons-schumer-reed-schatz-condemn-president-"
    "trumps-threat-against-iranian-civilization": "O",
    "https://www.reed.senate.gov/news/releases/reed-statement-on-pam-bondi-being-ousted-from-doj": "O",
    "https://www.cassidy.senate.gov/newsroom/press-releases/cassidy-discusses-jobs-infrastructure-health-care-on-"
    "northshore/": "O",
    "https://www.justice.senate.gov/press-releases/senator-justice-applauds-frontieras-north-america-groundbreaking-in-"
    "point-pleasant": "O",
    "https://www.mccormick.senate.gov/news/press-releases/senator-mccormick-fbi-director-patel-convene-roundtable-on-"
    "combatting-fentanyl-crisis/": "O",
    "https://finstad.house.gov/2026/04/10/finstad-joins-city-administrators-to-discuss-federal-water-critical-"
    "infrastructure-funding-for-local-communities/": "O",
}


def _congress_rows(clone: str) -> Iterator[Article]:
    for line in git_show(clone, CONGRESS_FILE, CONGRESS_COMMIT).decode("utf-8").splitlines():
        rec = json.loads(line)
        # zero-width spaces some member sites pad paragraphs with
        body = (rec.get("text") or "").replace("\u200b", "")
        yield Article(CONGRESS_FILE, CONGRESS_COMMIT, rec["url"].strip(), rec.get("title") or "",
                      str(rec.get("date") or ""), body)


SOURCES = (
    Source("govrss", "gov-rss/rss", "gov-rss-au-statements", GOVRSS, _govrss_rows),
    Source("congress", "dwillis/congress-press", "congress-press", CONGRESS, _congress_rows),
)


def main(argv: list[str]) -> int:
    return build_part(argv, SOURCES, SPLIT, PART, site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES,
                      need_title=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
