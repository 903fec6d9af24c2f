"""Precision and recall of the education score on data/topic/ (check and calibration halves).

    python bench/eval_education.py [--threshold 0.5] [--errors]

An article counts as predicted education when its score is at least the threshold
(default: the min_education default, 0.5). The check half holds sites the
calibration never saw (bench/calibrate_education.py reads the calibration half only);
check2 holds pages labelled after the first measurement (see data/topic/README.md); check3 is
the blind check of the refit (bench/train_education.py trains on the other three).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _topic import load  # noqa: E402

from pipeline.extract.education import score  # noqa: E402
from pipeline.settings import Settings  # noqa: E402


def measure(split: str, threshold: float) -> dict[str, object]:
    """tp/fp/fn/tn, precision, recall and the misclassified pages of one half."""
    tp = fp = fn = tn = 0
    wrong: list[str] = []
    for item in load(split):
        s = score(item.title, item.text)
        gold, pred = item.label == "education", s >= threshold
        tp += gold and pred
        fp += (not gold) and pred
        fn += gold and not pred
        tn += not gold and not pred
        if gold != pred:
            wrong.append(f"  {'FN' if gold else 'FP'} {s:.3f} {item.file}  {item.title[:70]}")
    return {"pages": tp + fp + fn + tn, "education": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
            "wrong": wrong}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=Settings().min_education)
    parser.add_argument("--errors", action="store_true", help="list the misclassified pages")
    args = parser.parse_args()
    print("| half | pages | education | precision | recall | FP | FN |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    results = {split: measure(split, args.threshold) for split in ("check3", "check", "calibration", "check2")}
    for split, r in results.items():
        print(f"| {split} | {r['pages']} | {r['education']} | {r['precision']:.3f} | {r['recall']:.3f} "
              f"| {r['fp']} | {r['fn']} |")
    if args.errors:
        for split, r in results.items():
            print(f"{split}:")
            print("\n".join(r["wrong"]) or "  none")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
