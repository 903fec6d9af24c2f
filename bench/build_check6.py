"""Build data/topic/ check6: a fourth blind check set of new sites and sources, labelled by reading before scoring.

    python bench/build_check6.py KEY=GIT_DIR [KEY=GIT_DIR ...]

KEY is one of the source keys below (stokeferry, hyndland, ayton, caltech, empowertz, marlborough, fullshare, jackma,
snacktory, stmgrts ...) and GIT_DIR a clone (or bare mirror) of the repository named in SOURCES at (or after) the
commit given there. The labels were written by reading each page's title and start (data/topic/README.md's rule)
before any scorer ran on check6; this script only copies the pages as they are stored (gzip) and writes their rows, so
the set can be rebuilt and audited. It refuses to write if a row's site is in the older splits of labels.jsonl, or if a
row's repository or URL host is one of tests/fixtures/real's sources (a check that reads only the `repository` and `url`
fields of those sources files). Every source must be given: check6 is built whole or not at all.
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

from _topic import git_show, source_args, write_split  # noqa: E402
from _topic import host as _host  # noqa: E402

SPLIT = "check6"
LABEL = {"E": "education", "O": "other"}


@dataclass(frozen=True)
class Source:
    """One repository: where its pages are, how a page's URL and title are read, and every label."""

    key: str
    repository: str
    commit: str
    source: str  # the `source` field of the rows
    site: str  # host of every page (fixture sets give a per-page host instead)
    prefix: str  # path prefix of every labelled page in the repository
    labels: dict[str, str]  # path under prefix -> "E" | "O"
    url: Callable[[str, bytes], str | None]
    title: Callable[[bytes], str]
    site_of: Callable[[str | None], str] | None = None  # per-page site (multi-publisher fixture sets)


def _front(body: bytes, key: str) -> str:
    m = re.search(rb"^---\s*\n(.*?)\n---", body, re.S)
    head = m.group(1).decode("utf-8", "replace") if m else ""
    v = re.search(rf"^{key}:\s*(.+)$", head, re.M)
    return v.group(1).strip().strip("'\"") if v else ""


def _front_list(body: bytes, key: str) -> list[str]:
    """A front-matter list written either inline ([a, b]) or as `- item` lines."""
    m = re.search(rb"^---\s*\n(.*?)\n---", body, re.S)
    head = m.group(1).decode("utf-8", "replace") if m else ""
    inline = re.search(rf"^{key}:\s*\[(.*)\]\s*$", head, re.M)
    if inline:
        return [x.strip().strip("'\"") for x in inline.group(1).split(",") if x.strip()]
    block = re.search(rf"^{key}:\s*\n((?:\s*-\s*.+\n?)+)", head, re.M)
    if block:
        return [x.strip().lstrip("-").strip().strip("'\"") for x in block.group(1).splitlines() if x.strip()]
    one = re.search(rf"^{key}:\s*(\S.*)$", head, re.M)
    return [one.group(1).strip().strip("'\"")] if one and one.group(1).strip() not in ('""', "''") else []


def _any_title(body: bytes) -> str:
    """Front-matter title, else a wiki.js TITLE comment, else the HTML <title>."""
    t = _front(body, "title")
    if t:
        return t
    m = re.search(rb"<!-- ?TITLE: ?(.*?) ?-->", body)
    return m.group(1).decode("utf-8", "replace").strip() if m else _html_title(body)


def _html_title(body: bytes) -> str:
    m = re.search(rb"<title[^>]*>(.*?)</title>", body, re.S | re.I)
    return re.sub(r"\s+", " ", html.unescape(m.group(1).decode("utf-8", "replace"))).strip() if m else ""


def _canonical(body: bytes) -> str | None:
    m = re.search(rb"""(?:rel=["']canonical["'][^>]*href|property=["']og:url["'][^>]*content)=["'](https?://[^"']+)""",
                  body)
    return html.unescape(m.group(1).decode("utf-8", "replace")) if m else None



