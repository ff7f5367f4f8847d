"""The exercise model refuses text that skipped the import cleaning."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tests.factories import exercise_data, make_exercise


@pytest.mark.parametrize("dirty", ["\x00", "\u202e", "\u2067", "\x1b", "  ", "\n"])
@pytest.mark.parametrize("field", ["name", "steps", "aliases", "provenance.source_id"])
def test_dirty_text_is_refused_in_every_field(dirty: str, field: str) -> None:
    data = exercise_data()
    if field == "steps":
        data["steps"][1] = f"Sit down{dirty}and back between your heels."
    elif field == "aliases":
        data["aliases"] = [f"Air{dirty}squat"]
    elif field == "provenance.source_id":
        data["provenance"] = {**data["provenance"], "source": "x", "source_id": f"id{dirty}1"}
    else:
        data["name"] = f"Test{dirty}Squat"
    with pytest.raises(ValidationError, match=field.split(".")[0]):
        make_exercise(**data)


def test_clean_text_in_any_script_is_kept() -> None:
    exercise = make_exercise(name="Sentadilla búlgara", aliases=["ブルガリアンスクワット"])
    assert exercise.aliases == ("ブルガリアンスクワット",)
