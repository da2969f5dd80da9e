"""A real SMTP server (aiosmtpd) on loopback for the tests: it keeps every message it gets."""

from contextlib import contextmanager
from email import message_from_bytes

from aiosmtpd.controller import Controller

from quietroom.core.tests.ports import free_port


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "message": message_from_bytes(envelope.original_content),
            }
        )
        return "250 Message accepted"


@contextmanager
def running_smtp(port: int | None = None):
    """An SMTP server on `port` (a free one by default); yields (port, mailbox)."""
    port = port or free_port()
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, mailbox
    finally:
        controller.stop()
