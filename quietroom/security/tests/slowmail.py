"""An email backend as slow as a real mail server, for the reset-timing test (E8)."""

import time

from django.core.mail.backends.locmem import EmailBackend

SECONDS = 0.05  # a connection and a few SMTP round trips to a mail relay


class SlowEmailBackend(EmailBackend):
    def send_messages(self, messages):
        time.sleep(SECONDS)
        return super().send_messages(messages)
