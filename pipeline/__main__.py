"""``python -m pipeline`` is ``edunews``."""

import sys

from pipeline.cli import main

sys.exit(main())
