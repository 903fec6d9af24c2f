"""Runners: where ``process_batch`` runs (this process, N local processes, a Dask cluster).

``process`` reads the pending raw records lazily, cuts them into partitions and
hands them to a runner; every runner yields each partition's ``(done, results,
errors)`` in input order, so the state store sees the same commits, in the same
order, whatever the engine or the number of workers, and the tables are
byte-identical. A partition never spans two raw sources (WARC files or manifests):
it is one record range of one file, which is also how a cluster splits the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.records import RawPage
from pipeline.settings import Settings

BatchResult = tuple[list, list, list]  # (done, results, errors) for StateStore.commit_batch

__all__ = ["BatchResult", "partitions", "partition_key", "run_batches"]


def partitions(pages: Iterable[RawPage], size: int) -> Iterator[list[RawPage]]:
    """Consecutive records of one source, at most ``size`` of them; reads ``pages`` lazily."""
    batch: list[RawPage] = []
    for page in pages:
        if batch and (len(batch) >= size or page.source != batch[0].source):
            yield batch
            batch = []
        batch.append(page)
    if batch:
        yield batch


def partition_key(batch: list[RawPage]) -> str:
    """A readable name for a partition: its source and first..last record."""
    first, last = batch[0].raw_ref, batch[-1].raw_ref
    return f"{first}..{last.rsplit('#', 1)[-1]}" if len(batch) > 1 else first


def run_batches(batches: Iterable[list[RawPage]], settings: Settings) -> Iterator[BatchResult]:
    """Dispatch partitions to the engine chosen in ``settings``; results come back in input order."""
    if settings.engine == "dask":
        from pipeline.runners.dask import run_dask

        return run_dask(batches, settings)
    from pipeline.runners.local import run_local

    return run_local(batches, settings)
