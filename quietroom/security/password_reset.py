"""Password reset that answers every address alike, and quickly, and cannot be used to flood.

The request does the same work for a known and an unknown address (one lookup, one count);
the email itself is rendered and sent after the reply (quietroom/security/outbox.py). One
address may ask five times an hour, whatever it asks for; one account gets at most three reset
emails an hour, however many addresses ask, and the answer never says which happened.
"""

import functools

from django.conf import settings
from django.template.response import TemplateResponse
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from quietroom.core import throttle
from quietroom.security import outbox
from quietroom.security.clientip import client_ip

HOUR = 3600


class QuietPasswordResetForm(PasswordResetForm):
    def save(self, *args, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        limit = settings.QUIETROOM_PASSWORD_RESET_EMAIL_LIMIT
        # Counted for every address asked about, known or not, so both take the same time.
        if throttle.take("reset-email", email, limit, HOUR):
            super().save(*args, **kwargs)

    def send_mail(self, *args, **kwargs):
        outbox.post(functools.partial(super().send_mail, *args, **kwargs))


class LimitedPasswordResetView(PasswordResetView):
    def post(self, request, *args, **kwargs):
        limit = settings.QUIETROOM_PASSWORD_RESET_RATE_LIMIT
        if not throttle.take("reset-address", client_ip(request), limit, HOUR):
            response = TemplateResponse(request, "security/reset_limited.html", status=429)
            response["Retry-After"] = str(HOUR)
            return response
        return super().post(request, *args, **kwargs)
