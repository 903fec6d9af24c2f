"""Build data/topic/ check8 (half b): blind news pages from non-US publishers, labelled by reading before scoring.

    python bench/build_check8b.py ph=GIT_DIR beehive=DIR chronicle=GIT_DIR

GIT_DIR is a clone (or bare mirror) of the repository named in CSV_SOURCES holding the commit given there; DIR holds
byte-for-byte copies of the Beehive files (see BEEHIVE below; the gunzipped pages of data/topic/pages/check8/b-beehive/
are such copies). check8 is built by two helpers at once (halves a and b, on their own branches); this script writes
only half b's rows (their `file` names start with ``check8/b-``) and keeps every other row of labels.jsonl, half a's
included, so the halves merge without touching each other.

Every page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on
check8; this script only copies the pages (gzip) and writes their rows, so the set can be rebuilt and audited. Rows of
news datasets (title and full text, no page chrome) are stored as small HTML pages made from the title and the body, as
check3 did for Capital News Service. It refuses to write if a site is already in data/topic (any split but check8), if a
repository or URL host is one of tests/fixtures/real's sources (reading only their `repository` and `url` fields), if
two pages map to one file name, or if one site holds more than MAX_SITE_PAGES or one repository more than
MAX_REPOSITORY_PAGES pages. Every source must be given: half b is built whole or not at all.
"""

from __future__ import annotations

import csv
import html
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _topic import Spread, git_show, source_args, write_split  # noqa: E402
from _topic import host as _host  # noqa: E402

SPLIT = "check8"
PART = "b"
LABEL = {"E": "education", "O": "other"}
MAX_SITE_PAGES = 22  # the brief's caps for one half: no site decides check8's precision or recall alone
MAX_REPOSITORY_PAGES = 35


@dataclass(frozen=True)
class CsvSource:
    """A news dataset kept as CSV files (title, author, date, article, link): one row per article."""

    key: str
    repository: str
    commit: str
    source: str  # the `source` field of the rows
    files: tuple[str, ...]  # CSV paths in the repository
    labels: dict[str, str]  # article URL (the row's link) -> "E" | "O"


