"""Throughput: the whole pipeline on one worker against bare nlp.pipe (same texts, same model).

A thin entry point: see bench_process.py (throughput subcommand) for what is measured and how.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import main  # noqa: E402

if __name__ == "__main__":
    main(["throughput", *sys.argv[1:]])
