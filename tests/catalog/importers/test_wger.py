"""wger fixtures: English text only, lookups by pk, HTML made safe, licences per record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from repforge.catalog.importers import wger
from repforge.errors import ImportFormatError

from .conftest import FIXTURES


def test_english_records_with_licence_and_author() -> None:
    drafts, report = wger.parse(FIXTURES / "wger")
    by_slug = {d.slug: d for d in drafts}
    assert set(by_slug) == {"reverse-grip-barbell-curl", "step-up-onto-a-bench", "plate-pinch-hold"}
    curl = by_slug["reverse-grip-barbell-curl"]
    assert (curl.body_part, curl.target, curl.equipment.required) == (
        "arms",
        "biceps",
        ("barbell",),
    )
    assert curl.aliases == ("Overhand Curl",)  # the German alias stays out
    assert curl.provenance.licence == "CC-BY-SA 4"
    assert curl.provenance.author == "translation-author"
    assert curl.provenance.source_id == "00000000-0000-4000-8000-000000000101"
    assert "https://creativecommons.org/licenses/by-sa/4.0/deed.en" in curl.provenance.sources
    step = by_slug["step-up-onto-a-bench"]
    assert step.name == "Step-Up onto a Bench"
    assert step.provenance.author == wger.AUTHOR
    assert step.provenance.licence == "CC0"
    assert step.equipment.required == ("bench",)  # bench and incline bench are one kit
    assert (step.pattern, step.target, step.laterality) == ("lunge", "quads", "unilateral")
    assert report.records == 4
    assert [(s.index, s.reason) for s in report.skips] == [(3, "no English translation")]


def test_html_becomes_plain_text_and_list_items_become_steps() -> None:
    drafts, _ = wger.parse(FIXTURES / "wger")
    curl = next(d for d in drafts if d.slug == "reverse-grip-barbell-curl")
    assert curl.summary == "Hold the bar with the palms facing down & the elbows pinned."
    assert curl.steps == ("Curl the bar up to the chest.", "Lower it slowly to the thighs.")
    step = next(d for d in drafts if d.slug == "step-up-onto-a-bench")
    assert step.summary is not None
    assert "<" not in step.summary
    assert "alert" not in step.summary
    assert step.summary.endswith("Step down under control.")


def test_unknown_lookups_are_reported() -> None:
    drafts, report = wger.parse(FIXTURES / "wger")
    pinch = next(d for d in drafts if d.slug == "plate-pinch-hold")
    assert pinch.target == "forearms"
    assert pinch.tracking == "time"
    assert dict(report.unmapped) == {
        ("category", "Grip"): 1,
        ("muscles", "Flexor digitorum"): 1,
        ("muscles_secondary", "#99 (not in the lookup fixture)"): 1,
    }


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "wger"
    shutil.copytree(FIXTURES / "wger", folder)
    return folder


def test_a_translation_without_name_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    rows = json.loads((folder / "translations.json").read_text())
    del rows[3]["fields"]["name"]
    (folder / "translations.json").write_text(json.dumps(rows))
    with pytest.raises(ImportFormatError, match=r"translations\.json: record 3") as caught:
        wger.parse(folder)
    assert caught.value.field == "fields.name"


def test_missing_fixture_and_single_file_are_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "muscles.json").unlink()
    with pytest.raises(ImportFormatError, match=r"\(missing muscles\.json\)"):
        wger.parse(folder)
    with pytest.raises(ImportFormatError, match="wger imports read a folder"):
        wger.parse(FIXTURES / "wger" / "translations.json")


def test_wrong_types_name_the_field(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    rows = json.loads((folder / "exercise-base-data.json").read_text())
    rows[1]["fields"]["muscles"] = "quads"
    (folder / "exercise-base-data.json").write_text(json.dumps(rows))
    with pytest.raises(ImportFormatError) as caught:
        wger.parse(folder)
    assert (caught.value.index, caught.value.field) == (1, "fields.muscles")
