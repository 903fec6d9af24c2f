"""Refit the education score's logistic curve on all training splits of data/topic/.

    python bench/train_education.py            # print the fit and its cross-validation
    python bench/train_education.py --write    # and store slope/intercept in models/education_terms.json

Training data: the calibration, check and check2 splits (never check3, the blind check).
The feature is the score's own density (hand-weighted term points per 100 words); every page
weighs 1/sqrt(pages of its site), so one department's 139 pages do not decide the curve, and
education pages are weighted up by (other/education)**0.5 (half-way to balanced classes).
A logistic regression over every term's density (the weights themselves fitted) was tried and
cross-validated worse by site (precision 0.70, recall 0.88 against 0.80 and 0.92: 137 education
pages, 94 from one site, are too few to fit 180 weights), so the weights stay hand-written.
Newton's method with a small ridge penalty: deterministic, numpy only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _topic import load  # noqa: E402

from pipeline.extract.education import load_model  # noqa: E402
from pipeline.settings import DEFAULT_MODELS_DIR  # noqa: E402

TRAIN_SPLITS = ("calibration", "check", "check2")
BALANCE = 0.5  # 0: raw class weights, 1: classes weigh the same
L2 = 0.01


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2, steps: int = 60) -> tuple[np.ndarray, float]:
    """Weighted ridge logistic regression by Newton's method: (coefficients, intercept)."""
    n, d = x.shape
    xa = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.append(np.full(d, l2), 0.0)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xa @ beta, -50, 50)))
        grad = xa.T @ (w * (p - y)) + reg * beta
        hess = (xa * (w * p * (1 - p))[:, None]).T @ xa + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return beta[:-1], float(beta[-1])


def _pr(pred: np.ndarray, y: np.ndarray) -> str:
    tp, fp, fn = (pred & (y == 1)).sum(), (pred & (y == 0)).sum(), (~pred & (y == 1)).sum()
    return f"precision {tp / max(tp + fp, 1):.3f} recall {tp / max(tp + fn, 1):.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the fit in models/education_terms.json")
    args = parser.parse_args()
    model = load_model(DEFAULT_MODELS_DIR)
    xs, ys, sites = [], [], []
    for split in TRAIN_SPLITS:
        for item in load(split):
            body = item.text[len(item.title):] if item.text.startswith(item.title) else item.text
            xs.append([model.density(item.title, body)])
            ys.append(1.0 if item.label == "education" else 0.0)
            sites.append(item.site)
    x, y = np.array(xs), np.array(ys)
    per_site = Counter(sites)
    w = np.array([1.0 / math.sqrt(per_site[s]) for s in sites])
    w = np.where(y == 1, w * (w[y == 0].sum() / w[y == 1].sum()) ** BALANCE, w)
    fold = np.array([int(hashlib.sha1(s.encode()).hexdigest(), 16) % 5 for s in sites])
    pred = np.zeros(len(y), dtype=bool)
    for k in range(5):
        c, b = fit(x[fold != k], y[fold != k], w[fold != k])
        pred[fold == k] = (x[fold == k] @ c + b) >= 0
    (slope,), intercept = fit(x, y, w)
    print(f"training: {len(y)} pages, {int(y.sum())} education, {len(per_site)} sites; 5-fold by site: {_pr(pred, y)}")
    print(f"slope {slope:.4f}, intercept {intercept:.4f} (0.5 at density {-intercept / slope:.2f}); "
          f"training set: {_pr((x[:, 0] * slope + intercept) >= 0, y)}")
    if args.write:
        path = DEFAULT_MODELS_DIR / "education_terms.json"
        data = json.loads(path.read_text("utf-8"))
        data["slope"], data["intercept"] = round(float(slope), 4), round(intercept, 4)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