# PH: jamesm219/PH-Newspaper-Archive, a class project's scrape of five Philippine newspapers (mid-July 2024): title,
#   author, date, full article text and link per row (the scraper joined paragraphs with commas; kept as found). Sites:
#   bworldonline.com (BusinessWorld), malaya.com.ph (Malaya Business Insight), rappler.com, manilatimes.net (The Manila
#   Times); the Inquirer file is not used (inquirer.net stories are among the tune articles). No education desk in the
#   scrape: other pages are the first 8 of a random.Random(8) shuffle of each site's rows (two Rappler rows left out
#   as unsettled: a daily headlines round-up whose first item is the education department's resignations, and a fact
#   check of a video about student cash aid), and every education story met in reading all rows is kept (the
#   education department's senior officials resigning, at two sites; a columnist's piece on teaching a film-writing
#   course, which turns to former students' film careers, is left out as unsettled). School sport (the national
#   student games, a college volleyball team), a party-list of teachers' representative convicted in a court case,
#   and picture books are other.
PH = {
    # bworldonline.com: random draw
    "https://www.bworldonline.com/arts-and-leisure/2024/07/17/608452/decades-after-billie-holidays-death-strange-fruit-"
    "is-still-a-searing-testament-to-injustice-and-of-faithful-solidarity-with-suffering/": "O",
    "https://www.bworldonline.com/corporate/2024/07/17/608491/a-flow-landbank-ink-p2-4-b-loan-for-data-center-in-"
    "laguna/": "O",
    # picture books by an artist (climate), not about schooling
    "https://www.bworldonline.com/bloomberg/2024/07/17/608451/oliver-jeffers-makes-climate-picture-books-for-adults-and-"
    "kids-alike/": "O",
    "https://www.bworldonline.com/top-stories/2024/07/12/607650/marcos-appoints-top-banker-to-mb/": "O",
    "https://www.bworldonline.com/top-stories/2024/07/16/608212/fastest-in-five-months-cash-remittances-jump-by-3-6-in-"
    "may-bsp/": "O",
    "https://www.bworldonline.com/top-stories/2024/07/15/607981/debt-service-bill-jumps-in-may/": "O",
    "https://www.bworldonline.com/top-stories/2024/07/15/607982/peza-investments-plunge-in-june/": "O",
    "https://www.bworldonline.com/top-stories/2024/07/12/607648/phl-banks-total-assets-up-12-4-as-of-end-may/": "O",
    # malaya.com.ph: random draw
    "https://malaya.com.ph/news_sports/picks-out-to-bolster-painters/": "O",
    "https://malaya.com.ph/news_living/life-is-a-spiral-mahintana/": "O",  # rural health units
    "https://malaya.com.ph/news_news/who-fails-to-catch-up-with-consumer-led-innovation-to-end-smoking/": "O",
    "https://malaya.com.ph/news_news/bahamas-files-15m-deposits-14-accounts-1-comelec-official/": "O",
    "https://malaya.com.ph/news_sports/csb-belles-bag-3rd-in-shakeys-tilt/": "O",  # college volleyball (school sport)
    "https://malaya.com.ph/news_sports/nationals-shift-focus-to-fiba-qualifiers/": "O",
    "https://malaya.com.ph/news_news/ransomware-attack-hits-dmw-system/": "O",
    "https://malaya.com.ph/news_news/after-trump-shooting-his-supporters-still-fiercely-oppose-gun-reforms/": "O",
    # malaya.com.ph: education stories met in reading every row
    "https://malaya.com.ph/news_news/5-deped-executives-quit/": "E",  # education department's leadership
    # rappler.com: random draw
    "https://www.rappler.com/philippines/video-archbishop-socrates-villegas-sails-west-sea-pray-china/": "O",
    "https://www.rappler.com/philippines/score-global-life-work-balance-index-2024/": "O",
    "https://www.rappler.com/sports/palarong-pambansa/updates-games-results-athletes-2024/": "O",  # student games
    "https://www.rappler.com/sports/jones-cup-updates-results-highlights-philippines-ukraine-july-15-2024/": "O",
    "https://www.rappler.com/entertainment/celebrities/kylie-padilla-new-relationship/": "O",
    "https://www.rappler.com/sports/jones-cup-updates-results-highlights-philippines-malaysia-july-17-2024/": "O",
    "https://www.rappler.com/world/us-canada/elon-musk-plans-commit-funding-pro-trump-support-committee/": "O",
    "https://www.rappler.com/world/us-canada/donald-trump-republican-national-convention-appearance-july-15-2024/": "O",
    # manilatimes.net: random draw
    "https://www.manilatimes.net/2024/07/17/news/think-tank-government-has-to-invest-more-in-digital-infrastructure/"
    "1957934": "O",
    # court verdict against a teachers' party-list representative (politics, courts)
    "https://www.manilatimes.net/2024/07/17/news/national/ahw-slams-verdict-vs-castro-ocampo/1957852": "O",
    "https://www.manilatimes.net/2024/07/17/news/national/afp-denies-walkout-reports-manifesto-seeks-gibos-ouster/"
    "1957850": "O",
    "https://www.manilatimes.net/2024/07/17/news/national/ransomware-attack-cripples-dmw-website/1957845": "O",
    "https://www.manilatimes.net/2024/07/17/news/valenzuela-elderly-get-early-christmas-gift-packs/1957935": "O",
    "https://www.manilatimes.net/2024/07/17/news/police-ordered-to-intensify-operations-vs-high-value-criminals/"
    "1957944": "O",
    "https://www.manilatimes.net/2024/07/17/news/national/brosas-to-seek-senate-seat-in-25/1957675": "O",
    "https://www.manilatimes.net/2024/07/17/news/national/manhunt-for-guo-to-widen/1957854": "O",
    # manilatimes.net: education story met in reading every row
    "https://www.manilatimes.net/2024/07/17/news/5-senior-deped-officials-resign/1957878": "E",
}

