"""Logging: JSON lines with the request id in production, plain text in development, no secrets."""

from __future__ import annotations

import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TextIO

import orjson

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# written only by web/request_log.py, from the method, route template and status: nothing personal
# can reach it, so its lines (one per request) skip the redaction regexes
ACCESS_LOGGER = "repforge.access"

REDACTED = "[redacted]"
# personal data and credentials that must never reach a log line, whoever wrote the message
_SECRETS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), REDACTED),  # email addresses
    (re.compile(r"(?i)\b(bearer|basic) [\w.~+/=-]+"), rf"\1 {REDACTED}"),  # Authorization
    (re.compile(r"(?i)\b(token|password|secret|code|csrf_token)=[^&\s]+"), rf"\1={REDACTED}"),
    (re.compile(r"\b[\w-]{32,}\b"), REDACTED),  # long opaque strings: session and reset tokens
)
# fields of a LogRecord itself; anything else was passed through `extra=` and is logged too
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def redact(text: str) -> str:
    """`text` with emails, tokens and other secrets replaced."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    """Rewrite each record's message (and extras) without personal data or credentials."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        if record.name == ACCESS_LOGGER:
            return True
        record.msg = redact(record.getMessage())
        record.args = None
        for key, value in vars(record).items():
            if key not in _RECORD_FIELDS and isinstance(value, str):
                setattr(record, key, redact(value))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(
            (key, value)
            for key, value in vars(record).items()
            if key not in _RECORD_FIELDS and value is not None
        )
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return orjson.dumps(entry, default=str).decode()


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when a record is logged, never to a stream since closed."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


def configure(log_format: str, level: str = "INFO", stream: TextIO | None = None) -> None:
    """Send repforge's and uvicorn's logs through one redacting handler in `log_format`."""
    handler: logging.StreamHandler = (  # type: ignore[type-arg]
        logging.StreamHandler(stream) if stream is not None else _CurrentStderr()
    )
    handler.addFilter(RedactSecrets())
    handler.setFormatter(
        JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_repforge", False)]:
        root.removeHandler(old)
    handler._repforge = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        # uvicorn's own handlers would print unredacted text beside ours
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
