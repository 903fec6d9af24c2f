"""Stable identifiers: the same input gives the same id on every run and machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga|ref|cmpid|igshid)$", re.I)


def canonical_url(url: str) -> str:
    """Lower-case scheme/host, drop fragments, tracking parameters and default ports.

    Two links to one article must give one article_id, whatever campaign tagged them.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k))
    )
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def sha1_hex(text: str, length: int = 40) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def normalize_name(name: str) -> str:
    """Fold case, accents, punctuation and spacing: "Fengchun  MIAO" == "fengchun miao"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text.casefold())
    return " ".join(text.split())


def article_id(url: str | None, text: str) -> str:
    """From the canonical URL; from the content hash when the page has no URL."""
    return sha1_hex(canonical_url(url) if url else "text:" + text, 16)


def entity_id(name: str) -> str:
    """person_id / org_id: from the normalized name, so a person has one id everywhere."""
    return sha1_hex(normalize_name(name), 12)


def content_sha1(text: str) -> str:
    return sha1_hex(" ".join(text.split()))
