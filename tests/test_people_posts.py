"""A person's post, one strategy at a time (pipeline/extract/people/posts.py; sentences written here).

Each strategy gets the clues of a real parse (the real model and the real organizations
extractor) and a post that earlier strategies would have handed it, so a strategy's own
rule shows alone; test_people.py checks the whole chain.
"""

from __future__ import annotations

import pytest

from pipeline.clean import clean_text
from pipeline.extract import organizations
from pipeline.extract.base import Context, OrgEntity
from pipeline.extract.knowledge.lexicon import get_lexicon
from pipeline.extract.nlp import get_nlp
from pipeline.extract.people.affiliations import Affiliations
from pipeline.extract.people.mentions import Mention, find_mentions
from pipeline.extract.people.posts import (
    STRATEGIES,
    Clues,
    Post,
    board_of_org,
    body_in_title,
    body_of_the_post,
    cabinet_government,
    congress_seat,
    country_after_name,
    find_post,
    from_parse,
    from_patterns,
    from_shared_or_led,
    known_head_government,
    lead_body_word,
    named_ministry,
    one_post,
    own_post,
    parent_institution,
    regional_government,
    state_government,
)
from pipeline.extract.people.title_parse import DepTitles
from pipeline.extract.people.titles import TitleParser

BODY = "The meeting was held last week and many people came to it from several places."


def clues_of(text: str, url: str | None = None) -> tuple[Clues, dict[str, list[Mention]]]:
    """The clues of ``text`` (published at ``url``) and its people's mentions by name."""
    article = clean_text(f"{text} {BODY}", url)
    ctx = Context(doc=get_nlp()(article.text), article=article)
    orgs = organizations.extract(ctx).entities
    lex = get_lexicon()
    parser = TitleParser(ctx.doc, lex, orgs)
    mentions = find_mentions(ctx, lex, parser.in_org)
    clues = Clues(ctx, orgs, lex, parser, Affiliations(ctx.doc, parser, lex, mentions), DepTitles(ctx.doc, parser, lex),
                  ctx.cue_ends("people"))
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(" ".join(m.words), []).append(m)
    return clues, by_name


def found(post: Post) -> tuple[str | None, str | None]:
    """(title, organization name) of a post."""
    return post.title, post.org.name if post.org is not None else post.org_name


def org_named(clues: Clues, name: str):  # noqa: ANN201 - an OrgEntity
    return next(o for o in clues.orgs if o.name == name)


def test_from_patterns_title_of_org_after_the_name() -> None:
    clues, people = clues_of("Dr Jane Banda, Director of the National Library of Malawi, opened the event.")
    assert found(from_patterns(people["Jane Banda"], Post(), clues)) == ("Director", "National Library of Malawi")


def test_from_patterns_leaves_a_former_post_out() -> None:
    clues, people = clues_of("John Phiri, former Director of the National Library of Malawi, opened the event.")
    assert from_patterns(people["John Phiri"], Post(), clues) == Post()


def test_from_parse_reads_an_apposition_the_patterns_miss() -> None:
    clues, people = clues_of("\"The meals are too small,\" said Ruta Kalnina, a nutritionist with the World "
                             "Food Programme, on Tuesday.")
    mentions = people["Ruta Kalnina"]
    assert from_patterns(mentions, Post(), clues) == Post()
    assert found(from_parse(mentions, Post(), clues)) == ("nutritionist", "World Food Programme")


