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
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from pathlib import Path

from pipeline.knowledge import use_models_dir
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


def warm_up(model: str, parent: int | None = None, models_dir: Path | None = None,
            log_format: str | None = None) -> None:
    """Load everything a process loads once (spaCy, gazetteer, lexicon, language model) before the first batch.

    Each costs 0.1-1 s on first use; paying it here keeps it out of the first batch's
    latency and lets ``gc.freeze`` (in ``get_nlp``) see the long-lived objects.
    ``models_dir`` (the setting) is the models folder to load them from. A worker
    process logs as its parent does (``log_format``): a spawned one starts with no logging.
    """
    if log_format is not None:
        from pipeline.logs import setup_logging

        setup_logging(log_format)
    import py3langid

    from pipeline.extract.knowledge.gazetteer import get_gazetteer
    from pipeline.extract.knowledge.lexicon import get_lexicon, is_place, place_country
    from pipeline.extract.nlp import get_nlp

    if models_dir is not None:
        use_models_dir(models_dir)
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    get_gazetteer()
    get_lexicon()
    is_place("Nairobi")
    place_country("Nairobi")
    py3langid.classify(_WARM_TEXT)  # its model (detect_language reads English prose without it)
    get_nlp(model)


def in_order(submit, batches: Iterable[list[RawPage]], window: int, recover=None) -> Iterator[BatchResult]:  # noqa: ANN001
    """Submit ``batches`` lazily with at most ``window`` in flight; yield their results in input order.

    ``submit(batch)`` returns a future-like object with ``.result()``; shared by the local and Dask engines.
    A batch whose task failed as a whole (its worker died) is handed to ``recover(batch, exc)``,
    which returns its result some other way, so one crash does not end the run.
    """
    from pipeline.errors import ConfigError, StateError

    pending: deque = deque()

    def result(batch: list[RawPage], future) -> BatchResult:  # noqa: ANN001
        try:
            return future.result()
        except (ConfigError, StateError):
            raise
        except Exception as exc:
            if recover is None:
                raise
            return recover(batch, exc)

    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            yield result(*pending.popleft())
    while pending:
        yield result(*pending.popleft())


def one_by_one(submit, batch: list[RawPage], reason: str, settings: Settings) -> BatchResult:  # noqa: ANN001
    """A batch whose worker died, again one page at a time: only the page that kills a worker fails.

    The page is then remembered as failed (an ``errors`` row), so the next run does not die on it again.
    """
    from pipeline.errors import ConfigError, StateError
    from pipeline.run import failed_page, processing_version

    done, results, errors = [], [], []
    for page in batch:
        try:
            one = submit([page]).result()
        except (ConfigError, StateError):
            raise
        except Exception:  # noqa: BLE001 - this page takes its worker down
            one = failed_page(page, reason, processing_version(settings))
        done += one[0]
        results += one[1]
        errors += one[2]
    return done, results, errors


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

    def new_pool() -> ProcessPoolExecutor:
        # spawn: workers start clean (no inherited SQLite handle, threads or locks) on every platform.
        return ProcessPoolExecutor(
            max_workers=settings.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=warm_up,
            initargs=(settings.spacy_model, os.getpid(), settings.models_dir, settings.log_format),
        )

    pool = new_pool()

    def submit(batch: list[RawPage]) -> Future:
        nonlocal pool
        try:
            return pool.submit(process_batch, batch, settings)
        except BrokenProcessPool:  # a worker died (killed, out of memory): a new pool for what is left
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            return pool.submit(process_batch, batch, settings)

    def recover(batch: list[RawPage], exc: BaseException) -> BatchResult:
        return one_by_one(submit, batch, "a worker process died while processing it (out of memory or a crash)",
                          settings)

    try:
        yield from in_order(submit, chain(head, batches), window=2 * settings.workers, recover=recover)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
