"""Log lines (repforge.logs): JSON with the request id, plain text, and never a secret."""

from __future__ import annotations

import io
import json
import logging

from repforge import logs


def _log_through(log_format: str, message: str, *args: object) -> str:
    stream = io.StringIO()
    logs.configure(log_format, stream=stream)
    token = logs.request_id.set("req-42")
    try:
        logging.getLogger("repforge.test").warning(message, *args, extra={"route": "/x/{slug}"})
    finally:
        logs.request_id.reset(token)
        logs.configure("text")
    return stream.getvalue()


def test_json_lines_carry_the_request_id_and_extras() -> None:
    entry = json.loads(_log_through("json", "saved %d sets", 3))
    assert entry["message"] == "saved 3 sets"
    assert entry["request_id"] == "req-42"
    assert entry["route"] == "/x/{slug}"
    assert entry["level"] == "warning"


def test_text_lines_are_readable_with_the_request_id() -> None:
    line = _log_through("text", "saved %d sets", 3)
    assert "WARNING repforge.test [req-42] saved 3 sets" in line


def test_emails_and_tokens_are_redacted_from_messages_and_arguments() -> None:
    token = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0aGFy"
    line = _log_through(
        "json",
        "mail for %s, header Bearer %s, link /reset?token=abc&x=1, %s",
        "ana.lee+gym@example.org",
        "abc.def-ghi",
        token,
    )
    assert "example.org" not in line
    assert "abc.def-ghi" not in line
    assert "token=abc" not in line
    assert token not in line
    assert json.loads(line)["message"].count(logs.REDACTED) == 4
