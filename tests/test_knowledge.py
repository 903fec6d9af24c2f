"""The models folder setting (EDUNEWS_MODELS_DIR) reaches every reader of models/, and the bundled sample."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, SEED_PAGE

from pipeline import knowledge
from pipeline.settings import DEFAULT_MODELS_DIR, load_settings

SHORT_PAGE = """<html><head><title>Teachers in Nairobi start a new reading programme</title></head><body><article>
<h1>Teachers in Nairobi start a new reading programme</h1>
<p>The Ministry of Education of Kenya said on Monday that two hundred primary school teachers in Nairobi will take
part in a new reading programme this year. The programme trains teachers to assess reading in the first three grades
and to help pupils who fall behind, the ministry said in a statement.</p>
<p>Officials said the first results would be published at the end of the school year, after the teachers finish
their training in the capital.</p></article></body></html>"""


def _run(*args: str, models: Path | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "EDUNEWS_MODELS_DIR"}
    if models is not None:
        env["EDUNEWS_MODELS_DIR"] = str(models)
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=600, check=True)


@pytest.fixture()
def models_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "my-models"
    shutil.copytree(DEFAULT_MODELS_DIR, folder)
    return folder


def test_the_checkout_reads_its_top_level_folders() -> None:
    assert DEFAULT_MODELS_DIR == ROOT / "models"
    assert knowledge.SAMPLE_DIR == SAMPLE
    assert load_settings().models_dir == DEFAULT_MODELS_DIR


def test_extract_reads_the_models_folder_of_the_setting(models_copy: Path) -> None:
    cues = models_copy / "priority_cues.json"
    data = json.loads(cues.read_text("utf-8"))
    data["cues"] = ["no such cue phrase"]
    cues.write_text(json.dumps(data), "utf-8")
    default = json.loads(_run("extract", str(SEED_PAGE), "--format", "json").stdout)
    mine = json.loads(_run("extract", str(SEED_PAGE), "--format", "json", models=models_copy).stdout)
    assert len(default["priority_areas"]) == 3
    assert mine["priority_areas"] == []
    assert mine["people"] == default["people"]  # the rest of the knowledge is the same copy


def test_clean_reads_the_models_folder_of_the_setting(models_copy: Path, tmp_path: Path) -> None:
    rules = models_copy / "clean_status.json"
    data = json.loads(rules.read_text("utf-8"))
    data["listing_url"].append("/reports/")
    rules.write_text(json.dumps(data), "utf-8")
    page = tmp_path / "short.html"
    page.write_text(SHORT_PAGE, "utf-8")
    url = "https://news.example.org/reports/reading"
    assert json.loads(_run("clean", str(page), "--url", url).stdout)["status"] == "ok"
    assert json.loads(_run("clean", str(page), "--url", url, models=models_copy).stdout)["status"] == "not_an_article"


def test_a_missing_models_folder_is_a_one_line_error(tmp_path: Path) -> None:
    env = {**os.environ, "EDUNEWS_MODELS_DIR": str(tmp_path / "nowhere")}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(SEED_PAGE)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=600)
    assert proc.returncode != 0
    assert "models folder" in proc.stderr and "nowhere" in proc.stderr and "Traceback" not in proc.stderr


def test_another_installs_packaged_models_mean_this_installs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A Dask worker gets the client's settings: its packaged models path is the worker's own copy."""
    monkeypatch.setattr(knowledge, "_active", knowledge.DEFAULT_MODELS_DIR)
    knowledge.use_models_dir(Path("/opt/client-venv/lib/python3.11/site-packages/pipeline/_bundled/models"))
    assert knowledge.models_dir() == knowledge.DEFAULT_MODELS_DIR
    knowledge.use_models_dir(tmp_path)  # any other folder is taken as given
    assert knowledge.models_dir() == tmp_path


def test_run_with_nothing_configured_copies_the_sample(tmp_path: Path) -> None:
    from pipeline.run import add_sample

    settings = load_settings(data_dir=tmp_path / "data")
    assert add_sample(settings)
    copied = sorted(p.name for p in (settings.raw_dir / "sample").iterdir())
    assert copied == sorted(p.name for p in SAMPLE.iterdir())
    assert not add_sample(settings)  # raw/ now holds input: nothing more is copied


def test_run_with_raw_input_does_not_add_the_sample(tmp_path: Path) -> None:
    from pipeline.run import add_sample

    settings = load_settings(data_dir=tmp_path)
    (settings.raw_dir / "mine").mkdir(parents=True)
    (settings.raw_dir / "mine" / "manifest.jsonl").write_text("", "utf-8")
    assert not add_sample(settings)
    assert not (settings.raw_dir / "sample").exists()
