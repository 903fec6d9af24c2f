"""Language of the body: the text decides, the page's ``lang`` attribute breaks ties.

Pages often keep ``lang="en"`` in a template shared by all languages, so the
declared value only counts when the text is too short to classify.
"""

from __future__ import annotations

import py3langid

_MIN_CHARS = 200
# py3langid's cost grows with the text; its first 2,000 chars already decide (same codes
# as 5,000 on the sample, held-out and gold-dev pages), so long articles cost no more.
_SAMPLE_CHARS = 2000


def detect_language(text: str, declared: str | None = None) -> str | None:
    declared_code = (declared or "").split("-")[0].strip().lower() or None
    if len(text) < _MIN_CHARS and declared_code:
        return declared_code
    if not text.strip():
        return declared_code
    code, _score = py3langid.classify(text[:_SAMPLE_CHARS])
    return code