def _post_slug(path: str) -> tuple[str, str, str, str]:
    """(year, month, day, slug) of a Jekyll post file name."""
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    y, m, d, slug = name.split("-", 3)
    return y, m, d, slug


# lovell/stokeferry.com src/: the Stoke Ferry "Village Pump" (Norfolk, UK), a village magazine's archive 2001-2021.
# Chosen: 26 random pages (random.Random(6)) of the 47 whose path has a school/education word and 24 random others;
# 3 of the first left out as unsettled (a bishop's visit, musings under a schooldays title, a letter from Kenya about a
# bombing), 16 of the others dropped to keep the site under 15%. School inspections, league tables, school news, exam
# standards and education opinion are education; the village school's fete, fundraising, church services and charity
# days are other (hard negatives: set at a school).
STOKEFERRY = {
    "2002/08/education-a-must": "E", "2002/04/academic-snobbery": "E", "2002/04/academic-standards": "E",
    "2011/01/news-from-the-james-bradfield-school-6": "E", "2007/02/new-from-the-james-bradfield-school": "E",
    "2006/10/news-fro-the-james-bradfield-school": "E", "2002/02/faith-schools": "E", "2017/05/grammar-schools": "E",
    "2004/01/school-league-tables-and-james-bradfield-school": "E",
    "2009/07/news-from-james-bradfield-school-5": "E",  # a residential field-study trip
    "2002/11/a-good-pub-meal-or-education-for-a-year": "E",  # sponsoring a Kenyan child's schooling
    "2006/07/the-james-bradfield-church-of-england-school": "E", "2008/11/news-from-james-bradfield-school-3": "E",
    "2007/01/news-from-the-james-bradfield-school-2": "E",  # school governors wanted
    "2002/12/the-mnarani-school-project": "E",
    "2010/01/james-bradfield-school-pta-newsletter": "O",  # fundraising thanks
    "2005/11/christian-teachings": "O",  # church jokes
    "2009/01/news-from-the-james-bradfield-school-5": "O",  # knitted nativity touring the villages
    "2006/02/news-from-james-bradfield-school": "O",  # pupils' charity appeals (volunteering)
    "2007/11/news-from-the-james-bradfield-cofe-school": "O",  # harvest festival service
    "2008/12/news-from-the-james-bradfield-cofe-school-2": "O",  # remembrance service
    "2006/12/news-from-the-james-bradfield-school": "O",  # remembrance service
    "2011/08/james-bradfield-school-fete": "O",
    "2011/06/what-does-the-doctor-think-this-month-40": "O", "2012/06/west-fereham-parish-council-may": "O",
    "2008/08/breast-cancer-moon-walk": "O", "2006/12/bin-ends-5": "O", "2006/10/unscheduled-alarm-call": "O",
    "2008/05/wretton-pc-report": "O", "2017/11/meet-barry-keenan": "O",
    "2012/06/village-liaison-meeting-minutes-3": "O",
}

# hyndland-primary-parent-council/hyndland-primary-parent-council.github.io content/_news/ (a Glasgow primary school's
# parent council, 2014-2019): 30 random posts (random.Random(6)) and the posts whose name has a learning word, read;
# posts under 60 words left out, and four unsettled ones (an AGM, building works, donations, a support-staff strike).
# The school year, term dates, staff and after-school French classes are education; the council's fundraisers, discos,
# quizzes, runs and the traffic outside the school are other (hard negatives: set at a school).
HYNDLAND = {
    "have-a-great-summer-adieu-or-so-long": "E", "school-holidays-and-teacher-inset-days-this-term": "E",
    "thanks-for-dedicated-service": "E", "active-french": "E",
    "mums-on-the-run-update": "O", "ceilidh-friday-16th-may": "O", "five-go-running": "O", "yellow-moon": "O",
    "social-and-fundraising-activity": "O", "hpspc-mums-on-the-run-quiz-night": "O",
    "traffic-problems-around-the-school-update-on-consultation": "O", "continuing-traffic-parking-issues": "O",
    "recent-fundraisers-movers-shakers-and-thanks": "O", "parent-council-halloween-disco-friday-3rd-november": "O",
    "p7-disco-your-help-is-needed": "O", "quiz-night-friday-28th-march": "O",
}