# BEEHIVE: marcus-crane/beehive-exporter, an export of beehive.govt.nz (the New Zealand Government's press releases,
#   1996-2026) as Markdown with front matter (title, date, url, ministers, portfolios). No snapshot of the repository
#   could be fetched here, so each file was read from the stored index (at the commit recorded per file) and copied byte
#   for byte (its character count checked against the index); pass the directory of those copies as beehive=DIR (file
#   names are the paths' last parts). Other pages: the first 11 of a random.Random(8) shuffle of the first 100 Markdown
#   files the index lists (1996-07 to 2024-08), less two whose second halves are in te reo Maori (English pages only).
#   Education pages: every release of the Education and Tertiary Education portfolios (the desk) and every other
#   education story met in reading every release of 2024-01 to 2024-07, 2024-09, 2025-02 and 2025-03 in the export (153
#   releases), less one bilingual release (half in te reo Maori): the new school year's literacy and cellphone rules, a
#   phonics check and structured-literacy kits for schools teaching in te reo Maori, honours for educators, study
#   scholarships for Maori students (2024 and 2025), a regulatory review of early childhood education, charter schools
#   and the teachers' union, study-abroad scholarships, school buildings (a girls' college, the school property
#   inquiry), a third medical school (Health portfolio; the start is about the university's new school and training
#   places). A secondary schools' speech contest and kapa haka competition (school arts), a university rocket club's
#   prize, space prizes and new hospital units for children met in that reading are other and not kept (not in the
#   random draw). Honours for business people and scientists, defence, foreign affairs, housing, transport, biosecurity
#   and a 1996 industry report are the other pages.
BEEHIVE = {
    # path in the repository: (commit, label)
    "content/markdown/2024/01/government-ends-ute-tax.md": ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "O"),
    "content/markdown/2024/07/2024-07-11-nzdfs-red-sea-deployment-extended.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "O"),
    "content/markdown/2024/06/2024-06-02-pm-congratulates-kings-birthday-honours-recipients.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "O"),
    "content/markdown/2024/04/2024-04-19-anzac-commemorations-turkiye-relationship-focus-visit.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "O"),
    "content/markdown/1996/07/1996-07-23-luxton-congratulates-business-still-work-do.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "O"),
    "content/markdown/2024/05/minister-responds-review-kainga-ora.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "O"),
    "content/markdown/2024/04/new-zealand-biosecurity-awards--winners-announced.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "O"),
    "content/markdown/2024/04/2024-04-19-pms-south-east-asia-mission-does-business.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "O"),
    "content/markdown/1996/07/1996-07-26-trade-commission-established-indonesia.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "O"),
    "content/markdown/2024/09/2024-09-20-landmark-phonics-check-te-reo-maori.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "E"),
    "content/markdown/2024/06/kings-birthday-honours-recognise-significant-contributions-education.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
    "content/markdown/2024/05/unions-should-put-learning-ahead-ideology.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),  # charter schools vs the secondary teachers' union
    "content/markdown/2024/07/students-needs-centre-new-charter-school-adjustments.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
    "content/markdown/2024/07/prime-ministers-scholarships-awarded.md":  # Tertiary Education and Skills portfolio
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
    "content/markdown/2024/01/2024-01-29-new-school-year-starts-focus-students-success.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "E"),
    "content/markdown/2024/03/2024-ngarimu-vc-and-28th-maori-battalion-memorial-scholarships-announced.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
    "content/markdown/2025/02/2025-02-03-supercharging-literacy-numeracy-achievement-through-te-reo-maori.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "E"),
    "content/markdown/2025/02/property-solution-wellington-girls-college.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
    "content/markdown/2025/03/2025-03-04-school-property-back-track.md":
        ("483c52ab8d81ffd325dac53252ca6100fbdffac3", "E"),
    "content/markdown/2025/03/2025-ngarimu-vc-and-28th-maori-battalion-memorial-scholarships-announced.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
    # Health portfolio, but mainly about a university's new medical school and its training places
    "content/markdown/2024/02/waikato-mou-reinforces-govts-commitment-increase-nz-doctors.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
    # Regulation portfolio, but mainly about early childhood education's rules, costs and availability
    "content/markdown/2024/06/ministry-regulation-kicks-first-sector-review--early-childhood-education.md":
        ("e3dac0e9244a883651b50d5461c064f3f0b116ca", "E"),
}

