"""The admin's password-reset email, named after the practice whose address it was asked on."""

from wagtail.admin.forms.auth import PasswordResetForm

from quietroom.practice import profile


class PracticePasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, extra_email_context=None, **kwargs):
        practice = profile.for_request(request) if request is not None else None
        context = {"practice_name": practice.name if practice else ""}
        context.update(extra_email_context or {})
        return super().save(*args, request=request, extra_email_context=context, **kwargs)
