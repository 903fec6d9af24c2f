"""Which articles are about education: a score from 0 to 1 and the SDG 4 targets touched.

Runs on the cleaned text (title and body), not on the spaCy parse, so it is cheap and
can decide, before the parse, that an article is off topic (``--only-education``).

How the score is made (everything it knows is data in ``models/education_terms.json``):

1. every weighted term (``"teachers": 3``, ``"playoffs": -2``) is counted as a whole
   word or phrase, case-insensitive (at most ``per_term_cap`` times when set); a term in
   the headline adds ``title_weight`` times its weight once. The headline is the title's
   longest part between separators (`` | ``, `` - ``, `` – ``): a site name that every page's
   title carries ("... - Molecular & Cellular Biology - Harvard University") says nothing
   about the story;
2. the headline states the topic, so each ``title_off_topic`` word in it (another beat:
   health, sport, crime and school safety incidents, deaths and accidents, IT incidents,
   leisure, clubs, libraries and volunteering, research talks, professional workshops) adds
   ``title_off_topic_points`` (negative) once. A story *at* a school whose headline is
   about vaccines, a lockdown, a data breach or a prom is about that, not about learning; in the
   body the same words are weak evidence (education news mentions health and games);
3. the points per 100 words (dividing by at least ``min_words`` words, so that a short
   page is not judged on two words) go through a logistic curve whose ``slope`` and
   ``intercept`` were fitted on every labelled split of ``data/topic/``
   (``bench/train_education.py``, which also cross-validates the whole scheme by site and
   leaving one source out);
4. when the models folder holds ``education_classifier.json`` (it does by default), that curve's
   log-odds (clipped) is one feature of a linear classifier whose other features are the words and
   word pairs of the headline, the lead (first 100 words) and the body, each part's 1 + log(count)
   L2-normalised (``features``); its ~4,000 named weights, bias and density weight are fitted by
   ``bench/train_education.py`` on the labelled pages, so a score is explained by the n-grams of the
   article and their weights. Without the file the curve alone is the score.

Topics are the SDG 4 targets of ``models/taxonomy.json`` (the same keywords and weights
that give a priority area its theme) whose keywords score at least ``topic_min_points``
in the article (each keyword counted at most ``topic_term_cap`` times); only articles
with an education score of at least ``topics_min_education`` get topics. Known limits:
English only; a bag of words, so a university department's news that is not about
teaching (a faculty appointment, a research award) scores as high as its education news
unless its headline names another beat, and a page that uses education words about
something else (a graduation-party how-to) can pass; sport at a school or college is
pushed down by the sport vocabulary; a school-set story whose headline names no other beat
(a security grant, school health services) still passes. Cross-validated by site and left one
source out on data/topic/ (1,281 pages): see bench/train_education.py and README.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.knowledge import models_dir as active_models_dir
from pipeline.records import Article

__all__ = ["Classifier", "EducationModel", "annotate", "features", "headline", "load_classifier", "load_model",
           "score", "topics"]

SCORED_STATUSES = {"ok", "too_short", "not_an_article", "paywalled"}


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|»|::)\s+")


def headline(title: str) -> str:
    """The title's longest part between separators (the first on a tie): the story, not the site name."""
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    return max(parts, key=lambda p: len(p.split())) if len(parts) > 1 else title


