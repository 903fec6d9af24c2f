"""CPU time of the extractors alone (extract_one over already-parsed docs, parse excluded), 3 rounds.

Compare two checkouts with the same interpreter on the same machine, alternating runs:
    .venv/bin/python bench/time_extractors.py                       # this checkout
    PYTHONPATH=/path/to/other .venv/bin/python bench/time_extractors.py   # another one
"""
import os
import time
from pathlib import Path

import pipeline
from pipeline.clean import content_type_of
from pipeline.extract import extract_one
from pipeline.extract.nlp import get_nlp
from pipeline.records import RawPage
from pipeline.run import clean_pages
from pipeline.settings import load_settings

root = Path(__file__).resolve().parent.parent
heldout = sorted(root.glob("tests/fixtures/heldout*"))
folders = [root / "tests/fixtures/real/tune/articles", *(h / "articles" for h in heldout)]
paths = sorted(p for d in folders for p in d.glob("*") if p.suffix in {".html", ".txt", ".md"})
settings = load_settings()
pages = [RawPage(p.read_bytes(), None, str(p), str(p), content_type_of(p)) for p in paths]
arts = [a for _, a in clean_pages(pages, settings, []) if a.status in {"ok", "too_short"}]
nlp = get_nlp()
docs = list(nlp.pipe([a.text for a in arts]))
for a, d in zip(arts, docs, strict=True):
    extract_one(d, a)  # warm caches
best = []
for _ in range(3):
    t = time.process_time()
    for a, d in zip(arts, docs, strict=True):
        extract_one(d, a)
    best.append(time.process_time() - t)
print(os.path.dirname(pipeline.__file__), len(arts), "docs", " ".join(f"{x:.2f}" for x in best))
