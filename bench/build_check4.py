"""Build data/topic/ check4: a blind check set of new sites and sources, labelled by reading before any scoring.

    python bench/build_check4.py FUNDUS_GIT JOUR_GIT GOVUK_GIT

FUNDUS_GIT is a clone of flairNLP/fundus (@ 18da6e5), JOUR_GIT one of NewsAppsUMD/jour329w_fall2025
(@ 4879d21), GOVUK_GIT one of alphagov/publishing-api (@ 64d2c15). The labels below were written by
reading each page's title and start (data/topic/README.md's rule) before any scorer ran on check4; this
script only copies the pages and writes their rows, so the set can be rebuilt and audited. No row's site
is in the older splits (the script refuses to write if one is).
"""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPIC = ROOT / "data" / "topic"
FUNDUS_COMMIT = "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"
JOUR_COMMIT = "4879d210afe4b416694530ea53c0204cda89d033"
GOVUK_COMMIT = "64d2c150d7272c08c7cc6d3520b45bd21c6011f2"

# flairNLP/fundus tests/resources/parser/test_data/: every English page of a publisher not already in
# data/topic (site, label). All are general news; none is mainly about education.
FUNDUS = {
    "au/NineNews_2024_05_02": ("9news.com.au", "O"), "au/NineNews_2026_07_04": ("9news.com.au", "O"),
    "ca/CBCNews_2024_08_08": ("cbc.ca", "O"), "ca/CanadaCom_2026_06_06": ("canada.com", "O"),
    "ca/FinancialPost_2026_06_06": ("financialpost.com", "O"),
    "ca/GlobalNews_2026_05_24": ("globalnews.ca", "O"),  # a missile damages schools: war news
    "ca/NationalPost_2024_08_28": ("nationalpost.com", "O"), "ca/NationalPost_2025_05_08": ("nationalpost.com", "O"),
    "ca/OttawaCitizen_2026_05_26": ("ottawacitizen.com", "O"),
    "ca/TheGlobeAndMail_2024_08_28": ("theglobeandmail.com", "O"),
    "ca/TheProvince_2026_06_06": ("theprovince.com", "O"),
    "ls/LesothoTimes_2025_05_23": ("lestimes.com", "O"), "ls/LesothoTimes_2025_11_24": ("lestimes.com", "O"),
    "na/TheNamibian_2023_11_16": ("namibian.com.na", "O"), "na/TheNamibian_2024_02_20": ("namibian.com.na", "O"),
    "tz/DailyNewsTZ_2025_01_23": ("dailynews.co.tz", "O"),
    "uk/DailyStar_2024_04_23": ("dailystar.co.uk", "O"), "uk/DailyStar_2026_04_20": ("dailystar.co.uk", "O"),
    "uk/EuronewsEN_2024_04_30": ("euronews.com", "O"), "uk/EuronewsEN_2026_01_06": ("euronews.com", "O"),
    "uk/EveningStandard_2024_05_02": ("standard.co.uk", "O"), "uk/EveningStandard_2024_10_24": ("standard.co.uk", "O"),
    "uk/Nature_2025_11_04": ("nature.com", "O"),
    "uk/TechRadar_2026_05_21": ("techradar.com", "O"), "uk/TheIndependent_2024_11_22": ("independent.co.uk", "O"),
    "uk/TheSun_2024_04_22": ("thesun.co.uk", "O"),
    "uk/iNews_2023_08_30": ("inews.co.uk", "O"), "uk/iNews_2025_01_28": ("inews.co.uk", "O"),
    "us/APNews_2023_04_28": ("apnews.com", "O"), "us/APNews_2024_09_03": ("apnews.com", "O"),
    "us/FreeBeacon_2023_04_28": ("freebeacon.com", "O"), "us/OccupyDemocrats_2023_06_20": ("occupydemocrats.com", "O"),
    "us/RestOfWorld_2025_10_21": ("restofworld.org", "O"),
    "us/TheGatewayPundit_2023_04_28": ("thegatewaypundit.com", "O"),  # murdered university students: crime
    "us/TheGatewayPundit_2026_07_19": ("thegatewaypundit.com", "O"),
    "us/TheIntercept_2023_04_28": ("theintercept.com", "O"), "us/TheIntercept_2024_02_28": ("theintercept.com", "O"),
    "us/TheNation_2023_05_15": ("thenation.com", "O"), "us/TheNation_2024_01_11": ("thenation.com", "O"),
    "us/VoiceOfAmerica_2024_04_28": ("voanews.com", "O"),  # child care and mothers without degrees
    "us/WorldTruth_2023_04_28": ("worldtruth.tv", "O"),
    "za/DailyMaverick_2025_05_22": ("dailymaverick.co.za", "O"),
    "za/DailyMaverick_2026_01_06": ("dailymaverick.co.za", "O"),
    "za/DurbanLocal_2025_11_09": ("durbanlocal.co.za", "O"), "za/TheCitizen_2025_11_28": ("citizen.co.za", "O"),
    "za/TimesLive_2025_05_22": ("timeslive.co.za", "O"), "za/TimesLive_2025_11_10": ("timeslive.co.za", "O"),
}