# ayton-ps/website main/content/{news,blog}/ (Ayton Primary School, Scottish Borders, 2022-2025): every newsletter and
# class-blog post read; 16 about learning and the school year kept as education (the other newsletters, much alike,
# left out, as were posts under 55 words and four unsettled ones: a digital-leaders blog, a countryside day, a
# soup-making visit, a baking-and-spelling week); a charity day, a red-nose day, the village flower show and a
# cross-country day (school sport) are other.
AYTON = {
    "news/august-2025-newsletter": "E", "news/enrolment-week-17th-november-2025": "E",
    "news/school-improvement-report": "E", "news/november-2024-newsletter": "E", "news/september-2024-newsletter": "E",
    "news/march-newsletter": "E", "news/november-2025-newsletter": "E", "blog/p4-5-class-blog-26-01-24": "E",
    "blog/p1-4-blog": "E", "blog/p6-class-blog-14-11-22": "E", "blog/p7-class-blog": "E",
    "blog/p1-4-blog-24-10-22": "E", "blog/p5-6-class-blog": "E", "blog/goblin-car-p6": "E", "blog/world-book-day": "E",
    "blog/p5-class-blog": "E",
    "blog/children-in-need": "O", "blog/flower-show": "O", "blog/p5-6-7-cross-country-day": "O",
    "blog/red-nose-day": "O",
}

# ugadmissionscaltechblog/blogs _posts/ (caltechadmissions.blog: Caltech undergraduates' blogs, 2008-2022): 45 random
# posts (random.Random(6)) and 22 random posts whose name has a class/exam/admission word (random.Random(7)), read.
# Classes, labs, exams, admissions and the core curriculum are education; food, hikes, trips, house socials, talks
# by visiting speakers and a graduation fair are other.
CALTECH = {
    "2022-04-03-sending-a-high-altitude-balloon-to-space.md": "E", "2009-11-13-field-trippin.md": "E",
    "2011-04-08-sfc-and-mannion-food.md": "E",  # student-faculty conference on core-curriculum reform
    "2020-12-16-admissions-reflections.md": "E", "2013-04-28-pre-frosh-weekends-surf-panel.md": "E",
    "2017-02-27-a-life-in-the-day-of-a-chemistry-major.md": "E",
    "2009-11-06-hooray-for-being-done-with-midterms-weeki-took-my-cds-110-midterm-last-night-in-the-librarywasnt-too-"
    "badi-actually-think.md": "E",
    "2009-12-09-ea-admissions-committee-my-anniversary.md": "E", "2022-01-07-admission-reflection-KL.md": "E",
    "2015-10-29-classes-in-edinburgh.md": "E", "2009-12-07-finals-essays-and-reports-oh-my.md": "E",
    "2019-12-12-studying-time.md": "E", "2017-07-08-my-favorite-course-of-freshman-year.md": "E",
    "2009-12-08-final-presentation.md": "E", "2014-02-12-midterms-week.md": "E",
    "2019-12-23-Castle-to-E4-Checkmate.md": "O", "2017-03-08-walking-around-alhambra.md": "O",
    "2015-02-26-hotpot-traditions.md": "O", "2017-08-30-sushiritos-are-soy-awesome.md": "O",
    "2017-04-06-vienna-spring-break-pt-2.md": "O", "2018-10-14-less-painful-hiking.md": "O",
    "2013-03-07-a-day-at-the-santa-anita-race-track.md": "O", "2012-06-04-breakdancing-in-san-diego.md": "O",
    "2016-04-08-frosh-with-class.md": "O", "2016-04-18-y-combinators-female-founders-conference.md": "O",
    "2017-02-13-jennifer-musto-talk.md": "O", "2016-10-24-off-campus-adventures.md": "O",
    "2020-12-19-The-Indian-Festival-of-Lights.md": "O", "2014-05-17-rocks-for-dinner.md": "O",
    "2017-05-09-dunk-your-math-professor.md": "O",
}

