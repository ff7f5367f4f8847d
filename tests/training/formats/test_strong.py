"""Strong CSV in both shapes: SI units, set markers, timed and distance sets, errors by line."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from repforge.training.formats import LogFormatError, parse_strong, write_strong
from repforge.training.formats.common import KG_PER_LB, METRES_PER_MILE
from tests.training.formats.compare import assert_same_sets

FIXTURES = Path(__file__).parents[1] / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def test_semicolon_shape_converts_every_row_to_si_units() -> None:
    push, conditioning = parse_strong(read("strong_semicolon.csv"))
    assert push.started_at == datetime(2025, 3, 3, 7, 30)
    assert push.ended_at == push.started_at + timedelta(hours=1, minutes=5)
    assert (push.name, push.notes, push.source) == ("Push A", "Felt good", "strong")
    warm, first, second, press, plank = push.sets
    assert (warm.set_type, warm.weight_kg, warm.reps) == ("warm-up", 20, 10)
    assert (first.weight_kg, first.rpe, first.notes) == (62.5, 8, "Paused first rep")
    assert second.rpe == 8.5
    assert press.exercise == "custom:Overhead Press (Barbell)"
    assert press.weight_kg == pytest.approx(95 * KG_PER_LB, abs=1e-3)
    assert (plank.seconds, plank.reps, plank.weight_kg) == (60, None, None)
    run, carry = conditioning.sets
    assert run.metres == pytest.approx(3 * METRES_PER_MILE, abs=0.01)
    assert run.seconds == 1200
    assert (carry.metres, carry.weight_kg) == (50, 40)
    assert [s.order for s in push.sets] == [0, 1, 2, 3, 4]


def test_comma_shape_uses_the_app_unit_and_reads_markers() -> None:
    legs, upper = parse_strong(read("strong_comma.csv"), weight_unit="lb", distance_unit="km")
    kinds = [s.set_type for s in legs.sets]
    assert kinds == ["warm-up", "working", "working", "failure", "working", "drop"]
    assert legs.sets[1].weight_kg == pytest.approx(100 * KG_PER_LB, abs=1e-3)
    assert legs.sets[1].rpe == 8
    assert legs.ended_at == legs.started_at + timedelta(hours=1, minutes=2)
    assert all(s.exercise != "custom:Rest Timer" for s in legs.sets)
    pull, plank, row = upper.sets
    assert (pull.reps, pull.weight_kg) == (8, None)
    assert plank.seconds == 75
    assert (row.metres, row.seconds) == (2000, 480)
    assert upper.notes == "Short on time"


def test_exercise_names_go_through_the_mapper() -> None:
    found = parse_strong(read("strong_comma.csv"), exercise=lambda n: n.lower().replace(" ", "-"))
    assert found[0].sets[0].exercise == "squat-(barbell)"


def test_a_malformed_row_aborts_the_file_naming_its_line() -> None:
    with pytest.raises(LogFormatError) as caught:
        parse_strong(read("strong_malformed.csv"), "history.csv")
    assert str(caught.value) == "history.csv: line 4: Weight 'heavy' is not a number"
    assert caught.value.line == 4


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2024-01-15 18:30:00,L,1h,Squat,X,100,5,0,0,,,", "Set Order 'X'"),
        ("15/01/2024,L,1h,Squat,1,100,5,0,0,,,", "Date '15/01/2024'"),
        ("2024-01-15 18:30:00,L,1h,Squat,1,100,5.5,0,0,,,", "Reps '5.5' is not a whole"),
        ("2024-01-15 18:30:00,L,soon,Squat,1,100,5,0,0,,,", "Duration 'soon'"),
        ("2024-01-15 18:30:00,L,1h,Squat,1,100,5,0,0,,,11", "RPE 11 is above 10"),
        ("2024-01-15 18:30:00,L,1h,Squat,1,100", "has 6 columns"),
    ],
)
def test_bad_cells_are_named(row: str, message: str) -> None:
    header = read("strong_comma.csv").splitlines()[0]
    with pytest.raises(LogFormatError, match="line 2: " + message.replace("(", r"\(")):
        parse_strong(f"{header}\n{row}\n")


def test_missing_columns_and_empty_files_are_refused() -> None:
    with pytest.raises(LogFormatError, match="lacks the column"):
        parse_strong("Date,Workout Name\n2024-01-15 18:30:00,Legs\n")
    with pytest.raises(LogFormatError, match="empty"):
        parse_strong("")


@pytest.mark.parametrize("shape", ["semicolon", "comma"])
def test_round_trip_through_either_shape(shape: str) -> None:
    both = parse_strong(read("strong_semicolon.csv")) + parse_strong(read("strong_comma.csv"))
    original = sorted(both, key=lambda w: w.started_at)
    text = write_strong(original, shape)  # type: ignore[arg-type]
    again = parse_strong(text, weight_unit="kg", distance_unit="km")
    assert [(w.started_at, w.ended_at, w.name, w.notes) for w in again] == [
        (w.started_at, w.ended_at, w.name, w.notes) for w in original
    ]
    assert_same_sets(original, again)


def test_written_text_never_runs_as_a_spreadsheet_formula() -> None:
    header = read("strong_comma.csv").splitlines()[0]
    row = '2024-01-15 18:30:00,"=HYPERLINK(1)",1h,"@Squat",1,100,5,0,0,"-2 plates","+fun",'
    (workout,) = parse_strong(f"{header}\n{row}\n")
    text = write_strong([workout], "comma")
    assert '"=HYPERLINK' not in text
    assert '"\'=HYPERLINK(1)"' in text
    assert '"\'@Squat"' in text
    (again,) = parse_strong(text)
    assert (again.name, again.notes) == ("=HYPERLINK(1)", "+fun")
    assert (again.sets[0].exercise, again.sets[0].notes) == ("custom:@Squat", "-2 plates")


def test_windows_line_endings_and_a_byte_order_mark_are_read() -> None:
    text = "\ufeff" + read("strong_comma.csv").replace("\n", "\r\n")
    assert len(parse_strong(text)) == 2


def test_newer_exports_with_units_in_the_header_are_read() -> None:
    (pull,) = parse_strong(read("strong_units_in_header.csv"))
    warm, top, row = pull.sets
    assert warm.set_type == "warm-up"
    assert top.weight_kg == pytest.approx(315 * KG_PER_LB, abs=1e-3)
    assert (row.metres, row.seconds) == (2000, 480)
    assert pull.ended_at == pull.started_at + timedelta(seconds=3900)
