"""Score extractions against a hand-made gold set (`edunews eval GOLD`).

The gold format and the scoring rules are those of `shared/data/gold-dev/README.md`;
this module is their executable form, so that every number quoted about the
extractors means the same thing. Rules, in short:

- strings are compared after NFKC, case-folding, quote and dash normalisation and
  whitespace collapsing (:func:`normalize`);
- every table is a one-to-one matching between predicted and gold rows (a gold row is
  matched at most once, so a duplicate prediction is a false positive);
- counts are micro-averaged: TP/FP/FN are summed over articles before P/R/F1.

It also holds the naive baseline (:func:`naive_baseline`: trafilatura + spaCy
entities as they come), so a score can always be read against "what you get for
free", and :func:`evaluate`, which runs any ``predict(path, url)`` over a gold set.
Nothing here imports the rest of ``pipeline``: the scorer must keep working while
the extractors change.
"""

from .baseline import naive_baseline
from .matching import organization_matches, priority_token_f1, title_matches
from .normalize import normalize
from .records import TABLES, ArticleScore, Counts, EvalReport, GoldArticle, load_gold
from .report import format_report
from .scoring import PRIORITY_F1_THRESHOLD as PRIORITY_F1_THRESHOLD
from .scoring import evaluate, score

__all__ = [
    "TABLES",
    "ArticleScore",
    "Counts",
    "EvalReport",
    "GoldArticle",
    "evaluate",
    "format_report",
    "load_gold",
    "naive_baseline",
    "normalize",
    "organization_matches",
    "priority_token_f1",
    "score",
    "title_matches",
]