# Sabotnik/static-site branch eti _posts/ (empowertz.org, Empower Tanzania, an NGO in Same District, 2012-2021): every
# post title read; the after-school learning centre, its pupils' stories, orphans' schooling and children's clubs are
# education; water, farming, clinics, health education for adults, farmer training and women's business are other.
EMPOWERTZ = {
    "2012-05-24-education-for-aids-orphans.md": "E", "2012-05-24-kids-club-for-orphans.md": "E",
    "2012-06-04-most-vulnerable-childrens-club.md": "E",
    "2018-04-25-happy-birthday-to-the-same-learning-center.md": "E",
    "2019-04-25-two-years-of-same-learning-center.md": "E", "2019-08-28-back-to-school-meet-agnes.md": "E",
    "2019-08-28-back-to-school-meet-neema.md": "E", "2019-09-09-back-to-school-meet-tatu.md": "E",
    "2019-09-16-back-to-schoo-meet-judith.md": "E", "2019-09-16-back-to-school-meet-zakayo.md": "E",
    "2019-10-22-same-learning-center-graduation-day.md": "E", "2019-04-24-maria-shabani.md": "E",
    "2019-04-25-mtawa-mkirinki.md": "E", "2020-01-31-i-want-to-be-a-doctor---.md": "E",
    "2012-05-24-agricultural-development.md": "O", "2012-05-24-hedaru-water-project.md": "O",
    "2012-05-24-palliative-care-project.md": "O", "2012-07-09-safe-motherhood.md": "O",
    "2012-11-30-pangaro-clinic-opens.md": "O", "2012-11-30-shighatini-milk-processing-plant.md": "O",
    "2014-09-23-iwhp-fights-malaria.md": "O",
    "2014-06-20-integrated-farming-class-of-2014.md": "O",  # farmer training: professional training
    "2013-08-09-22000-people-learn-about-safe-water.md": "O",  # public-health workshops for adults
    "2014-02-26-voluntourism.md": "O", "2014-03-20-albinism-in-east-africa.md": "O",
    "2018-03-01-women-in-politics.md": "O",
    "2020-06-19-information-campaign-on-wheels.md": "O", "2020-07-31-farming-at-kirinjiko.md": "O",
}

# Marlborough-School/stem_website _posts/ (stem.marlborough.org, a Los Angeles girls' school's STEM programme,
# 2017-2026): every post title read. Classes, course projects, coding workshops and summer courses are education; talks
# by visiting scientists and engineers, an AI panel and a volunteering trip are other. Robotics tournaments (contest
# results), posts under 100 words and a few unsettled ones (press articles on STEM jobs, dance-concert projections)
# left out.
MARLBOROUGH = {
    "2017-09-14-new-school-year-2017-18.md": "E", "2017-11-28-stem-now-in-spanish.md": "E",
    "2018-02-10-ucla-coding-workshops.md": "E", "2018-08-25-happy-new-year-2018-19.md": "E",
    "2019-02-14-summer-coding-intensive-preview.md": "E", "2018-12-20-coding-abstract-art.md": "E",
    "2021-06-01-engineering-2021.md": "E", "2021-04-24-csprojects2021.md": "E", "2021-09-29-updates-2021.md": "E",
    "2021-12-03-cs-ed-week-2021.md": "E", "2021-02-26-girl-scout-coding.md": "E", "2019-01-14-alumna-visit.md": "E",
    "2022-02-15-project-invent.md": "E", "2022-04-28-csprojects2022.md": "E",
    "2021-02-16-kevinHand.md": "O", "2021-03-23-jasonMezilis.md": "O", "2021-05-19-simoneGiertz.md": "O",
    "2023-03-08-gillian.md": "O", "2023-10-18-surgery.md": "O", "2023-03-03-ai.md": "O", "2019-03-04-anacapa.md": "O",
}

