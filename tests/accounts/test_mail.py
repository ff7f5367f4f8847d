"""Mail backends: the console prints, SMTP speaks to the configured server."""

from __future__ import annotations

import io
from email.message import EmailMessage
from typing import Any

import pytest

from repforge.accounts import mail


def test_console_prints_the_message() -> None:
    stream = io.StringIO()
    mail.ConsoleMailer(stream).send("ann@example.com", "Reset", "open this link")
    assert "ann@example.com" in stream.getvalue()
    assert "open this link" in stream.getvalue()


def test_smtp_sends_with_starttls_and_login(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    class FakeSmtp:
        def __init__(self, host: str, port: int, timeout: float) -> None:
            seen["server"] = (host, port)

        def __enter__(self) -> FakeSmtp:
            return self

        def __exit__(self, *_: object) -> None:
            seen["closed"] = True

        def starttls(self) -> None:
            seen["tls"] = True

        def login(self, user: str, password: str) -> None:
            seen["login"] = (user, password)

        def send_message(self, message: EmailMessage) -> None:
            seen["message"] = message

    monkeypatch.setattr(mail.smtplib, "SMTP", FakeSmtp)
    mailer = mail.SmtpMailer("smtp.example.com", 587, "noreply@example.com", "user", "secret")
    mailer.send("ann@example.com", "Reset your password", "the link")
    message = seen["message"]
    assert seen["server"] == ("smtp.example.com", 587)
    assert seen["tls"]
    assert seen["login"] == ("user", "secret")
    assert (message["To"], message["From"]) == ("ann@example.com", "noreply@example.com")
    assert message.get_content().strip() == "the link"
    assert seen["closed"]
