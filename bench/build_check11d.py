"""Build data/topic/ check11 (part d): blind news pages of Indian English papers, labelled by reading before scoring.

    python bench/build_check11d.py newssumm=GIT_DIR inshorts=GIT_DIR

GIT_DIR is a clone (or bare mirror) of the repository named in SOURCES holding the commits given there. check11 is built
by several helpers at once (parts a, b, c and d, on their own branches); this script writes only part d's rows (their
`file` names start with ``check11/d-``) and keeps every other row of labels.jsonl, the other parts' included, so the
parts merge without touching each other.

Every page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on
check11; this script only copies the pages (gzip) and writes their rows, so the set can be rebuilt and audited. Both
sources are news datasets (title and full text per row, no page chrome), stored as small HTML pages made from the title
and the body, as check3 did for Capital News Service and check10 part b for its datasets. It refuses to write if a site
is already in data/topic (any split but check11), if a repository or URL host is one of tests/fixtures/real's sources
(reading only their `repository` and `url` fields), if two pages map to one file name, or if one site holds more than
MAX_SITE_PAGES or one repository more than MAX_REPOSITORY_PAGES pages. Every source must be given: part d is built whole
or not at all.

The Indian papers of the weak corpus (data/topic/weak, Adarshpandey-007/Indian-News-Dataset) are allowed here by the
lead's decision: the weak corpus has weight 0 in training (bench/train_education.py WEAK_WEIGHT), so its rows never
reach the model. Times of India and Economic Times rows are not used (claimed by other sources).
"""

from __future__ import annotations

import csv
import html
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _dataset_split import LABEL, Article, Source, rows_and_pages, squash, write_part  # noqa: E402
from _topic import git_show, source_args  # noqa: E402

SPLIT = "check11"
PART = "d"
MAX_SITE_PAGES = 22  # the brief's caps for one part: no site or repository decides check11's precision or recall
MAX_REPOSITORY_PAGES = 35

csv.field_size_limit(1 << 30)

# NEWSSUMM: Kavyahegde-2609/factuality-aware-indian-news-summarization, a student project's working copies of NewsSumm
#   (a human-annotated summarisation dataset of Indian English newspaper articles, 2024-2025 and some archive pieces):
#   per row the newspaper's name as the annotator typed it, date, headline, the article's full text, a summary and a
#   news category chosen by the annotator. The rows have no URLs, so `url` is null and `site` is the newspaper's host
#   (the name mapped by NEWSSUMM_HOSTS; rows whose name maps to no newspaper, and Times of India / Economic Times rows,
#   are not used), as check4 did for The Star Democrat. `path` is "FILE#row=N" (N counts data rows from 0).
#   Pool: the four CSV files below, first copy of each headline (files in this order), rows of 150+ words of a mapped
#   newspaper. The category "Education" stands in for the education desk (a hint only): its 59 rows were shuffled with
#   random.Random(11) and the first 30 read; 3 left out as unsettled (profiles of civil-service exam toppers, "Meet
#   woman who cracked UPSC ...": career stories mixing schooling and a job exam). Other pages: the first 8 of a
#   random.Random(11) shuffle of the other categories' rows of the same 14 newspapers (the hosts met in those 30).
NEWSSUMM_FILES = (("data/processed/Google colab/val_1k.csv", "8ed5001009ac70bf443e5882f4002177be96e170"),
                  ("data/processed/Google colab/test_small.csv", "8ed5001009ac70bf443e5882f4002177be96e170"),
                  ("data/processed/train_small.csv", "1af1e84447cafbe3367450a642ceca6420177847"),
                  ("data/processed/val_small.csv", "1af1e84447cafbe3367450a642ceca6420177847"))