# NewsAppsUMD/jour329w_fall2025 data/stardem_topics/*.json: The Star Democrat (Easton, Maryland) stories as a
# journalism class exported them from NewsBank (title, byline, full text; no URL). Chosen: a random.Random(4)
# sample of 80 stories the class's LLM filed under Education plus a random.Random(6) sample of 36 more (its
# label not used: each read and labelled here; many are not education) and, as hard negatives, random stories
# of other topics whose title has a school/student/college word (Public_Safety 16, Health 8, 12 others).
# Left out after reading (title and start did not settle the label): 25 stories.
STARDEM = {
    "19972B0B769D7200": "E", "19B28D0C74CEA570": "E", "19FB4AB20ACD59B0": "E", "19763E31ED25C8F8": "E",
    "1957E11DE75E27D0": "E", "194DEE28DDD23B48": "E",
    "193A5E5176493F50": "O",  # a 4-H exchange student's talk to county commissioners
    "19D413D1D411BDB8": "E", "1A1C56F14DE718E8": "E",
    "19ADF9CF19238C00": "O",  # state service-year programme: job experience, not schooling
    "194AB4A69465B1E8": "E", "1993CAA1514A7F98": "E", "19C6E3D194B2A520": "E", "19AFB81A8D0EB278": "O",
    "198005AAAE4F06B8": "O",  # college students' road trip
    "195F63CEC06F2CF0": "E", "199EA93EE3D28458": "E", "19903F66DD6D3BD0": "E",
    "193C33816473C1B0": "O",  # a correction notice
    "199E01547645CC80": "E", "19B9101BED00ACF8": "E", "198BA2D66AB41160": "E", "197D239777EA4520": "E",
    "19C99D0B8A53B510": "E",
    "19573C1C81253A68": "O",  # public library's mobile library (libraries are other)
    "1A39E765F4CAA600": "E", "19CF8F3EDB83B380": "E", "199ABC3EF8BB9710": "E", "198255154B2C4E48": "E",
    "199A0D9373282160": "E", "19F8A5ADD47E9500": "E", "19AAC750A4EEA2B8": "O", "1957E11DE6119B00": "E",
    "1A1B97B35906C4D0": "E", "19B07196CE24B270": "E", "1A2A696940C0BFC0": "E",
    "19B6DCFDE457C1B8": "O",  # Civil Air Patrol open house
    "1A0971EA8E56F1B8": "E", "198C8D548E48E7F8": "E", "19D75E0767C95550": "E", "19D97519D6F41170": "E",
    "1A35487BB718A8F8": "E", "19B071901383F0F0": "E", "19EBCC7F70E34628": "E",
    "197C6550720C9770": "O",  # Sea Cadets inspection
    "19B334171CAC7C10": "E",
    "199D58FE55222030": "O",  # a speaker series held at a college
    "19432575093D8A20": "E", "19539F07B5517D88": "E", "1943CF38E41C0C90": "O", "19F50445BB23A9E8": "E",
    "19AAC751A8C996E0": "O", "1A0C30199033ACB0": "E", "1A100D4269891E20": "E", "19F7A8AC9FB0ABC0": "E",
    "19C2A02E83C54D30": "O",  # chess afternoon at the public library
    "198C8D54DC2B3268": "E", "19D75E076BBED658": "E",
    "19E43B097547C540": "O",  # data breach at schools' software vendor: crime/technology at schools
    "19859F4707A30848": "E", "19C4EA12B0102F18": "E", "19E1EFE159957FE0": "E", "1A3102A24B8C96B8": "E",
    "19B95DE55D9B5498": "E", "198C8D5510716960": "E",
    # hard negatives: public safety, health and other topics with a school word in the title
    "1983F9E65A109F68": "O", "19C4EA122C1E6348": "O", "19C2A02E682870F8": "O", "194FE9DEAC516DB0": "O",
    "1A37465D06CAE058": "O", "19B9232364B840D8": "O", "1A2E5F89F071B7D8": "O", "19B87B780A3F7578": "O",
    "1A3C9F5B11651060": "O", "1A2EB0EBB1E00D18": "O", "1995C8D92AD28640": "O", "19B8B5E18459C500": "O",
    "19738B6584AF43B8": "O", "19F1C6FCB3949318": "O", "194A034A94DEC600": "O", "1947BE4EB27CF510": "O",
    "1A1E8A5A75A7B3D8": "O",  # nurses' professional leadership programme
    "19EE74EE99339190": "O", "193C3381AFEBBEF8": "O", "19782083103068C0": "O", "199433E2808AEA80": "O",
    "198B3A79EB508040": "O",  # a university's manufacturing centre
    "19CD801BBB262A88": "O", "19FDEF49DABCD170": "O",  # county business academy: professional training
    "1A3A8EFD9A0DE430": "O",
    # second sample: random.Random(6) draw of 36 more Education-filed stories (5 left out after reading)
    "1957E11DE38F60D8": "E", "19B2766B0AA8C280": "E", "19344042DCBF8EE0": "E", "19DDA200E1BE0BD8": "E",
    "193C338166AF0F98": "E", "19FAF1F083264A28": "E", "195F63CEA88EEF40": "E", "19B48785F48F71C0": "E",
    "195A33370CDBBB98": "E", "19FD966616165F88": "E", "19D92654DB1DA680": "E", "19F8F7B28746DE88": "E",
    "19B071906223C2E8": "E", "19BFF63E03A6BCF8": "E", "196111C7D5C4A1C0": "E", "1947BE4ED207FB68": "E",
    "1994212B2A5449D8": "E", "19D8B12BCBD1DD18": "E", "1A25237169CBA178": "E", "1A33A62152CFC008": "E",
    "1A2BBB6CB3192D40": "E", "193E8287BB038B40": "E", "19412B3DF6B10D88": "O", "1A15A520891610A8": "O",
    "19C99D0B743710C0": "O", "19B95DE4E0C9DC20": "O", "1A27C7BDD4A9C798": "O", "1991253F598C2D28": "O",
    "195F63CE9F89A390": "O", "199378425386C780": "O", "1991D32BAEB5C380": "O",
}
# alphagov/publishing-api content_schemas/examples/{news_article,speech}/frontend/: GOV.UK news stories,
# press releases, statements and speeches copied from the live site as schema examples; every English one
# with a body, one per page (a duplicate Christmas message and the Queen's Speech, a mixed programme, left out).
GOVUK = {
    "news_article/frontend/best-practice-event.json": "O",
    "news_article/frontend/best-practice-government-response.json": "O",  # food procurement for hospitals and schools
    "news_article/frontend/best-practice-news-story.json": "O",
    "news_article/frontend/best-practice-press-release.json": "O",  # a drugs-advice campaign aimed at teenagers
    "news_article/frontend/news_article.json": "O", "news_article/frontend/news_article_history_mode.json": "O",
    "news_article/frontend/news_article_press_release.json": "O",
    "news_article/frontend/news_article_with_image_caption.json": "O",
    "speech/frontend/best-practice-oral-statement.json": "O", "speech/frontend/best-practice-speaking-notes.json": "O",
    "speech/frontend/best-practice-written-statement.json": "O", "speech/frontend/speech-authored-article.json": "O",
    "speech/frontend/speech-oral-statement-parliament.json": "O", "speech/frontend/speech-speaking-notes.json": "O",
    "speech/frontend/speech-transcript.json": "O",
    "speech/frontend/speech-written-statement-parliament.json": "E",  # schools revenue funding settlement
    "speech/frontend/speech.json": "O",
}
STARDEM_TOPICS = ("Education", "Public_Safety", "Health", "BusinessEconomy", "National_News", "None_of_these")
LABEL = {"E": "education", "O": "other"}