def _pattern(words: list[str]) -> re.Pattern[str]:
    """One alternation of all terms, longest first, so 'primary school' wins over 'school'."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in alts) + r")(?![\w-])")


@dataclass(frozen=True)
class EducationModel:
    """The weighted terms, the logistic calibration and the SDG 4 topic keywords."""

    weights: dict[str, float]
    terms: re.Pattern[str]
    cap: int  # occurrences counted per term for the score (a huge number: no cap)
    topic_cap: int  # occurrences counted per keyword for topics
    title_weight: float
    min_words: int
    slope: float
    intercept: float
    topic_min_points: float
    topics_min_education: float
    # target code -> {keyword (lower-case): weight}
    targets: tuple[tuple[str, dict[str, int]], ...]
    topic_terms: re.Pattern[str]
    off_topic: re.Pattern[str] | None  # headline words of other beats (None: no list)
    off_topic_points: float  # added once per distinct off-topic word in the headline

    def points(self, title: str, body: str) -> float:
        """Term points: body terms, headline terms title_weight times, off-topic headline words."""
        head = headline(title).lower()
        counts = Counter(m.group(0) for m in self.terms.finditer(body.lower()))
        title_counts = Counter(m.group(0) for m in self.terms.finditer(head))
        total = 0.0
        for term in counts.keys() | title_counts.keys():
            n = min(counts[term], self.cap) + self.title_weight * min(title_counts[term], 1)
            total += self.weights[term] * n
        if self.off_topic is not None:
            total += self.off_topic_points * len({m.group(0) for m in self.off_topic.finditer(head)})
        return total

    def density(self, title: str, body: str) -> float:
        """Points per 100 words of the body (at least min_words words)."""
        words = max(len(body.split()), self.min_words)
        return 100.0 * self.points(title, body) / words

    def score(self, title: str, body: str) -> float:
        """Education score in [0, 1], rounded to 3 decimals (stable across platforms)."""
        x = self.slope * self.density(title, body) + self.intercept
        return round(1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0))), 3)

    def topics(self, text: str) -> list[str]:
        """SDG 4 target codes whose taxonomy keywords score at least topic_min_points."""
        found = Counter(m.group(0) for m in self.topic_terms.finditer(text.lower()))
        out = []
        for code, keywords in self.targets:
            points = sum(w * min(found[k], self.topic_cap) for k, w in keywords.items() if found[k])
            if points >= self.topic_min_points:
                out.append(code)
        return out


_WORD = re.compile(r"[a-z]+")


def _namespace(prefix: str, words: list[str], out: dict[str, float]) -> None:
    """Unigrams and bigrams of one part of the article: 1 + log(count), L2-normalised within the part.

    The norm runs over every n-gram of the part (not only the model's vocabulary), so a feature's value
    depends on the text alone and a pruned vocabulary scores exactly as it was trained.
    """
    counts = Counter(words)
    counts.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    if not counts:
        return
    values = {k: 1.0 + math.log(v) for k, v in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values()))
    for k, v in values.items():
        out[prefix + k] = v / norm


def features(title: str, body: str, lead_words: int = 100) -> dict[str, float]:
    """Bag-of-n-grams features of an article for the classifier: headline (h:), lead (l:), body (b:).

    The headline and the lead say what a story is about, so their words get namespaces of their own;
    the body (all of it, the lead included) is the weaker, longer evidence.
    """
    out: dict[str, float] = {}
    body_words = _WORD.findall(body.lower())
    _namespace("h:", _WORD.findall(headline(title).lower()), out)
    _namespace("l:", body_words[:lead_words], out)
    _namespace("b:", body_words, out)
    return out


@dataclass(frozen=True)
class Classifier:
    """The trained linear classifier (models/education_classifier.json, bench/train_education.py).

    logit = bias + density_weight * clip(term-density logit, +-density_clip) + sum(weight * feature);
    score = 1 / (1 + exp(-(calibration_a * logit + calibration_b))).
    """

    weights: dict[str, float]
    bias: float
    density_weight: float
    density_clip: float
    lead_words: int
    calibration_a: float
    calibration_b: float

    def logit(self, terms: EducationModel, title: str, body: str) -> float:
        """The classifier's raw log-odds for one article."""
        old = terms.slope * terms.density(title, body) + terms.intercept
        z = self.bias + self.density_weight * max(min(old, self.density_clip), -self.density_clip)
        for k, v in features(title, body, self.lead_words).items():
            z += self.weights.get(k, 0.0) * v
        return z

    def score(self, terms: EducationModel, title: str, body: str) -> float:
        """Education score in [0, 1], rounded to 3 decimals."""
        x = self.calibration_a * self.logit(terms, title, body) + self.calibration_b
        return round(1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0))), 3)


