"""field_error: the one translation of pydantic errors into a field and a plain message."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator

from repforge.errors import field_error


class Inner(BaseModel):
    weight_kg: float


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    days: int = 3
    maxes: dict[str, Inner] = {}

    @model_validator(mode="after")
    def _days(self) -> Form:
        if self.days > 7:
            raise ValueError("days: at most 7 a week")
        return self


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "name", "is missing"),
        ({"name": "  "}, "name", "is empty"),
        ({"name": "x", "colour": 1}, "colour", "unknown field"),
        ({"name": "x", "maxes": {"bench": {"weight_kg": "a"}}}, "maxes.bench.weight_kg", None),
        ({"name": "x", "days": 9}, "days", "at most 7 a week"),
    ],
)
def test_each_error_becomes_a_field_and_a_plain_message(
    data: dict[str, object], field: str, message: str | None
) -> None:
    with pytest.raises(ValidationError) as raised:
        Form.model_validate(data)
    found = field_error(raised.value.errors()[0])
    assert found[0] == field
    assert message is None or found[1] == message
    assert not found[1].startswith("Value error")


def test_location_parts_that_are_not_fields_are_skipped() -> None:
    with pytest.raises(ValidationError) as raised:
        Form.model_validate({})
    error = raised.value.errors()[0]
    moved = {**error, "loc": ("query", *error["loc"])}
    assert field_error(moved, ("query",)) == ("name", "is missing")  # type: ignore[arg-type]