# (file name, row) -> (label, host, headline as found): the headline is checked, so a changed file is refused
NEWSSUMM = {
    # category Education, random.Random(11) draw (rows 6, 9 and 22 of the draw left out: UPSC toppers' profiles)
    ("val_1k.csv", 450): ("E", "hindustantimes.com", "MP Class 5, 8 Annual Exam 2025 datesheet out"),
    ("val_1k.csv", 106): ("E", "hindustantimes.com", "JEE Main 2025 session 1 registration starts"),
    # Punjabi students in Canada protest a cap on post-graduate work permits: immigration and work, not study
    ("val_1k.csv", 434): ("O", "newindianexpress.com", "Punjabi students protest in Canada"),
    ("train_small.csv", 158): ("E", "dailypioneer.com", "Research-based Odia Varsity to come up"),
    ("val_1k.csv", 213): ("E", "thehitavada.com", "NEP set to revolutionise education"),
    ("val_1k.csv", 818): ("E", "thehindu.com", "Fresh date for NEET-PG to be announced"),
    # the CBI's arrest of a journalist in the NEET paper-leak case: a crime investigation
    ("val_small.csv", 156): ("O", "navhindtimes.in", "NEET case: CBIarrests journalistin Jharkhand"),
    # students' academic careers hampered by the Manipur conflict, a students' union asks the government to act
    ("val_1k.csv", 629): ("E", "ifp.co.in", "Manipur students staring at bleak future"),
    ("val_1k.csv", 274): ("E", "dailypioneer.com", "Ambitious plan afoot to improve the quality of school education"),
    ("val_1k.csv", 362): ("O", "hindustantimes.com", "UPSSSC Junior Assistant Recruitment 2024"),  # a job recruitment
    ("val_small.csv", 92): ("E", "thehindu.com", "Assam school policy"),
    ("val_1k.csv", 479): ("E", "thehansindia.com", "Inclusion in Play Schools"),  # inclusive early learning
    ("val_small.csv", 126): ("E", "thehindu.com", "NTA’s plan to add more online exam centres"),
    # a school's history: three centuries of schooling and shelter
    ("val_1k.csv", 340): ("E", "thehindu.com", "A Chennai school that has been providing education"),
    ("train_small.csv", 181): ("O", "deccanchronicle.com", "ISRO achieves milestone"),
    ("val_1k.csv", 655): ("E", "hindustantimes.com", "WBJEE Counselling 2024"),  # admissions counselling
    ("val_1k.csv", 357): ("E", "hindustantimes.com", "LU shortens graduation exam duration"),
    ("val_small.csv", 35): ("E", "sentinelassam.com", "New Delhi: NTA Announces Revised Dates"),
    ("val_1k.csv", 392): ("O", "sentinelassam.com", "Digital Life Certificate Campaign"),  # pensioners
    # student unions ask the Education Minister to act on an inquiry into a university's administration
    ("val_1k.csv", 553): ("E", "theshillongtimes.com", "NEHU groups move Centre"),
    ("val_1k.csv", 321): ("O", "thehindu.com", "IIM-B placements"),  # summer internships and job offers
    ("val_1k.csv", 567): ("E", "financialexpress.com", "NEET PG 2024 Result Date Soon"),
    ("val_small.csv", 7): ("E", "thehindu.com", "NTA announces fresh dates for UGC-NET"),
    ("train_small.csv", 655): ("E", "theshillongtimes.com", "IndianOil scholarship"),
    # the application form of the civil-service (job) examination's second stage
    ("val_1k.csv", 188): ("O", "hindustantimes.com", "UPSC CSE Mains 2024 DAF-1 released"),
    ("train_small.csv", 55): ("E", "arunachaltimes.in", "Education dept refutes allegation"),  # virtual teaching studio
    # officials taking bribes to raise marks, arrests: a crime investigation
    ("val_small.csv", 4): ("O", "thehindu.com", "Now, mark sheet scam at Gauhati University"),
    # other categories of the same newspapers, random.Random(11) draw
    ("val_small.csv", 109): ("O", "thehindu.com", "Death toll in rain-linked incidents"),
    ("train_small.csv", 982): ("O", "dailypioneer.com", "Jaya races with rupee"),
    ("val_1k.csv", 924): ("O", "arunachaltimes.in", "12-yr-old boy abducted, killed"),
    ("val_1k.csv", 51): ("O", "navhindtimes.in", "Social cost of Goa’s rising excise revenue"),
    # a doctor arrested for assaulting girls in a school hostel, the principal for covering up: crime at a school
    ("val_1k.csv", 377): ("O", "newindianexpress.com", "MOM'S SCHOOL Govt doc held"),
    ("val_small.csv", 87): ("O", "thehindu.com", "Humour for the soul"),
    ("val_1k.csv", 623): ("O", "dnaindia.com", "WI vs NZ, Women's T20 World Cup"),
    ("train_small.csv", 256): ("O", "hindustantimes.com", "Need of minimum restraints on Press"),  # archive, 1951
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


def _newssumm_page(title: str, paper: str, date: str, body: str) -> bytes:
    """A small HTML page from one NewsSumm row (no URL, so no canonical link): title, newspaper and date, body."""
    t = html.escape(squash(title))
    paras = "\n".join(f"<p>{html.escape(squash(p))}</p>" for p in body.split("\n") if squash(p))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{t}</title></head>\n'
            f'<body><article><h1>{t}</h1>\n<p class="dateline">{html.escape(squash(paper))}, '
            f"{html.escape(squash(date))}</p>\n{paras}\n</article></body></html>\n").encode()


