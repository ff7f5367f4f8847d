"""Untrusted text: markup dropped with the HTML parser, control characters gone, model limits."""

from __future__ import annotations

import json
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from repforge.catalog import importers
from repforge.catalog.importers import clean
from repforge.catalog.importers.report import ImportReport
from tests.catalog.importers.conftest import FIXTURES
from tests.factories import exercise_data, make_exercise


def test_markup_scripts_and_entities() -> None:
    found = clean.html_sections(
        "<p>Brace &amp; breathe&nbsp;out.</p><script>alert(1)</script>"
        "<style>p{}</style><ul><li>First <b>thing</b></li><li>Second</li></ul>"
        "<p onclick='x()'>Last<br>line</p>"
    )
    assert found.paragraphs == ["Brace & breathe out.", "Last", "line"]
    assert found.items == ["First thing", "Second"]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<img src=x onerror=alert(1)>Hold", "Hold"),
        ("keep reps < 10 and sets > 2", "keep reps < 10 and sets > 2"),
        ("right\u202eto left\u200b and\ttabs\n", "rightto left and tabs"),
        ("&lt;script&gt;", "<script>"),  # decoded once; autoescape shows it as text
        ("unclosed <b", "unclosed <b"),  # not a tag: stays text
    ],
)
def test_plain(raw: str, text: str) -> None:
    assert clean.plain(raw) == text


def test_clip_cuts_at_a_word() -> None:
    assert clean.clip("short", 10) == "short"
    cut = clean.clip("one two three four five", 12)
    assert cut == "one two…"
    assert len(cut) <= 12


def test_limits_match_the_model() -> None:
    longest = "x" * clean.SENTENCE_MAX
    make_exercise(
        name="n" * clean.NAME_MAX,
        steps=[longest] * clean.STEPS_MAX,
        summary="s" * clean.SUMMARY_MAX,
    )
    for field, value in [
        ("name", "n" * (clean.NAME_MAX + 1)),
        ("name", "n" * (clean.NAME_MIN - 1)),
        ("steps", [longest + "x"] * 4),
        ("steps", ["x" * (clean.SENTENCE_MIN - 1)] * 4),
        ("steps", [longest] * (clean.STEPS_MAX + 1)),
        ("summary", "s" * (clean.SUMMARY_MAX + 1)),
    ]:
        with pytest.raises(ValidationError):
            make_exercise(**{field: value})
    assert exercise_data()["name"]


def test_sentences_report_once_per_record() -> None:
    report = ImportReport("t", "t", "-")
    found = clean.sentences(
        ["tiny", "x" * 700, "y" * 700, "A proper step to keep."], report, "steps"
    )
    assert [len(s) for s in found] == [600, 600, 22]
    assert dict(report.trimmed) == {
        ("steps", "clipped items to 600 characters"): 1,
        ("steps", "dropped items under 8 characters"): 1,
    }


DIRTY = "\x00\u202e\u2066\x07"


def _dirty_json(fixture: Path, target: Path, edit: Callable[[Any], None]) -> Path:
    data = json.loads(fixture.read_text(encoding="utf-8"))
    edit(data)
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def _free_exercise_db(tmp: Path) -> Path:
    def edit(records: list[dict[str, Any]]) -> None:
        records[0]["id"] += DIRTY
        records[0]["name"] = f"Kettlebell{DIRTY} Figure Eight"
        records[0]["instructions"][0] += DIRTY

    return _dirty_json(FIXTURES / "free_exercise_db" / "exercises.json", tmp / "f.json", edit)


def _exercisedb(tmp: Path) -> Path:
    def edit(records: list[dict[str, Any]]) -> None:
        records[0]["exerciseId"] += DIRTY
        records[0]["name"] = f"band pull{DIRTY} through hinge"
        records[0]["instructions"][0] += DIRTY

    return _dirty_json(FIXTURES / "exercisedb" / "v1.json", tmp / "e.json", edit)


def _wger(tmp: Path) -> Path:
    folder = tmp / "wger"
    shutil.copytree(FIXTURES / "wger", folder)

    def base(rows: list[dict[str, Any]]) -> None:
        rows[0]["fields"]["uuid"] += DIRTY

    def translations(rows: list[dict[str, Any]]) -> None:
        rows[0]["fields"]["name"] = f"Reverse Grip{DIRTY} Barbell Curl"
        rows[0]["fields"]["license_author"] = f"someone{DIRTY}"

    _dirty_json(folder / "exercise-base-data.json", folder / "exercise-base-data.json", base)
    _dirty_json(folder / "translations.json", folder / "translations.json", translations)
    return folder


def _repforge(tmp: Path) -> Path:
    data = exercise_data(slug="dirty-squat", name=f"Dirty{DIRTY} Squat", aliases=[f"Mud{DIRTY}"])
    data["steps"][0] += DIRTY
    data["provenance"] = {
        "author": f"A{DIRTY}n author",
        "licence": "CC0",
        "source_id": f"id{DIRTY}-1",
    }
    target = tmp / "dirty-squat.yaml"
    target.write_text(yaml.safe_dump(data), encoding="utf-8")
    return target


def _dirty_strings(value: Any, path: str = "") -> list[str]:
    if isinstance(value, str):
        bad = any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value)
        return [path] if bad or value != value.strip() else []
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _dirty_strings(v, f"{path}.{k}")]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in _dirty_strings(v, f"{path}.{i}")]
    return []


@pytest.mark.parametrize(
    ("fmt", "make"),
    [
        ("free-exercise-db", _free_exercise_db),
        ("exercisedb", _exercisedb),
        ("wger", _wger),
        ("repforge", _repforge),
    ],
)
def test_every_format_cleans_every_text_field_and_id(
    fmt: str, make: Callable[[Path], Path], tmp_path: Path
) -> None:
    drafts, _ = importers.parse(fmt, make(tmp_path))
    assert drafts
    for found in drafts:
        assert _dirty_strings(found.model_dump(mode="json")) == []
    ids = {d.provenance.source_id for d in drafts}
    assert ids & {
        "abc1234",
        "id-1",
        "Kettlebell_Figure_Eight",
        "00000000-0000-4000-8000-000000000101",
    }