@pytest.mark.parametrize(("text", "name", "post"), [
    # the post's own "for/of" complement after the name stays in the title
    ("\"It is needed,\" said Jamil Jivani, Ontario's Advocate for Community Opportunities.", "Jamil Jivani",
     ("Advocate for Community Opportunities", None)),
    ("Grace Mbewe, Director of Planning at NCHE, and Rachel Annoh (PhD), Director of Educational Research and "
     "Innovations, spoke.", "Rachel Annoh", ("Director of Educational Research and Innovations", None)),
    # one name word after "for" is a body's short name, not the post's portfolio
    ("\"Money reduces tuition,\" said Jared Stonesifer, a spokesperson for Pitt, in an email.", "Jared Stonesifer",
     ("spokesperson", None)),
    # nor a phrase that goes on to another person, a possessive or another preposition
    ("Republican pollster Paul Schumaker, an adviser to North Carolina Sen. Thom Tillis, said so.",
     "Paul Schumaker", ("adviser", None)),
    ("\"He is worse,\" said Dr. Mardjo Soebiandono, the leader of Mr. Suharto's medical team, in a bulletin.",
     "Mardjo Soebiandono", ("leader", None)),
])
def test_from_parse_keeps_the_posts_complement(text: str, name: str, post: tuple[str, str | None]) -> None:
    clues, people = clues_of(text)
    assert found(from_parse(people[name], Post(), clues)) == post


def test_from_parse_never_overrides_a_complete_post() -> None:
    clues, people = clues_of("\"The meals are too small,\" said Ruta Kalnina, a nutritionist with the World "
                             "Food Programme, on Tuesday.")
    given = Post("Chair", None, "Board of Governors")
    assert from_parse(people["Ruta Kalnina"], given, clues) is given


def test_from_shared_or_led_the_body_that_heads_a_team() -> None:
    clues, people = clues_of("The University of Malawi team is headed by Dr Grace Mbewe.")
    assert found(from_shared_or_led(people["Grace Mbewe"], Post(), clues)) == (None, "University of Malawi")


@pytest.mark.parametrize("name", ["Mary Zulu", "Peter Tembo"])
def test_from_shared_or_led_both_of_an_org(name: str) -> None:
    clues, people = clues_of("Mary Zulu and Peter Tembo, both of the Malawi Institute of Education, spoke.")
    assert found(from_shared_or_led(people[name], Post(), clues)) == (None, "Malawi Institute of Education")


def test_body_in_title_moves_the_body_to_the_organization() -> None:
    clues, people = clues_of("ALX trains software engineers, said Fred Swaniker.")
    assert found(body_in_title(people["Fred Swaniker"], Post("CEO of ALX"), clues)) == ("CEO", "ALX")


def test_body_in_title_keeps_a_post_without_a_body() -> None:
    clues, people = clues_of("ALX trains software engineers, said Fred Swaniker.")
    assert body_in_title(people["Fred Swaniker"], Post("Director"), clues) == Post("Director")


@pytest.mark.parametrize(("title", "post"), [
    ("Grade Four teachers", "Grade Four teacher"),  # said of a list: one person's post
    ("Secretary of Teachers", "Secretary of Teachers"),  # the plural is the post's field
])
def test_one_post(title: str, post: str) -> None:
    assert one_post(title, get_lexicon()) == post


@pytest.mark.parametrize(("title", "held"), [
    ("Director of Studies", True),
    ("former Director of Studies", False),
    ("ex-Director", False),
])
def test_own_post(title: str, held: bool) -> None:
    assert own_post(title, get_lexicon()) is held


def test_parent_institution_of_a_discipline_unit() -> None:
    clues, _ = clues_of("Ada Obi teaches at the Department of English, University of Lagos. "
                        "The University of Lagos is large.")
    unit = org_named(clues, "Department of English, University of Lagos")
    assert found(parent_institution([], Post(org=unit), clues)) == (None, "University of Lagos")


def test_named_ministry_beats_no_body() -> None:
    clues, people = clues_of("The Minister of Water Affairs, Mr Tomas Berg, thanked the Department of Water "
                             "Affairs.")
    got = named_ministry(people["Tomas Berg"], Post("Minister of Water Affairs"), clues)
    assert found(got) == ("Minister of Water Affairs", "Department of Water Affairs")


