"""iCalendar export: valid lines, sessions on the chosen weekdays, deterministic."""

from __future__ import annotations

from datetime import date, time

import pytest

from repforge.catalog.catalog import Catalog
from repforge.planner.ics import next_monday, plan_ics, week_start
from repforge.planner.plan import Plan
from repforge.planner.service import make_plan


@pytest.fixture(scope="module")
def plan(gym: Catalog) -> Plan:
    return make_plan(gym, {"weekdays": "tue,thu,sat", "weeks": 2, "minutes": 45})


def test_one_event_per_session_on_its_weekday(plan: Plan) -> None:
    text = plan_ics(plan, date(2025, 3, 5), time(7, 30))  # a Wednesday: week 1 starts Mon 3 March
    starts = [line for line in text.split("\r\n") if line.startswith("DTSTART:")]
    assert starts == [
        "DTSTART:20250304T073000",
        "DTSTART:20250306T073000",
        "DTSTART:20250308T073000",
        "DTSTART:20250311T073000",
        "DTSTART:20250313T073000",
        "DTSTART:20250315T073000",
    ]
    assert text.count("BEGIN:VEVENT") == 6


def test_lines_are_crlf_folded_and_escaped(plan: Plan) -> None:
    text = plan_ics(plan, date(2025, 3, 3))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:Warm-up: " in unfolded
    assert "\\," in unfolded


def test_export_is_deterministic(plan: Plan) -> None:
    assert plan_ics(plan, date(2025, 3, 3)) == plan_ics(plan, date(2025, 3, 3))


def test_week_start_is_monday() -> None:
    assert week_start(date(2025, 3, 9)) == date(2025, 3, 3)


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (date(2025, 3, 3), date(2025, 3, 10)),  # a Monday: the following one
        (date(2025, 3, 4), date(2025, 3, 10)),
        (date(2025, 3, 9), date(2025, 3, 10)),  # a Sunday: tomorrow
    ],
)
def test_next_monday_is_always_after_today(today: date, monday: date) -> None:
    assert next_monday(today) == monday