# CHRONICLE: The-Campus-Chronicle/website @ 078b40b (Jekyll source of ucvts-campus-chronicle.com, The Campus Chronicle,
#   the student newspaper of Union County Vocational-Technical Schools, New Jersey, 2019-2026; posts stored as found,
#   Markdown with front matter; URL = the site + the file name less its date, the site's permalink rule /:title/). No
#   education desk (its categories are News, Opinion, Science, Arts and Entertainment, Sports): other pages are the
#   first 15 non-education posts of 150+ words in a random.Random(8) shuffle of the 135 posts, and every education
#   story met in reading the title and start of all 135 posts is kept (one left out as unsettled: a senior's open
#   letter to younger students). A new principal, hybrid learning during the pandemic, reading instruction, college
#   applications, the SAT going digital, the College Board's exam fees and an essay on the American school system are
#   education; a class-council election (student government), sport, films, science essays and an obituary are other.
CHRONICLE = {
    "_posts/2019/2020-05-23-interview-with-mrs-mansfield-smith-principal-of-magnet-high-school.md": "E",
    "_posts/2021/2021-02-17-hybrid-vs-in-person-learning-at-ucvts.md": "E",
    "_posts/2023/2023-06-22-the-science-of-learning-how-to-read.md": "E",
    "_posts/2024/edition_1/2023-11-08-college-application-process-to-each-their-own .md": "E",
    "_posts/2025/2025-01-12-the-american-education-system:-a-widening-divide.md": "E",
    "_posts/2025/2025-01-13-collegeboard:-the-non-profit-company-making-millions-a-year.md": "E",
    "_posts/2025/2025-01-15-the-sat-goes-digital:-what-students-need-to-know-about-the-2024-changes.md": "E",
    "_posts/2021/2021-02-13-eddie-van-halen-obituary.md": "O",
    "_posts/2024/edition_1/2023-11-11-designer-babies-should-fetuses-be-turned-into-barbies-and-kens.md": "O",
    "_posts/2024/edition_1/2024-02-12-an-inside-view-of-girls-with-leadership-roles.md": "O",  # class council election
    "_posts/2022/2022-03-14-humans-on-mars--spacexs-quest-to-colonize-the-red-planet.md": "O",
    "_posts/2024/edition_1/2024-05-11-taylor-nfl.md": "O",
    "_posts/2019/2019-05-21-death-by-potatoes-could-mark-watney-really-have-survived-in-the-martian-.md": "O",
    "_posts/2023/2023-06-29-will-the-USWNT-win-back-to-back-world-cups.md": "O",
    "_posts/2023/2023-02-13-the-staggering-decline-in-marvels-cinematic-universe.md": "O",
    "_posts/2026/2026-3-23-women-cardiac-arrest-and-simple-fix.md": "O",
    "_posts/2024/edition_1/2024-05-11-fascinating-psychological-phenomena-of-the-human-mind.md": "O",
    "_posts/2022/2022-01-03-the-fast-fashion-industry-an-ethical-overview.md": "O",
    "_posts/2023/2023-6-18-the-great-pacific-garbage-patch.md": "O",
    # a student's feelings about classmates comparing test scores (students' wellbeing)
    "_posts/2024/edition_1/2023-11-08-my-imposter-syndrome-the-effects-of-friendly-competition.md": "O",
    "_posts/2023/2023-02-28-young-voters-and-midterm-elections-whats-the-connection-.md": "O",
    "_posts/2023/2023-06-29-lsu-tigers-womens-basketball-ncaa-womens-champions.md": "O",
}
CHRONICLE_COMMIT = "078b40b3a16d378b3a4dbd3ae612da600991eb7a"

_PH_DIR = "Bworld, Malaya, Rappler, and Manila Times Scrapy/"

CSV_SOURCES = (
    CsvSource("ph", "jamesm219/PH-Newspaper-Archive", "72c0f75f356c19a67f4a3ff093515c3ea9318e4f",
              "ph-newspaper-archive",
              tuple(_PH_DIR + f for f in ("bworld.csv", "malaya.csv", "rappler.csv", "times.csv")), PH),
)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def row_page(title: str, date: str, author: str, body: str, url: str) -> bytes:
    """A small HTML page made from one dataset row: its title as <title> and <h1>, its byline and date, its body."""
    t = html.escape(_clean(title))
    meta = " | ".join(html.escape(_clean(x)) for x in (author, date) if _clean(x) and _clean(x) != "...")
    paras = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{t}</title>'
            f'<link rel="canonical" href="{html.escape(url)}"></head>\n<body><article><h1>{t}</h1>\n'
            f"<p class=\"byline\">{meta}</p>\n{paras}\n</article></body></html>\n").encode()