@pytest.mark.parametrize(("text", "name", "title", "body"), [
    ("The University of Malawi opened a library. Vice-Chancellor Samson Sajidu spoke.", "Samson Sajidu",
     "Vice-Chancellor", "University of Malawi"),
    # a government department's posts: the department is the body, though a university's units open so too
    ("Five officials of the Department of Education resigned. Reynold Munsayac, Assistant Secretary for "
     "Procurement, was one.", "Reynold Munsayac", "Assistant Secretary for Procurement", "Department of Education"),
    # ... and a university's post never takes a department
    ("The Department of Physics hosted the talk. Vice-Chancellor Samson Sajidu spoke.", "Samson Sajidu",
     "Vice-Chancellor", None),
])
def test_body_of_the_post_the_article_names(text: str, name: str, title: str, body: str | None) -> None:
    clues, people = clues_of(text)
    assert found(body_of_the_post(people[name], Post(title), clues)) == (title, body)


def test_cabinet_government_named_before() -> None:
    clues, people = clues_of("The Welsh Government said so. Education Secretary Lynne Neagle spoke.")
    got = cabinet_government(people["Lynne Neagle"], Post("Education Secretary"), clues)
    assert found(got) == ("Education Secretary", "Welsh Government")


def test_state_government_from_the_persons_own_sentence() -> None:
    # the article names Kenya most; the president's own sentence says Ghana
    clues, people = clues_of("Ghana and Kenya met. President John Mahama of Ghana spoke. Kenya, Kenya, Kenya.")
    got = state_government(people["John Mahama"], Post("President"), clues)
    assert found(got) == ("President", "Government of Ghana")


@pytest.mark.parametrize(("text", "url", "government"), [
    # a presidency's release never names its country: the site's country-code domain does
    ("President John Mahama has tasked a committee to plan a forum on schools.",
     "https://presidency.gov.gh/president-sets-up-committee/", "Government of Ghana"),
    # an editorial names its country by adjective: "Filipino", "Philippine"
    # (named more than twice as often as any other country: a post's country from the article)
    ("Filipino pupils lack classrooms and Filipino parents worry. President Ferdinand Marcos met Filipino "
     "teachers and Philippine officials. Teachers from Kuwait came.", None, "Government of the Philippines"),
])
def test_state_government_from_demonyms_and_the_site(text: str, url: str | None, government: str) -> None:
    clues, people = clues_of(text, url)
    name = next(n for n in people if n.startswith(("John", "Ferdinand")))
    assert found(state_government(people[name], Post("President"), clues)) == ("President", government)


@pytest.mark.parametrize(("text", "name", "title", "post"), [
    # the school's short name, written alone elsewhere, is the body: it leaves the title
    ("The hall is on Gallaudet's campus. Gallaudet President Amy Gutmann spoke.", "Amy Gutmann",
     "Gallaudet President", ("President", "Gallaudet")),
    # ... and a known university's short name is that university (models/organizations.jsonl)
    ("The hall is on Penn's campus. Penn President Amy Gutmann spoke.", "Amy Gutmann", "Penn President",
     ("President", "University of Pennsylvania")),
    # ... and the article's organization it names, where there is one (the school, apart from the
    # university the gazetteer knows)
    ("The Wharton School of the University of Pennsylvania made the course at Wharton. Wharton Dean Geoffrey "
     "Garrett spoke.", "Geoffrey Garrett", "Wharton Dean", ("Dean", "Wharton School")),
    # a name run into the post's own capitalized words is left whole
    ("Linux runs here. Linux System Administrator Lincoln Bryant spoke.", "Lincoln Bryant",
     "Linux System Administrator", ("Linux System Administrator", None)),
    # the name of a known place is no body
    ("The road to Bulolo was closed. Bulolo MP Sam Basil spoke.", "Sam Basil", "Bulolo MP", ("MP", None)),
    # a body's own words are the post's ("Senate Majority Leader")
    ("The Senate met. Senate Majority Leader Chuck Schumer spoke.", "Chuck Schumer", "Senate Majority Leader",
     ("Senate Majority Leader", None)),
    # another person's name before a post is not a body ("the governor's spokesperson")
    ("Governor Josh Shapiro spoke. Shapiro spokesperson Manuel Bonder said so.", "Manuel Bonder",
     "Shapiro spokesperson", ("spokesperson", None)),
    # a named chair and a subject are the post's own words: written nowhere else alone
    ("Whyburn Instructor Liron Speyer joined.", "Liron Speyer", "Whyburn Instructor", ("Whyburn Instructor", None)),
    ("Spanish Teacher Lugo Rodriguez spoke. Spanish is taught here.", "Lugo Rodriguez", "Spanish Teacher",
     ("Spanish Teacher", None)),
])
def test_lead_body_word(text: str, name: str, title: str, post: tuple[str, str | None]) -> None:
    clues, people = clues_of(text)
    assert found(lead_body_word(people[name], Post(title), clues)) == post