def _newssumm_rows(clone: str) -> list[tuple[dict[str, object], bytes]]:
    out: list[tuple[dict[str, object], bytes]] = []
    found: set[tuple[str, int]] = set()
    for path, commit in NEWSSUMM_FILES:
        name = path.rsplit("/", 1)[-1]
        text = git_show(clone, path, commit).decode("utf-8")
        for i, rec in enumerate(csv.DictReader(io.StringIO(text))):
            if (name, i) not in NEWSSUMM:
                continue
            label, site, start = NEWSSUMM[(name, i)]
            title = squash(rec["headline"])
            if not title.startswith(start):
                raise SystemExit(f"newssumm: {name} row {i} is {title!r}, expected {start!r}")
            found.add((name, i))
            row = {"file": f"{SPLIT}/{PART}-newssumm/{site}-{_slug(title)}.html.gz", "label": LABEL[label],
                   "site": site, "source": "newssumm-indian-papers",
                   "repository": "Kavyahegde-2609/factuality-aware-indian-news-summarization",
                   "path": f"{path}#row={i}", "commit": commit, "url": None, "title": title, "split": SPLIT}
            out.append((row, _newssumm_page(rec["headline"], rec["newspaper_name"], rec["date"], rec["article"])))
    missing = sorted(set(NEWSSUMM) - found)
    if missing:
        raise SystemExit(f"newssumm: labelled rows not found: {missing}")
    return out


# INSHORTS: gayathrik948/nlp_task1, news_summary.csv: the first 499 rows of the Kaggle "News Summary" dataset (Inshorts
#   summaries of July-August 2017 with each story's read-more URL and `ctext`, the scraped full article). Sites:
#   hindustantimes.com and indiatoday.intoday.in (theguardian.com rows not used: already labelled). Stories of 150+
#   words, first copy of each URL (query string dropped). The Hindustan Times URLs carry the section: its two
#   /education/ stories are the education desk (both read as education); other pages: a random.Random(11) shuffle of
#   the 379 other stories of both sites, read from the top; once hindustantimes.com reached the part's site cap (22,
#   with its NewsSumm pages) its later rows of the shuffle were skipped, India Today's kept up to the 36th row.
INSHORTS_PATH = "news_summary.csv"
INSHORTS_COMMIT = "d8890d78117355d13497d5446e49c7feaa1c4d62"

