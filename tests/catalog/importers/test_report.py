"""ImportReport: counts, grouped inferences and a JSON form with everything."""

from __future__ import annotations

import json

from repforge.catalog.importers.report import Duplicate, ImportReport


def test_report_counts_and_json() -> None:
    report = ImportReport("free-exercise-db", "free-exercise-db", "exercises.json", records=3)
    report.unmapped_value("equipment", "sled")
    report.unmapped_value("equipment", "sled")
    report.vague_value("equipment", "other")
    report.inference("pattern", "name says 'row'")
    report.inference("pattern", "name says 'row'")
    report.inference("pattern", "category stretching")
    report.inference("force", "stretch is static")
    report.skip(2, "Ab", "name shorter than 3 characters")
    report.duplicate(Duplicate(0, "Barbell Curl", "barbell-curl", "slug", "built-in", "skipped"))
    assert report.skipped == 1
    assert report.inferred_by_field() == {
        "force": [("stretch is static", 1)],
        "pattern": [("name says 'row'", 2), ("category stretching", 1)],
    }
    data = json.loads(json.dumps(report.as_dict()))
    assert data["unmapped"] == [{"field": "equipment", "value": "sled", "records": 2}]
    assert data["no_fact"] == [{"field": "equipment", "value": "other", "records": 1}]
    assert data["duplicates"][0]["existing"] == "barbell-curl"
    assert data["skips"][0]["reason"].startswith("name shorter")
    assert data["inferred"]["pattern"][0] == {"rule": "name says 'row'", "records": 2}
