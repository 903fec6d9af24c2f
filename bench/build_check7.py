"""Build data/topic/ check7: a blind check set that looks like a news archive, labelled by reading before scoring.

    python bench/build_check7.py KEY=GIT_DIR [KEY=GIT_DIR ...]

KEY is one of the source keys below (wyofile, freepressokc, oncentral, thedp, cronkite, phila, nbn, wsvn) and GIT_DIR a
clone (or bare mirror) of the repository named in SOURCES holding the commit given there. Every source is a news
publisher's (or a city government's newsroom's) own pages, saved as static HTML with their chrome. Education pages were
taken from the publisher's education desk (its category, section or department) and other pages by a random.Random(7)
draw over the same publisher's other articles (three publishers have no education desk in their archive: their pages are
a random draw only); every page was then labelled by reading its title and start under data/topic/README.md's rule (the
desk is a hint only: a school's football game filed under Education is `other`, a random story about school funding is
`education`). No scorer had run on check7 when the labels were written; this script only copies the pages (gzip) and
writes their rows, so the set can be rebuilt and audited. It refuses to write if a site is already in data/topic, if a
repository or URL host is one of tests/fixtures/real's sources (reading only their `repository` and `url` fields), if
two pages map to one file name, or if one site holds more than 15% of check7 or one repository more than 25%. Every
source must be given: check7 is built whole or not at all.
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

SPLIT = "check7"
LABEL = {"E": "education", "O": "other"}
MAX_SITE_SHARE = 0.15  # no single site decides check7's precision or recall
MAX_REPOSITORY_SHARE = 0.25


@dataclass(frozen=True)
class Source:
    """One repository: its commit, where its pages are, how a page's URL is read, and every label."""

    key: str
    repository: str
    commit: str
    source: str  # the `source` field of the rows
    labels: dict[str, str]  # page directory (its index.html is the page) -> "E" | "O"
    url: Callable[[str, bytes], str | None]


def _html_title(body: bytes) -> str:
    """The page's <title>, else its og:title, else its headline (React-rendered pages can leave both empty)."""
    m = re.search(rb"<title[^>]*>(.*?)</title>", body, re.S | re.I)
    title = re.sub(r"\s+", " ", html.unescape(m.group(1).decode("utf-8", "replace"))).strip() if m else ""
    if title:
        return title
    og = re.search(rb"""property=["']og:title["'][^>]*content=["']([^"']*)""", body)
    if og and og.group(1).strip():
        return html.unescape(og.group(1).decode("utf-8", "replace")).strip()
    # The Daily Pennsylvanian's static build leaves both empty: its headline is a styled div
    head = re.search(rb'class="[^"]*HeadlineText[^"]*">(.*?)</div>', body, re.S)
    text = re.sub(r"<[^>]+>", " ", head.group(1).decode("utf-8", "replace")) if head else ""
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _og_url(body: bytes) -> str | None:
    m = re.search(rb"""property=["']og:url["'][^>]*content=["'](https?://[^"']+)""", body)
    return html.unescape(m.group(1).decode("utf-8", "replace")) if m else None


def _under(base: str) -> Callable[[str, bytes], str]:
    """URL = the publisher's address + the page's directory (archives whose pages carry no og:url)."""
    return lambda rel, _body: f"{base}/{rel}/"


def _og_or(base: str) -> Callable[[str, bytes], str]:
    return lambda rel, body: _og_url(body) or f"{base}/{rel}/"