INSHORTS = {
    # hindustantimes.com /education/
    "http://www.hindustantimes.com/education/difficult-to-run-iims-from-delhi-we-should-trust-them-javadekar/"
    "story-Pgdscio3uAxLrIEgVGyNHN.html": "E",
    "http://www.hindustantimes.com/education/maharashtra-govt-to-probe-delay-in-assessment-of-mu-papers/"
    "story-d5k5pVZwIfLdNn0ULS9qvK.html": "E",
    # other sections of both sites, random.Random(11) draw
    "http://www.hindustantimes.com/india-news/kolkata-drunken-woman-caught-for-rash-driving-starts-kissing-policeman/"
    "story-S5fOcH4dgrjEFxHoJVpPZI.html": "O",
    "http://www.hindustantimes.com/india-news/smriti-irani-shares-an-old-picture-with-husband-and-internet-can-t-stop-"
    "admiring/story-UCd5VU1siBMAXHfyVTguoL.html": "O",
    "http://www.hindustantimes.com/india-news/nitish-kumar-is-cm-again-as-political-balance-shifts-in-bihar-to-face-"
    "trust-vote-today/story-gMBoEIPJwUjWqTh0KG0KNN.html": "O",
    "http://indiatoday.intoday.in/story/post-gst-travel-time-of-trucks-has-reduced-by-a-fifth-govt/1/"
    "1014574.html": "O",
    "http://indiatoday.intoday.in/story/karnataka-high-court-vijaya-mallya-financial-fraud-s-kumars/1/"
    "1015792.html": "O",
    # legislators ask for college seats reserved for students living nearby (admissions policy, met in the draw)
    "http://www.hindustantimes.com/mumbai-news/mumbai-colleges-may-reserve-seats-for-students-who-live-nearby/"
    "story-jwiPVsdseT8fiXPYWzaduI.html": "E",
    "http://www.hindustantimes.com/world-news/sri-lankan-crew-averts-mid-air-fire-caused-by-phone/"
    "story-OPhF3TalP5BiW3vMBTlveP.html": "O",
    "http://www.hindustantimes.com/india-news/maharashtra-tops-the-list-of-fresh-gst-registrations-gujarat-comes-second/"
    "story-1epvkStQHjYN28BMrVBHQK.html": "O",
    "http://indiatoday.intoday.in/story/rane-targets-sena-over-mumbai-not-becoming-world-class-city/1/"
    "1013715.html": "O",
    # a hostel pupil's suicide after being caught stealing from a classmate (a child's death at a school)
    "http://www.hindustantimes.com/mumbai-news/11-year-old-tribal-student-hangs-himself-after-being-caught-stealing-"
    "rs30-from-a-classmate/story-kYuGLX8k0xEEzHdWif6JEO.html": "O",
    "http://www.hindustantimes.com/india-news/sharad-yadav-breaks-silence-on-nitish-kumar-s-bihar-flip-says-doesn-t-"
    "agree-with-decision-to-go-with-bjp/story-qhLfab2CithgXSUBMJKRnL.html": "O",
    "http://www.hindustantimes.com/mumbai-news/maharashtra-farmers-can-fill-loan-waiver-forms-on-mobile-app/"
    "story-RkYsipLgPvFfDXVKdXT1zM.html": "O",
    "http://www.hindustantimes.com/gurgaon/20-people-trapped-for-90-minutes-in-faulty-elevator-at-gurgaon-mall/"
    "story-ObbrdLAIUElsJqnTSQETsL.html": "O",
    "http://www.hindustantimes.com/india-news/baby-in-thane-born-pregnant-with-twin-brother-feeding-off-his-body/"
    "story-shjjTfMU7msFuyASqpV3GO.html": "O",
    "http://www.hindustantimes.com/india-news/delhi-chandigarh-among-29-cities-and-towns-highly-vulnerable-to-quakes/"
    "story-EoOMOhuHRrmuDZBBqJWjkK.html": "O",
    "http://www.hindustantimes.com/cricket/jhulan-goswami-has-no-time-for-romantic-partnership/"
    "story-2rvGaiHeR6k9332p82HggL.html": "O",
    # a government-school pupil said to be hired by Google: a job, not study
    "http://indiatoday.intoday.in/technology/story/google-hires-class-12-indian-student-with-monthly-salary-of-rs-12-"
    "lakh/1/1015947.html": "O",
    "http://indiatoday.intoday.in/story/delhi-high-court-accident-compensation/1/1017531.html": "O",
    "http://indiatoday.intoday.in/story/kamal-haasan-daughter-akshara-religion-change/1/1013287.html": "O",
    "http://indiatoday.intoday.in/story/kangana-ranaut-simran-edit-table-hansal-mehta/1/1016187.html": "O",
    "http://indiatoday.intoday.in/story/amar-singh-akhilesh-yadav-aurangzeb-mulayam-singh-shahjahan/1/"
    "1014274.html": "O",
    "http://indiatoday.intoday.in/story/mumbai-teen-suicide-could-be-first-indian-case-of-blue-whale-challenge/1/"
    "1014835.html": "O",
}


def _inshorts_rows(clone: str) -> Iterator[Article]:
    text = git_show(clone, INSHORTS_PATH, INSHORTS_COMMIT).decode("utf-8", "replace")
    for rec in csv.DictReader(io.StringIO(text)):
        yield Article(INSHORTS_PATH, INSHORTS_COMMIT, rec["read_more"].strip().split("?")[0], rec["headlines"],
                      rec["date"], rec["ctext"])


SOURCES = (
    Source("inshorts", "gayathrik948/nlp_task1", "kaggle-news-summary", INSHORTS, _inshorts_rows),
)
KEYS = ("newssumm", "inshorts")


def main(argv: list[str]) -> int:
    clones = source_args(argv, KEYS)
    if clones is None:
        return 2
    built = _newssumm_rows(clones["newssumm"]) + rows_and_pages(SOURCES, clones, SPLIT, PART)
    return write_part(built, SPLIT, PART, site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
