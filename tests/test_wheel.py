"""Installed as a user installs it: `python -m build`, the wheel into a fresh venv outside the checkout,
then edunews from another folder (issue 13): `run` on the bundled sample, `extract` on the seed page, and
a two-worker Dask LocalCluster whose workers import the installed package, not the checkout.

The venv install reuses pip's cache; `pytest --durations=0 tests/test_wheel.py` shows each step's time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import test_seed as seed_checks  # the module, not its names: pytest must not collect its tests twice here
from conftest import ROOT, SAMPLE, SEED_PAGE

from pipeline.records import TABLES

pytestmark = pytest.mark.slow

def _env(venv: Path) -> dict[str, str]:
    """The environment of a user of the venv: no PYTHONPATH, no checkout, no models override."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"} and not k.startswith("EDUNEWS_")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def _sh(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> tuple[str, str]:
    """(stdout, stderr) of a command that must succeed."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} -> {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (outside the checkout) with the wheel built from this checkout, and Dask."""
    work = tmp_path_factory.mktemp("wheel")
    _sh([sys.executable, "-m", "build", "--outdir", str(work / "dist"), str(ROOT)], cwd=work)
    wheels = sorted((work / "dist").glob("edunews-*.whl"))
    assert len(wheels) == 1 and sorted((work / "dist").glob("edunews-*.tar.gz")), list((work / "dist").iterdir())
    env = _env(work / "venv")
    _sh([sys.executable, "-m", "venv", str(work / "venv")], cwd=work)
    py = str(work / "venv" / "bin" / "python")
    _sh([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], cwd=work, env=env)  # the bundled pip is too old
    _sh([py, "-m", "pip", "install", "-q", f"{wheels[0]}[dask]"], cwd=work, env=env)
    return work / "venv"


@pytest.fixture()
def elsewhere(tmp_path: Path) -> Path:
    """A folder that is neither the checkout nor inside it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def _edunews(venv: Path, *args: str, cwd: Path) -> tuple[str, str]:
    return _sh([str(venv / "bin" / "edunews"), *args], cwd=cwd, env=_env(venv))


def _sample_size() -> int:
    return sum(1 for line in (SAMPLE / "manifest.jsonl").read_text("utf-8").splitlines() if line.strip())


def _digests(processed: Path) -> dict[str, str]:
    return {p.relative_to(processed).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(processed.rglob("*")) if p.is_file()}


def test_the_installed_package_is_the_wheel_with_its_knowledge(venv: Path, elsewhere: Path) -> None:
    out, _ = _sh([str(venv / "bin" / "python"), "-c",
                  "import pipeline, pipeline.knowledge as k; print(pipeline.__file__); print(k.DEFAULT_MODELS_DIR);"
                  " print(k.SAMPLE_DIR)"], cwd=elsewhere, env=_env(venv))
    package, models, sample = (Path(line) for line in out.split())
    site = venv / "lib"
    for path in (package, models, sample):
        assert path.is_relative_to(site) and not path.is_relative_to(ROOT), path
    assert sorted(p.name for p in models.iterdir()) == sorted(p.name for p in (ROOT / "models").iterdir())
    assert (sample / "manifest.jsonl").read_bytes() == (SAMPLE / "manifest.jsonl").read_bytes()


@pytest.fixture(scope="module")
def installed_run(venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`edunews run --data DIR` by the installed package, from another folder, with nothing configured."""
    data = tmp_path_factory.mktemp("installed-run") / "x"
    _, log = _edunews(venv, "run", "--data", str(data), "-q", cwd=tmp_path_factory.mktemp("cwd"))
    assert "bundled sample" in log, log
    return data


def test_run_writes_the_seven_tables(installed_run: Path) -> None:
    processed = installed_run / "processed"
    for table in TABLES:
        assert (processed / f"{table}.csv").is_file(), table
        assert (processed / f"{table}.parquet").exists(), table
    package = json.loads((processed / "datapackage.json").read_text("utf-8"))
    assert sorted(r["name"] for r in package["resources"]) == sorted(TABLES)
    import pandas as pd

    articles = pd.read_csv(processed / "articles.csv")
    assert len(articles) == _sample_size()
    for table in ("people", "organizations", "places", "dates", "priority_areas"):
        assert len(pd.read_csv(processed / f"{table}.csv")) > 0, table
    assert len(pd.read_csv(processed / "errors.csv")) == 0


def test_extract_prints_the_seeds_values(venv: Path, elsewhere: Path) -> None:
    page = elsewhere / "page.html"
    shutil.copyfile(SEED_PAGE, page)
    out, _ = _edunews(venv, "extract", page.name, "--url", seed_checks.SEED_URL, "--format", "json", cwd=elsewhere)
    seed = json.loads(out)
    # DESIGN's "What the seed article must yield": the same checks as tests/test_seed.py
    seed_checks.test_json_shape_has_the_table_columns(seed)
    seed_checks.test_dates(seed)
    seed_checks.test_people_with_titles_and_organizations(seed)
    seed_checks.test_organizations(seed)
    seed_checks.test_places(seed)
    seed_checks.test_priority_areas_in_order(seed)
    seed_checks.test_offsets_point_into_the_article_text(seed)


def test_extract_reads_a_markdown_post(venv: Path, elsewhere: Path) -> None:
    """Text forms read their furniture patterns from the bundled models, not from beside a checkout."""
    post = elsewhere / "2024-03-05-robotics-prize.md"
    post.write_text("---\ntitle: Lincoln students win the state robotics prize\n---\n\nThe team from Lincoln "
                    "High School won the state robotics prize on Saturday, said Principal Jane Doe, who thanked "
                    "the teachers and parents of the club for months of work.\n", "utf-8")
    out, _ = _edunews(venv, "extract", post.name, "--format", "json", cwd=elsewhere)
    got = json.loads(out)
    assert got["article"]["status"] in {"ok", "too_short"}
    assert got["article"]["published"] == "2024-03-05"
    assert "Jane Doe" in {p["name"] for p in got["people"]}


WORKERS_SCRIPT = """
import sys
from distributed import Client, LocalCluster

def where():
    import pipeline, pipeline.knowledge as k
    return pipeline.__file__, str(k.DEFAULT_MODELS_DIR), sys.executable

with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    with Client(cluster) as client:
        for path in client.run(where).values():
            print(*path)
"""


def test_dask_local_cluster_runs_the_installed_package(venv: Path, installed_run: Path, elsewhere: Path) -> None:
    out, _ = _sh([str(venv / "bin" / "python"), "-c", WORKERS_SCRIPT], cwd=elsewhere, env=_env(venv))
    rows = [line.split() for line in out.splitlines() if line.startswith("/")]
    assert len(rows) == 2, out
    for package, models, python in rows:
        assert Path(package).is_relative_to(venv) and Path(models).is_relative_to(venv), (package, models)
        assert Path(python).parent == venv / "bin", python
    # the same run on two Dask workers gives the local engine's tables, byte for byte
    data = elsewhere / "dask"
    shutil.copytree(installed_run / "raw", data / "raw")
    _, log = _edunews(venv, "process", "--data", str(data), "-q", "--engine", "dask", "--workers", "2",
                      "--batch-size", "2", cwd=elsewhere)
    assert f"new {_sample_size()}," in log and "failed 0" in log, log
    assert _digests(data / "processed") == _digests(installed_run / "processed")



def test_the_wheel_ships_every_model_file(venv: Path, elsewhere: Path) -> None:
    """Every file of models/ is in the installed package: a missing one (the education classifier) would not
    fail a run, it would silently score with less (the classifier falls back to the term curve)."""
    out, _ = _sh([str(venv / "bin" / "python"), "-c",
                  "from pipeline.knowledge import models_dir; print(models_dir())"], cwd=elsewhere, env=_env(venv))
    bundled = Path(out.strip())
    assert "_bundled" in bundled.parts, bundled
    shipped = {p.relative_to(bundled).as_posix() for p in bundled.rglob("*") if p.is_file()}
    ours = {p.relative_to(ROOT / "models").as_posix() for p in (ROOT / "models").rglob("*") if p.is_file()}
    assert "education_classifier.json" in ours
    assert ours <= shipped, sorted(ours - shipped)