@lru_cache(maxsize=4)
def load_classifier(models_dir: Path | None = None) -> Classifier | None:
    """Read models/education_classifier.json; None when the models folder has none (term density alone)."""
    if models_dir is None:
        return load_classifier(active_models_dir())
    path = models_dir / "education_classifier.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return Classifier(
        weights={k: float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]),
        density_weight=float(data["density_weight"]), density_clip=float(data["density_clip"]),
        lead_words=int(data["lead_words"]), calibration_a=float(data["calibration"]["a"]),
        calibration_b=float(data["calibration"]["b"]),
    )


@lru_cache(maxsize=4)
def load_model(models_dir: Path | None = None) -> EducationModel:
    """Read models/education_terms.json and models/taxonomy.json (once per process and folder).

    ``None`` is the models folder this process was told to use (the ``models_dir`` setting).
    """
    if models_dir is None:
        return load_model(active_models_dir())
    data = json.loads((models_dir / "education_terms.json").read_text("utf-8"))
    tax = json.loads((models_dir / "taxonomy.json").read_text("utf-8"))
    weights = {k.lower(): float(v) for k, v in data["terms"].items()}
    targets = []
    for target in tax["targets"]:
        keywords = {}
        for k in target["keywords"]:
            word, _, weight = k.partition("|")
            keywords[word.lower()] = int(weight) if weight else len(word.split())
        targets.append((target["code"], keywords))
    # Upper-case taxonomy acronyms (ECD, EMIS) match case-insensitively here: in a whole article
    # they are rare enough, and the topic is only given to education articles.
    all_keywords = [k for _, kw in targets for k in kw]
    return EducationModel(
        weights=weights, terms=_pattern(list(weights)), cap=int(data["per_term_cap"] or 10**9),
        topic_cap=int(data["topic_term_cap"]),
        title_weight=float(data["title_weight"]), min_words=int(data["min_words"]),
        slope=float(data["slope"]), intercept=float(data["intercept"]),
        topic_min_points=float(data["topic_min_points"]),
        topics_min_education=float(data["topics_min_education"]),
        targets=tuple(targets), topic_terms=_pattern(all_keywords),
        off_topic=_pattern(data["title_off_topic"]) if data.get("title_off_topic") else None,
        off_topic_points=float(data.get("title_off_topic_points", 0.0)),
    )


def score(title: str, text: str, models_dir: Path | None = None) -> float:
    """Education score of a title and its body text (the body may start with the title)."""
    body = text[len(title):] if title and text.startswith(title) else text
    terms, classifier = load_model(models_dir), load_classifier(models_dir)
    return classifier.score(terms, title, body) if classifier is not None else terms.score(title, body)


def topics(text: str, education: float, models_dir: Path | None = None) -> list[str]:
    """SDG 4 targets an education article touches ([] below topics_min_education)."""
    model = load_model(models_dir)
    return model.topics(text) if education >= model.topics_min_education else []


def annotate(article: Article, *, only_education: bool = False, min_education: float = 0.5,
             models_dir: Path | None = None) -> Article:
    """Set ``education`` and ``education_topics`` on an English article, in place.

    With ``only_education``, an article that would be parsed but scores below
    ``min_education`` gets status ``off_topic``, so the extractors skip it.
    """
    if article.language != "en" or article.status not in SCORED_STATUSES or not article.text.strip():
        return article
    article.education = score(article.title, article.text, models_dir)
    article.education_topics = topics(article.text, article.education, models_dir)
    if only_education and article.education < min_education and article.status in {"ok", "too_short"}:
        article.status = "off_topic"
    return article