def _name(url: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", re.sub(r"^https?://(www\.)?", "", url).strip("/"))[-150:]


def csv_rows(src: CsvSource, clone: str) -> list[tuple[dict[str, object], bytes]]:
    """The labelled rows of one CSV source with their pages; refuses a label whose URL is in no file."""
    out: list[tuple[dict[str, object], bytes]] = []
    seen: set[str] = set()
    for path in src.files:
        text = git_show(clone, path, src.commit).decode("utf-8")
        for rec in csv.DictReader(io.StringIO(text)):
            url = rec["link"].strip()
            if url not in src.labels or url in seen:
                continue
            seen.add(url)
            row = {"file": f"{SPLIT}/{PART}-{src.key}/{_name(url)}.html.gz", "label": LABEL[src.labels[url]],
                   "site": _host(url), "source": src.source, "repository": src.repository, "path": f"{path}#{url}",
                   "commit": src.commit, "url": url, "title": _clean(rec["title"]), "split": SPLIT}
            out.append((row, row_page(rec["title"], rec["date"], rec["author"], rec["article"], url)))
    missing = sorted(set(src.labels) - seen)
    if missing:
        raise SystemExit(f"{src.key}: labelled URLs not found in the files: {missing}")
    return out


def _front(text: str, key: str) -> str:
    m = re.search(rf"^{key}: ?(.*)$", text.split("\n---", 1)[0], re.M)
    return m.group(1).strip().strip('"') if m else ""


def copied_rows(directory: str) -> list[tuple[dict[str, object], bytes]]:
    """The Beehive releases, from the directory of their byte-for-byte copies (Markdown with front matter, as found)."""
    out: list[tuple[dict[str, object], bytes]] = []
    for path, (commit, lab) in BEEHIVE.items():
        body = (Path(directory) / Path(path).name).read_bytes()
        text = body.decode("utf-8")
        url = _front(text, "url")
        row = {"file": f"{SPLIT}/{PART}-beehive/{Path(path).stem}.md.gz", "label": LABEL[lab], "site": _host(url),
               "source": "beehive-exporter", "repository": "marcus-crane/beehive-exporter", "path": path,
               "commit": commit, "url": url, "title": _front(text, "title"), "split": SPLIT}
        out.append((row, body))
    return out


def chronicle_rows(clone: str) -> list[tuple[dict[str, object], bytes]]:
    """The Campus Chronicle's labelled posts, read from a clone at CHRONICLE_COMMIT and stored as found."""
    out: list[tuple[dict[str, object], bytes]] = []
    for path, lab in CHRONICLE.items():
        body = git_show(clone, path, CHRONICLE_COMMIT)
        slug = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}-", "", Path(path).name.removesuffix(".md")).strip()
        url = f"https://ucvts-campus-chronicle.com/{slug}/"
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", slug)[-150:]
        row = {"file": f"{SPLIT}/{PART}-chronicle/{name}.md.gz", "label": LABEL[lab], "site": _host(url),
               "source": "campus-chronicle", "repository": "The-Campus-Chronicle/website", "path": path,
               "commit": CHRONICLE_COMMIT, "url": url, "title": _front(body.decode("utf-8"), "title"), "split": SPLIT}
        out.append((row, body))
    return out


def main(argv: list[str]) -> int:
    clones = source_args(argv, {s.key for s in CSV_SOURCES} | {"beehive", "chronicle"})
    if clones is None:
        return 2
    built = [pair for src in CSV_SOURCES for pair in csv_rows(src, clones[src.key])] + copied_rows(clones["beehive"])
    built += chronicle_rows(clones["chronicle"])
    return write_split(built, f"{SPLIT} half {PART}", lambda row: row["file"].startswith(f"{SPLIT}/{PART}-"),
                       spread=Spread(site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES),
                       rivals=lambda row: row["split"] != SPLIT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
