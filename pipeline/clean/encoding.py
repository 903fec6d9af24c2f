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
        # A single-byte declaration decodes anything; keep it only when the result
        # reads like a Latin-script text (Cyrillic or GB bytes declared as latin-1 don't).
        if _single_byte(enc) and guessed and guessed != enc and not plausible_latin(text):
            continue
        return text, enc
    if guess is not None and guessed and _single_byte(guessed) and guessed != "windows-1252":
        # The detector often names a neighbouring code page (cp1250 for French):
        # windows-1252 wins when it yields ordinary Latin text.
        try:
            latin = data.decode("windows-1252")
        except UnicodeDecodeError:
            latin = ""
        if latin and plausible_latin(latin) and not plausible_latin(str(guess), strict=True):
            return latin, "windows-1252"
    if guess is not None:
        return str(guess), guessed or "unknown"
    return data.decode("utf-8", errors="replace"), "utf-8"


def _single_byte(enc: str) -> bool:
    return enc.startswith(("windows-125", "iso-8859", "cp125", "mac", "latin", "koi8", "cp8"))


def plausible_latin(text: str, strict: bool = False) -> bool:
    """Letters mostly ASCII, accents from Latin-1 only: what Western text decodes to.

    Mojibake of Cyrillic or Chinese is mostly non-ASCII letters; ``strict`` also
    refuses Latin Extended letters (č, ŕ), the sign of a neighbouring code page.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    non_ascii = [c for c in letters if ord(c) > 127]
    if any("\x80" <= c <= "\x9f" for c in text):
        return False
    if strict and any(ord(c) > 0xFF for c in non_ascii):
        return False
    return len(non_ascii) / len(letters) < 0.25 and all(ord(c) <= 0x17F for c in non_ascii)


# A page whose curly quotes and apostrophes were lost to "?" on the way (a CMS or a CSV export
# that wrote them in a charset without them): "Harshit?s", "hasn?t", "?devastated?".
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=(?:s|t|d|m|ll|re|ve)\b)")
_KEPT_APOSTROPHE = re.compile(r"[A-Za-z]['\u2019](?:s|t|d|m|ll|re|ve)\b")


def repair_lost_quotes(texts: list[str]) -> list[str]:
    """The texts of one article with the quotes and apostrophes written as "?" restored.

    Only an article that shows the damage (two or more "?" where an apostrophe goes, more of
    them than real apostrophes) is touched, so a real question mark in a clean article never
    changes. In a damaged one, "?" inside a word before s/t/d/m/ll/re/ve is an apostrophe;
    outside words the "?"s pair up as quotes: one after a space or punctuation and before a
    letter opens, the next one closes; a "?" right after a word with no quote open is kept as a
    question mark ("Where did it come from?").
    """
    joined = "\n".join(texts)
    lost = len(_LOST_APOSTROPHE.findall(joined))
    if lost < 2 or lost <= len(_KEPT_APOSTROPHE.findall(joined)):
        return texts
    return [_requote(_LOST_APOSTROPHE.sub("\u2019", t)) for t in texts]


def _requote(text: str) -> str:
    out = []
    open_ = False
    for k, ch in enumerate(text):
        if ch != "?":
            out.append(ch)
            continue
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if not open_ and not before.isalnum() and after.isalnum():
            out.append("\u201c")
            open_ = True
        elif open_:
            out.append("\u201d")
            open_ = False
        else:
            out.append(ch)
    return "".join(out)


# UTF-8 read as windows-1252 somewhere upstream (a CMS, a CSV export, a copy of a copy): "Â\xa0" for a
# no-break space, "Ã©" for "é", "â€™" for "’". A lead character of a two-byte sequence (Â, Ã: U+0080-U+00FF)
# or of the punctuation block (â: U+2000-U+2BFF) is followed by the characters windows-1252 gives the
# continuation bytes 0x80-0xBF.
_CONTINUATION = "".join(sorted({bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)}
                               | {chr(b) for b in range(0x80, 0xC0)}))  # (or read as latin-1: "â\x80\x94")
# windows-1252 punctuation read as latin-1: C1 control characters where quotes and dashes were ("\x93UEFA\x94")
_C1 = re.compile("[\x80-\x9f]")
_MOJIBAKE = re.compile(f"[\u00c2\u00c3][{re.escape(_CONTINUATION)}]|\u00e2[{re.escape(_CONTINUATION)}]{{2}}")
# "theÂ Patan": the no-break space after "Â" became a plain space (or the line's end) later on
_LONE_A = re.compile(r"(?<=\S)\u00c2(?=[ \n]|$)")


def _cp1252_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: bytes windows-1252 leaves undefined
    return bytes(out)


def _unbake(m: re.Match[str]) -> str:
    raw = _cp1252_bytes(m[0])
    try:
        return raw.decode("utf-8") if raw is not None else m[0]
    except UnicodeDecodeError:
        return m[0]


def _c1(m: re.Match[str]) -> str:
    """A C1 control character as the windows-1252 character of its byte (none for 0x81, 0x8D ...)."""
    return bytes([ord(m[0])]).decode("cp1252", errors="ignore")


def repair_mojibake(texts: list[str]) -> list[str]:
    """The texts of one article with UTF-8 that was read as windows-1252 (or latin-1) decoded again,
    and windows-1252 punctuation read as latin-1 (C1 control characters) made punctuation again.

    Only an article that shows the damage (two or more such sequences) is touched: a real "Ã" or
    "â" before one of those characters is rarer than a damaged page, and one alone proves nothing.
    """
    joined = "\n".join(texts)
    if len(_MOJIBAKE.findall(joined)) + len(_LONE_A.findall(joined)) + len(_C1.findall(joined)) < 2:
        return texts
    return [_C1.sub(_c1, _LONE_A.sub("", _MOJIBAKE.sub(_unbake, t))) for t in texts]
