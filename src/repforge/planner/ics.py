"""iCalendar (RFC 5545) export: one event per session on the chosen weekdays.

Written by hand: the format needed here is tiny (VCALENDAR, VEVENT, escaping, line folding),
so a dependency would cost more than it saves.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from repforge.planner.plan import Plan, PlanSession
from repforge.planner.profile import WEEKDAYS

PRODID = "-//repforge//training plan//EN"
MAX_LINE_OCTETS = 75


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    # RFC 5545 §3.1: lines longer than 75 octets continue on the next line after one space.
    out: list[str] = []
    current = ""
    for char in line:
        limit = MAX_LINE_OCTETS - (1 if out else 0)
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _description(session: PlanSession) -> str:
    lines = []
    for w in session.warm_up:
        lines.append(f"Warm-up: {w.name or w.slug}, {w.minutes} min")
    for e in session.exercises:
        lo, hi = e.reps
        lines.append(
            f"{e.name or e.slug}: {e.sets} x {lo}-{hi} {e.unit}, RIR {e.rir}, rest {e.rest_seconds} s"
        )
    return "\n".join(lines)


def week_start(day: date) -> date:
    """The Monday of the week containing `day`."""
    return day - timedelta(days=day.weekday())


def next_monday(today: date) -> date:
    """The first Monday after `today` (a week later when today is a Monday): the default start."""
    return today + timedelta(days=7 - today.weekday())


def plan_ics(plan: Plan, start: date, at: time = time(18, 0)) -> str:
    """Calendar text; week 1 is the week containing `start`, events at local (floating) `at`."""
    monday = week_start(start)
    plan_id = plan.content_id()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    # DTSTAMP is required; deriving it from the start date keeps the export deterministic.
    stamp = _stamp(datetime.combine(monday, time(0, 0))) + "Z"
    for week in plan.weeks:
        for session in week.sessions:
            day = monday + timedelta(weeks=week.week - 1, days=WEEKDAYS.index(session.day))
            begin = datetime.combine(day, at)
            end = begin + timedelta(minutes=max(session.estimated_minutes, 1))
            label = f"{session.name} (week {week.week}{', deload' if week.deload else ''})"
            lines += [
                "BEGIN:VEVENT",
                f"UID:{plan_id}-w{week.week}-{session.day}@repforge",
                f"DTSTAMP:{stamp}",
                f"DTSTART:{_stamp(begin)}",
                f"DTEND:{_stamp(end)}",
                f"SUMMARY:{_escape(label)}",
                f"DESCRIPTION:{_escape(_description(session))}",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
