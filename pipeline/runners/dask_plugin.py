"""The worker plugin that loads spaCy once per Dask worker (imported only when Dask is installed)."""

from __future__ import annotations

from pathlib import Path

from distributed import WorkerPlugin


class SpacyPlugin(WorkerPlugin):
    """Loads the model and gazetteer when a worker joins, so no task pays for it."""

    def __init__(self, model: str, models_dir: Path | None = None) -> None:
        self.model = model
        self.models_dir = models_dir

    def setup(self, worker) -> None:  # noqa: ANN001 - distributed.Worker
        from pipeline.runners.local import warm_up

        warm_up(self.model, models_dir=self.models_dir)