# EurolandHanoi/fullshare _posts/ (Fullshare Holdings, a Hong Kong-listed group's English press releases, 2016-2022;
# no site address in the repository): business news is other, including the acquisition of an Australian childcare
# group and a soccer school (business news mentioning schools: hard negatives); a library given to a village primary
# school and the first graduates of a university college the group funds are education.
FULLSHARE = {
    "2018-12-13-Public-service-is-also-a-healthy-way-of-life.md": "E",
    "2022-06-18-The-first-batch-of-science-of-health-preserving-of-TCM-major-undergraduates-in-Fullshare-Health-"
    "College-Nanjing-University-of-Chinese-Medicine-graduated.md": "E",
    "2018-04-09-fullshare-hosted-Sheng-Kung-Hui.md": "O", "2016-08-31-fullshare-announces-2016-interim-results.md": "O",
    "2016-09-30-fullshare-holdings-supports-the-development-of-healthcare-businesses-by-investing-in-medicskin.md": "O",
    "2016-12-09-fullshare-holdings-to-acquire-australian-childcare-provider-sparrow-early-learning.md": "O",
    "2017-07-31-fullshare-holdings-completes-acquisition-of-gsh-plaza.md": "O",
    "2017-08-15-fullshare-holdings-continues-to-expand-the-childcare-business.md": "O",
    "2018-08-19-Fullshare-Launches-Sparrow-Soccer-School-in-Hong-Kong.md": "O",
    "2019-03-29-Grand-WUJI-Hotel-Win-China-Golden-Horse-Award.md": "O",
    "2019-06-06-Fullshare-Holdings-partners-with-China-(Nanjing)-Software-Valley-to-launch-an-eye-care-and-health-"
    "initiative.md": "O",
    "2020-02-12-ullshare-Holdings'-first-donations-of-protective-supplies-arrive-at-Gulou-Hospital.md": "O",
    "2021-09-09-2021-Global-Top-500-New-Energy-Companies-List Released-Fullshare-Holdings-China-Transmission-Ranked-"
    "65th.md": "O",
    "2022-01-26-Powering-the-Green-Winter-Olympics.md": "O",
}

# jackmafoundation/jackmafoundation.github.io _posts/ (the Jack Ma Foundation's English posts, 2020): every English
# post of 60+ words: COVID-19 donations, a university's research grant (research news: other) and an environment prize.
JACKMA = {
    "2020-01-29-donation-100-million-covid-19.md": "O", "2020-02-21-columbia-university-covid-19.md": "O",
    "2020-03-02-japan-supplies.md": "O", "2020-03-13-Iran-supplies.md": "O", "2020-03-13-europe-supplies.md": "O",
    "2020-03-13-usa-supplies.md": "O", "2020-03-16-second-shipment-of-donation-to-belgium.md": "O",
    "2020-03-17-africa-can-be-one-step-ahead-of-the-coronavirus.md": "O", "2020-10-10-the-earthshot-prize.md": "O",
    "2020-04-08-world-renowed-aids-expert-on-covid-research.md": "O",
}