WYOFILE = {
    # district's handling of a student's pronouns upheld (school policy)
    "judge-rock-springs-school-didnt-violate-parental-rights-in-transgender-pronoun-case": "E",
    "six-takeaways-from-the-just-finished-wyoming-legislative-session": "O",  # legislative session overview
    "gordon-lets-wyoming-gun-free-zones-repeal-become-law-decries-legislative-power-grab": "O",  # guns
    "wyoming-opted-out-of-usda-summer-food-assistance-program-but-bill-would-change-that": "O",  # child nutrition
    "wyoming-to-appeal-ruling-on-education-funding": "E",
    "private-school-voucher-bill-retains-pre-k-funding-following-negotiations-compromise": "E",
    "he-fought-professionally-now-he-battles-the-stigma-of-suicide-through-art": "O",
    "wyomings-future-depends-on-it-educators-hope-court-ruling-helps-improve-schools": "E",
    "house-kills-bill-to-participate-in-summer-food-program-for-kids": "O",  # child nutrition
    "governor-to-sign-universal-school-voucher-bill-calling-it-remarkable-achievement-for-wyoming": "E",
    "partisan-school-board-bill-dies-in-late-stage-house-vote": "E",  # school board elections
    "a-student-died-on-campus-and-the-university-of-wyoming-stayed-silent-for-3-weeks": "O",  # student death
    "sheridan-teacher-revolutionizes-schools-approach-to-reading": "E",
    "homeschool-freedom-act-passes-senate-heads-to-the-governors-desk": "E",
    "legal-fight-over-gillette-librarians-firing-expands-as-wyoming-lawmakers-weigh-action": "O",  # public library
    "universal-voucher-bill-passes-senate-committee": "E",
    "judge-finds-wyoming-unconstitutionally-underfunded-public-schools-orders-remedy": "E",
    # child nutrition
    "declined-twice-by-wyoming-summer-nutrition-for-hungry-kids-could-gain-traction-in-school-recalibration": "O",
    "bobby-lane-is-bringing-locally-grown-food-to-wyomings-school-cafeterias": "O",  # school food, farming
    "after-five-years-archiving-wyoming-history-library-specialist-fired-in-latest-doge-cuts": "O",  # archivist job cut
    "universal-school-vouchers-clear-senate-with-notable-addition-of-pre-k-funding": "E",
    "judge-mckeown-sided-with-led-zeppelin-dr-seuss-and-now-the-wilderness-act": "O",
    # early childhood education
    "early-childhood-educator-kendra-west-builds-better-beginnings-in-southwest-wyoming": "E",
    "how-lander-lost-a-librarian": "E",  # high school librarian, school library
}

FREEPRESSOKC = {
    "teachers-board-settle-okcps-negotiated-agreement-in-record-time": "E",  # teachers' contract
    "okcps-board-meeting-preview-for-april-12": "E",  # school calendar, charter appeal
    "work-session-intervention-gifted-talented": "E",
    "rigid-secretive-okcps-plans-generate-controversy": "E",  # split-grade classrooms
    "board-accepts-supt-resignation-effective-february-1": "E",  # superintendent
    "mark-mann-sworn-okcps-board": "E",  # school board
    "fight-okcps-sue-state": "E",  # school funding lawsuit
    "okcps-board-highlights-calendar-struggles": "E",  # school calendar
    "new-john-marshall-athletic-training-complex-announced": "O",  # school athletics complex (school sport)
    "access-granted-new-mobile-hot-spots-provide-internet-connections-for-students": "E",  # internet for schoolwork
    "okcps-357-fights-logged-since-oct-1": "O",  # fights in schools (safety incidents)
    "supt-aurora-lora-resigns-okcps": "E",  # superintendent
    "okcps-board-chair-calls-humphreys-resign": "O",  # public figure's remarks on homosexuality
    "okcps-board-spends-hours-process-define-goals": "E",
    "principals-superintendent-renew-efforts": "E",
    "edgemere-connection-rallying-help": "E",  # community school
    "girl-attorney-group-recruits-150-female-attorneys-to-advocate-for-teachers": "E",  # teacher walkout
    "edgemere-connection-part-3-still-open-still-educating": "E",
    "south-side-schools-show-discipline": "E",  # first day of school
    "native-american-african-american-parents-pressure-okcps-board": "E",  # parents pressure school board
    "okcps-admins-leaving-building": "O",  # district offices move out of an old building (facilities)
    "madison-wingate-okcps-teacher-year": "E",  # teacher of the year
    # public figure's return to a charter board after remarks on homosexuality
    "kirk-humphreys-back-john-rex-board-controversy": "O",
    "village-voters-say-yes-streets-parks-capital-improvements": "O",  # random other
}

