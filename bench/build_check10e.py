"""Build data/topic/ check10 (part e): blind news pages from Australian, New Zealand and Pacific publishers, labelled
by reading before scoring.

    python bench/build_check10e.py pac=GIT_DIR

GIT_DIR is a clone (or bare mirror) of the repository named in SOURCES holding the commit given there. check10 is built
by several helpers at once (parts a to e, on their own branches); this script writes only part e's rows (their `file`
names start with ``check10/e-``) and keeps every other row of labels.jsonl, the other parts' included, so the parts
merge without touching each other.

Every page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on
check10; this script only copies the pages (gzip) and writes their rows, so the set can be rebuilt and audited. The
source is a news dataset (title and full text per row, no page chrome), stored as small HTML pages made from the title
and the body, as check3 did for Capital News Service and check10b for the PNG papers. It refuses to write if a site is
already in data/topic (any split but check10), if a repository or URL host is one of tests/fixtures/real's sources
(reading only their `repository` and `url` fields), if two pages map to one file name, or if one site holds more than
MAX_SITE_PAGES or one repository more than MAX_REPOSITORY_PAGES pages. Every source must be given: part e is built
whole or not at all.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _dataset_split import Article, Source, build_part  # noqa: E402
from _topic import git_show  # noqa: E402

SPLIT = "check10"
PART = "e"
MAX_SITE_PAGES = 22  # the brief's caps for one part: no site or repository decides check10's precision or recall
MAX_REPOSITORY_PAGES = 35


def _csv(clone: str, path: str, commit: str) -> Iterator[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    yield from csv.DictReader(io.StringIO(git_show(clone, path, commit).decode("utf-8")))


# PAC: worldbank/pacific-observatory, the World Bank's Pacific Observatory (news text used for economic-uncertainty and
#   sentiment indices): per country, CSVs of scraped news stories with their URL, date and full text, at PAC_COMMIT (the
#   text files were later removed from the repository; the larger ones are not in the snapshot). Three publishers have
#   full texts there:
#   - abc.net.au (ABC News, the Australian public broadcaster; its Pacific stories, 2003-2023) in the Solomon Islands,
#     Tonga, Vanuatu and Marshall Islands files, with ABC's own subject tags; titles from the same folders' URL files.
#     The tags stand in for the education desk (a hint only, as a desk is): a story is on the desk if one of its tags is
#     Education, Schools, Secondary/Primary/Private Schools, Teachers, University, Universities, Education and Training
#     Industry or "... Education" (Access To Education, History Education, Adult Education, ...). Stories of 150+ words
#     with a title, first copy of each URL in file order: 40 on the desk, 2,277 not. Each list was shuffled with
#     random.Random(10) and read from the top: the first 18 of the desk (8 read as other: a disaster-risk report, a
#     university's heat chamber for a rugby team, Tonga's drinking age, blackbirding history, solar engineering
#     grandmothers, a fake online university under police investigation, students' volunteering trip, a research
#     grant on Pacific security) and the first 4 of the rest.
#   - rnz.co.nz (RNZ Pacific, Radio New Zealand's Pacific desk; its Solomon Islands stories, 2015-2023; titles from the
#     URL file): no education desk; the first 7 of a random.Random(10) shuffle of its 1,290 stories of 150+ words.
#   - vbr.vu (Vanuatu Business Review, 2020-2022; title in the file): no desk either; the first 6 of a random.Random(10)
#     shuffle of its 543 stories of 150+ words (2 read as education: tools for a vocational training centre from the
#     education ministry, French funding for the National University of Vanuatu).
#   22 + 7 + 6 = 35 pages: the caps for one site (22) and one repository (35) bound the draws.
PAC_COMMIT = "2cd72cc0f8f5ed1b2ede7ac02fa4145600516398"
PAC_ABC = ("solomon_islands/solomon_islands_abc", "tonga/tonga_abc", "vanuatu/vanuatu_abc",
           "marshall_islands/marshall_islands_abc")
PAC_RNZ = "solomon_islands/solomon_islands_rnz"
PAC_VBR = "data/text/vanuatu/vbr_news.csv"

PAC = {
    # abc.net.au: tagged education, random.Random(10) draw
    "https://www.abc.net.au/news/2013-10-10/an-pacific-risk/5014306": "O",  # disaster-risk report
    "https://www.abc.net.au/news/2013-07-15/solomon-islands-teacher-strike/4820060": "E",  # teachers' pay strike
    "https://www.abc.net.au/news/2013-04-18/new-national-university-opens-in-solomons/4637802": "E",
    # a university's heat chamber for a rugby team
    "https://www.abc.net.au/news/2017-10-25/scottish-league-players-hot-shock-treatment-world-cup-cairns/9081104": "O",
    "https://www.abc.net.au/news/2014-02-12/an-solomon-islands-to-review-scholarship-program-after-students/5254154":
        "E",
    "https://www.abc.net.au/news/2019-06-04/why-93-per-cent-of-girls-in-solomons-drop-out-of-high-school/11172898": "E",
    "https://www.abc.net.au/news/2012-07-27/an-vanuatu-teachers-threaten-wage-court-action/4158692": "E",
    "https://www.abc.net.au/news/2014-07-30/tonga-lifts-drinking-age/5635760": "O",  # tagged Alcohol Education
    # blackbirding history (tagged History Education)
    "https://www.abc.net.au/news/2020-09-04/australian-south-sea-islanders-want-blackbirding-history-known/12611546":
        "O",
    "https://www.abc.net.au/news/2012-07-16/an-solomons-university-to-open/4134598": "E",
    "https://www.abc.net.au/news/2012-09-18/an-fiji-villages-to-make-the-solar-shift/4267010": "O",  # solar engineers
    "https://www.abc.net.au/news/2013-02-05/an-sols-govt-happy-with-teachers-agreement/4502444": "E",
    "https://www.abc.net.au/news/2004-03-12/police-probe-solomons-online-uni-scam/150658": "O",  # fraud inquiry
    "https://www.abc.net.au/news/2015-11-10/newcastle-students-swap-schoolies-for-social-justice/6927864": "O",
    "https://www.abc.net.au/news/2013-01-25/an-solomons-teachers-vote-to-strike/4484314": "E",
    "https://www.abc.net.au/news/2013-01-25/an-easing-pacific-tensions/4484050": "O",  # research grant
    "https://www.abc.net.au/news/2013-04-02/an-sols-teachers-strike-continues/4605862": "E",
    # nursery rhymes that teach young children what to do in a disaster, for early-childhood teachers
    "https://www.abc.net.au/news/2012-11-27/an-surviving-disasters-through-nursery-rhymes/4393850": "E",
    # abc.net.au: other stories, random.Random(10) draw
    "https://www.abc.net.au/news/2006-02-16/qld-nt-police-join-solomons-operation/800186": "O",
    "https://www.abc.net.au/news/2008-12-01/govt-pledges-150k-towards-pacific-hivaids-fight/224896": "O",
    "https://www.abc.net.au/news/2006-10-05/moti-appointment-suspended-amid-criminal-charges/1279482": "O",
    "https://www.abc.net.au/news/2006-11-17/tonga-confirms-5-dead-after-riots/1311652": "O",
    # rnz.co.nz: random.Random(10) draw
    "https://www.rnz.co.nz/international/pacific-news/461062/first-cases-in-solomons-confirmed-as-delta-variant": "O",
    "https://www.rnz.co.nz/international/pacific-news/335760/solomons-head-for-medical-job-freeze": "O",
    "https://www.rnz.co.nz/international/pacific-news/287980/calls-for-clean-lobbying-in-solomons-crisis": "O",
    "https://www.rnz.co.nz/international/pacific-news/330060/solomons-police-working-to-resolve-squatter-conflict": "O",
    "https://www.rnz.co.nz/international/pacific-news/305150/big-omissions-from-msg-trade-deal": "O",
    "https://www.rnz.co.nz/international/pacific-news/268966/solomons-official-'suspected'-nz-was-spying": "O",
    "https://www.rnz.co.nz/international/pacific-news/285494/new-environmental-law-book-for-solomons": "O",
    # vbr.vu: random.Random(10) draw
    "https://vbr.vu/news/leading-the-way-globally-vanuatu-business-resilience-council-partners-with-oxfam-to-implement-"
    "unblocked-cash-response-in-vanuatu/": "O",
    "https://vbr.vu/news/modified-special-death-benefit-scheme-optional/": "O",
    "https://vbr.vu/news/who-launches-first-ever-global-report-on-infection-prevention-and-control/": "O",
    "https://vbr.vu/news/pacific-vocational-training-centre-receives-tools-worth-vt500-000/": "E",
    "https://vbr.vu/news/over-1200-applications-for-small-business-grant-processed/": "O",
    "https://vbr.vu/news/france-and-eu-commit-over-vt471m-to-nuv/": "E",
}


def _pac_rows(clone: str) -> Iterator[Article]:
    titles: dict[str, str] = {}
    for stem in (*PAC_ABC, PAC_RNZ):
        for rec in _csv(clone, f"data/text/{stem}_urls.csv", PAC_COMMIT):
            titles.setdefault(rec["url"].strip(), rec["title"])
    for stem in (*PAC_ABC, PAC_RNZ):
        path = f"data/text/{stem}_news.csv"
        for rec in _csv(clone, path, PAC_COMMIT):
            url = rec["url"].strip()
            yield Article(path, PAC_COMMIT, url, titles.get(url, ""), rec["date"], rec["news"])
    for rec in _csv(clone, PAC_VBR, PAC_COMMIT):
        yield Article(PAC_VBR, PAC_COMMIT, rec["url"].strip(), rec["title"], rec["date"], rec["news"])


SOURCES = (
    Source("pac", "worldbank/pacific-observatory", "pacific-observatory", PAC, _pac_rows),
)


def main(argv: list[str]) -> int:
    return build_part(argv, SOURCES, SPLIT, PART, site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES,
                      need_title=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