@pytest.mark.parametrize("strategy", STRATEGIES[3:])
def test_later_strategies_do_not_invent_a_title(strategy) -> None:  # noqa: ANN001
    clues, people = clues_of("Ghana and Kenya met. President John Mahama of Ghana spoke.")
    assert strategy(people["John Mahama"], Post(), clues).title is None


@pytest.mark.parametrize(("text", "title", "government"), [
    # a governor's government: the state of their own sentence ...
    ("Gov. Josh Shapiro signed the budget in Pennsylvania. Ohio did not.", "Gov.", "Government of Pennsylvania"),
    # ... else the only state the article names (twice or more)
    ("Gov. Josh Shapiro signed the budget. Schools get more money, and Pennsylvania lawmakers agreed. "
     "Pennsylvania teachers wait.", "Gov.", "Government of Pennsylvania"),
    ("Premier Mark McGowan said the money will help students. Schools across Western Australia gain, and "
     "Western Australia's TAFE colleges too.", "Premier", "Government of Western Australia"),
    # two states, or two governors, say nothing of whose government
    ("Gov. Josh Shapiro spoke. Ohio and Ohio, Pennsylvania and Pennsylvania.", "Gov.", None),
    ("Gov. Josh Shapiro spoke. Gov. Ron DeSantis agreed. Pennsylvania and Pennsylvania.", "Gov.", None),
])
def test_regional_government(text: str, title: str, government: str | None) -> None:
    clues, people = clues_of(text)
    name = next(n for n in people if n.startswith(("Josh", "Mark")))
    assert found(regional_government(people[name], Post(title), clues)) == (title, government)


@pytest.mark.parametrize(("text", "name", "title", "body"), [
    # a party-and-state label after the name: a member of Congress, in the chamber the title names ...
    ("The bill's sponsors, Senate Majority Leader Chuck Schumer, D-New York, and Rep. Ayanna Pressley, "
     "D-Massachusetts, spoke.", "Chuck Schumer", "Senate Majority Leader", "United States Senate"),
    ("The bill's sponsors, Senate Majority Leader Chuck Schumer, D-New York, and Rep. Ayanna Pressley, "
     "D-Massachusetts.", "Ayanna Pressley", "Rep.", "United States House of Representatives"),
    # ... or the nearest chamber word before the name in the sentence
    ("The letter was signed by U.S. Senators Mike Crapo (R-ID), Jeanne Shaheen (D-NH) and Jim Risch (R-ID).",
     "Jeanne Shaheen", None, "United States Senate"),
    # a state legislator's label names a town: no chamber
    ("Rep. Tomi Strock, R-Douglas, spoke against the bill.", "Tomi Strock", "Rep.", None),
    # no label, no seat
    ("Rep. Ayanna Pressley spoke for the bill.", "Ayanna Pressley", "Rep.", None),
])
def test_congress_seat(text: str, name: str, title: str | None, body: str | None) -> None:
    clues, people = clues_of(text)
    assert found(congress_seat(people[name], Post(title), clues)) == (title, body)


