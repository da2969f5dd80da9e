"""System check: refuse to run without an inbox key where keys must not be created on the fly."""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from quietroom.inbox import crypto


@register()
def inbox_key_present(app_configs, **kwargs):
    if settings.QUIETROOM_INBOX_CREATE_KEY:
        return []
    try:
        crypto.load_keys(create=False)
    except ImproperlyConfigured as error:
        return [Error(str(error), id="quietroom.inbox.E001")]
    return []
