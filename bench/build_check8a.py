"""Build data/topic/ check8 (part a): a blind check of news pages, labelled by reading before any scorer ran.

    python bench/build_check8a.py KEY=SOURCE [KEY=SOURCE ...]

KEY is one of the source keys below and SOURCE where its pages are read from: for a repository small enough to clone,
a clone (or bare mirror) holding the commit given in SOURCES; for a repository too large to clone (The Stanford Daily's
text archive, 2 GB), a directory holding the files read one by one from the public index, at their paths in the
repository (each file's commit is recorded with its label). Every source is a news publisher's own text: Spotlight PA's
site source (its articles as Markdown with TOML front matter, stored as found) and The Stanford Daily's print archive
(OCR text of each printed article, stored as found). Education pages were taken from the publisher's education desk
(Spotlight PA's Education and Higher Education topics) and other pages by a random.Random(8) draw over the same
publisher's other articles (the Stanford Daily archive has no desk: its pages are a random.Random(8) draw of issues
and article numbers). Every page was then labelled by reading its title and start under data/topic/README.md's rule
(the desk is a hint only: a museum's Rocky exhibition filed under Education is `other`, a random story about state
money for universities is `education`). No scorer had run on check8 when the labels were written; this script only
copies the pages (gzip, as found) and writes their rows, so the set can be rebuilt and audited. It refuses to write
if a site is already in data/topic (other splits, or rows of check8 written by another builder), if a repository or
URL host is one of tests/fixtures/real's sources (reading only their `repository` and `url` fields), if two pages map
to one file name, or if one site holds more than 22 pages or one repository more than 35. Every source must be given:
this half of check8 is built whole or not at all. Rows of check8 from other builders (the other half) are kept.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _topic import Spread, git_show, source_args, write_split  # noqa: E402
from _topic import host as _host  # noqa: E402

SPLIT = "check8"
PART = "check8a"  # this builder's own rows carry it in `file` (check8/<key>/...), keys are unique to this half
LABEL = {"E": "education", "O": "other"}
MAX_SITE_PAGES = 22  # brief: no single site decides check8's precision or recall
MAX_REPOSITORY_PAGES = 35


@dataclass(frozen=True)
class Page:
    """One page as read: its bytes, title, URL and the commit of the version read."""

    body: bytes
    title: str
    url: str | None
    commit: str


@dataclass(frozen=True)
class Source:
    """One repository: where its pages are, how one is read, and every label (path -> "E" | "O")."""

    key: str
    repository: str
    source: str  # the `source` field of the rows
    labels: dict[str, str]
    read: Callable[[str, str], Page]  # (SOURCE given on the command line, path) -> Page


SPOTLIGHT_COMMIT = "a7fadf70f052022ea8a0bde9be1a5570b0bc4349"


def _spotlight(repo: str, path: str) -> Page:
    """A Spotlight PA article: Markdown with TOML front matter; URL = the site's permalink (section/year/month/slug)."""
    body = git_show(repo, path, SPOTLIGHT_COMMIT)
    text = body.decode("utf-8")
    fields = tomllib.loads(text.split("+++", 2)[1])
    section = path.split("/")[1]  # news, statecollege, berks: each has permalink ":section/:year/:month/:slug/"
    day = str(fields["published"])
    url = f"https://www.spotlightpa.org/{section}/{day[:4]}/{day[5:7]}/{fields['slug']}/"
    return Page(body, str(fields["title"]).strip(), url, SPOTLIGHT_COMMIT)


FELIX_COMMIT = "9aceeffa685feb30c148b2288376bbe32f2bb88b"


def _felix(repo: str, path: str) -> Page:
    """A Felix article (Markdown, YAML front matter); URL = felixonline.co.uk + its first alias (its old address)."""
    body = git_show(repo, path, FELIX_COMMIT)
    front = body.decode("utf-8").split("---", 2)[1]
    # the export writes `title: >` with the title indented on the next lines, and `aliases:` as a list of paths
    title = re.search(r"^title: >-?\n((?:  .*\n)+)", front, re.M)
    alias = re.search(r"^aliases:\n - (\S+)", front, re.M)
    if not title or not alias:
        raise ValueError(f"{path}: no title or alias in the front matter")
    url = "https://felixonline.co.uk" + alias.group(1).rstrip("/") + "/"
    return Page(body, " ".join(title.group(1).split()), url, FELIX_COMMIT)


# Commit of each Stanford Daily file as read (the index holds one version of each file; the archive's correction
# commits touch many files, so the version read is recorded per file).
STANFORD_COMMITS = {
    "2007/03/06/MODSMD_ARTICLE4.article.txt": "090ee2f8b9fbb9cfeae0c579dac1bf8cd73d5ba4",
    "1996/02/13/MODSMD_ARTICLE3.article.txt": "090ee2f8b9fbb9cfeae0c579dac1bf8cd73d5ba4",
    "2003/02/19/MODSMD_ARTICLE14.article.txt": "090ee2f8b9fbb9cfeae0c579dac1bf8cd73d5ba4",
    "2007/05/07/MODSMD_ARTICLE4.article.txt": "090ee2f8b9fbb9cfeae0c579dac1bf8cd73d5ba4",
    "2014/04/09/MODSMD_ARTICLE7.article.txt": "090ee2f8b9fbb9cfeae0c579dac1bf8cd73d5ba4",
    "2009/02/19/MODSMD_ARTICLE2.article.txt": "090ee2f8b9fbb9cfeae0c579dac1bf8cd73d5ba4",
}


