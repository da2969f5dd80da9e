"""The admin's password-reset email, named after the practice whose address it was asked on.

It keeps every guard of the security app's form: the per-account limit, and the email sent
after the reply so that a known and an unknown address take the same time.
"""

from quietroom.practice import profile
from quietroom.security.password_reset import QuietPasswordResetForm


class PracticePasswordResetForm(QuietPasswordResetForm):
    def save(self, *args, request=None, extra_email_context=None, **kwargs):
        practice = profile.for_request(request) if request is not None else None
        context = {"practice_name": practice.name if practice else ""}
        context.update(extra_email_context or {})
        return super().save(*args, request=request, extra_email_context=context, **kwargs)
