# ruff: noqa: E501
"""Date extraction: a normalization table of phrases, plus the things that are not dates."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.clean import clean_text
from pipeline.extract import dates, extract_one
from pipeline.extract.dates import published_rows
from pipeline.extract.nlp import get_nlp
from pipeline.records import DateRow

SEED = Path(__file__).resolve().parent / "fixtures" / "seed.txt"  # copy of ../shared/seed/


def run(body: str, published: str | None = "2024-03-13", url: str | None = None) -> list[DateRow]:
    article = clean_text("A headline about education\n\n" + body, url)
    article.published = published
    doc = get_nlp()(article.text)
    return extract_one(doc, article).dates


def events(body: str, published: str | None = "2024-03-13") -> list[tuple[str, str]]:
    return [(r.start, r.end) for r in run(body, published) if r.kind == "event"]


# (sentence, publication date, expected start, expected end). 2024-03-13 is a Wednesday.
TABLE = [  # noqa: E501 - one phrase per line reads best
    ("The workshop took place from 22 to 23 October.", "2018-11-09", "2018-10-22", "2018-10-23"),
    ("The meeting was held on 22-23 October 2018 in the capital.", "2018-11-09", "2018-10-22", "2018-10-23"),
    ("The forum ran October 22-23 at the campus.", "2018-11-09", "2018-10-22", "2018-10-23"),
    ("Talks were held between 3 and 5 March in the city.", "2024-03-13", "2024-03-03", "2024-03-05"),
    ("Registration is open from 3 March to 2 April.", "2024-03-13", "2024-03-03", "2024-04-02"),
    ("The exams run from 28 February to 2 March 2024.", "2024-03-13", "2024-02-28", "2024-03-02"),
    ("The ministry met on 27 March.", "2012-03-28", "2012-03-27", "2012-03-27"),
    ("A workshop was held from 8 - 9 November, 2011.", "2011-11-11", "2011-11-08", "2011-11-09"),
    ("The conference will be held in June 2012.", "2011-11-11", "2012-06-01", "2012-06-30"),
    ("The memorandum was signed on November 24th, 2023.", "2024-06-26", "2023-11-24", "2023-11-24"),
    ("He answered questions on Monday, January 20.", "2025-01-21", "2025-01-20", "2025-01-20"),
    ("The appointment takes effect from Nov.19, 2013.", "2013-12-01", "2013-11-19", "2013-11-19"),
    ("The project runs from October 2013 to September 2018.", "2014-01-10", "2013-10-01", "2018-09-30"),
    ("In May/June 2020, the club ran a large online workshop.", "2020-07-31", "2020-05-01", "2020-06-30"),
    ("For the next 2 months (October & November 2022) we will review them.", "2022-09-27", "2022-10-01", "2022-11-30"),
    ("The fair is on August 25 & 26 at the school.", "2022-09-27", "2022-08-25", "2022-08-26"),
    ("The open days are Tuesday 12th & Wednesday 13th September.", "2006-10-02", "2006-09-12", "2006-09-13"),
    ("This September marked the end of the first phase.", "2024-01-11", "2023-09-01", "2023-09-30"),
    ("On a warm, sunny week this past August, we met the students.", "2024-01-11", "2023-08-01", "2023-08-31"),
    ("We will meet this coming September in Accra.", "2024-01-11", "2024-09-01", "2024-09-30"),
    ("The school will open this March for the pupils.", "2023-12-11", "2024-03-01", "2024-03-31"),
    ("Rebranding ran from April to November, 2024 in every chapter.", "2025-03-14", "2024-04-01", "2024-11-30"),
    ("Applications are open 2023-04-12 - 2023-04-26 for the team.", "2023-04-11", "2023-04-12", "2023-04-26"),
    ("We ran our course in May-June for new students.", "2022-07-18", "2022-05-01", "2022-06-30"),
    ("The term runs from September to January at the college.", "2024-09-10", "2024-09-01", "2025-01-31"),
    ("Applications were open between April and June at the ministry.", "2024-09-10", "2024-04-01", "2024-06-30"),
    ("The session took place in March 2024.", "2024-06-26", "2024-03-01", "2024-03-31"),
    ("The report was released in March.", "2024-06-26", "2024-03-01", "2024-03-31"),
    ("The partnership was launched yesterday.", "2018-09-05", "2018-09-04", "2018-09-04"),
    ("The minister launched the plan today.", "2018-09-05", "2018-09-05", "2018-09-05"),
    ("The results will be announced tomorrow.", "2018-09-05", "2018-09-06", "2018-09-06"),
    ("Teachers went on strike last week.", "2024-03-13", "2024-03-04", "2024-03-10"),
    ("The board will meet next week.", "2024-03-13", "2024-03-18", "2024-03-24"),
    ("The strategy was adopted last month.", "2024-03-13", "2024-02-01", "2024-02-29"),
    ("The new curriculum starts next month.", "2024-03-13", "2024-04-01", "2024-04-30"),
    ("The president opened the school on Monday.", "2024-03-13", "2024-03-11", "2024-03-11"),
    ("The minister will visit the region on Friday.", "2024-03-13", "2024-03-15", "2024-03-15"),
    ("The union met last Wednesday.", "2024-03-13", "2024-03-06", "2024-03-06"),
    ("The law was passed last November.", "2024-03-13", "2023-11-01", "2023-11-30"),
    ("The survey began in July last year.", "2024-03-13", "2023-07-01", "2023-07-31"),
    ("Enrolment opens in September this year.", "2024-03-13", "2024-09-01", "2024-09-30"),
    ("The schools reopened on 5 January.", "2024-03-13", "2024-01-05", "2024-01-05"),
    ("The rally took place on 20 December.", "2024-01-05", "2023-12-20", "2023-12-20"),
    ("The exams will start on 10 January.", "2023-12-20", "2024-01-10", "2024-01-10"),
    ("Delegates gathered on Sunday 18 and Monday 19 June.", "2023-06-25", "2023-06-18", "2023-06-19"),
    ("The fair was held on the 3rd of May.", "2024-05-20", "2024-05-03", "2024-05-03"),
    ("The study ran from March to May 2023.", "2024-01-10", "2023-03-01", "2023-05-31"),
    ("The call closed on 2024-02-29.", "2024-03-13", "2024-02-29", "2024-02-29"),
    ("The camp runs from 28 December to 3 January 2025.", "2024-12-01", "2024-12-28", "2025-01-03"),
    ("The agreement was signed in early March.", "2024-03-13", "2024-03-01", "2024-03-31"),
    ("The ministers met on 14 Feb. 2024 in Suva.", "2024-03-13", "2024-02-14", "2024-02-14"),
    ("The reform was announced on June 3, 2022.", "2024-03-13", "2022-06-03", "2022-06-03"),
    ("The training took place last weekend.", "2024-03-13", "2024-03-09", "2024-03-10"),
    ("The grant was awarded during September 2021.", "2024-03-13", "2021-09-01", "2021-09-30"),
    ("The visit is planned for next March.", "2024-03-13", "2025-03-01", "2025-03-31"),
    # a month and its year with a comma between them
    ("The school opened in December, 2011 with two classes.", "2018-01-30", "2011-12-01", "2011-12-31"),
    ("She took the job in Dec., 2016 after a long search.", "2018-01-30", "2016-12-01", "2016-12-31"),
    # "this <weekday>" is that day of the publication's week, ahead or behind (2024-03-13 a Wednesday)
    ("We eagerly anticipate taking on our new role this Friday.", "2024-03-13", "2024-03-15", "2024-03-15"),
    ("Classes resumed this Monday after the break.", "2024-03-13", "2024-03-11", "2024-03-11"),
    # Past verbs spaCy tags VBN keep their past; a weekday in a future clause may be the day itself.
    ("Students returning on Tuesday will keep phones away, under rules the province announced in April.",
     "2024-09-03", "2024-04-01", "2024-04-30"),
    ("Students returning to class on Tuesday will keep their phones out of sight.", "2024-09-03", "2024-09-03",
     "2024-09-03"),
    # A bare weekday that is a present-tense verb's own time is the coming one (2019-11-19 a Tuesday);
    # in the past tense, or inside a noun phrase ("Tuesday's Game 4"), the last one.
    ("The Gophers play Saturday against the Wildcats.", "2019-11-19", "2019-11-23", "2019-11-23"),
    ("Avary, who is free on bail, faces arraignment Friday.", "2019-11-19", "2019-11-22", "2019-11-22"),
    ("The Gophers played Saturday against the Wildcats.", "2019-11-19", "2019-11-16", "2019-11-16"),
    ("Through Tuesday's Game 4, he is 1-11 at the plate.", "2019-11-20", "2019-11-19", "2019-11-19"),
    ("The agency will provide biscuits to schools from May, the minister said.", "2024-04-20", "2024-05-01",
     "2024-05-31"),
    # A year-less date is its last occurrence on or before publication ("since May" on a
    # December page), the coming one in future clauses or, in present tense, within a month.
    ("Enrolment has grown steadily since May.", "2024-12-04", "2024-05-01", "2024-05-31"),
    ("The ceremony took place on 20 December.", "2024-12-04", "2023-12-20", "2023-12-20"),
    ("The school celebrates Science Day on 10 December.", "2024-12-04", "2024-12-10", "2024-12-10"),
    ("The new term will begin on 6 January.", "2024-12-04", "2025-01-06", "2025-01-06"),
    ("The workshop was held from the 19th to the 20th of July 2023.", "2023-09-20", "2023-07-19", "2023-07-20"),
    # Reported future ("would"), infinitives and present-tense clauses are not past tense.
    ("Officials said the new schools would open in March.", "2024-07-10", "2025-03-01", "2025-03-31"),
    ("Donors pledged funds to sustain the response until June.", "2024-03-05", "2024-06-01", "2024-06-30"),
    ("The drive was launched before the new school year begins in April.", "2024-02-12", "2024-04-01",
     "2024-04-30"),
    ("The national examinations begin tomorrow.", "2024-10-27", "2024-10-28", "2024-10-28"),
    ("A survey was carried out in June and July of this year.", "2014-07-21", "2014-06-01", "2014-07-31"),
    ("The survey began in June of last year.", "2014-07-21", "2013-06-01", "2013-06-30"),
    # A weekday written with a year-less day picks the year it falls on, whatever the tense.
    ("The officials said they would attend the hearing on Thursday, July 18.", "2024-07-17", "2024-07-18",
     "2024-07-18"),
    ("The team met the officials on Thursday, July 18.", "2024-07-17", "2024-07-18", "2024-07-18"),
    # "last July 2": the last July 2 on or before publication, not last July.
    ("The officials resigned last July 2 after the audit.", "2024-07-17", "2024-07-02", "2024-07-02"),
    ("The board will meet again next March 3.", "2024-07-17", "2025-03-03", "2025-03-03"),
    # A month before the noun it dates.
    ("Weah said at an April ceremony that taxes matter.", "2018-07-23", "2018-04-01", "2018-04-30"),
    ("With the April launch, Liberians can now pay taxes by phone.", "2018-07-23", "2018-04-01", "2018-04-30"),
    ("The centre is looking to reschedule its courses to November dates.", "2021-10-08", "2021-11-01", "2021-11-30"),
    # "On 12 December" opening the first paragraph is an event even on that day.
    ("On 12 December, the councillor received the vice minister in Bern.", "2024-12-12", "2024-12-12",
     "2024-12-12"),
]


@pytest.mark.parametrize(("sentence", "published", "start", "end"), TABLE)
def test_normalization_table(sentence: str, published: str, start: str, end: str) -> None:
    assert (start, end) in events(sentence, published), run(sentence, published)


@pytest.mark.parametrize("sentence", [
    "The project on leveraging ICT to achieve Education 2030 continues.",
    "The Strategic Plan 2013-2018 was reviewed by the council.",
    "Participants attended a two-day workshop on teacher training.",
    "During the first day of the workshop, participants received training.",
    "Students may apply, and the march ended peacefully.",
    "We must rise to the challenges of today and tomorrow.",
    "The Samsung Solve for Tomorrow competition attracted many schools.",
    "Officers meet young people at public gatherings such as Friday prayers.",
    "Today, citizens can pay their taxes with a mobile phone.",
    "The Theresa May government changed the rules.",
    "May students apply for the scholarship online?",
    "Classes are held at the academy Monday through Thursday, 9:30 a.m. to 4:25 p.m.",
    "Regular museum hours are Tuesday-Saturday 10 a.m. - 5 p.m.",
    "The live lectures took place every Wednesday from 4:30 p.m. to 7:30 p.m.",
    "As they master new skills, they become the architects of the future tomorrow.",
])
def test_not_event_dates(sentence: str) -> None:
    assert events(sentence) == []


def test_year_and_academic_year_are_other() -> None:
    rows = run("The project was launched in 2015 for the 2024/25 academic year.")
    other = {(r.text, r.start, r.end) for r in rows if r.kind == "other"}
    assert ("2015", "2015-01-01", "2015-12-31") in other
    assert any(r.start == "2024-09-01" and r.end == "2025-08-31" for r in rows if r.kind == "other")
    assert not [r for r in rows if r.kind == "event"]


def test_relative_dates_need_a_publication_date() -> None:
    assert events("The statement was signed on Thursday and released yesterday.", None) == []


def test_missing_year_without_publication_date_uses_the_text_year() -> None:
    body = "The forum on 19 August 2021 followed the meeting of 3 May."
    assert ("2021-05-03", "2021-05-03") in events(body, None)


def test_month_year_targets_give_no_year_to_undated_pages() -> None:
    body = "The minister said in September that all pupils would get free meals by August 2022."
    assert events(body, None) == [("2022-08-01", "2022-08-31")]


def test_dateline_is_the_published_row_not_an_event() -> None:
    rows = run("9 November 2018\n\nThe workshop was held in Dushanbe from 22 to 23 October.",
               "2018-11-09")
    assert [r.kind for r in rows].count("published") == 1
    assert [(r.start, r.end) for r in rows if r.kind == "event"] == [("2018-10-22", "2018-10-23")]


def test_offsets_and_sentence_point_into_the_text() -> None:
    article = clean_text("Headline\n\nThe workshop was held in Dushanbe from 22 to 23 October.")
    article.published = "2018-11-09"
    rows = extract_one(get_nlp()(article.text), article).dates
    event = next(r for r in rows if r.kind == "event")
    assert article.text[event.start_char:event.end_char] == event.text == "from 22 to 23 October"
    assert "Dushanbe" in event.sentence


def test_published_rows_for_skipped_articles() -> None:
    article = clean_text("Headline\n\nSome words.")
    article.published = "2020-01-02"
    assert published_rows(article)[0].kind == "published"
    article.published = None
    assert published_rows(article) == []


def test_seed_dates() -> None:
    article = clean_text(SEED.read_text("utf-8"), "http://en.unesco.kz/a-workshop")
    rows = extract_one(get_nlp()(article.text), article).dates
    assert [(r.kind, r.start, r.end) for r in rows if r.kind != "other"] == [
        ("published", "2018-11-09", "2018-11-09"), ("event", "2018-10-22", "2018-10-23")]


_PIECES = ["Jan", "January", "feb", "FEBRUARY", "Mar", "March", "marches", "May", "may", "June", "July", "Sept", "Sepember",
           "December", "jannov", "Monday", "THURSDAY", "Sunday", "day", "today", "Today", "yesterday", "tomorrow", "last",
           "next", "this", "previous", "coming", "early", "mid", "late", "from", "between", "on", "in", "by", "since",
           "of", "end of", "week", "weekend", "month", "year", "academic", "school", "the", "to", "and", "-", "–", "/",
           ",", ".", ":", "(", "'s", "1", "3", "12", "31", "3rd", "123", "2024", "1999", "20245", "2024-05-06",
           "12024-01-05", "3:30", "2,000", "2024/25", "٣", "\u212a", "blast", "word"]
_SPACES = ["", " ", "  ", "\n", "\t", "\u00a0"]


def test_anchored_scan_finds_what_finditer_finds() -> None:
    """_matches tries each pattern only where a date can start; it must miss nothing."""
    rnd = random.Random(7)
    texts = [SEED.read_text("utf-8")]
    for _ in range(3000):
        text = "".join(rnd.choice(_PIECES) + rnd.choice(_SPACES) for _ in range(rnd.randint(1, 20)))
        texts.append(text.upper() if rnd.random() < 0.2 else text.title() if rnd.random() < 0.2 else text)
    texts += ["Sunday ı 3 May", "ſeptember 3", "İn 2024"]  # re.I's own foldings: the full scan
    for text in texts:
        found = dates._matches(text)
        for name, pattern in dates._PATTERNS:
            assert [m.span() for m in found[name]] == [m.span() for m in pattern.finditer(text)], (name, text)


def published_of(text: str) -> list[str]:
    """The published rows the extractor finds in a text copy whose metadata gives no date."""
    article = clean_text(text)
    article.published = None
    return [r.start for r in extract_one(get_nlp()(article.text), article).dates if r.kind == "published"]


@pytest.mark.parametrize(("text", "published"), [
    # a dateline: place, comma, date, dash
    ("Sugar Labs celebrates two winners\n\nCAMBRIDGE, Mass, February 5, 2013 - Sugar Labs, the nonprofit "
     "provider of learning software for children, is proud to celebrate its winners this week.", "2013-02-05"),
    # a labelled date (front matter, "Date:")
    ("Librarians trained in data skills\n\nauthor = \"A. Writer\" date = \"2023-09-20 00:04:00 -0700\" "
     "draft = \"false\" The workshop on research data was held for academic librarians in the region.",
     "2023-09-20"),
    # a date line ending the headline block
    ("President inaugurates committee for the medical centre. 12 July 2025\n\nThe President has inaugurated "
     "a committee to oversee the transfer of the centre to the university.", "2025-07-12"),
    # a date governed by a preposition is an event, not the page date
    ("Dalu visit\n\nWe were grateful to be able to visit the primary school in Dalu on Feb 10 2024.", None),
    ("Exam results out\n\nThe examination council said candidates did better this year in the results it "
     "released Tuesday, 12 July 2025", None),
])
def test_page_date_found_in_the_text(text: str, published: str | None) -> None:
    assert published_of(text) == ([published] if published else [])


def test_page_date_lines_are_not_events() -> None:
    body = "Updated 12 March 2024\n\nThe ministry opened a new school in the capital on 4 March."
    assert events(body, "2024-03-06") == [("2024-03-04", "2024-03-04")]


def test_dateline_with_another_metadata_day_is_not_an_event() -> None:
    body = ("NAIROBI, 12 March 2024 - The ministry said on Monday that 200 new schools had opened "
            "across the country since January.")
    assert ("2024-03-12", "2024-03-12") not in events(body, "2024-03-13")


def test_a_labelled_range_is_an_event_and_a_labelled_day_the_page_date() -> None:
    """"Date: 1-2 October 2007" under a conference's name is when it runs; "Date: 2 October 2007"
    at a line's head is the page's own date line (neither is repeated as the other)."""
    assert events("Conference Expo\n\nDate: 1-2 October 2007\n\nVenue: the city hall.", "2007-09-07") \
        == [("2007-10-01", "2007-10-02")]
    assert events("Date: 2 October 2007\n\nThe expo met in the city hall.", "2007-09-07") == []


def test_last_night_and_tonight() -> None:
    """"last night's dinner" is the day before publication, "will speak tonight" the day itself;
    "the last night of the festival" and "The Tonight Show" are no day."""
    assert events("I had the pleasure of attending last night's Girl Geek dinner at Yelp.", "2012-03-29") \
        == [("2012-03-28", "2012-03-28")]
    assert events("The minister will speak at the graduation gala tonight.", "2012-03-29") \
        == [("2012-03-29", "2012-03-29")]
    assert events("On the last night of the festival the choir sang for the pupils.", "2012-03-29") == []
    assert events("The head teacher appeared on The Tonight Show with the choir.", "2012-03-29") == []


def test_a_deadline_on_the_publication_day_is_an_event() -> None:
    """"open until Sept 7, 2007" on a page of 7 September 2007 is the deadline, not the dateline again."""
    assert events("Early bird registration is open until Sept 7, 2007 for members.", "2007-09-07") \
        == [("2007-09-07", "2007-09-07")]


def test_some_weekday_is_no_day() -> None:
    """"starting on a Tuesday in May" names no single day; the month is still the event's."""
    assert events("The workshops will start on a Tuesday in May and end on a Thursday the week after.",
                  "2020-04-24") == [("2020-05-01", "2020-05-31")]


