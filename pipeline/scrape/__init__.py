"""Scrape: polite, incremental crawling of news sites into WARC under ``DATA/raw/``.

    sites.toml -> sites.load_sites -> runner.crawl -> spider.NewsSpider (Scrapy, in a child process)
               -> archive.WarcArchive (request + response records) -> DATA/raw/crawl-*.warc.gz

Scrapy is imported only inside the crawler process, so importing this package is cheap.
"""

from pipeline.scrape.runner import CrawlSummary, crawl
from pipeline.scrape.sites import CrawlDefaults, SiteConfig, load_sites

__all__ = ["CrawlDefaults", "CrawlSummary", "SiteConfig", "crawl", "load_sites"]
