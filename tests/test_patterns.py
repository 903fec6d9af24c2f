"""Cue patterns kept as data (models/*_cues.jsonl, pipeline/extract/knowledge/patterns.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

from pipeline.extract.knowledge.patterns import cue_ends, load_cues
from pipeline.knowledge import DEFAULT_MODELS_DIR, models_dir, use_models_dir

NLP = spacy.blank("en")  # the cues read token texts only


def ends(text: str, label: str) -> list[str]:
    """The word where each ``label`` cue of ``text`` ends (the cued name's first word)."""
    doc = NLP(text)
    return [doc[k].text for k in sorted(cue_ends(doc, "people")[label]) if k < len(doc)]


@pytest.mark.parametrize(("text", "name"), [
    ("Reporting by Litia Waqa; editing by Tom Hale", ["Litia", "Tom"]),
    ("Photo: Litia Waqa", ["Litia"]),
    ("Signed: Litia Waqa", ["Litia"]),
    ("Photo: Ministry of Information/Litia Waqa", ["Ministry", "Litia"]),  # the name is the one name-shaped
    ("The report was written in May by Litia Waqa", []),  # "by" after no credit word
    ("Photo credit goes to the ministry: the staff / Litia Waqa", []),  # the credit word is 9 words before
    ("Students at the rally. (Mike Vanata/WyoFile)", ["Mike"]),  # a caption's credit in parentheses
    ("Students at the rally. (Reed Saxon / Associated Press)", ["Reed"]),
    ("The fees (Tuition and Housing / Board) rose", []),  # "and" is no name word
    ("The report (Annex 2/Table 4) shows", []),
])
def test_credit_cues(text: str, name: list[str]) -> None:
    assert ends(text, "credit") == name


@pytest.mark.parametrize(("text", "name"), [
    ("The University of Lagos team is headed by Dr Ada Obi", ["Dr"]),
    ("The panel was chaired by Ada Obi", ["Ada"]),
    ("The school was visited by Ada Obi", []),
])
def test_led_by_cues(text: str, name: list[str]) -> None:
    assert ends(text, "led_by") == name


def test_every_cue_line_has_a_label_and_a_pattern() -> None:
    cues = load_cues(DEFAULT_MODELS_DIR, "people")
    assert {label for label, _, _ in cues} == {"credit", "led_by"}
    assert all(pattern for _, pattern, _ in cues)
    assert all(name_at is None or 0 < name_at < len(pattern) for _, pattern, name_at in cues)


def test_cues_come_from_the_active_models_folder(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(DEFAULT_MODELS_DIR, models)
    lines = (models / "people_cues.jsonl").read_text("utf-8").splitlines()
    lines.append(json.dumps({"label": "led_by", "pattern": [{"LOWER": "visited"}, {"LOWER": "by"}]}))
    (models / "people_cues.jsonl").write_text("\n".join(lines), "utf-8")
    before = models_dir()
    try:
        use_models_dir(models)
        assert ends("The school was visited by Ada Obi", "led_by") == ["Ada"]
    finally:
        use_models_dir(before)
    assert ends("The school was visited by Ada Obi", "led_by") == []
