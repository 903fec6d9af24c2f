"""Precision and recall of the education score on data/topic/: per split, cross-validated by site, or one named split.

    python bench/eval_education.py [--threshold 0.5] [--errors]   # dev splits + CV by site
    python bench/eval_education.py --split check5 [--errors]        # one split (a blind check: run once)
    python bench/eval_education.py --split check10 --second-reader data/topic/check10_second_reader.jsonl

An article counts as predicted education when its score is at least the threshold (default:
the min_education default, 0.5). The per-split rows score the stored model (the classifier of
models/education_classifier.json), trained on all the development splits (bench/train_education.py):
they are training scores.
The honest numbers for the development pages are the cross-validation by site and, for a new
source, leave one source out (the curve refitted without the held-out sites or source, see
bench/train_education.py). ``--split NAME`` scores
the stored model on a split of data/topic/labels.jsonl that training never reads (a new
blind check set), and prints only that split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _topic import TOPIC_DIR, load  # noqa: E402
from train_education import (  # noqa: E402
    DEV_SPLITS,
    FOLDS,
    SEEDS,
    classifier_cv,
    classifier_loso,
    corpus,
    cross_validate,
    dev_pages,
    dev_set,
    leave_one_source_out,
    source_table,
    weak_rows,
)

from pipeline.extract.education import score  # noqa: E402
from pipeline.settings import Settings  # noqa: E402


def measure(split: str, threshold: float, labels: dict[str, str] | None = None,
            only: set[str] | None = None) -> dict[str, object]:
    """tp/fp/fn/tn, precision, recall, F1 and the misclassified pages of one split.

    ``labels`` (file -> label) replaces labels.jsonl's label (a second reader's); ``only``
    keeps only those files (the pages two readers agree on).
    """
    tp = fp = fn = tn = 0
    wrong: list[str] = []
    for item in load(split):
        if only is not None and item.file not in only:
            continue
        s = score(item.title, item.text)
        label = labels.get(item.file, item.label) if labels is not None else item.label
        gold, pred = label == "education", s >= threshold
        tp += gold and pred
        fp += (not gold) and pred
        fn += gold and not pred
        tn += not gold and not pred
        if gold != pred:
            wrong.append(f"  {'FN' if gold else 'FP'} {s:.3f} {item.file}  {item.title[:70]}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pages": tp + fp + fn + tn, "education": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": precision, "recall": recall, "f1": f1, "wrong": wrong}


def second_reading(split: str, path: Path, threshold: float) -> None:
    """The split scored against each reader's labels and on the pages both agree on, with their agreement.

    ``path``: JSON lines ``{"file", "label", "confidence", "note"}`` written by a second reader who
    never saw labels.jsonl (data/topic/check10_second_reader.jsonl). Label noise bounds what any
    classifier can score: this says how much of a gap to the target is the labels'.
    """
    second = {r["file"]: r["label"] for r in map(json.loads, path.read_text("utf-8").splitlines()) if r}
    first = {r["file"]: r["label"] for r in map(json.loads, (TOPIC_DIR / "labels.jsonl").read_text("utf-8")
                                                  .splitlines()) if r["split"] == split and r["file"] in second}
    n = len(first)
    agree = {f for f in first if first[f] == second[f]}
    p1 = sum(v == "education" for v in first.values()) / n
    p2 = sum(second[f] == "education" for f in first) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    kappa = (len(agree) / n - chance) / (1 - chance)
    print(f"{split}: {n} pages read twice; the readers agree on {len(agree)} ({len(agree) / n:.1%}), "
          f"Cohen's kappa {kappa:.2f}")
    print("| gold | pages | education | precision | recall | F1 | FP | FN |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in (("reader 1 (labels.jsonl)", measure(split, threshold)),
                    ("reader 2", measure(split, threshold, labels=second)),
                    ("pages both readers agree on", measure(split, threshold, only=agree))):
        print(f"| {name} | {r['pages']} | {r['education']} | {r['precision']:.3f} | {r['recall']:.3f} "
              f"| {r['f1']:.3f} | {r['fp']} | {r['fn']} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=Settings().min_education)
    parser.add_argument("--split", help="score only this split of data/topic/labels.jsonl (e.g. check5)")
    parser.add_argument("--errors", action="store_true", help="list the misclassified pages")
    parser.add_argument("--second-reader", type=Path, metavar="JSONL",
                        help="with --split: a second reader's labels of that split (file, label); prints the "
                             "readers' agreement and the scores against each reader and on the pages both agree on")
    args = parser.parse_args()
    if args.second_reader:
        if not args.split:
            parser.error("--second-reader needs --split")
        second_reading(args.split, args.second_reader, args.threshold)
        return 0
    splits = [args.split] if args.split else list(DEV_SPLITS)
    results = {split: measure(split, args.threshold) for split in splits}
    if args.split and not results[args.split]["pages"]:
        print(f"no pages labelled with split {args.split!r} in data/topic/labels.jsonl", file=sys.stderr)
        return 1
    print("| split | pages | education | precision | recall | F1 | FP | FN |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for split, r in results.items():
        kind = "" if args.split else " (training)"
        print(f"| {split}{kind} | {r['pages']} | {r['education']} | {r['precision']:.3f} | {r['recall']:.3f} "
              f"| {r['f1']:.3f} | {r['fp']} | {r['fn']} |")
    if not args.split:
        if args.threshold != 0.5:
            print("(the CV below is at the curve's 0.5, not at --threshold)")
        x, y, sites, sources = dev_set(with_sources=True)
        cv = cross_validate(x, y, sites)
        loso = leave_one_source_out(x, y, sites, sources)
        print(f"| term-density curve: CV by site, {FOLDS} folds x {len(SEEDS)} deals | {len(y)} | {int(y.sum())} "
              f"| {cv['precision']:.3f} | {cv['recall']:.3f} | {cv['f1']:.3f} | | |")
        print(f"| term-density curve: leave one source out, {len(set(sources))} sources | {len(y)} | {int(y.sum())} "
              f"| {loso['precision']:.3f} | {loso['recall']:.3f} | {loso['f1']:.3f} | | |")
        c = corpus(dev_pages(), weak_rows())
        ccv, closo = classifier_cv(c), classifier_loso(c)
        print(f"| classifier: CV by site | {len(y)} | {int(y.sum())} | {ccv['precision']:.3f} | {ccv['recall']:.3f} "
              f"| {ccv['f1']:.3f} | | |")
        print(f"| classifier: leave one source out | {len(y)} | {int(y.sum())} | {closo['precision']:.3f} "
              f"| {closo['recall']:.3f} | {closo['f1']:.3f} | | |")
        print()
        print(source_table(closo))
    if args.errors:
        for split, r in results.items():
            print(f"{split}:")
            print("\n".join(r["wrong"]) or "  none")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
