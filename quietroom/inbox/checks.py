"""System checks: refuse to run without an inbox key, or with one that is the SECRET_KEY."""

import os

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from quietroom.inbox import crypto


@register()
def inbox_key_present(app_configs, **kwargs):
    """E001 when production has no inbox key; E002 when a key equals SECRET_KEY.

    A key shared with SECRET_KEY would let anyone who reads the settings (or a leaked
    session-signing secret) decrypt every request, so the two must stay apart.
    """
    has_keys = os.environ.get(crypto.ENV_KEYS) or crypto.keys_file().exists()
    if settings.QUIETROOM_INBOX_CREATE_KEY and not has_keys:
        return []
    try:
        keys = crypto.load_keys(create=False)
    except ImproperlyConfigured as error:
        return [Error(str(error), id="quietroom.inbox.E001")]
    secret = settings.SECRET_KEY.encode()
    if any(key == secret for key in keys):
        return [
            Error(
                "An inbox key is the same as SECRET_KEY.",
                hint="Create a separate key with `quietroom rotate_inbox_key --drop-old`.",
                id="quietroom.inbox.E002",
            )
        ]
    return []
