"""Eval gate: the real pipeline over gold-dev and the written held-out set must stay above floors.

Why three sets: gold-dev is what the extractors were tuned on; tests/fixtures/heldout holds
articles from other (written) sites, annotated before the extractors were run on them (the
people/org rules were later generalized from its misses); tests/fixtures/heldout2 is a third,
untouched set (other countries and templates) whose misses were not used for tuning.
A change that lifts gold-dev while dropping the held-out set is overfitting. Floors sit a
little below the scores measured when they were pinned, so noise does not fail CI but a
real regression does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from pipeline.evaluate_cli import pipeline_predict
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "fixtures" / "heldout"


def _gold_dev() -> Path | None:
    for candidate in (REPO.parent / "shared" / "data" / "gold-dev", Path("/work/shared/data/gold-dev")):
        if (candidate / "gold.jsonl").is_file():
            return candidate
    return None


# table -> F1 floor (measured: see the report in the commit that pinned them). Organizations 0.90 ->
# 0.89 in the 31st session: a discipline unit written without its parent ("the Department of
# Science", "the Literature Department at that University") is now a unit of its own, as the real
# pages' gold annotates it (real check organizations 0.691 -> 0.701); gold-dev's gold leaves these two
# out (0.9045 -> 0.8931).
GOLD_DEV_FLOORS = {
    "people": 0.95, "person_title": 0.92, "person_organization": 0.88, "organizations": 0.89,
    "places": 0.90, "event_dates": 0.95, "priority_areas": 0.95,
}
HELDOUT_FLOORS = {
    "people": 0.93, "person_title": 0.93, "person_organization": 0.85, "organizations": 0.92,
    "places": 0.88, "event_dates": 0.95, "priority_areas": 0.95,
}
# heldout2: written after heldout, annotated before any extractor ran on it; first pinned at
# people 0.84, person+title 0.52, person+organization 0.59, organizations 0.80; later tuned on
# (bylines, leading places/acronyms in titles): 0.92 / 0.69 / 0.60 / 0.82, places 0.86, dates 0.89;
# after the organization-name work (members' possessives, portfolio lists): 0.94 / 0.89 / 0.86 / 0.92.
HELDOUT2 = REPO / "tests" / "fixtures" / "heldout2"
HELDOUT2_FLOORS = {
    "people": 0.89, "person_title": 0.86, "person_organization": 0.82, "organizations": 0.89,
    "places": 0.82, "event_dates": 0.85,
}
# heldout3: six articles (CL, NP, MA, IE, TZ, ID) written and annotated before any extractor
# ran on them, never tuned on. Before the byline/title work: 0.84 / 0.57 / 0.54 / 0.78; after:
# people 0.92, person+title 0.61, person+organization 0.57, organizations 0.78, places 0.92,
# event dates 0.77. Its misses were then read and classed (organization names cut at a members'
# possessive or a portfolio list, "Director General" rank words, multi-portfolio ministries):
# people 0.92, person+title 0.76, person+organization 0.84, organizations 0.95.
HELDOUT3 = REPO / "tests" / "fixtures" / "heldout3"
HELDOUT3_FLOORS = {
    "people": 0.88, "person_title": 0.72, "person_organization": 0.80, "organizations": 0.91,
    "places": 0.88, "event_dates": 0.73,
}

# heldout4: five articles (CO, LK, EG, Scotland, ZM) written and annotated before any extractor ran
# on them; first measured 0.83 / 0.58 / 0.51 / 0.70; after the heldout3 fixes (not tuned on it):
# people 0.83, person+title 0.66, person+organization 0.59, organizations 0.72, places 0.92, dates 1.00.
HELDOUT4 = REPO / "tests" / "fixtures" / "heldout4"
# Second session (titles/organizations from references back, possessives, lists, verbs; the
# organization recognizer's fixes): 0.89 / 0.77 / 0.84 / 0.92.
HELDOUT4_FLOORS = {
    "people": 0.85, "person_title": 0.72, "person_organization": 0.79, "organizations": 0.88,
    "places": 0.88, "event_dates": 0.95, "priority_areas": 0.95,
}


def _check(gold: Path, floors: dict[str, float], pub_share: float = 0.9) -> None:
    report = evaluate(gold, pipeline_predict(Settings()))
    assert not report.errors, report.errors
    low = {t: round(report.table(t).f1, 3) for t, floor in floors.items() if report.table(t).f1 < floor}
    assert not low, f"F1 below floor on {gold.name}: {low} (floors {floors})"
    pub = report.publication
    assert pub["dated_correct"] >= pub_share * pub["dated"], pub
    assert pub["undated_predicted"] == 0, pub


@pytest.mark.slow
def test_gold_dev_floors() -> None:
    gold = _gold_dev()
    if gold is None:
        pytest.skip("gold-dev not found next to the repo nor in /work/shared/data")
    _check(gold, GOLD_DEV_FLOORS)


@pytest.mark.slow
def test_heldout_floors() -> None:
    _check(HELDOUT, HELDOUT_FLOORS)


@pytest.mark.slow
def test_heldout2_floors() -> None:
    _check(HELDOUT2, HELDOUT2_FLOORS)


@pytest.mark.slow
def test_heldout3_floors() -> None:
    _check(HELDOUT3, HELDOUT3_FLOORS)


@pytest.mark.slow
def test_heldout4_floors() -> None:
    _check(HELDOUT4, HELDOUT4_FLOORS)

# heldout5: four articles (UG, EC, MY, Wales) written and annotated before any extractor ran on
# them; first measured people 0.89, person+title 0.72, person+organization 0.41, organizations
# 0.81, places 0.97, dates 0.94; after the dependency-parse title fallback (tuned on heldout2-4
# misses, not on this set): 0.89 / 0.71 / 0.56 / 0.81.
HELDOUT5 = REPO / "tests" / "fixtures" / "heldout5"
# Second session: 0.92 / 0.81 / 0.73 / 0.89.
HELDOUT5_FLOORS = {
    "people": 0.88, "person_title": 0.76, "person_organization": 0.68, "organizations": 0.85,
    "places": 0.92, "event_dates": 0.89,
}

# heldout6: six articles (JM, RW, NZ, KH, SL, MN) annotated before any extractor ran on them; first
# measured people 0.89, person+title 0.72, person+organization 0.60, organizations 0.81, places 0.87,
# dates 0.86; then read and tuned on (second session): 0.91 / 0.92 / 0.92 / 0.97, places 0.86.
HELDOUT6 = REPO / "tests" / "fixtures" / "heldout6"
HELDOUT6_FLOORS = {
    "people": 0.87, "person_title": 0.87, "person_organization": 0.87, "organizations": 0.93,
    "places": 0.82, "event_dates": 0.82, "priority_areas": 0.95,
}

# heldout7: six articles (BW, MW, TH, TO, KG, TT) annotated before any extractor ran on them and
# never tuned on; measured once, after the second session's work: people 0.88, person+title 0.79,
# person+organization 0.69, organizations 0.90, places 0.89, dates 0.89, priority areas 0.96.
HELDOUT7 = REPO / "tests" / "fixtures" / "heldout7"
HELDOUT7_FLOORS = {
    "people": 0.84, "person_title": 0.74, "person_organization": 0.64, "organizations": 0.86,
    "places": 0.85, "event_dates": 0.85, "priority_areas": 0.90,
}


@pytest.mark.slow
def test_heldout5_floors() -> None:
    _check(HELDOUT5, HELDOUT5_FLOORS)


@pytest.mark.slow
def test_heldout6_floors() -> None:
    _check(HELDOUT6, HELDOUT6_FLOORS)


@pytest.mark.slow
def test_heldout7_floors() -> None:
    _check(HELDOUT7, HELDOUT7_FLOORS, pub_share=0.8)  # 5 of 6 dated pages right when measured


# The real-page yardstick (tests/fixtures/real/, issue 15): published pages copied from public
# repositories, annotated before any extractor ran on them, split by source. The tune half is read
# and tuned on; the check half is scored only when a change is finished (bench/eval_real.py logs every
# score in bench/real_scores.jsonl) and its failures are never read. These are the quality numbers
# that count; floors sit a little below the scores measured when they were pinned.
REAL = REPO / "tests" / "fixtures" / "real"
REAL_TUNE_FLOORS = {  # 89 articles: measured 0.851, 0.670, 0.478, 0.736, 0.804, 0.850, 0.857 when 48 from 16 new
    # sources joined (8th session; the first 41 alone: 0.889, 0.785, 0.681, 0.850, 0.929, 0.925, 1.0); 10th session
    # (publisher, common-word filters, given-name pairs): 0.884, 0.700, 0.517, 0.754, 0.806, 0.855, 0.857; 11th
    # (byline lines, initialisms, short given names, initials, names past spaCy's end): 0.895, 0.700, 0.522,
    # 0.755, 0.806, 0.855, 0.857. 121 articles (12th session, 32 from 11 more sources joined): 0.851, 0.661,
    # 0.427, 0.709, 0.790, 0.805, 0.783; 13th (occupations as titles, front-matter credits, masthead dates):
    # 0.875, 0.677, 0.437, 0.708, 0.800, 0.861, 0.783; 14th (abbreviated offices, world given names): 0.879,
    # 0.700, 0.439, 0.711, 0.800, 0.861, 0.783; 15th (status words, former tails): 0.880, 0.713, 0.439, 0.711,
    # 0.800, 0.861, 0.783; 16th (weekday years, dated nouns, datelines' states, signatures): 0.880, 0.715, 0.439,
    # 0.711, 0.808, 0.907, 0.783; 17th (a body's name before the post, closed name lists, credit agencies, author
    # notes): 0.880, 0.730, 0.456, 0.717, 0.808, 0.907, 0.783; 19th: 0.886, 0.738, 0.512, 0.718, 0.818, 0.914,
    # 0.783; 20th (department posts, headline run-ons, byline outlets): 0.886, 0.738, 0.545, 0.721, 0.818, 0.914, 0.783;
    # 21st (body members' posts, given names that are words, release headers): 0.887, 0.748, 0.551, 0.725, 0.818,
    # 0.914, 0.783; 22nd (product-shaped and word places, present-tense weekdays): 0.887, 0.748, 0.551, 0.725,
    # 0.826, 0.920, 0.783; 23rd (news outlets, administrations, platforms as concepts, nicknames, place-led and
    # everyday-word names, one head per government): 0.891, 0.750, 0.558, 0.735, 0.827, 0.920, 0.783; 24th
    # (known heads of state, a named person's surname no town or body, concepts no towns): 0.891, 0.750, 0.563,
    # 0.735, 0.830, 0.920, 0.783; 25th (parties, companies, party plurals, one-word affiliations): 0.892, 0.753,
    # 0.568, 0.744, 0.830, 0.920, 0.783; 27th (signature lines, university short names, honorifics inside
    # names, couples' foundations): 0.892, 0.753, 0.568, 0.748, 0.833, 0.920, 0.783. 129 articles (32nd session, 8
    # from 1 more source joined: old news pages of eight publishers): 0.890, 0.749, 0.571, 0.755, 0.829, 0.897, 0.783;
    # 137 articles (33rd session, 8 markdown and text-form pages from 5 more sources): 0.890, 0.743, 0.567, 0.746,
    # 0.826, 0.891, 0.783, then (places' gazetteer gaps, quote repair) 0.892, 0.743, 0.567, 0.748, 0.833, 0.891, 0.783;
    # 146 articles (34th session, 9 from 5 more repositories: Ugandan, Indian and Nepali markdown posts, Guardian,
    # MSN, NPR, EdWeek and Hechinger pages): 0.894, 0.738, 0.589, 0.748, 0.832, 0.877, 0.692, then (mojibake repair,
    # school levels, glued and byline posts, students' schools, namesake towns) 0.894, 0.741, 0.597, 0.749, 0.834,
    # 0.877, 0.692; 156 articles (35th session, 10 text-form articles from 7 more repositories): 0.892, 0.738,
    # 0.592, 0.746, 0.834, 0.871, 0.692, then (media units and contacts, role appositions, peers, days joined by
    # "and") 0.895, 0.741, 0.595, 0.748, 0.834, 0.879, 0.692; 160 articles (36th session, 4 text-form articles
    # from 3 more repositories; closing credit lines, lone thing words, surnames spelled like posts): 0.898, 0.738,
    # 0.595, 0.746, 0.836, 0.883, 0.692; 164 articles (37th session, 4 markdown posts from 2 more repositories, whose
    # organizations scored 0.48 as they joined): 0.897, 0.729, 0.593, 0.739, 0.835, 0.872, 0.692, so the
    # organizations floor moved 0.74 -> 0.73 for the harder set, not for any change of code; then (school heads of
    # other languages) 0.897, 0.729, 0.593, 0.741, 0.835, 0.872, 0.692; 173 articles (38th session, 9 from 4 more
    # repositories: press releases, BBC text copies, university news posts, Sri Lankan records): 0.903, 0.731,
    # 0.570, 0.737, 0.834, 0.865, 0.692; 39th (one reading per place name, hyphens in place keys): 0.903, 0.731,
    # 0.570, 0.737, 0.835, 0.865, 0.692
    "people": 0.87, "person_title": 0.72, "person_organization": 0.56, "organizations": 0.73,
    "places": 0.81, "event_dates": 0.86, "priority_areas": 0.67,
}
REAL_CHECK_FLOORS = {  # 79 articles: measured 0.772, 0.505, 0.404, 0.655, 0.855, 0.760, 0.957 when 41 from 14 new
    # sources joined (8th session; the first 38 alone: 0.824, 0.522, 0.414, 0.709, 0.890, 0.871, 0.941); 10th
    # session: 0.804, 0.524, 0.413, 0.664, 0.857, 0.760, 0.957; 11th: 0.828, 0.560, 0.451, 0.669, 0.857, 0.760, 0.957;
    # 13th: 0.839, 0.580, 0.481, 0.671, 0.857, 0.776, 0.957; 14th: 0.847, 0.583, 0.481, 0.676, 0.857, 0.776, 0.957;
    # 15th: 0.847, 0.588, 0.481, 0.676, 0.857, 0.776, 0.957; 16th: 0.847, 0.600, 0.481, 0.676, 0.857, 0.776, 0.957;
    # 17th: the same; 19th: 0.847, 0.606, 0.481, 0.676, 0.857, 0.776, 0.957; 20th: 0.850, 0.606, 0.491, 0.677,
    # 0.857, 0.776, 0.957; 21st: 0.850, 0.606, 0.493, 0.677, 0.857, 0.776, 0.957; 22nd: 0.851, 0.609, 0.493,
    # 0.677, 0.859, 0.776, 0.957; 23rd: 0.854, 0.613, 0.493, 0.677, 0.861, 0.776, 0.957; 24th: 0.854, 0.613,
    # 0.493, 0.677, 0.864, 0.776, 0.957; 25th: 0.855, 0.613, 0.499, 0.677, 0.864, 0.776, 0.957; 27th: 0.859,
    # 0.617, 0.512, 0.690, 0.866, 0.776, 0.957; 33rd: 0.861, 0.622, 0.520, 0.701, 0.873, 0.776, 0.957; 34th: 0.866,
    # 0.635, 0.541, 0.706, 0.873, 0.776, 0.957; 35th and 36th: 0.866, 0.641, 0.546, 0.706, 0.873, 0.776, 0.957;
    # 37th (school heads of other languages): 0.866, 0.641, 0.546, 0.709, 0.875, 0.776, 0.957. 96 articles (39th
    # session, 17 from 10 new sources joined, scored once as they joined: 0.85, 0.59, 0.51, 0.78, 0.65, 0.76, 1.00):
    # 0.863, 0.627, 0.535, 0.725, 0.847, 0.773, 0.963, so the places floor moved 0.86 -> 0.84 for the harder set,
    # not for any change of code; end of the 39th session (one reading per place name): places 0.848
    "people": 0.85, "person_title": 0.61, "person_organization": 0.50, "organizations": 0.68,
    "places": 0.84, "event_dates": 0.76, "priority_areas": 0.90,
}


def _check_real(gold: Path, floors: dict[str, float], pub_share: float) -> None:
    """As ``_check``, but only totals are shown (the check half's failures are never read)."""
    report = evaluate(gold, pipeline_predict(Settings()))
    scores = {t: round(report.table(t).f1, 3) for t in floors}
    low = {t: f1 for t, f1 in scores.items() if f1 < floors[t]}
    assert not low, f"F1 below floor on real/{gold.name}: {low} (floors {floors})"
    pub = report.publication
    assert pub["dated_correct"] >= pub_share * pub["dated"], {k: pub[k] for k in ("dated", "dated_correct")}
    assert pub["undated_predicted"] == 0, "a publication date was invented on an undated page"


@pytest.mark.slow
def test_real_tune_floors() -> None:
    _check_real(REAL / "tune", REAL_TUNE_FLOORS, pub_share=0.9)


@pytest.mark.slow
def test_real_check_floors() -> None:
    _check_real(REAL / "check", REAL_CHECK_FLOORS, pub_share=0.9)
