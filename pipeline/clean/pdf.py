"""PDF articles (press releases, statements): the text layer, or OCR when the optional extra is installed.

One PDF file is one article. pypdf (pure Python) reads the text layer page by page; pages are
joined with form feeds so the text normalizer can tell running headers and footers from prose.
The first page's headline (set larger than the body) or else the metadata's title (when it is a
real one, not "Microsoft Word - pr.docx") is the title; the metadata's creation date counts where
the text itself has no date.

A scanned PDF has no text layer. With the ``edunews[ocr]`` extra (pytesseract + pdf2image) and
Debian's ``tesseract-ocr`` and ``poppler-utils`` installed, its pages are OCR'd; otherwise it is
an error that says so (one ``errors`` row), never a silent empty article.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
from dataclasses import dataclass

from pipeline.clean.textdoc import furniture
from pipeline.errors import CleanError

log = logging.getLogger("edunews")
_MIN_CHARS = 20  # fewer characters of text than this in the whole file: no text layer


@dataclass
class PdfText:
    text: str
    title: str | None = None
    created: str | None = None  # YYYY-MM-DD
    ocr: bool = False


def _meta_title(value: object) -> str | None:
    title = re.sub(r"\s+", " ", str(value or "")).strip()
    if not title or furniture()["pdf_junk_title"].fullmatch(title):
        return None
    return title


def _meta_date(value: object) -> str | None:
    m = re.match(r"(?:D:)?((?:19|20)\d{2})(\d{2})(\d{2})", str(value or ""))
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def ocr_available() -> bool:
    """pytesseract and pdf2image importable, and the tesseract and pdftoppm programs on PATH."""
    try:
        import pdf2image  # noqa: F401
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return bool(shutil.which("tesseract") and shutil.which("pdftoppm"))


def ocr_pdf(body: bytes, lang: str = "eng") -> str:
    """OCR every page (300 dpi) with tesseract; pages joined with form feeds."""
    import pytesseract
    from pdf2image import convert_from_bytes

    pages = convert_from_bytes(body, dpi=300)
    return "\f".join(pytesseract.image_to_string(img, lang=lang) for img in pages)


def _heading(page: object) -> str | None:
    """The first page's headline: the last run of text set larger than the body before the body starts.

    A letterhead (organization name, address) or a label ("PRESS RELEASE") in large type sits above
    the headline; the headline is the large run nearest the first paragraph. From pypdf's text visitor.
    """
    chunks: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = abs(tm[3] or 1) * abs(cm[3] or 1)
            chunks.append((text, float(size or 0) * scale))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    if not chunks:
        return None
    sizes = sorted(size for text, size in chunks for _ in range(len(text)))
    body = sizes[len(sizes) // 2]
    rx = furniture()
    runs: list[list[str]] = []
    last = 0.0  # size of the run being read (0: none)
    for text, size in chunks:
        if size >= 1.15 * body:
            if not last or abs(size - last) > 0.1 * last:  # a new run where the type size changes
                runs.append([])
            runs[-1].append(text)
            last = size
        else:
            last = 0.0
            if len(text.split()) >= 8:
                break  # the body has started
    for run in reversed(runs):
        heading = re.sub(r"\s+", " ", " ".join(run)).strip()
        if any(rx[k].fullmatch(heading) for k in ("release_label", "letterhead", "page_number")):
            continue
        if 2 <= len(heading.split()) <= 40:
            return heading
    return None


def _without_heading(text: str, heading: str, top: int = 40) -> str:
    """The first page's text without the lines that make up the heading (near the top)."""
    want = heading.split()
    lines = text.split("\n")
    for start in range(min(top, len(lines))):
        taken: list[str] = []
        for i in range(start, len(lines)):
            taken += lines[i].split()
            if taken == want:
                return "\n".join(lines[:start] + lines[i + 1 :])
            if taken != want[: len(taken)]:
                break
    return text


def read_pdf(body: bytes) -> PdfText:
    """The text of a PDF with its metadata; CleanError when it cannot be read or has no text."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata or {}
        heading = _heading(reader.pages[0]) if pages and pages[0].strip() else None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:  # pypdf raises several kinds
        raise CleanError(f"unreadable PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    except Exception as exc:  # noqa: BLE001 - a damaged PDF must become one error row, whatever pypdf raises
        raise CleanError(f"unreadable PDF ({type(exc).__name__})") from None
    if heading:
        pages[0] = _without_heading(pages[0], heading)
    text = "\f".join(pages)
    out = PdfText(
        text=text,
        title=heading or _meta_title(meta.get("/Title")),
        created=_meta_date(meta.get("/CreationDate")),
    )
    if len(re.sub(r"\s+", "", text)) >= _MIN_CHARS:
        return out
    if not ocr_available():
        raise CleanError(f"PDF has no text layer ({len(pages)} page(s) of images): install edunews[ocr] "
                         "and tesseract-ocr + poppler-utils to OCR it")
    log.info("PDF without a text layer: OCR of %d page(s)", len(pages))
    out.text, out.ocr = ocr_pdf(body), True
    if len(re.sub(r"\s+", "", out.text)) < _MIN_CHARS:
        raise CleanError("PDF has no text layer and OCR found no text in it")
    return out
