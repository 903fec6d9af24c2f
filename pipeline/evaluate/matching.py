"""Row matching: one-to-one matching, and title, organization and priority-area rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .normalize import _split_aliases, normalize
from .records import ArticleScore, Counts


def _max_matching(n_pred: int, n_gold: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one matching (pred index -> gold index) among the allowed pairs.

    A maximum matching, not a greedy one, so the score never depends on the order of
    the predicted rows (e.g. an org whose aliases fit two gold orgs cannot steal the
    only gold org that another prediction fits). Kuhn's augmenting paths: the tables
    are tens of rows, so O(V*E) is nothing.
    """
    edges = [[j for j in range(n_gold) if ok(i, j)] for i in range(n_pred)]
    gold_to_pred: dict[int, int] = {}

    def augment(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in gold_to_pred or augment(gold_to_pred[j], visited):
                gold_to_pred[j] = i
                return True
        return False

    for i in range(n_pred):
        augment(i, set())
    return {i: j for j, i in gold_to_pred.items()}


def _record_unmatched(
    art: ArticleScore,
    table: str,
    pred_labels: Sequence[str],
    gold_labels: Sequence[str],
    matching: Mapping[int, int],
) -> None:
    matched_gold = set(matching.values())
    art.counts[table] = Counts(
        tp=len(matching),
        fp=len(pred_labels) - len(matching),
        fn=len(gold_labels) - len(matching),
    )
    art.false_positives[table] = [p for i, p in enumerate(pred_labels) if i not in matching]
    art.false_negatives[table] = [g for j, g in enumerate(gold_labels) if j not in matched_gold]


# Titles: a predicted `title` may join several titles; the README accepts one of the
# gold titles, or all of them joined.
_TITLE_JOINERS = (" and ", ", ", "; ", " & ")
_TITLE_PARTS = re.compile(r"\s*(?:;|,|&|\band\b)\s*")


def _title_parts(title: str) -> Counter[str]:
    return Counter(p for p in _TITLE_PARTS.split(title) if p)


def title_matches(predicted: object, gold_titles: Sequence[object]) -> bool:
    """Is a predicted title right for a person with these gold titles?

    Right when it equals one gold title, or all of them joined (" and ", ", ", "; "
    or " & ", in any order: the README's "or all of them joined"). A subset of
    several titles joined is not accepted: that is neither one title nor all of them.
    """
    pred = normalize(predicted)
    golds = [g for g in (normalize(t) for t in gold_titles) if g]
    if not pred or not golds:
        return False
    if pred in golds:
        return True
    if any(pred == sep.join(golds) for sep in _TITLE_JOINERS):
        return True
    if len(golds) < 2:
        return False
    whole: Counter[str] = Counter()
    for g in golds:
        whole.update(_title_parts(g))
    return _title_parts(pred) == whole


# `Government of <country>`: an organization naming that country's government or
# ministry is acceptable (README). Demonyms are derived by the usual suffixes, plus
# the irregular ones that this kind of news uses.
_GOV_WORDS = re.compile(r"\b(?:government|govt|ministry|ministries)\b")
_GOV_OF = re.compile(r"^government of (?:the )?(.+)$")
_STATE_PREFIX = re.compile(
    r"^(?:(?:federal|democratic|islamic|people's|united|socialist|independent|"
    r"co-operative|cooperative)\s+)*"
    r"(?:republic|kingdom|state|states|commonwealth|federation|sultanate|principality)"
    r"\s+of\s+(?:the\s+)?"
)
_IRREGULAR_DEMONYMS: dict[str, set[str]] = {
    "timor-leste": {"timorese", "east timor", "east timorese"},
    "united kingdom": {"british", "uk", "u.k."},
    "united states": {"american", "us", "u.s.", "usa", "united states of america"},
    "netherlands": {"dutch", "netherland's"},
    "philippines": {"philippine", "filipino"},
    "new zealand": {"new zealand's"},
    "france": {"french"},
    "germany": {"german"},
    "switzerland": {"swiss"},
    "eswatini": {"swazi", "swaziland"},
    "korea": {"korean"},
}


def _country_forms(country: str) -> set[str]:
    """Surface forms that name a country: its name, its core name, its demonyms."""
    name = re.sub(r"^the\s+", "", normalize(country))
    core = _STATE_PREFIX.sub("", name)
    forms = {name, core}
    stem = core[:-1] if core[-1:] in "aeiouy" else core
    for base in {core, stem}:
        for suffix in ("n", "an", "ian", "ese", "i", "ish"):
            forms.add(base + suffix)
    forms |= _IRREGULAR_DEMONYMS.get(core, set())
    return {f for f in forms if f}


def _names_government_of(predicted: str, country: str) -> bool:
    """Does a predicted organization name this country's government or a ministry?"""
    pred = normalize(predicted)
    if not _GOV_WORDS.search(pred):
        return False
    return any(
        re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", pred)
        for form in _country_forms(country)
    )


def organization_matches(
    predicted: object, gold_org: object, gold_organizations: Sequence[Mapping[str, Any]]
) -> bool:
    """Is a person's predicted organization right for this gold organization?

    Right when it equals the gold organization's name or one of its aliases (found in
    the article's gold organization list), or, for ``Government of <country>``, when it
    names that country's government or a ministry of it.
    """
    pred = normalize(predicted)
    gold = normalize(gold_org)
    if not pred or not gold:
        return False
    forms = {gold}
    for org in gold_organizations:
        org_forms = {normalize(org.get("name"))} | {
            normalize(a) for a in _split_aliases(org.get("aliases"))
        }
        if gold in org_forms:
            forms |= org_forms
    if pred in forms:
        return True
    government = _GOV_OF.match(gold)
    return bool(government) and _names_government_of(pred, government.group(1))


_TOKENS = re.compile(r"\w+")


def priority_token_f1(predicted: object, gold: object) -> float:
    """Token F1 (bag of words, after :func:`normalize`) between two priority areas.

    Priority areas are phrases whose edges are fuzzy ("the provision of ..." vs
    "provision of ..."), so the README matches them by overlap rather than equality.
    """
    p = Counter(_TOKENS.findall(normalize(predicted)))
    g = Counter(_TOKENS.findall(normalize(gold)))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision = common / sum(p.values())
    recall = common / sum(g.values())
    return 2 * precision * recall / (precision + recall)
