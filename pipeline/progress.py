"""Progress of a run over documents: a bar on a terminal, log lines under cron or JSON logs.

On a terminal (stderr is a TTY, text logs) a tqdm bar with the total and an ETA. Without
one (cron, systemd, a log collector, ``--log-format json``) a bar's carriage returns
would be noise, so a progress line is logged every ``progress_every`` documents or
every ``progress_seconds``, whichever comes first (a JSON object with a ``progress``
field under ``--log-format json``).
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

from tqdm import tqdm

from pipeline.settings import Settings

log = logging.getLogger("edunews")


class Progress:
    """Counts documents done out of ``total``; ``update`` after each committed batch."""

    def __init__(self, total: int | None, settings: Settings, stream: TextIO | None = None) -> None:
        stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.every = settings.progress_every
        self.seconds = settings.progress_seconds
        self.started = self.last_time = time.monotonic()
        self.last_done = 0
        self.bar: tqdm | None = None
        self.lines = False
        if not settings.progress:
            return
        if settings.log_format == "text" and stream.isatty():
            self.bar = tqdm(total=total, desc="process", unit="doc", file=stream, dynamic_ncols=True)
        else:
            self.lines = True
            if total:
                log.info("processing %d new or changed document(s)", total,
                         extra={"summary": {"progress": {"done": 0, "total": total}}})

    def update(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if self.lines and (self.done - self.last_done >= self.every or now - self.last_time >= self.seconds):
            self._line(now)

    def _line(self, now: float) -> None:
        self.last_done, self.last_time = self.done, now
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        fields: dict[str, object] = {"done": self.done, "total": self.total, "docs_per_second": round(rate, 2)}
        text = f"progress: {self.done}" + (f"/{self.total}" if self.total else "") + f" documents, {rate:.1f}/s"
        if self.total and rate > 0:
            eta = max(self.total - self.done, 0) / rate
            fields["eta_seconds"] = round(eta)
            text += f", about {_duration(eta)} left"
        log.info("%s", text, extra={"summary": {"progress": fields}})

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