ONCENTRAL = {
    "news/2011/07/22/ucla-report-students-getting-less-jefferson-high-c": "E",  # school funding report
    "news/2012/09/19/most-adults-dont-think-social-isolation-bullying-s": "O",  # children's health poll on bullying
    "news/2011/10/24/jefferson-high-school-rallies-around-football": "O",  # school sport
    "news/2012/02/01/oncentral-foot-miramonte-elementary-scandal": "O",  # teacher arrested (crime at a school)
    # museum learning event for schoolchildren
    "news/2011/12/15/hundreds-of-children-to-participate-in-a-holiday-l": "E",
    "news/2011/09/14/neighborhood-stories-grandmother-sets-her-sights-c": "E",  # adult student seeks a degree
    "news/2012/06/05/orientation-begins-new-high-school-flexible-schedu": "E",  # new charter high school
    "news/2012/02/08/projects-paint": "O",  # college basketball player
    "news/2011/08/09/send-south-la-youth-off-to-college-prepared": "O",  # donation drive
    "news/2011/09/27/schools-and-around-vernon-central-interactive-map": "E",  # map of local schools
    "news/2013/01/08/usc-students-begin-semester-with-ramped-up-securit": "O",  # campus security after shootings
    "news/2011/06/09/la-watts-summer-games-foster-athleticism-integrity": "O",  # high-school athletics
    "news/2012/05/30/la-adult-community-schools-face-budget-cuts-possib": "E",  # adult schools' closure
    "news/2011/12/14/incredible-shrinking-state-dollars-k-12-schools": "E",  # K-12 funding
    "news/2012/11/02/religion-improves-high-school-graduation-college-e": "E",  # graduation and college enrolment study
    "news/2012/02/22/oncentral-foot-race-and-college-admissions-process": "E",  # race in college admissions (vox pop)
    # sports participation and academic results
    "news/2012/06/08/sports-has-major-positive-impact-lausd-academics": "E",
    "news/2012/05/23/usc-college-prep-program-sees-students-usc-among-o": "E",  # college-prep programme
    "news/2012/03/28/mentor-program-brings-music-south-la-schools": "E",  # music lessons for pupils
    "news/2012/01/25/new-charter-academy-offer-high-school-diplomas-tee": "E",  # charter academy for diplomas
    "news/2012/07/24/more-1-3-us-births-unintended": "O",  # random other
    "news/2011/01/04/ciclavia-makes-its-way-south-los-angeles": "O",  # random other
    "news/2011/09/28/sola-food-coop-works-to-offer-healthy-options-in-s": "O",  # random other
    "news/2012/11/19/caffeinated-cracker-jacks-and-increased-use-protei": "O",  # random other
}

