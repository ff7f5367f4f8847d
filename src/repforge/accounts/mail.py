"""Outgoing mail behind one small interface: console by default, SMTP when configured."""

from __future__ import annotations

import logging
import smtplib
import sys
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol, TextIO

log = logging.getLogger(__name__)


class Mailer(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


@dataclass
class ConsoleMailer:
    """Prints each message: for development and for instances without mail."""

    stream: TextIO = sys.stderr

    def send(self, to: str, subject: str, body: str) -> None:
        print(f"--- mail to {to}: {subject}\n{body}\n---", file=self.stream, flush=True)


@dataclass
class MemoryMailer:
    """Keeps each message in a list, so tests can read what was sent."""

    sent: list[tuple[str, str, str]]

    def send(self, to: str, subject: str, body: str) -> None:
        self.sent.append((to, subject, body))


@dataclass
class SmtpMailer:
    """Sends through an SMTP server with STARTTLS when asked."""

    host: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = None
    starttls: bool = True

    def send(self, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, to, subject
        message.set_content(body)
        with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(message)