def test_no_date_runs_over_a_paragraph_break() -> None:
    """"Community #8" above "April 28" is no "8 April": the day is the next paragraph's."""
    assert events("Join us for R-Ladies Community #8\n\nApril 28 is the day of the next meetup.",
                  "2020-04-24") == [("2020-04-28", "2020-04-28")]


def test_month_pairs_that_name_no_span() -> None:
    """"the May/June WASSCE" is an exam series, "between April and June each year" a habit."""
    assert events("Students sat the May/June WASSCE at the school.", "2024-09-10") == []
    assert events("Applications open between April and June each year.", "2024-09-10") == []


def test_a_bare_month_refers_back_to_the_year_it_was_written_with() -> None:
    # "in July of that year" is in the year just written; a month written earlier with its year
    # and later bare in a past clause is that month again, not the last one before the page's date
    got = events("It began in 2014, when I organised the first bootcamp in Brisbane in July of that year.",
                 "2016-12-23")
    assert got == [("2014-07-01", "2014-07-31")]
    got = events("The first meetup was held in July 2019. After the meetup in July, many more joined us.",
                 "2021-03-01")
    assert got == [("2019-07-01", "2019-07-31")]
    # a future clause still looks ahead
    got = events("Exams were held in June 2015. The next exams will be held in June.", "2016-12-23")
    assert ("2017-06-01", "2017-06-30") in got


def test_two_days_joined_by_and_are_two_dates_unless_they_run_on() -> None:
    """"the earthquakes of April 25 and May 12": two days, two events (no range over the weeks
    between); "Sunday 18 and Monday 19 June", "31 March and 1 April" and "between A and B" are
    one event's days."""
    assert events("Schools closed after the earthquakes of April 25 and May 12.", "2015-05-31") == [
        ("2015-04-25", "2015-04-25"), ("2015-05-12", "2015-05-12")]
    assert events("The fair ran on Sunday 18 and Monday 19 June.", "2023-06-30") == [("2023-06-18", "2023-06-19")]
    assert events("It ran on 31 March and 1 April.", "2015-05-31") == [("2015-03-31", "2015-04-01")]
    assert events("Between 2 March and 9 March they studied.", "2015-05-31") == [("2015-03-02", "2015-03-09")]
