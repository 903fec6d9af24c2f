"""Scaling: `edunews process --workers 2` against `--workers 1` on the same archive.

A thin entry point: see bench_process.py (scaling subcommand) for what is measured and how.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import main  # noqa: E402

if __name__ == "__main__":
    main(["scaling", *sys.argv[1:]])
