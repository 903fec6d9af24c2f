"""Build models/common_words.txt: English words that real news pages write in lower case.

    python bench/build_common_words.py

The people extractor refuses a "name" made of such words when none of its words is a known
given name and no honorific or title vouches for it: "Quick Facts", "Select Results", "Uganda
Library" are headings, menus and bodies that spaCy tags PERSON. A real name's words are names
(Mutawakilu Iddrissu) or start with a given name (Mark Green, Rose Hill). And a known given name
that is no such word, with a surname that is none either ("Leland Courie"), is a person even
where spaCy missed it; "Star Democrat" and "Royal Decree" are not.

The words come from the texts of the education classifier's development pages (data/topic,
every development split, cleaned as a run cleans them): a word is common when it is written
in lower case on at least MIN_PAGES pages and in at least MIN_LOWER_SHARE of its uses (so
"mark", mostly a name or a sentence start, stays out while "library" and "star" are in). The
pages that went on to the extraction yardstick's check half (their ``topic_file`` in
tests/fixtures/real/check/sources.jsonl, the only field read there) are left out, so the list
owes nothing to the pages the extractors are judged on.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from _topic import load  # noqa: E402 - bench/ is put on the path just above
from train_education import DEV_SPLITS  # noqa: E402

OUT = ROOT / "models" / "common_words.txt"
CHECK_SOURCES = ROOT / "tests" / "fixtures" / "real" / "check" / "sources.jsonl"
MIN_PAGES = 3
MIN_LOWER_SHARE = 0.1
MIN_LENGTH = 3
WORD = re.compile(r"(?<![\w'-])([A-Za-z][a-z]+)(?![\w-])")
HEADER = (f"# Common English words: written in lower case on >= {MIN_PAGES} development pages of data/topic and in "
          f">= {MIN_LOWER_SHARE:g} of their uses, >= {MIN_LENGTH} letters; the yardstick's check pages left out. "
          "Read by pipeline/extract/knowledge/lexicon.py (Lexicon.common_words). "
          "Rebuild: python bench/build_common_words.py")


def check_topic_files() -> set[str]:
    """The data/topic page files that went on to the check half (only their ``topic_file`` is read)."""
    rows = [json.loads(line) for line in CHECK_SOURCES.read_text("utf-8").splitlines() if line.strip()]
    return {row["topic_file"] for row in rows if row.get("topic_file")}


def common_words(texts: list[str]) -> list[str]:
    """The words of ``texts`` that pass the page count and lower-case share, sorted."""
    lower, upper, pages = Counter(), Counter(), Counter()
    for text in texts:
        seen = set()
        for m in WORD.finditer(text):
            word = m.group(1)
            if word.islower():
                lower[word] += 1
                seen.add(word)
            else:
                upper[word.lower()] += 1
        pages.update(seen)
    return sorted(w for w, n in pages.items() if n >= MIN_PAGES and len(w) >= MIN_LENGTH
                  and lower[w] >= MIN_LOWER_SHARE * (lower[w] + upper[w]))


def main() -> int:
    skip = check_topic_files()
    texts = [item.text for split in DEV_SPLITS for item in load(split) if item.file not in skip]
    words = common_words(texts)
    OUT.write_text(HEADER + "\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {len(texts)} pages ({len(skip)} check pages left out) -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
