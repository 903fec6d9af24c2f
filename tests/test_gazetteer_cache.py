"""The gazetteer's on-disk cache: same index as a fresh build, and never needed to run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cache import load_or_build
from pipeline.extract.knowledge import gazetteer as gz
from pipeline.settings import DEFAULT_MODELS_DIR


def _some_lookups(g: gz.Gazetteer) -> list:
    return [g.lookup(n) for n in ("Dushanbe", "Kenya", "Nairobi", "Punjab", "Baucau")] + [g.demonym("Korean")]


def test_cached_index_equals_a_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUNEWS_CACHE_DIR", str(tmp_path))
    built = gz._load_or_build(DEFAULT_MODELS_DIR)
    files = list(tmp_path.glob("gazetteer-*.pickle"))
    assert len(files) == 1 and not list(tmp_path.glob("*.tmp"))

    def no_build(*_a: object, **_k: object) -> None:
        raise AssertionError("built again although the cache was fresh")

    monkeypatch.setattr(gz.Gazetteer, "__init__", no_build)
    cached = gz._load_or_build(DEFAULT_MODELS_DIR)
    assert cached.index == built.index and cached.countries == built.countries
    assert (cached.country_names, cached.city_names, cached.demonym_names, cached.city_country) == (
        built.country_names, built.city_names, built.demonym_names, built.city_country)
    assert _some_lookups(cached) == _some_lookups(built)


def test_damaged_or_unwritable_cache_means_a_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUNEWS_CACHE_DIR", str(tmp_path))
    (tmp_path / f"gazetteer-{gz._fingerprint(DEFAULT_MODELS_DIR)}.pickle").write_bytes(b"not a pickle")
    rebuilt = gz._load_or_build(DEFAULT_MODELS_DIR)
    assert rebuilt.lookup("Dushanbe")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("EDUNEWS_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    assert gz._load_or_build(DEFAULT_MODELS_DIR).lookup("Dushanbe")
    monkeypatch.setenv("EDUNEWS_CACHE_DIR", "off")
    assert gz._load_or_build(DEFAULT_MODELS_DIR).lookup("Dushanbe")


@pytest.mark.parametrize(("ask", "text", "answer"), [
    ("country_name", "the Republic of Nauru", "Nauru"),
    ("country_name", "East Timor", "Timor-Leste"),
    ("is_place", "Nairobi", True),
    ("is_place", "Ministry of Education", False),
    ("place_country", "Abuja", "Nigeria"),
    ("place_country", "Lagos State", "Nigeria"),
    ("demonym_country", "Korean", "South Korea"),
])
def test_lexicon_place_checks_read_the_one_place_index(ask: str, text: str, answer: object) -> None:
    from pipeline.extract.knowledge import lexicon

    assert getattr(lexicon, ask)(text) == answer


def test_files_of_old_keys_are_dropped_after_a_week(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    monkeypatch.setenv("EDUNEWS_CACHE_DIR", str(tmp_path))
    old, recent = tmp_path / "demo-aaaa.pickle", tmp_path / "demo-bbbb.pickle"
    for f in (old, recent):
        f.write_bytes(b"x")
    week_ago = time.time() - 8 * 86400
    os.utime(old, (week_ago, week_ago))
    assert load_or_build("demo", "cccc", lambda: {"v": 1}, dict) == {"v": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-bbbb.pickle", "demo-cccc.pickle"]