# chriswere/freebooter @ 799671b (freebooter.uk, a Monmouthshire and Forest of Dean local news site, 2025; the built
# pages with their chrome, and one story kept only as Markdown): every story, read. Three Ofsted school inspections are
# education; planning, roads, crime, prices, a raft race and a Fairtrade morning schools are invited to are other. The
# Five Acres leisure-and-education hub plan left out as mixed.
FREEBOOTER = {
    "posts/berry-hill-primary-celebrates-good-ofsted-report/index.html": "E",
    "posts/coalway-community-infant-school-making-progress,-says-ofsted/index.html": "E",
    "markdown/20250828-whitchurch-ofsted.md": "E",
    "posts/abergavenny-restaurant-sign-dispute-sparks-heritage-row-/index.html": "O",
    "posts/monmouth-raft-race-faces-uncertain-future-as-river-wye-runs-low/index.html": "O",
    "posts/monmouthshire-set-for-biggest-ever-fairtrade-coffee-morning/index.html": "O",
    "posts/third-arrest-in-malvern-murder-probe/index.html": "O",
    "posts/two-arrested-after-drone-incident-at-prison/index.html": "O",
    "posts/bungalow-approved-for-rear-of-park-close-property-after-controversial-debate/index.html": "O",
    "posts/cheapest-unleaded-petrol-prices-in-monmouthshire-and-forest-of-dean/index.html": "O",
    "posts/council-approves-40mph-speed-limit-on-staunton-road-(from-monmouth-to-coleford)/index.html": "O",
    "posts/monmouthshire-council-refuses-glamping-proposal-at-swallows-nest,-hardwick/index.html": "O",
}
FREEBOOTER_URL = {"markdown/20250828-whitchurch-ofsted.md":
                  "https://freebooter.uk/posts/whitchurch-cofe-primary-rated-good-\u2013-early-years-provision-outstanding/"}

# journal-club/wiki-data news/ (wiki.bits-hyd.org, the student Journal Club of BITS Pilani's Hyderabad campus, India,
# 2017-2018): every news, spotlight and op-ed page read. The fee-hike protests and the faculty exodus are education;
# the disciplinary committee, mess dinners, campus internet, sexual harassment, a farewell party, floods, a bus app,
# hostel elections, a sports fest and national politics are other (campus news that is not about learning).
BITSHYD = {
    "general/2018-fee-hike-directors-meet-minutes.md": "E", "general/2018-protest-and-deal.md": "E",
    "oped/day-4-fee-hike-protest.md": "E", "oped/name-of-education.md": "E",
    "spotlight/discos.md": "O", "spotlight/moonlight-dinner-2018.md": "O", "spotlight/internet-campus.md": "O",
    "spotlight/icc-sexual-harassment.md": "O", "spotlight/bon-voyage-2018.md": "O", "oped/sabarimala.md": "O",
    "oped/operation-136-cobrapost-press.md": "O", "general/2018-kerala-floods.md": "O",
    "general/212-tracker-soon.md": "O", "general/2017-hrep-elections.md": "O", "fests/arena-18/done-dusted.md": "O",
    "spotlight/where-you-last-night.md": "O",
}

# karussell/snacktory src/test/resources/de/jetwick/snacktory/ (an article extractor's test pages, 2010-2011): every
# English news page whose canonical URL names a publisher not already in data/topic (pages without one left out).
SNACKTORY = {
    "cracked.html": "O", "economist.html": "O", "galtime.com.html": "O", "gizmodo.html": "O",
    "livestrong.html": "O",  # children's obesity: health
    "readwriteweb.html": "O", "scientificamerican.html": "O", "shockya.html": "O",
    "slamonline.html": "O",  # "NBA Schoolyard Rankings": sport
    "sportingnews.html": "O", "thefrisky.html": "O",
}

# ourcodingclub/ourcodingclub.github.io _posts/ (the University of Edinburgh's student-run Coding Club): its two posts;
# the new academic year's workshops are education; the conference trip left out as mixed.
CODINGCLUB = {"2017-09-14-new-year.md": "E"}

# acbart/acbart.github.io _posts/ (a computer-science lecturer's blog, Virginia Tech and the University of Delaware,
# 2013-2026): posts of 300+ words read; course self-evaluations, TA meetings, students' workload, a CS1 class and its
# curriculum are education; a conference experience report, peer review and academic writing are other (research);
# a dataset-building post left out as unsettled.
ACBART = {
    "2017-09-25-thoughtful-ta-meeting.md": "E", "2018-09-15-hours-per-week.md": "E",
    "2018-05-28-cs1064-self-evaluation.md": "E", "2018-12-20-cisc320-self-evaluation.md": "E",
    "2020-06-10-race-in-cs1.md": "E", "2020-11-08-halloween-adventure.md": "E",
    "2020-01-13-python-static-types.md": "E",
    "2014-09-09-grace-hopper.md": "O", "2018-08-13-you-dont-know.md": "O", "2013-07-10-academic-writing.md": "O",
}

