"""Fit the logistic slope and intercept of the education score on the calibration half.

    python bench/calibrate_education.py            # print the fit
    python bench/calibrate_education.py --write    # and store it in models/education_terms.json

Only the calibration half of data/topic/ is read (sites never appear in both halves), so
bench/eval_education.py's check-half numbers are measured on sites the fit never saw.
The terms and their weights are not fitted: they are written from the labelling rule.
The fit is a one-feature logistic regression (Newton's method on the points-per-100-words
density) with a small L2 penalty, so it is deterministic and needs no extra package.

History: this was the first fit. The stored curve now comes from bench/train_education.py
(every development split, cross-validated by site); ``--write`` here would replace it with a
fit on 197 pages.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _topic import load  # noqa: E402

from pipeline.extract.education import load_model  # noqa: E402
from pipeline.settings import DEFAULT_MODELS_DIR  # noqa: E402


def fit(xs: list[float], ys: list[int], l2: float = 0.01, steps: int = 100) -> tuple[float, float]:
    """(slope, intercept) of P(y=1) = sigmoid(slope * x + intercept), by Newton's method."""
    rate = min(max(sum(ys) / len(ys), 1e-3), 1 - 1e-3)
    a, b = 0.0, math.log(rate / (1 - rate))  # start from the base rate: Newton then converges
    for _ in range(steps):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in zip(xs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-max(min(a * x + b, 50), -50)))
            ga += (p - y) * x
            gb += p - y
            w = p * (1 - p)
            haa += w * x * x
            hab += w * x
            hbb += w
        ga += l2 * a
        haa += l2
        det = haa * hbb - hab * hab
        if det <= 0:
            break
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) < 1e-9 and abs(db) < 1e-9:
            break
    return a, b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the fit in models/education_terms.json")
    args = parser.parse_args()
    model = load_model(DEFAULT_MODELS_DIR)
    xs, ys = [], []
    for item in load("calibration"):
        body = item.text[len(item.title):] if item.text.startswith(item.title) else item.text
        xs.append(model.density(item.title, body))
        ys.append(1 if item.label == "education" else 0)
    slope, intercept = fit(xs, ys)
    print(f"calibration half: {len(ys)} pages, {sum(ys)} education; slope {slope:.4f}, intercept {intercept:.4f}"
          f" (0.5 at density {-intercept / slope:.2f} points per 100 words)")
    if args.write:
        path = DEFAULT_MODELS_DIR / "education_terms.json"
        data = json.loads(path.read_text("utf-8"))
        data["slope"], data["intercept"] = round(slope, 4), round(intercept, 4)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
