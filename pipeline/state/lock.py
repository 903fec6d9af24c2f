"""Advisory file locks: one run per data folder, refused at once rather than queued.

Schedulers retry at their next tick; queuing would let runs pile up behind a slow one.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import LockedError


@contextmanager
def exclusive_lock(path: Path, holder: str) -> Iterator[None]:
    """Hold ``path`` exclusively; raise LockedError naming ``holder`` when another process has it.

    The kernel drops the lock when the process dies, so a killed run never leaves a stale lock.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(f"another edunews {holder} is working on {path.parent}; try again when it ends") from None
        yield
