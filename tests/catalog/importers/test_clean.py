"""Untrusted text: markup dropped with the HTML parser, control characters gone, model limits."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from repforge.catalog.importers import clean
from repforge.catalog.importers.report import ImportReport
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
