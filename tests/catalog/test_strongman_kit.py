"""Strongman kit: each item is in the vocabulary, an exercise using it loads, and it is drawn."""

from __future__ import annotations

import pytest

from repforge.catalog import load, vocab
from repforge.catalog.load import SourceFile
from repforge.catalog.motion import EQUIPMENT_PROPS, Motion, missing_props
from tests.factories import exercise_data, to_yaml

# kit -> the held prop that draws it
STRONGMAN_KIT = {
    "log": "barbell",
    "axle": "barbell",
    "atlas-stone": "medicine-ball",
    "keg": "medicine-ball",
    "yoke": "barbell-back",
    "farmers-frame": "dumbbells",
    "tire": "weight-plate",
}


def _motion(props: list[str]) -> Motion:
    return Motion.model_validate(
        {
            "props": props,
            "contacts": ["feet-floor"],
            "keyframes": [
                {"pose": {"trunk": 0, "hip": 0, "knee": 0}},
                {"pose": {"trunk": 40, "hip": 120, "knee": 110}},
            ],
        }
    )


@pytest.mark.parametrize(("kit", "prop"), sorted(STRONGMAN_KIT.items()))
def test_strongman_kit_loads_and_is_drawn(kit: str, prop: str) -> None:
    assert kit in vocab.EQUIPMENT
    assert vocab.EQUIPMENT[kit].kind in ("free-weight", "station", "accessory")
    assert prop in EQUIPMENT_PROPS[kit]
    data = exercise_data(
        slug=f"{kit}-test-squat",
        category="strongman",
        load="external",
        equipment={"required": [kit]},
    )
    items, problems = load.check([SourceFile(f"{data['slug']}.yaml", to_yaml(data))])
    assert not problems, problems
    assert list(items[0].exercise.equipment.required) == [kit]
    assert missing_props(_motion([prop]), (kit,)) == []
    assert missing_props(_motion([]), (kit,)) == [kit]
