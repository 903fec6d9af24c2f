"""Memory: peak RSS of `edunews process` at 1,000 and at 10,000 articles.

A thin entry point: see bench_process.py (memory subcommand) for what is measured and how.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import main  # noqa: E402

if __name__ == "__main__":
    main(["memory", *sys.argv[1:]])