def _stanford(directory: str, path: str) -> Page:
    """A Stanford Daily print article (OCR text, '# headline' first); URL = the archive's issue page, article id."""
    body = (Path(directory) / path).read_bytes()
    lines = body.decode("utf-8").split("\n")
    head = lines[0].removeprefix("#").strip()
    deck = lines[1].removeprefix("##").strip() if len(lines) > 1 and lines[1].startswith("##") else ""
    title = f"{head}: {deck}" if deck else head  # '# STUDENT LIFE' is often a section label, '##' the headline
    day, article = path.rsplit("/", 1)
    url = f"https://archives.stanforddaily.com/{day}#{article.split('.')[0]}"
    return Page(body, title, url, STANFORD_COMMITS[path])


SPOTLIGHT = {
    # education desk (Education / Higher Education topics): first 13 of a random.Random(8) shuffle
    "content/berks/2026-07-07-SPLALBRIGHTCRED0726.md": "E",  # college warned by accreditors
    "content/news/2024-06-10-SPLCYBREFORM.md": "E",  # cyber charter funding reform
    "content/news/2026-04-27-SPLROCKY0426.md": "O",  # museum's Rocky statue exhibition (filed under Education)
    "content/news/2021-06-25-SPLHERSHEYXX.md": "E",  # how a residential K-12 school spends its endowment
    "content/berks/2025-06-25-SPLAUCTION0625.md": "O",  # a college auctions its art collection (art, finances)
    "content/news/2024-01-24-SPLCHARTREFORM.md": "E",  # charter school funding changes
    "content/news/2025-10-27-SPLSDIMPS1025.md": "E",  # school districts cut programs in budget impasse
    "content/news/2026-04-07-APTRANSTERM0426.md": "E",  # federal agreements on transgender students' protections
    "content/news/2024-10-07-SPLVOUCHPOLL24.md": "E",  # poll on private school vouchers
    "content/berks/2025-07-14-SPLSCHOOL BUDGETS0725.md": "E",  # school district budgets and school taxes
    "content/news/2021-06-09-SPLFAIR10.md": "E",  # governor's school funding plan
    "content/news/2024-01-11-SPLEDREP.md": "E",  # report on closing school funding gap
    "content/news/2024-07-08-SPLEDFUNDUPDATE.md": "E",  # measuring student poverty for school funding
    # random.Random(8) shuffle of the other articles (one community Q&A profile left out as unsettled)
    "content/statecollege/2023-06-29-SPLSTATEAPP.md": "E",  # state money for state-related universities
    "content/statecollege/2024-02-02-SPL5DUBEV.md": "O",
    "content/news/2026-05-14-NTSWINGVOTE0526.md": "O",
    "content/news/2020-06-02-SPLCHECKS02.md": "O",
    "content/news/2026-02-09-SPLFETSHUT0226.md": "O",
    "content/news/2025-04-18-SPLPSPMILLER0425.md": "O",
    "content/statecollege/2023-04-24-SPLSANDY.md": "O",
    "content/news/2025-09-16-SPLBBAWARDS0925.md": "O",
    "content/news/2025-01-31-SPLPACAPITALS0125.md": "O",
}

FELIX = {
    # News section: first 16 of a random.Random(8) shuffle (an interview with the union's education officer, about
    # the job's meetings, left out as unsettled)
    "content/articles/2016-1-22-medic-boat-club-stopped-on-way-to-belgium-for-being-too-drunk.md": "O",
    "content/articles/2015-11-13-college-fees-likely-to-rise-under-new-plans.md": "E",  # higher-education green paper
    "content/articles/2014-11-14-penalties-for-rugby-teams-announced.md": "O",  # sports clubs' behaviour
    "content/articles/2015-2-24-tory-mp-for-kensington-will-step-down-at-election.md": "O",
    "content/articles/2012-11-8-imperial-has-highest-international-fees.md": "E",  # tuition fees
    "content/articles/2017-5-12-controversial-tie-clubs-paper-passed.md": "O",  # students' union council
    "content/articles/2013-1-25-translation-unit-under-threat.md": "E",  # closure of a teaching unit and its MSc
    "content/articles/2011-6-2-imperial-cuts-ties-with-case.md": "O",  # science lobby group
    "content/articles/2014-11-28-this-years-university-challenge-team-finalised.md": "O",  # quiz team
    "content/articles/2013-2-8-banned-from-ucl-union.md": "O",  # pub crawl damage
    "content/articles/2016-12-9-crying-epidemic-hits-imperial.md": "O",  # stress events on Facebook
    "content/articles/2011-10-20-largest-ever-graduation.md": "E",  # graduation ceremony
    "content/articles/2014-2-28-imperial-healthcare-nhs-trust-appoints-new-chief-executive.md": "O",
    "content/articles/2014-12-4-publish-and-perish-professor-sends-posthumous-email-on-how-professors-are-treated-at-imperial.md": "O",  # noqa: E501  research staff's grant targets
    "content/articles/2016-6-17-its-harder-to-get-into-imperial-if-youre-black.md": "E",  # admissions offers
    # other sections: first 7 of a random.Random(8) shuffle
    "content/articles/2011-2-3-gilbert-george-wish-you-were-here.md": "O",
    "content/articles/2014-3-19-mtsoc-are-the-producers.md": "O",
    "content/articles/2013-11-15-confessions-of-a-gta-part-5.md": "E",  # a teaching assistant marking tests
    "content/articles/2012-2-16-icsm-vs-rcsu.md": "O",
    "content/articles/2013-5-7-dream-a-little-greek-dream.md": "O",
    "content/articles/2011-1-20-attics-basements.md": "O",
    "content/articles/2017-6-15-the-summer-exhibition-at-the-royal-academy.md": "O",
}

