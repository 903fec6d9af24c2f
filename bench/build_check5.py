"""Build data/topic/ check5: a third blind check set of new sites and sources, labelled by reading before any scoring.

    python bench/build_check5.py SWC_GIT DFE_GIT SEBS_GIT MPTC_GIT GOOSE_GIT NEWSPAPER_GIT READABILITY_GIT \
        BYU_GIT TTU_GIT CMU_GIT

Each argument is a clone of the repository named below at (or after) the commit given. The labels were
written by reading each page's title and start (data/topic/README.md's rule) before any scorer ran on
check5; this script only copies the pages as they are stored (gzip) and writes their rows, so the set can
be rebuilt and audited. It refuses to write if a row's site is in the older splits of labels.jsonl, or if a
row's repository or URL host is one of tests/fixtures/real's sources (a check that reads only the
`repository` and `url` fields of those sources files), or if two pages map to one file name (the write step every
builder shares: bench/_topic.py's write_split).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _topic import git_show, write_split  # noqa: E402
from _topic import host as _host  # noqa: E402

LABEL = {"E": "education", "O": "other"}

SWC = ("swcarpentry/website", "7df89314bb4dbe307962a5d8e01ad33b6c405b43")  # the last commit with the blog posts
DFE = ("DFE-Digital/get-into-teaching-app", "1c9f227a21801a6136d82a91d28bc9ccdf366c3c")
DFE_BLOG = ("DFE-Digital/get-into-teaching-app", "1edc90ffccf118afbd8a074a3f2aca4f546e1748")  # the blog before its move
SEBS = ("sebs-scholarship/Blog", "92760e22161519f894d7ebb20f7c77f4dbbf525f")
MPTC = ("MPTCDITR/dsdp-website", "071a3d5a201fdbd03b4ac020d9d249c24f823b15")
GOOSE = ("goose3/goose3", "c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7")
READABILITY = ("mozilla/readability", "ab4027a8b37669745016869a37a504727992b2ba")
BYU = ("chemewebdeveloper/chemeweb", "66e7870e6d08dd134a7e80cfaf760c1e4350967d")
TTU = ("ttucomc/MainSite", "80b1e79d05c3f03c29d3c4d13abf8040f47b11db")
CMU = ("jasujanish/711_HW2", "34a8366aba8250047467b98a79d3132c71ea47b3")

# swcarpentry/website _posts/ (software-carpentry.org blog, 2007-2018): a random.Random(7) draw of 45 posts
# of 150+ words; 14 left out after reading (teaching-practice essays and mixed updates whose start did not
# settle the label). Workshops and courses for university students and researchers are education; the
# organisation's elections, mergers, conferences and journals are other, and so is teaching staff of a
# central bank (professional training).
SWC_LABELS = {
    "2017-08-31-WaxingPoetical.md": "E", "2014-06-18-engineering-focused-bootcamp.html": "E",
    "2012-05-02-the-good-and-the-bad-of-it.html": "E",
    "2012-03-15-first-homework-for-indiana-students-and-a-few-from-ontario.html": "E",
    "2012-05-15-feedback-from-newcastle-upon-tyne.html": "E", "2015-12-03-first-workshop-in-venezuala.html": "E",
    "2016-06-16-PalmerstonNorthNZ-workshop.md": "E", "2012-04-17-github-for-education.html": "E",
    "2010-05-28-teaching-by-example.html": "E", "2016-12-22-instructor-training-intercontinental.md": "E",
    "2016-07-26-curtin-workshop.md": "E", "2012-05-18-feedback-from-alberta.html": "E",
    "2014-09-03-open-source-comes-to-campus.html": "E", "2014-12-03-plans-for-2015-lessons.html": "E",
    "2012-05-12-feedback-from-michigan-state.html": "E",
    "2014-03-17-pycon-is-just-a-month-away.html": "O", "2015-01-13-scf-nomination-pawlik.html": "O",
    "2014-11-15-lessons-repo-split-and-translations.html": "O", "2016-05-02-new-partnerships.md": "O",
    "2013-10-17-the-state-of-open-science.html": "O", "2011-10-14-the-science-code-manifestos-five-cs.html": "O",
    "2009-11-18-special-issue-of-computing-in-science-engineering.html": "O", "2017-06-07-weaver_cdl.md": "O",
    "2007-03-11-scipy07-dates-announced.html": "O", "2017-08-07-mergermotions.md": "O",
    "2016-01-06-data-science-journal.md": "O", "2018-01-19-why-sponsor.md": "O",
    "2015-06-14-routinely-unique.html": "O", "2016-12-23-weaver-sc.md": "O",
    "2015-01-14-scf-nomination-williams.html": "O",
    "2016-09-20-federal-reserve-board.md": "O",  # teaching central-bank staff: professional training
    # a second draw (random.Random(7), the next posts) to fill the site's share
    "2015-11-25-december-2015-team-selection.html": "E",  # selection for instructor (teacher) training
    "2015-11-06-clarifications-about-call-for-instructor-training.html": "E", "2012-02-21-assessment-redux.html": "E",
    "2008-12-26-articles-id-like-to-write-in-the-next-489-days.html": "O",
    "2011-01-21-scientists-arent-stupid-software-is.html": "O",
    "2007-06-27-two-studies-of-asci-and-no-thats-not-a-typo.html": "O",
}

# DFE-Digital/get-into-teaching-app app/views/content/life-as-a-teacher/: the UK Department for Education's
# Get Into Teaching site, its teachers' stories and features (all education: teachers, teacher training).
DFE_PAGES = (  # the pages whose text is in the Markdown file itself (others hold only a title: left out)
    "teaching-as-a-career/early-career-teachers", "pay-and-benefits/teacher-pay",
    "pay-and-benefits/teachers-pension-scheme",
)
# The same site's blog (app/views/content/blog/, since moved): trainee and serving teachers' stories.
DFE_BLOG_PAGES = (
    "a-diary-of-a-trainee-teacher", "back-to-school-as-a-trainee-teacher", "being-myself-in-the-classroom",
    "from-the-army-to-teacher-training", "my-experience-with-the-national-tutoring-programme",
    "my-first-week-as-a-trainee-teacher", "my-move-from-canada-to-teach-in-england",
    "overcoming-challenges-to-become-a-teacher-autism",
    "overcoming-challenges-to-become-a-teacher-hearing-impairment",
    "the-head-of-science-inspiring-students-in-blackpool", "managing-behaviour-in-the-classroom",
    "marias-return-to-teaching-story", "the-fellowship-of-teachers", "why-dont-you-teach-miss",
    "salaried-teacher-training-classroom-learning", "from-teaching-internship-to-assistant-head-of-maths",
    "going-back-and-giving-back", "grasp-every-opportunity", "leaping-to-head-of-department",
    "no-two-days-are-the-same", "product-engineer-turned-science-teacher",
    "natural-transition-from-engineering-to-teaching-physics", "teacher-training-its-worth-it",
    "what-to-expect-on-your-teacher-training", "why-i-became-a-teacher", "how-to-find-school-experience",
    "jills-story-getting-back-into-the-classroom",
)

# sebs-scholarship/Blog _posts/ (blog.sebsscholarship.org, a US scholarship fund for a high school's
# graduates): every scholarship announcement, and as hard negatives the fund's annual meeting and posts on
# students' health, food and identity.
SEBS_LABELS = {
    "2020-05-15-Recipient-Announcement.md": "E", "2021-02-02-2021-sebs-scholarship-is-officially-open.md": "E",
    "2021-05-25-2021-scholarship-recipient-announcement.md": "E", "2022-06-09-2022-recipient-announcement.md": "E",
    "2023-06-19-2023-recipient-announcement.md": "E",
    "2024-07-14-2024-scholarship-recipient-announcement.markdown": "E",
    "2022-06-06-6-tips-for-funding-college.md": "E",  # paying for college (college savings are education)
    "2020-11-17-study-tips-for-the-easily-distracted.md": "E",
    "2022-11-29-2022-annual-meeting-of-members-election-results.md": "O",
    "2020-09-22-a-practical-guide-to-managing-mental-illness-in-college.md": "O",  # students' health
    "2020-12-29-6-go-to-foods-for-a-cheap-grocery-bill.md": "O", "2020-10-13-my-coming-out-story.md": "O",
    "2020-11-24-3-ways-to-be-an-ally-to-indigenous-people.md": "O",
    # the rest of the blog, read and labelled: study and college-application advice is education; the
    # fund's own affairs, students' social life, money and health are other
    "2020-10-20-planning-your-course-schedule.md": "E", "2021-03-23-study-smarter-with-psychology.md": "E",
    "2021-01-05-recovering-from-a-bad-semester.md": "E", "2021-02-09-writing-winning-applications.md": "E",
    "2020-09-01-free-low-cost-college-resources.md": "E",
    "2020-08-04-everything-you-need-to-know-about-textbooks.md": "E", "2021-02-23-less-than-1-week.md": "E",
    "2021-01-26-coming-soon...2021-sebs-scholarship.md": "E",
    "2020-05-01-Meet-the-Vounteers-1.md": "O", "2020-05-04-Keeping-Costs-Low.md": "O",
    "2020-05-28-Social-Update.md": "O", "2020-07-02-making-friends-in-college.md": "O",
    "2021-03-02-trouble-with-roommates-communication.md": "O",
    "2021-03-09-the-first-thing-you-should-do-with-your-roommate.md": "O",
    "2021-03-16-how-to-save-money-when-you-have-no-self-control-and-no-money.md": "O",
    "2021-05-11-5-awesome-student-discounts.md": "O", "2020-12-01-giving-tuesday-2020.md": "O",
    "2024-03-12-2024-board-election-results.markdown": "O",
    "2021-02-16-3-miniature-coping-mechanisms.md": "O",  # students' mental health
}

# MPTCDITR/dsdp-website src/content/blog/en/ (dsdp.gov.kh, Cambodia's Digital Skills Development Programme
# of the Ministry of Posts and Telecommunications): every English post but two whose start did not settle
# the label (a minister's visit to an exhibition, a training-partnership meeting).
MPTC_LABELS = {
    "chea-vandeth-cosmas-zavazava-itu.md": "O",
    "groundbreaking-community-tech-centers-takeo-2023.md": "E",  # computer centres built at high schools
    "inauguration-community-tech-center-hun-sen-hs-param-bati-takeo-2023-06-01.md": "E",
    "meet-greet-grade-a-b-and-c-students-(2025)-with-mony.md": "E", "mptc-training-takeo-teachers.md": "E",
    "signing-mou-establishment-community-tech-centers-mptc-moeys-2023.md": "E",
    "techo-digital-talent-scholarships.md": "E",
}

# goose3/goose3 tests/data/content/: every English page of a publisher not already in data/topic (one of two
# copies of the same BusinessWeek story; a college-gear shopping list left out: its label is unclear).
GOOSE_LABELS = {
    "test_aolNews": "O", "test_businessWeek1": "O", "test_businessWeek2": "O", "test_businessWeek3": "O",
    "test_cbslocal": "O", "test_espn": "O",  # college football coaches and agents: school sport
    "test_issue25": "O",  # accountancy institutes and reporting standards
    "test_issue32": "O", "test_time": "O", "test_time2": "O", "test_marketplace": "O", "test_issue129": "O",
}
# chemewebdeveloper/chemeweb (BYU Chemical Engineering department site, 2012-13; PHP pages with the story's
# HTML): every news item with a body but two whose start did not settle the label. A course, a scholarship
# fund and honour-society scholarships are education; faculty research awards, job openings, a graduate
# student presenting at a conference and field research are other. No URL in the repository.
BYU_LABELS = {
    "newsitemche513.php": "E", "newsitemdeanallred.php": "E", "newsitemtaubetapi.php": "E",
    "newsitembaxter.php": "O", "newsitembundy.php": "O", "newsitemfacultyresearchopening.php": "O",
    "newsitemjobopening.php": "O", "newsitemnationalconference.php": "O", "newsitemuav.php": "O",
}
# ttucomc/MainSite mc2016/ (Texas Tech College of Media & Communication, "The MC 2016" magazine): every
# story of 300+ words but six whose start did not settle the label. Deans' notes on undergraduate and
# graduate programmes, transfer and returning students, a class taught abroad are education; alumni
# careers, the debate team's season, a student drafted by a football club, students' volunteering, a
# visiting CEO's lecture and fundraising are other. No URL in the repository.
TTU_LABELS = {
    "associate-dean-for-undergrad-affairs.php": "E", "associate-dean-grad-programs.php": "E",
    "transfer-students.php": "E", "univ-panamericana.php": "E", "usmc-emc-major.php": "E",
    "former-ballerina.php": "E",
    "comc-debate-team.php": "O", "distinguished-alumna.php": "O", "eye-on-the-prize.php": "O",
    "forecasting-the-future.php": "O", "goal.php": "O", "guide-dog-raisers.php": "O",
    "journalism-alumnus.php": "O", "morris-lecture.php": "O", "director-of-development.php": "O",
}
# jasujanish/711_HW2 firecrawl_experiment/firecrawl_scrape_outputs/ (a class's Firecrawl Markdown copies of
# cmu.edu pages): the messages of Carnegie Mellon's president and provost to the campus, 2024-25. Chosen:
# every message page of 250+ words, read; student aid, tuition and the semester's academic updates are
# education; appointments, research funding, gifts, summits, benefits and food drives are other (messages
# on immigration, commencement speakers, an admissions-dean search and the Qatar campus left out as unsettled).
CMU_LABELS = {
    "cmu_49": "E", "cmu_94": "E", "cmu_97": "E",
    "cmu_63": "O", "cmu_47": "O", "cmu_46": "O", "cmu_60": "O", "cmu_56": "O", "cmu_135": "O", "cmu_138": "O",
    "cmu_52": "O", "cmu_190": "O", "cmu_93": "O", "cmu_184": "O",
}
# mozilla/readability test/test-pages/: every English news page of a publisher not already in data/topic.
# codelucas/newspaper tests/data/html/: English news pages of publishers not already in data/topic (theroot.com
# left out: it does not clean).
NEWSPAPER = ("codelucas/newspaper", "1618b547f31c2d1fd19ae3b6afd8f7542dd02074")
NEWSPAPER_LABELS = {
    "247wallst.com1": "O", "avclub.com1": "O", "cricket.com.au1": "O", "dailycaller.com1": "O",
    "dallasnews.com2": "O",  # parents keep children from school football: school sport
    "mlive.com1": "O",  # a bank robbery (University Bank)
    "nola.com1": "O", "nypost.com1": "O", "pe.com1": "O", "pewresearch.org1": "O", "technologyreview.com1": "O",
    "thedailybeast.com1": "O", "dallasnews.com1": "O", "uproxx.com1": "O", "syracuse.com1": "O", "usnews.com1": "O",
    "flavorwire.com2": "O", "cntraveler.com2": "O", "vanityfair.com1": "O", "thedailybeast.com2": "O",
    "uproxx.com2": "O",
}
READABILITY_LABELS = {
    "ars-1": "O", "article-author-tag": "O", "breitbart": "O", "citylab-1": "O", "guardian-1": "O",
    "herald-sun-1": "O", "quanta-1": "O", "seattletimes-1": "O", "simplyfound-1": "O", "spiceworks": "O",
    "wordpress": "O",
}


def _ls(repo: str, commit: str, under: str) -> list[str]:
    out = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", commit, under], check=True,
                         capture_output=True, text=True).stdout
    return out.splitlines()


def _front(body: bytes, key: str) -> str:
    m = re.search(rf"^{key}:\s*(.+)$", body.decode("utf-8", "replace"), re.M)
    return m.group(1).strip().strip("'\"") if m else ""


def _html_title(body: bytes) -> str:
    m = re.search(rb"<title[^>]*>(.*?)</title>", body, re.S | re.I)
    return html.unescape(m.group(1).decode("utf-8", "replace")).strip() if m else ""



def rows_and_pages(clones: dict[str, str]) -> list[tuple[dict[str, object], bytes]]:
    """Every check5 row with its page bytes, read from the clones (one per source repository)."""
    out: list[tuple[dict[str, object], bytes]] = []

    def add(rel: str, body: bytes, label: str, site: str, source: str, repo_commit: tuple[str, str],
            path: str, url: str | None, title: str) -> None:
        row = {"file": f"check5/{rel}.gz", "label": LABEL[label], "site": site, "source": source,
               "repository": repo_commit[0], "path": path, "commit": repo_commit[1], "url": url,
               "title": title, "split": "check5"}
        out.append((row, body))

    posts = {p.rsplit("/", 1)[-1]: p for p in _ls(clones["swc"], SWC[1], "_posts")}
    for name, lab in SWC_LABELS.items():
        path = posts[name]
        body = git_show(clones["swc"], path, SWC[1])
        y, m, _d, slug = name.split("-", 3)
        url = f"https://software-carpentry.org/blog/{y}/{m}/{slug.rsplit('.', 1)[0]}.html"
        add(f"swc/{name}", body, lab, "software-carpentry.org", "swcarpentry-blog", SWC, path, url,
            _front(body, "title"))

    for page in DFE_PAGES:
        path = f"app/views/content/life-as-a-teacher/{page}.md"
        body = git_show(clones["dfe"], path, DFE[1])
        add(f"dfe/{page.replace('/', '_')}.md", body, "E", "getintoteaching.education.gov.uk",
            "dfe-get-into-teaching", DFE, path, f"https://getintoteaching.education.gov.uk/life-as-a-teacher/{page}",
            _front(body, "title"))

    for slug in DFE_BLOG_PAGES:
        path = f"app/views/content/blog/{slug}.md"
        body = git_show(clones["dfe"], path, DFE_BLOG[1])
        add(f"dfe/blog_{slug}.md", body, "E", "getintoteaching.education.gov.uk", "dfe-get-into-teaching",
            DFE_BLOG, path, f"https://getintoteaching.education.gov.uk/blog/{slug}", _front(body, "title"))

    for name, lab in SEBS_LABELS.items():
        path = f"_posts/{name}"
        body = git_show(clones["sebs"], path, SEBS[1])
        stem = name.rsplit(".", 1)[0]
        add(f"sebs/{stem}.md", body, lab, "blog.sebsscholarship.org", "sebs-blog", SEBS, path, None,
            _front(body, "title"))

    for name, lab in MPTC_LABELS.items():
        path = f"src/content/blog/en/{name}"
        body = git_show(clones["mptc"], path, MPTC[1])
        add(f"mptc/{name.replace('(', '').replace(')', '')}", body, lab, "dsdp.gov.kh", "dsdp-blog", MPTC, path,
            f"https://dsdp.gov.kh/en/blog/{name.removesuffix('.md')}", _front(body, "title"))

    for name, lab in GOOSE_LABELS.items():
        path = f"tests/data/content/{name}.html"
        body = git_show(clones["goose"], path, GOOSE[1])
        url = json.loads(git_show(clones["goose"], f"tests/data/content/{name}.json", GOOSE[1]))["url"]
        add(f"goose3/{name}.html", body, lab, _host(url), "goose3-tests", GOOSE, path, url, _html_title(body))

    for name, lab in NEWSPAPER_LABELS.items():
        path = f"tests/data/html/{name}.html"
        body = git_show(clones["newspaper"], path, NEWSPAPER[1])
        m = re.search(rb'(?:rel="canonical"[^>]*href|property="og:url"[^>]*content)="(https?://[^"]+)"', body)
        url = html.unescape(m.group(1).decode()) if m else None
        add(f"newspaper/{name}.html", body, lab, _host(url), "newspaper-tests", NEWSPAPER, path, url,
            _html_title(body))

    for name, lab in READABILITY_LABELS.items():
        path = f"test/test-pages/{name}/source.html"
        body = git_show(clones["readability"], path, READABILITY[1])
        m = re.search(rb'(?:rel="canonical"[^>]*href|property="og:url"[^>]*content)="(https?://[^"]+)"', body)
        url = html.unescape(m.group(1).decode()) if m else None
        add(f"readability/{name}.html", body, lab, _host(url), "readability-tests", READABILITY, path, url,
            _html_title(body))
    for name, lab in BYU_LABELS.items():
        path = f"cheme/www/{name}"
        body = git_show(clones["byu"], path, BYU[1])
        m = re.search(rb"<h2>(.*?)</h2>", body, re.S)
        title = html.unescape(m.group(1).decode("utf-8", "replace")).strip() if m else ""
        add(f"byu/{name.removesuffix('.php')}.html", body, lab, "chemicalengineering.byu.edu", "byu-cheme-news",
            BYU, path, None, title)

    for name, lab in TTU_LABELS.items():
        path = f"mc2016/{name}"
        body = git_show(clones["ttu"], path, TTU[1])
        add(f"ttu/{name.removesuffix('.php')}.html", body, lab, "depts.ttu.edu/comc", "ttu-mc2016", TTU, path,
            None, _html_title(body))
    for name, lab in CMU_LABELS.items():
        path = f"firecrawl_experiment/firecrawl_scrape_outputs/{name}.md"
        body = git_show(clones["cmu"], path, CMU[1])
        text = body.decode("utf-8", "replace")
        u = re.search(r"\((https://www\.cmu\.edu/[^)#\s]+)", text)
        t = re.search(r"^# (.+)$", text, re.M)
        add(f"cmu/{name}.md", body, lab, "cmu.edu", "cmu-campus-comms", CMU, path, u.group(1) if u else None,
            t.group(1).strip() if t else "")
    return out




def main(argv: list[str]) -> int:
    clones = dict(zip(("swc", "dfe", "sebs", "mptc", "goose", "newspaper", "readability", "byu", "ttu", "cmu"), argv,
                      strict=True))
    return write_split(rows_and_pages(clones), "check5", lambda row: row["split"] == "check5")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
