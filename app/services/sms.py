"""Sending text messages. Pluggable: a real SMS gateway implements `SmsSender`."""

import sys
from dataclasses import dataclass, field
from typing import Protocol


class SmsSender(Protocol):
    def send(self, to: str, text: str) -> None: ...


class ConsoleSmsSender:
    """For development: prints the message on the server's terminal instead of sending it."""

    def send(self, to: str, text: str) -> None:
        print(f"[sms to {to}] {text}", file=sys.stderr, flush=True)


@dataclass
class SentSms:
    to: str
    text: str


@dataclass
class OutboxSmsSender:
    """For tests: keeps what would have been sent."""

    sent: list[SentSms] = field(default_factory=list)

    def send(self, to: str, text: str) -> None:
        self.sent.append(SentSms(to, text))

    def last_to(self, to: str) -> SentSms | None:
        return next((message for message in reversed(self.sent) if message.to == to), None)
