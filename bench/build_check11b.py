"""Build data/topic/ check11 (part b): blind news pages, labelled by reading before scoring.

    python bench/build_check11b.py nsb=GIT_DIR

GIT_DIR is a clone (or bare mirror) of the repository named in SOURCES holding the commits given there. check11 is built
by three helpers at once (parts a, b and c, on their own branches); this script writes only part b's rows (their `file`
names start with ``check11/b-``) and keeps every other row of labels.jsonl, the other parts' included, so the parts
merge without touching each other.

Every page was labelled by reading its title and start under data/topic/README.md's rule before any scorer ran on
check11; this script only copies the pages (gzip) and writes their rows, so the set can be rebuilt and audited. The
sources are press-release and news datasets (title and full text per item, no page chrome), stored as small HTML pages
made from the title and the body, as check10's part b did. It refuses to write if a site is already in data/topic (any
split but check11), if a repository or URL host is one of tests/fixtures/real's sources (reading only their
`repository` and `url` fields), if two pages map to one file name, or if one site holds more than MAX_SITE_PAGES or one
repository more than MAX_REPOSITORY_PAGES pages. Every source must be given: part b is built whole or not at all.
"""

from __future__ import annotations

import html
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
PART = "b"
MAX_SITE_PAGES = 22  # the brief's caps for one part: no site or repository decides check11's precision or recall
MAX_REPOSITORY_PAGES = 35


# NSB: droid-f/news-service-bund, a daily mirror of the Swiss Federal Administration's news service (News Service
#   Bund, www.news.admin.ch): one XML file per press release, with its issuing offices (the lead one flagged) and its
#   text in German, French, Italian and, for some, English. Only the English text is used (title, lead, body), as the
#   release's English page on admin.ch (media-releases.msg-id-N.html). Releases of 2020-2025 with an English text of
#   150+ words (3,297). The education desk is the releases whose lead office is the State Secretariat for Education,
#   Research and Innovation (SERI) or the Swiss Federal University for Vocational Education and Training (SFUVET):
#   134. The desk and the other offices' releases were each shuffled with random.Random(11) and read from the top. The
#   desk's first 20: 6 read as education (an OECD skills summit, vocational training talks with Australia's skills
#   minister, a study of parliaments' VET motions, China's vice minister of education on VET and student mobility, the
#   ASEM education ministers' meeting, VET talks at EuroSkills), 11 as other (research cooperation, space, Horizon
#   Europe, state visits centred on trade and research, a vocational university's new professors: a university's
#   research and staff news and diplomacy are other under the rule) and 3 left out as unsettled (a minister of higher
#   education's courtesy visit, Austria talks and a Berlin visit that mix education with research in equal measure).
#   The other offices' first 5 (all other); admin.ch is one site, so the draw stops at the site cap (22).
NSB_COMMIT = "09c89acba6f2180cb2cd1ea60afc7fc641ceb5c5"
NSB_NS = {"m": "https://www.news.admin.ch/messages"}
NSB_URL = "https://www.admin.ch/gov/en/start/documentation/media-releases.msg-id-{}.html"
NSB_FILES = (
    "2024/2024-02/2024-02-23.100177.xml", "2022/2022-02/2022-02-17.87243.xml", "2023/2023-04/2023-04-03.94090.xml",
    "2023/2023-10/2023-10-23.98318.xml", "2022/2022-04/2022-04-04.87874.xml", "2023/2023-04/2023-04-24.94522.xml",
    "2023/2023-06/2023-06-15.95739.xml", "2024/2024-12/2024-12-02.103367.xml", "2024/2024-05/2024-05-27.101182.xml",
    "2020/2020-10/2020-10-27.80854.xml", "2024/2024-12/2024-12-12.103536.xml", "2021/2021-12/2021-12-16.86499.xml",
    "2022/2022-07/2022-07-22.89782.xml", "2024/2024-11/2024-11-25.103287.xml", "2021/2021-07/2021-07-21.84511.xml",
    "2023/2023-09/2023-09-05.97622.xml", "2021/2021-12/2021-12-21.86592.xml",
    "2024/2024-06/2024-06-13.101380.xml", "2021/2021-09/2021-09-13.85092.xml", "2023/2023-03/2023-03-08.93558.xml",
    "2020/2020-05/2020-05-27.79259.xml", "2024/2024-05/2024-05-23.101135.xml",
)