THEDP = {
    "article/2020/05/6b-minority-coalitions-virtual-semester-community": "O",  # student groups' community support
    "article/2020/05/engineering-penn-online-classes-applied-sciences": "E",
    "article/2020/05/harvard-medine-penn-med-coronavirus": "E",
    "article/2020/05/health-hero-match-hospital-healthcare-worker-hackathon": "O",  # student's hackathon platform
    "article/2020/05/mother-daughter-graduate-penn-lps-commencement": "E",
    "article/2020/05/nursing-clinical-rotations-canceled-online-labs": "E",
    "article/2020/05/penn-civic-scholars-civic-house-west-philadelphia": "O",  # appointment
    "article/2020/05/penn-marks-family-writing-center-donation": "E",  # endowed writing centre for students
    "article/2020/05/penn-med-opioid-financial-incentives": "O",  # research
    "article/2020/05/penn-political-partisanship-coronavirus-lockdown": "O",  # research
    "article/2020/05/penn-residential-services-moveout-shipping": "O",  # dorm move-out logistics
    "article/2020/05/penn-summer-courses-classes-online": "E",
    "article/2020/05/penn-wharton-telemedicine-veterinary-school": "O",  # startup showcase
    "article/2020/05/philadelphia-universities-fall-semester-planning-scenarios-online": "E",
    "article/2020/05/primary-election-west-philadelphia-roebuck-krajewski-democrat-candidate": "O",
    "article/2020/05/reverend-al-sharpton-letter-amy-gutmann-endowment-diversity": "O",  # endowment management
    "article/2020/05/testing-requirements-admissions-university-of-california-ivy-league-penn": "E",
    "article/2020/05/wharton-artificial-intelligence-penn": "E",
    "article/2020/05/wharton-coronavirus-pandemic-online-course-mauro-guillen": "E",
    "article/2020/05/wharton-neuroscience-initiative-donation-penn": "O",  # research donation
}

CRONKITE = {
    "2012/09/arizona-senate-race-begins-to-see-some-spending-by-independent-groups": "O",  # random
    # random: utility-industry recruitment expo (workforce)
    "2014/10/energy-expo-hopes-to-get-students-charged-up-about-utility-jobs": "O",
    "2013/04/white-house-drug-policy-chief-calls-immigration-reform-a-priority": "O",  # random
    "2014/06/fathers-day-times-two-gay-parents-not-hindered-by-state-adoption-law": "O",  # random
    "2014/10/advocates-medical-marijuana-businesses-would-benefit-from-recreational-legalization": "O",  # random
    # random: university programme bringing Native American students into medical school
    "2015/03/with-federal-grant-ua-out-to-get-more-native-americans-into-medicine": "E",
    "2013/10/tucson-school-uses-garden-ecology-projects-to-teach-math": "E",  # random
    "2012/01/agency-head-border-trash-becoming-tougher-riskier-to-remove": "O",  # random
    "2012/10/advocacy-groups-looking-to-early-ballots-to-boost-latino-votes": "O",  # random
    "2013/02/bill-would-help-students-remain-in-charter-school-systems": "E",  # random
    # random: high-school volleyball player
    "2014/10/for-surprise-high-schooler-volleyball-success-only-part-of-achievements": "O",
    "2012/05/arizona-again-earns-no-1-ranking-for-services-for-developmentally-disabled": "O",  # random
    "2015/01/promise-of-drugs-a-given-in-yuma-where-heroin-network-thrives": "O",  # random
    "2012/01/northern-arizona-power-plant-among-nations-biggest-greenhouse-gas-producers": "O",  # random
    "2015/01/hookedaz-behind-the-scenes": "O",  # random: journalism students' documentary production
    "2015/02/house-democrats-demand-republicans-pass-clean-dhs-budget": "O",  # random
    "2013/01/report-arizona-has-nations-sixth-highest-prescription-drug-abuse-rate": "O",  # random
    "2013/09/think-tank-arizonas-education-cuts-during-recession-third-deepest-in-nation": "E",  # random
    "2015/02/report-arizona-had-largest-gap-between-older-younger-minority-populations": "O",  # random
    "2012/02/feds-identify-237100-acres-in-arizona-as-possible-renewable-energy-sites": "O",  # random
}

