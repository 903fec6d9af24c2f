"""The worker plugin that loads spaCy once per Dask worker (imported only when Dask is installed)."""

from __future__ import annotations

from distributed import WorkerPlugin


class SpacyPlugin(WorkerPlugin):
    """Loads the model and gazetteer when a worker joins, so no task pays for it."""

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker) -> None:  # noqa: ANN001 - distributed.Worker
        from pipeline.runners.local import warm_up

        warm_up(self.model)