def _git(repo: str, path: str, commit: str) -> bytes:
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


def _page(title: str, content: str) -> bytes:
    """A Star Democrat story as a small HTML page (the dataset holds the story's title and text only)."""
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in content.split("\n") if p.strip())
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"</head><body><article><h1>{html.escape(title)}</h1>\n{paras}</article></body></html>").encode()


def _govuk_page(item: dict) -> bytes:
    """A GOV.UK content item as the page it renders: title, summary and the body HTML it already holds."""
    body = item["details"]["body"]
    if isinstance(body, list):  # multiple content types: keep the HTML one
        body = next(b["content"] for b in body if b.get("content_type") == "text/html")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(item["title"])}'
            f'</title><link rel="canonical" href="https://www.gov.uk{html.escape(item["base_path"])}"></head>'
            f'<body><article><h1>{html.escape(item["title"])}</h1>\n<p>{html.escape(item.get("description") or "")}'
            f"</p>\n{body}</article></body></html>").encode()


def main(fundus: str, jour: str, govuk: str) -> int:
    out = TOPIC / "pages" / "check4"
    rows: list[dict[str, object]] = []

    def put(rel: str, body: bytes, label: str, site: str, source: str, repo: str, path: str,
            commit: str, url: str | None, title: str) -> None:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.compress(body, mtime=0))
        rows.append({"file": f"check4/{rel}", "label": LABEL[label], "site": site, "source": source,
                     "repository": repo, "path": path, "commit": commit, "url": url, "title": title,
                     "split": "check4"})

    base = "tests/resources/parser/test_data"
    for name, (site, lab) in FUNDUS.items():
        path = f"{base}/{name}.html.gz"
        body = gzip.decompress(_git(fundus, path, FUNDUS_COMMIT))
        m = re.search(rb"<title[^>]*>(.*?)</title>", body, re.S | re.I)
        title = html.unescape(m.group(1).decode("utf-8", "replace").strip()) if m else ""
        u = re.search(rb'<link[^>]+rel="canonical"[^>]+href="(https?://[^"]+)"', body)
        put(f"fundus/{name.replace('/', '_')}.html.gz", body, lab, site, "fundus-tests", "flairNLP/fundus",
            path, FUNDUS_COMMIT, u.group(1).decode() if u else None, title)

    stories: dict[str, tuple[str, dict]] = {}
    for topic in STARDEM_TOPICS:
        path = f"data/stardem_topics/{topic}.json"
        for s in json.loads(_git(jour, path, JOUR_COMMIT)):
            stories.setdefault(s["docref"].split("/")[-1], (path, s))
    for ref, lab in STARDEM.items():
        path, s = stories[ref]
        put(f"stardem/{ref}.html.gz", _page(s["title"], s["content"]), lab, "stardem.com", "stardem-newsbank",
            "NewsAppsUMD/jour329w_fall2025", f"{path}[docref={s['docref']}]", JOUR_COMMIT, None, s["title"])

    for name, lab in GOVUK.items():
        path = f"content_schemas/examples/{name}"
        item = json.loads(_git(govuk, path, GOVUK_COMMIT))
        put(f"govuk/{name.replace('/frontend/', '_').removesuffix('.json')}.html.gz", _govuk_page(item), lab,
            "gov.uk", "govuk-schema-examples", "alphagov/publishing-api", path, GOVUK_COMMIT,
            f"https://www.gov.uk{item['base_path']}", item["title"])

    old = [line for line in (TOPIC / "labels.jsonl").read_text("utf-8").splitlines()
           if json.loads(line)["split"] != "check4"]
    old_sites = {json.loads(line)["site"].removeprefix("www.") for line in old}
    clash = sorted({str(row["site"]) for row in rows} & old_sites)
    if clash:
        print("sites already in data/topic:", clash, file=sys.stderr)
        return 1
    (TOPIC / "labels.jsonl").write_text("\n".join(old + [json.dumps(row, ensure_ascii=False) for row in rows])
                                        + "\n", "utf-8")
    edu = sum(row["label"] == "education" for row in rows)
    print(f"check4: {len(rows)} pages, {edu} education, {len({row['site'] for row in rows})} sites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
