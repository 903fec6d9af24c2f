"""Dask engine: ``--engine dask`` runs the partitions on a Dask cluster.

With ``--scheduler tcp://HOST:PORT`` it connects to a running cluster (see
docs/dask.md); without it, it starts a ``LocalCluster`` of ``settings.workers``
single-threaded worker processes. Each worker loads spaCy and the gazetteer once
(a worker plugin), partitions are one record range of one WARC file shipped with
their bytes (workers need no shared filesystem, only edunews and models/
installed), and the results come back in input order to this process, which
commits them through the same state store and table writer as the local engine:
the tables are byte-identical.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import chain

from pipeline.errors import ConfigError
from pipeline.records import RawPage
from pipeline.runners import BatchResult, partition_key
from pipeline.runners.local import in_order, one_by_one
from pipeline.settings import Settings

INSTALL_HINT = "pip install 'edunews[dask]'"


def _import_distributed():  # noqa: ANN202 - the distributed module
    """Dask is optional: import it only for --engine dask, with a clear message when it is missing."""
    try:
        import distributed
    except ImportError:
        raise ConfigError(f"--engine dask needs Dask's distributed scheduler, which is not installed: {INSTALL_HINT}") \
            from None
    return distributed


def run_dask(batches: Iterable[list[RawPage]], settings: Settings) -> Iterator[BatchResult]:
    """Process partitions on the cluster at ``settings.scheduler`` (a LocalCluster when it is None)."""
    distributed = _import_distributed()
    from pipeline.run import process_batch
    from pipeline.runners.dask_plugin import SpacyPlugin

    batches = iter(batches)
    first = next(batches, None)
    if first is None:  # nothing new: no cluster to start or connect to
        return
    # Dask's INFO lines (nanny, worker and client start/stop) would drown edunews' own log.
    logging.getLogger("distributed").setLevel(max(logging.getLogger("distributed").level, logging.WARNING))

    with ExitStack() as stack:
        if settings.scheduler:
            try:
                client = stack.enter_context(distributed.Client(settings.scheduler, timeout="30s"))
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {settings.scheduler}: {exc}") from None
        else:
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=settings.workers, threads_per_worker=1, processes=True, dashboard_address=None,
            ))
            client = stack.enter_context(distributed.Client(cluster))
        client.register_plugin(SpacyPlugin(settings.spacy_model, settings.models_dir), name="edunews-spacy")
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        run_id = uuid.uuid4().hex[:8]  # tasks of concurrent runs on one cluster never share a key

        def submit(batch: list[RawPage]) -> distributed.Future:
            return client.submit(process_batch, batch, settings, key=f"edunews-{run_id}-{partition_key(batch)}",
                                 pure=False)

        def recover(batch: list[RawPage], exc: BaseException) -> BatchResult:
            return one_by_one(submit, batch, "its task failed on every worker that ran it (out of memory or a crash)",
                              settings)

        yield from in_order(submit, chain([first], batches), window=2 * n_workers, recover=recover)