# elirizk/website src/content/blog/ (elirizk.me, a Lebanese computer-science graduate's blog, 2022-2024): every post
# read. Teaching computer-literacy workshops to school pupils and graduating from university are education; security
# certificates (professional training) and a guest lecture on NLP research are other; a thesis defence, a Fulbright
# seminar, a thesis competition and an award left out as unsettled or under 100 words.
ELIRIZK = {"post1.md": "E", "post3.md": "E", "post5.md": "O", "post6.md": "O", "post9.md": "O"}


def _stokeferry_url(rel: str, _body: bytes) -> str:
    return f"https://www.stokeferry.com/{rel}/"


def _jekyll_url(base: str, with_categories: bool = False, dated: bool = False) -> Callable[[str, bytes], str]:
    def url(rel: str, body: bytes) -> str:
        y, m, d, slug = _post_slug(rel)
        if with_categories:
            cats = "/".join(c.lower() for c in _front_list(body, "categories"))
            return f"{base}/{cats + '/' if cats else ''}{y}/{m}/{d}/{slug}/"
        if dated:
            return f"{base}/blog/{y}/{m}/{d}/{slug}/"
        return f"{base}/{slug}/"
    return url


SOURCES = (
    Source("stokeferry", "lovell/stokeferry.com", "867787f897f6b1e7bd4f70907041723dc11dd69c", "stokeferry-village-pump",
           "stokeferry.com", "src/", {f"{k}/index.md": v for k, v in STOKEFERRY.items()},
           lambda rel, body: _stokeferry_url(rel.removesuffix("/index.md"), body), lambda b: _front(b, "title")),
    Source("hyndland", "hyndland-primary-parent-council/hyndland-primary-parent-council.github.io",
           "b4f35bcfc5ab46057f7e7b6aff38430522ea7d4a", "hyndland-parent-council", "hyndlandprimary.parent-council.scot",
           "content/_news/", {f"{k}.md": v for k, v in HYNDLAND.items()},
           lambda rel, _b: f"https://hyndlandprimary.parent-council.scot/news/{rel.removesuffix('.md')}/",
           lambda b: _front(b, "title")),
    Source("ayton", "ayton-ps/website", "e5f0f4bae6d4286cc49cf110c5abd44b3d7ae476", "ayton-primary", "aytonprimary.com",
           "main/content/", {f"{k}.md": v for k, v in AYTON.items()},
           lambda rel, _b: f"https://aytonprimary.com/{rel.removesuffix('.md')}/", lambda b: _front(b, "title")),
    Source("caltech", "ugadmissionscaltechblog/blogs", "78560b2ba944fcdd0db960626bc07e320dfea8df",
           "caltech-admissions-blogs", "caltechadmissions.blog", "_posts/", CALTECH,
           _jekyll_url("https://caltechadmissions.blog"), lambda b: _front(b, "title")),
    Source("empowertz", "Sabotnik/static-site", "a38d90889630f0c3401c1b9fd8af41fd2f89d1f9", "empower-tanzania-news",
           "empowertz.org", "_posts/", EMPOWERTZ, _jekyll_url("https://empowertz.org", with_categories=True),
           lambda b: _front(b, "title")),
    Source("marlborough", "Marlborough-School/stem_website", "df03b755f6e062f4bd683a48d047bb06fe67886b",
           "marlborough-stem", "stem.marlborough.org", "_posts/", MARLBOROUGH,
           _jekyll_url("http://stem.marlborough.org"), lambda b: _front(b, "title")),
    Source("fullshare", "EurolandHanoi/fullshare", "eb5c98c40f863251907ae6db7fb1f7ec3f1041a3", "fullshare-press",
           "fullshare-holdings (no URL)", "_posts/", FULLSHARE, lambda _rel, _b: None, lambda b: _front(b, "title")),
    Source("jackma", "jackmafoundation/jackmafoundation.github.io", "4a092d7cd871fbfc8a54dfa5b655b2e128796592",
           "jack-ma-foundation-news", "jackmafoundation.org.cn", "_posts/", JACKMA,
           _jekyll_url("https://www.jackmafoundation.org.cn", dated=True), lambda b: _front(b, "title")),
    Source("freebooter", "chriswere/freebooter", "799671b9b017712e56d643c3cb8b3af1d51f7eb1", "freebooter-local-news",
           "freebooter.uk", "", FREEBOOTER,
           lambda rel, _b: FREEBOOTER_URL.get(rel) or f"https://freebooter.uk/{rel.removesuffix('index.html')}",
           _any_title),
    Source("bitshyd", "journal-club/wiki-data", "6913b8b9ba7d977b48add4c675e9f074c376e840",
           "bits-hyderabad-journal-club", "wiki.bits-hyd.org", "news/", BITSHYD,
           lambda rel, _b: f"https://wiki.bits-hyd.org/news/{rel.removesuffix('.md')}", _any_title),
    Source("snacktory", "karussell/snacktory", "c05c5ec338922b3f9a40cd35597ba8094f9162b0", "snacktory-tests", "",
           "src/test/resources/de/jetwick/snacktory/", SNACKTORY, lambda _rel, body: _canonical(body), _html_title,
           site_of=_host),
    Source("codingclub", "ourcodingclub/ourcodingclub.github.io", "8fd2b7dc2205cc8cb0a72ed99745cded8843b553",
           "edinburgh-coding-club", "ourcodingclub.github.io", "_posts/", CODINGCLUB,
           lambda rel, _b: f"https://ourcodingclub.github.io/posts/{rel.removesuffix('.md')}/", _any_title),
    Source("acbart", "acbart/acbart.github.io", "b7c6f3b75392dd3bb3519a8de4ab3f9eccadf04d", "acbart-cs-education-blog",
           "acbart.github.io", "_posts/", ACBART,
           lambda rel, _b: "https://acbart.github.io/{}/{}/{}/{}/".format(*_post_slug(rel)), _any_title),
    Source("elirizk", "elirizk/website", "9cb3a6e2f2eeb5d0b94a9ac7480e4164a6a740db", "elirizk-blog", "elirizk.me",
           "src/content/blog/", ELIRIZK, lambda rel, _b: f"https://elirizk.me/blog/{rel.removesuffix('.md')}/",
           _any_title),
)


def rows_and_pages(clones: dict[str, str]) -> list[tuple[dict[str, object], bytes]]:
    """Every check6 row with its page bytes, read from the clones (one per source key)."""
    out: list[tuple[dict[str, object], bytes]] = []
    for src in SOURCES:
        for rel, lab in src.labels.items():
            path = src.prefix + rel
            body = git_show(clones[src.key], path, src.commit)
            url = src.url(rel, body)
            site = src.site_of(url) if src.site_of else src.site
            name = rel.replace("/", "_").replace(" ", "_").replace("'", "").replace("(", "").replace(")", "")
            ext = "" if name.endswith((".md", ".html", ".htm", ".txt")) else ".md"
            row = {"file": f"{SPLIT}/{src.key}/{name}{ext}.gz", "label": LABEL[lab], "site": site, "source": src.source,
                   "repository": src.repository, "path": path, "commit": src.commit, "url": url,
                   "title": src.title(body), "split": SPLIT}
            out.append((row, body))
    return out




def main(argv: list[str]) -> int:
    clones = source_args(argv, {s.key for s in SOURCES})
    if clones is None:
        return 2
    return write_split(rows_and_pages(clones), SPLIT, lambda row: row["split"] == SPLIT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