STANFORD = {
    "2007/03/06/MODSMD_ARTICLE4.article.txt": "O",  # dining halls' local food week
    "1996/02/13/MODSMD_ARTICLE3.article.txt": "O",  # shooting at a campus party, campus safety
    "2003/02/19/MODSMD_ARTICLE14.article.txt": "O",  # AP: Antwerp diamond heist
    "2007/05/07/MODSMD_ARTICLE4.article.txt": "O",  # a sorority approved
    "2014/04/09/MODSMD_ARTICLE7.article.txt": "O",  # editorial: student government endorsement
    "2009/02/19/MODSMD_ARTICLE2.article.txt": "O",  # men's basketball
}

# Where each dictionary above came from (all read by title and start; the desk is only where a page was found):
# SPOTLIGHT: spotlightpa/poor-richard, the Hugo source of spotlightpa.org (Spotlight PA, a nonprofit newsroom
#   covering Pennsylvania state government, with State College and Berks County bureaus), at SPOTLIGHT_COMMIT. Of its
#   2,863 English articles of 150+ words (news, statecollege, berks; topics News Quiz, Games, Events, Español and
#   Sponsored Content left out as not articles or not English), the 97 under the Education or Higher Education topic
#   were shuffled with random.Random(8) and the first 13 read; the 2,766 others were shuffled with random.Random(8)
#   and the first 10 read, one (a Q&A profile of a youth entrepreneurship programme's director) left out as unsettled.
# FELIX: FelixOnline/v2, the Hugo archive of Felix (Imperial College London's student newspaper, 2009-2020), at
#   FELIX_COMMIT: of the 6,735 articles of 150+ words imported from the old site (they keep their felixonline.co.uk
#   address as an alias), the 1,317 of the News section and the 5,418 others were each shuffled with random.Random(8);
#   the first 16 and 7 read (no education desk: News is where fees, admissions and courses are reported).
# STANFORD: TheStanfordDaily/archives-text, OCR text of The Stanford Daily's printed articles (archives.stanforddaily
#   .com): issue days and article numbers drawn with random.Random(8) (1995-2014, then 2005-2014; one draw, the day
#   after Thanksgiving, not tried). Of 20 paths tried, 8 are not in the archive, 6 were skipped (AP briefs or an O-Show
#   story whose OCR repeats the text six times, garbled briefs, an index box, a front-page teaser) and 6 kept, all
#   `other`; the draw stopped there because the archive has no desk and its random pages are campus life, so more of
#   them would have pushed this half below 35% education.

SOURCES = (
    Source("spotlightpa", "spotlightpa/poor-richard", "spotlight-pa", SPOTLIGHT, _spotlight),
    Source("felix", "FelixOnline/v2", "felix-imperial", FELIX, _felix),
    Source("stanforddaily", "TheStanfordDaily/archives-text", "stanford-daily-archive", STANFORD, _stanford),
)


def rows_and_pages(places: dict[str, str]) -> list[tuple[dict[str, object], bytes]]:
    """Every row of this half of check8 with its page bytes, read from the given clones and directories."""
    out: list[tuple[dict[str, object], bytes]] = []
    for src in SOURCES:
        for path, lab in src.labels.items():
            page = src.read(places[src.key], path)
            name = re.sub(r"[^A-Za-z0-9._-]+", "_", path.strip("/"))[-150:]
            row = {"file": f"{SPLIT}/{src.key}/{name}.gz", "label": LABEL[lab], "site": _host(page.url),
                   "source": src.source, "repository": src.repository, "path": path, "commit": page.commit,
                   "url": page.url, "title": page.title, "split": SPLIT}
            out.append((row, page.body))
    return out


def main(argv: list[str]) -> int:
    places = source_args(argv, {s.key for s in SOURCES})
    if places is None:
        return 2
    mine = tuple(f"{SPLIT}/{s.key}/" for s in SOURCES)
    return write_split(rows_and_pages(places), PART, lambda row: row["file"].startswith(mine),
                       spread=Spread(site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
