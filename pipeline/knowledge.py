"""Where edunews' knowledge lives: the models/ folder and the bundled sample, in a checkout or a wheel.

In the repository both stay where the layout has them (``models/`` and ``data/raw/sample/`` at
the top level). A wheel or sdist build copies them into the package as
``pipeline/_bundled/{models,sample}`` (see setup.py), so an installed edunews runs from
any folder; they are found with ``importlib.resources``, and a checkout (or an editable
install) falls back to the top-level folders.

The ``models_dir`` setting (``EDUNEWS_MODELS_DIR``) overrides the models folder. Extractors
are called deep inside spaCy loops where no Settings object reaches, so the entry points
that hold the settings (the command line, ``process_batch`` in every worker) call
``use_models_dir`` once and the loaders ask ``models_dir()``; each loader caches per folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED = "_bundled"  # pipeline/_bundled/ in an installed wheel
_CHECKOUT = Path(__file__).resolve().parent.parent


def _bundled(name: str, checkout: Path) -> Path:
    """``pipeline/_bundled/NAME`` of an installed package when it is there, else the checkout's folder."""
    packaged = resources.files("pipeline") / BUNDLED / name
    # pip always unpacks wheels, so the package data are real files (not inside a zip).
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return checkout


DEFAULT_MODELS_DIR: Path = _bundled("models", _CHECKOUT / "models")
SAMPLE_DIR: Path = _bundled("sample", _CHECKOUT / "data" / "raw" / "sample")

_active: Path = DEFAULT_MODELS_DIR


def use_models_dir(path: Path) -> None:
    """Make ``path`` the models folder the loaders of this process read (from ``Settings.models_dir``).

    A Dask worker receives the client's settings: when they name the client's own packaged
    models (another install of the same wheel, at another path), this install's copy is used.
    """
    global _active
    path = Path(path)
    if path != DEFAULT_MODELS_DIR and path.parts[-3:] == ("pipeline", BUNDLED, "models") and not path.is_dir():
        path = DEFAULT_MODELS_DIR
    _active = path


def models_dir() -> Path:
    """The models folder of this process: the ``models_dir`` setting once an entry point applied it."""
    return _active