PHILA = {
    # Mayor's Office of Education desk: city pre-K enrolment
    "news/mayors-office-of-education/now-enrolling-phlprek": "E",
    "news/oem/deadline-friday-july-31st-for-emergency-alert-subscribers-to-switch-to-readyphiladelphia": "O",  # random
    "news/mayor/mayor-jim-kenney-unveils-fiscal-year-2017-budget": "O",  # random
    "news/mayor/philadelphias-public-alert-system": "O",  # random
    "news/mayor/road-closures-for-the-convention": "O",  # random
    "news/oem/give-the-gift-of-preparedness-this-holiday-season": "O",  # random
    "news/city-representative/sheila-hess-named-city-representative": "O",  # random
    "news/oem/preparedness-planning-critical-to-business-survival-after-emergencies": "O",  # random
    "news/oem/as-national-preparedness-month-ends-hurricane-joaquin-approaches": "O",  # random
    "news/oem/city-of-philadelphia-recognizes-oem-for-accreditation-contributions": "O",  # random
    "news/mayor/dnc-frequently-asked-questions": "O",  # random
    "news/mayor/philadelphia-passes-the-sweetened-beverage-tax": "O",  # random
    "news/oem/snow-emergency-and-winter-weather-safety-precautions": "O",  # random
    "news/mayor/special-dncdeals-for-philadelphians": "O",  # random
    "news/oem/red-paw-pet-rescue-volunteers-recognized": "O",  # random
}

NBN = {
    "2009/08/44388/zoe-in-jerusalem-so-where-exactly-is-my-warm-welcome": "O",  # random
    "2011/04/102590/nu-community-rallies-to-support-james-foley": "O",  # random
    "2011/08/103286/northwestern-football-releases-depth-chart-for-opener": "O",  # random
    "2011/05/102881/catching-up-with-cakes-vince-difiore": "O",  # random
    "2010/04/75307/talib-kweli-to-perform-at-ao-ball": "O",  # random
    "2008/09/11561/nu-committee-proposes-complete-overhaul-of-campus": "O",  # random
    # random
    "2010/10/94852/northwestern-begins-million-dollar-study-of-potential-renovations-to-athletic-facilities": "O",
    "2011/05/103113/peter-bjorn-and-john-to-play-dillo-day": "O",  # random
    "2010/04/79638/why-you-should-be-sad-to-see-vp-banis-go": "O",  # random
    "2010/03/64467/going-en-garde-for-the-season": "O",  # random
    "2010/11/94100/joe-mckeown-i-focus-on-progress": "O",  # random
    "2009/04/32574/gone-greek-engendered-species": "O",  # random
    "2010/04/76750/regina-spektor-primer": "O",  # random
    "2007/09/3972/nswreflections": "O",  # random
    "2009/04/32843/asg-debate-highlights-differences-between-presidential-candidates": "O",  # random
    "2010/03/66565/be-the-change": "O",  # random
}

WSVN = {
    "news/investigations/south-florida-doctors-grow-frustrated-with"
    "-potentially-life-saving-covid-19-treatments-lack-of-attention": "O",  # random
    "news/help-me-howard/can-board-remove-her-ivy": "O",  # random
    "news/local/police-search-for-missing-pembroke-pines-endangered-woman": "O",  # random
    # random
    "news/us-world/were-walking-into-the-mouth-of-the-monster-by-loosening-covid-19-restrictions-expert-says": "O",
    "news/investigations/feeding-of-birds-in-one-miramar-community"
    "-ruffling-feathers-pitting-neighbor-against-neighbor": "O",  # random
    "news/politics/desantis-faces-growing-charges-of-vaccine-favoritism": "O",  # random
    "news/local/smooth-vaccination-process-at-mdc-north-site-despite-large-turnout-rainy-weather": "O",  # random
    "news/us-world/elon-musk-lost-27-billion-last-week": "O",  # random
    "news/hope-and-healing/south-floridians-help-less-fortunate-during-holidays": "O",  # random
    "news/help-me-howard/century-village-condo-owner-cited-for-walking-on-grass": "O",  # random
    "news/politics/accuser-says-talk-of-cuomo-as-ag-spurred-her-to-come-forward": "O",  # random
    "news/us-world/worlds-first-space-hotel-scheduled-to-open-in-2027": "O",  # random
    "news/investigations/home-heartache-south-florida-couple-forced-to"
    "-wait-months-for-refund-after-cancelling-contract-on-new-home": "O",  # random
    # random
    "news/special-reports/miami-dade-issues-fines-drafts-ordinance-amid-noisy-big-rig-complaints-in-redlands": "O",
    # random
    "news/special-reports/taxi-trauma-miami-chef-shares-emotional-legal-ordeal-1-year-after-wynwood-crash": "O",
    "news/hope-and-healing/miracle-maker": "O",  # random
    "news/us-world/authorities-to-seek-charges-after-violent-boulder-party-that-left-3-officers-injured": "O",  # random
    "news/local/florida-couple-charged-after-child-found-dead-2-others-found-malnourished": "O",  # random
}

