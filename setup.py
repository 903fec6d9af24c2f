"""Build hook: ship the top-level models/ and the bundled sample inside the package.

Everything else about the package is in pyproject.toml. The repository keeps its layout
(``models/`` and ``data/raw/sample/`` at the top level, where people edit them); a wheel
gets them as ``pipeline/_bundled/models`` and ``pipeline/_bundled/sample`` (package data,
found by pipeline.knowledge with importlib.resources), so an installed edunews runs from
any folder. The sdist carries the top-level folders (MANIFEST.in) and builds the same wheel.
Editable installs read the checkout's folders directly, so nothing is copied for them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = {"models": "models", "sample": "data/raw/sample"}  # name under pipeline/_bundled/ -> source folder


class BuildPyWithKnowledge(build_py):
    """build_py that also copies models/ and the sample into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name, source in BUNDLED.items():
            src = Path(source)
            if not src.is_dir():
                raise SystemExit(f"setup.py: {source}/ is missing; build from a checkout or the sdist")
            dest = Path(self.build_lib) / "pipeline" / "_bundled" / name
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildPyWithKnowledge})