def test_find_post_runs_the_strategies_in_order() -> None:
    clues, people = clues_of("Ghana and Kenya met. President Kofi Mensah praised Ghana's teachers.")
    mentions = people["Kofi Mensah"]
    assert find_post(mentions, clues, ()) == Post()
    whole = find_post(mentions, clues)
    assert found(whole) == ("President", "Government of Ghana")
    # without state_government nothing else supplies the government
    assert found(find_post(mentions, clues, tuple(s for s in STRATEGIES if s is not state_government))) == (
        "President", None)


def test_own_post_reads_former_words_from_the_models_folder(tmp_path) -> None:  # noqa: ANN001
    """The word lists are data: a models folder with another list changes the rule, no code."""
    import json
    import shutil

    from pipeline.knowledge import DEFAULT_MODELS_DIR

    models = tmp_path / "models"
    shutil.copytree(DEFAULT_MODELS_DIR, models)
    words = json.loads((models / "people_words.json").read_text("utf-8"))
    words["former_words"].append("outgoing")
    (models / "people_words.json").write_text(json.dumps(words), "utf-8")
    assert own_post("outgoing Director", get_lexicon())
    assert not own_post("outgoing Director", get_lexicon(models))


def test_people_take_their_organization_from_the_organizations_passed_in() -> None:
    """The organizations are an argument of people.extract (no shared Context field): without them
    the body stays inside the title."""
    from pipeline.extract import people

    article = clean_text(f"Dr Jane Banda, Director of the National Library of Malawi, opened the event. {BODY}")
    ctx = Context(doc=get_nlp()(article.text), article=article)
    orgs = organizations.extract(ctx)
    (row,) = people.extract(ctx, orgs.entities).rows
    assert (row.title, row.organization) == ("Director", "National Library of Malawi")
    (alone,) = people.extract(ctx, []).rows
    assert alone.title != "Director" and alone.organization != "National Library of Malawi"


def test_country_after_name_is_the_persons_own_post() -> None:
    """"President B of Uganda": the country after the name is B's, not the other president's."""
    clues, people = clues_of("Kenya and Uganda met. President William Ruto met President Yoweri Museveni of "
                             "Uganda in Kampala.")
    post = Post("President")
    assert found(country_after_name(people["Yoweri Museveni"], post, clues)) == ("President", "Government of Uganda")
    assert country_after_name(people["William Ruto"], post, clues) == post
    assert found(state_government(people["William Ruto"], post, clues))[1] != "Government of Uganda"


def test_board_of_org_is_held_in_the_org() -> None:
    """"DAI Board Member": the board's post, in the organization that owns the board."""
    clues, people = clues_of("UNICEF opened a school. Its Executive Board Member Ana Diaz visited it.")
    unicef = next(o for o in clues.orgs if "UNICEF" in (o.name, *o.aliases))
    mentions = people["Ana Diaz"]
    post = board_of_org(mentions, Post("Member", OrgEntity("UNICEF Executive Board")), clues)
    assert (post.title, post.org) == ("Executive Board Member", unicef)
    assert found(board_of_org(mentions, Post("Member", OrgEntity("DAI Board")), clues)) == ("Board Member", "DAI")
    assert board_of_org(mentions, Post("Member", OrgEntity("School Board")), clues).org.name == "School Board"


def test_known_head_beats_the_government_the_article_names() -> None:
    """A head of state models/heads.jsonl knows is not put under the only government the
    article names: that government is the other leader's."""
    text = ("The Government of Egypt asked Washington to help. Egyptian President Abdel-Fattah el-Sissi "
            "met with President Donald Trump in New York.")
    clues, people = clues_of(text)
    assert found(known_head_government(people["Donald Trump"], Post("President"), clues)) == (
        "President", "Government of the United States")
    assert found(find_post(people["Donald Trump"], clues)) == ("President", "Government of the United States")
    assert found(find_post(people["Abdel-Fattah el-Sissi"], clues)) == ("President", "Government of Egypt")
    # a name the list does not hold is left to the later strategies
    clues, people = clues_of("The Government of Egypt asked for help. President Kofi Mensah spoke.")
    assert known_head_government(people["Kofi Mensah"], Post("President"), clues) == Post("President")