NSB = {
    # admin.ch: education desk (SERI, SFUVET), random.Random(11) draw
    NSB_URL.format(100177): "E",  # OECD Skills Summit: education systems, learning and career pathways
    NSB_URL.format(87243): "O",  # European Space Summit
    NSB_URL.format(94090): "O",  # research cooperation with Greenland
    NSB_URL.format(98318): "O",  # science and technology cooperation with Vietnam
    NSB_URL.format(87874): "O",  # research and innovation mission to Israel
    NSB_URL.format(94522): "O",  # Riga visit: research partnership, Horizon 2020, a healthcare innovation day
    NSB_URL.format(95739): "E",  # vocational education and training talks with Australia's skills minister
    NSB_URL.format(103367): "E",  # SFUVET study of parliaments' motions on vocational education
    NSB_URL.format(101182): "O",  # Ukraine's reconstruction and digitalisation
    NSB_URL.format(80854): "O",  # Swiss-EU joint committee on research (Horizon 2020, ITER)
    NSB_URL.format(103536): "E",  # China's vice minister of education: VET, student mobility, higher education system
    NSB_URL.format(86499): "E",  # ASEM education ministers' meeting
    NSB_URL.format(89782): "O",  # EU ministers of research and innovation
    NSB_URL.format(103287): "O",  # state visit to the Netherlands: economic and scientific relations
    NSB_URL.format(84511): "O",  # President in Japan: trade, research, the Olympic Games
    NSB_URL.format(97622): "E",  # EuroSkills: VET talks with European education ministers, the Swiss skills team
    NSB_URL.format(86592): "O",  # SFUVET appoints professors: staff and research fields (a university's own news)
    # admin.ch: other offices' releases, random.Random(11) draw
    NSB_URL.format(101380): "O",
    NSB_URL.format(85092): "O",  # science diplomacy for a cancer-research centre
    NSB_URL.format(93558): "O",
    NSB_URL.format(79259): "O",
    NSB_URL.format(101135): "O",
}


def _nsb_paragraphs(text: str) -> str:
    """The English body (HTML escaped in the XML) as one paragraph a line."""
    body = re.sub(r"</(p|h\d|li)>|<br\s*/?>", "\n", html.unescape(text))
    return re.sub(r"<[^>]+>", " ", body)


def _nsb_rows(clone: str) -> Iterator[Article]:
    for path in NSB_FILES:
        root = ET.fromstring(git_show(clone, path, NSB_COMMIT))
        for msg in root.findall("m:message", NSB_NS):
            content = msg.find("m:content[@lang='en']", NSB_NS)
            if content is None:
                continue
            lead = content.findtext("m:lead", default="", namespaces=NSB_NS) or ""
            text = _nsb_paragraphs(content.findtext("m:text", default="", namespaces=NSB_NS) or "")
            yield Article(path, NSB_COMMIT, NSB_URL.format(msg.get("id")),
                          content.findtext("m:title", default="", namespaces=NSB_NS) or "",
                          msg.findtext("m:pubdate", default="", namespaces=NSB_NS) or "", lead + "\n" + text)


SOURCES = (
    Source("nsb", "droid-f/news-service-bund", "swiss-news-service-bund", NSB, _nsb_rows),
)


def main(argv: list[str]) -> int:
    return build_part(argv, SOURCES, SPLIT, PART, site_pages=MAX_SITE_PAGES, repository_pages=MAX_REPOSITORY_PAGES,
                      need_title=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
