"""Bytes -> text, choosing the encoding by evidence.

HTTP headers and ``<meta charset>`` often lie (a windows-1251 page declared as
UTF-8, latin-1 declared as nothing). The declared encodings are tried first, but
only kept if they decode cleanly; otherwise charset-normalizer's best guess wins.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from pipeline.errors import InputError

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_ALIASES = {
    "iso-8859-1": "windows-1252",
    "latin-1": "windows-1252",
    "latin1": "windows-1252",
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}


def _norm(name: str) -> str:
    name = name.strip().lower()
    return _ALIASES.get(name, name)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first KB: not a text document."""
    head = data[:2048]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises InputError for empty or binary input."""
    if not data or not data.strip():
        raise InputError("empty document: no bytes to read")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc
    if looks_binary(data):
        raise InputError("binary document: not HTML or text")
    declared: list[str] = []
    if content_type and (m := _HEADER.search(content_type)):
        declared.append(_norm(m.group(1)))
    if m := _META.search(data[:4096]):
        declared.append(_norm(m.group(1).decode("ascii", "ignore")))
    # UTF-8 that decodes strictly is almost never a coincidence: trust it first.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    guessed = _norm(guess.encoding) if guess else None
    for enc in declared:
        if enc == "utf-8":
            continue  # it failed strict decoding above: the declaration lies
        try:
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        # A single-byte declaration decodes anything; accept it unless the detector
        # is confident of a different script (Cyrillic bytes declared as latin-1).
        if guessed and guessed != enc and guess is not None and _script_mismatch(text, str(guess)):
            continue
        return text, enc
    if guess is not None:
        return str(guess), guessed or "unknown"
    return data.decode("utf-8", errors="replace"), "utf-8"


def _script_mismatch(declared_text: str, guessed_text: str) -> bool:
    """True when the guessed decoding has far more letters than the declared one's."""

    def letters(s: str) -> int:
        return sum(1 for c in s if c.isalpha())

    def odd(s: str) -> int:  # latin-1 mojibake of Cyrillic is full of these
        return sum(1 for c in s if "\u00c0" <= c <= "\u00ff")

    return (
        odd(declared_text) > 3 * max(1, odd(guessed_text))
        and letters(guessed_text) >= letters(declared_text) * 0.9
    )
