"""Local engine: ``--workers N`` processes on this machine, each loading spaCy once.

Partitions are submitted to a process pool through a bounded window (at most two
per worker in flight), so memory does not grow with the archive, and results are
yielded strictly in input order for the state store to commit. One worker, or an
input that fits in a single partition, runs in this process: no pool to start.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain

from pipeline.records import RawPage
from pipeline.runners import BatchResult
from pipeline.settings import Settings


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL, OOM) exits instead of idling with a model in memory."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


_WARM_TEXT = ("The Ministry of Education of Kenya and UNESCO opened a workshop in Nairobi on 3 March 2024, "
              "said Dr Jane Doe, Director of the National Institute of Education, to teachers from schools.")


def warm_up(model: str, parent: int | None = None, log_format: str | None = None) -> None:
    """Load everything a process loads once (spaCy, gazetteer, lexicon, language model) before the first batch.

    Each costs 0.1-1 s on first use; paying it here keeps it out of the first batch's
    latency and lets ``gc.freeze`` (in ``get_nlp``) see the long-lived objects. A worker
    process logs as its parent does (``log_format``): a spawned one starts with no logging.
    """
    if log_format is not None:
        from pipeline.logs import setup_logging

        setup_logging(log_format)
    import py3langid

    from pipeline.extract.gazetteer import get_gazetteer
    from pipeline.extract.lexicon import get_lexicon, is_place, place_country
    from pipeline.extract.nlp import get_nlp

    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    get_gazetteer()
    get_lexicon()
    is_place("Nairobi")
    place_country("Nairobi")
    py3langid.classify(_WARM_TEXT)  # its model (detect_language reads English prose without it)
    get_nlp(model)


def in_order(submit, batches: Iterable[list[RawPage]], window: int) -> Iterator[BatchResult]:  # noqa: ANN001
    """Submit ``batches`` lazily with at most ``window`` in flight; yield their results in input order.

    ``submit(batch)`` returns a future-like object with ``.result()``; shared by the local and Dask engines.
    """
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_local(batches: Iterable[list[RawPage]], settings: Settings) -> Iterator[BatchResult]:
    """Process partitions with ``settings.workers`` processes (here, when one is enough)."""
    from pipeline.run import process_batch

    batches = iter(batches)
    head = [b for b in (next(batches, None), next(batches, None)) if b is not None]
    if settings.workers <= 1 or len(head) < 2:
        if head:
            warm_up(settings.spacy_model)
        for batch in chain(head, batches):
            yield process_batch(batch, settings)
        return
    # spawn: workers start clean (no inherited SQLite handle, threads or locks) on every platform.
    pool = ProcessPoolExecutor(
        max_workers=settings.workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=warm_up,
        initargs=(settings.spacy_model, os.getpid(), settings.log_format),
    )
    try:
        def submit(batch: list[RawPage]) -> Future:
            return pool.submit(process_batch, batch, settings)

        yield from in_order(submit, chain(head, batches), window=2 * settings.workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