# Where each dictionary above came from (all read by title and start; the desk is only where a page was found):
# WYOFILE: watashiwasta/wyofile, a site downloader's copy of wyofile.com (WyoFile, a nonprofit Wyoming newsroom,
#   2024-2025), read at its first full import (later commits edit only one unrelated page, which is not in check7):
#   every article its Newspack theme files under the Education category (25 of 270 articles; one left out as unsettled:
#   a donor reconsidering his gifts to the University of Wyoming after a dean's demotion). Vouchers, school funding and
#   its court case, school boards, homeschooling, reading instruction, early-childhood educators and a school librarian
#   are education; summer food programmes for children, school cafeterias' local food, a student's death on campus,
#   public and university librarians' firings, a judge's profile, gun-free zones and the session round-up are other.
# FREEPRESSOKC: BrettMDickerson/freepressokc.github.io, a static copy of freepressokc.com (Free Press OKC, an Oklahoma
#   City weekly, 2017-2018): the first 23 of a random.Random(7) shuffle of the 115 articles filed under Education or
#   Education Notes, plus the first article of the same shuffle over its 241 other articles. Oklahoma City Public
#   Schools' board, superintendents, budgets, calendar, teacher contracts and the 2018 teacher walkout are education;
#   fights logged in schools, a school's athletics complex, a board member's remarks and the district's move out of an
#   old office building are other.
# ONCENTRAL: SCPR/oncentral-flats, the flat archive of oncentral.org (Southern California Public Radio's South Los
#   Angeles community news site, 2011-2013): the first 21 of a random.Random(7) shuffle of the 40 articles under its
#   Education category (one left out: a USC freshman's profile whose start did not settle it) and the first 4 of the
#   same shuffle over the 331 others. School funding, adult schools, charter academies, college-prep and admissions, a
#   learning event for schoolchildren are education; high-school football and athletics, a teacher's arrest, a bullying
#   poll, a college basketball player, campus security after shootings and a donation drive are other.
# THEDP: dailypenn/thedp.com @ its 2020 static build (The Daily Pennsylvanian, the University of Pennsylvania's
#   student newspaper): all 20 article pages of that build. Online classes, summer courses, admissions tests, nursing
#   placements, commencement, a writing centre and new courses are education; research studies and research donations,
#   an appointment, housing logistics, a hackathon, an election, the endowment's management are other.
# CRONKITE: cronkiteschool/Cronkite-News, the archive of cronkitenewsonline.com (Cronkite News, Arizona State
#   University's news service, 2011-2015): the first 30 of a random.Random(7) shuffle of its 4,516 dated articles, less
#   10 with too little text (eight video stubs, a correction, a map) (no education desk in the archive). School funding
#   cuts, a charter-school bill, a school garden teaching mathematics and a medical-school pipeline for Native American
#   students are education.
# PHILA: CityOfPhiladelphia/static-beta.phila.gov, the City of Philadelphia's newsroom (beta.phila.gov, 2015-2016):
#   the one release of the Mayor's Office of Education and the first 14 of a random.Random(7) shuffle of the 83 other
#   releases (mayor's office, emergency management, health).
# NBN: northbynorthwestern/nbn-archive, the archive of northbynorthwestern.com (North by Northwestern, a Northwestern
#   University student magazine, 2007-2011): the first 17 of a random.Random(7) shuffle of its 894 stories, less one
#   left out as unsettled (a column on the journalism school dean's policies); no education desk. Campus life, sports,
#   music, student government and study-abroad diaries about nightlife are other.
# WSVN: eak65/7miaminews, a site downloader's copy of wsvn.com pages (7News Miami, 2020-2021), read at its first
#   import: the first 20 of a random.Random(7) shuffle of its 88 story pages, less two section index pages; no education
#   desk. Later commits of that repository rewrite one page into an invented story; it is not in check7, and every page
#   here is byte-identical at both ends of the history. (A copy of nbcwashington.com pages was read and dropped whole:
#   its repository serves invented stories next to the copied ones.)

