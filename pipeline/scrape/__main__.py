"""``python -m pipeline.scrape JOB``: the crawler process that ``pipeline.scrape.crawl`` starts."""

import sys

from pipeline.scrape.runner import child_main

sys.exit(child_main(sys.argv[1]))
