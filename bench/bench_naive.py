"""Against the naive way: per page trafilatura.extract, nlp(text), the extractors.

A thin entry point: see bench_process.py (naive subcommand) for what is measured and how.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import main  # noqa: E402

if __name__ == "__main__":
    main(["naive", *sys.argv[1:]])