SOURCES = (
    Source("wyofile", "watashiwasta/wyofile", "9a9220375115a1b28ea7164889fcbdabca378feb", "wyofile", WYOFILE,
           _og_or("https://wyofile.com")),
    Source("freepressokc", "BrettMDickerson/freepressokc.github.io", "8b1fd38b2465d8576871ed6ce0bd5c5e390f9b7b",
           "free-press-okc", FREEPRESSOKC, _og_or("https://freepressokc.com")),
    Source("oncentral", "SCPR/oncentral-flats", "fa3050133c40529ffbfdfe07d861166f76bc3fd0", "kpcc-oncentral", ONCENTRAL,
           _under("http://www.oncentral.org")),
    Source("thedp", "dailypenn/thedp.com", "84c08d3c7d6974e00d4d92732942445a5e7c9967", "daily-pennsylvanian", THEDP,
           _under("https://www.thedp.com")),
    Source("cronkite", "cronkiteschool/Cronkite-News", "e972bbac4d572939b7734db38f261aabda132209", "cronkite-news",
           CRONKITE, _under("http://cronkitenewsonline.com")),
    Source("phila", "CityOfPhiladelphia/static-beta.phila.gov", "cb05873fb6af969141addb4adb7d44d75a71ebef",
           "philadelphia-city-news", PHILA, _og_or("https://beta.phila.gov")),
    Source("nbn", "northbynorthwestern/nbn-archive", "09a0b523dd035c6f4f995d498d0c123ac642fd00",
           "north-by-northwestern", NBN, _og_or("http://www.northbynorthwestern.com")),
    Source("wsvn", "eak65/7miaminews", "e5b43b5f32a91930b1e85e391c5faf364879becf", "wsvn-7news-miami", WSVN,
           _og_or("https://wsvn.com")),
)


def rows_and_pages(clones: dict[str, str]) -> list[tuple[dict[str, object], bytes]]:
    """Every check7 row with its page bytes, read from the clones (one per source key)."""
    out: list[tuple[dict[str, object], bytes]] = []
    for src in SOURCES:
        for rel, lab in src.labels.items():
            path = f"{rel}/index.html"
            body = git_show(clones[src.key], path, src.commit)
            url = src.url(rel, body)
            name = re.sub(r"[^A-Za-z0-9._-]+", "_", rel.strip("/"))[-150:]
            row = {"file": f"{SPLIT}/{src.key}/{name}.html.gz", "label": LABEL[lab], "site": _host(url),
                   "source": src.source, "repository": src.repository, "path": path, "commit": src.commit,
                   "url": url, "title": _html_title(body), "split": SPLIT}
            out.append((row, body))
    return out


def main(argv: list[str]) -> int:
    clones = source_args(argv, {s.key for s in SOURCES})
    if clones is None:
        return 2
    return write_split(rows_and_pages(clones), SPLIT, lambda row: row["split"] == SPLIT,
                       spread=Spread(site_share=MAX_SITE_SHARE, repository_share=MAX_REPOSITORY_SHARE))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
