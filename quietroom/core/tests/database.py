"""The test database after a transactional test: what the migrations made, loaded back."""

import json

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType


def restore(connection, contents: str) -> None:
    """Load back what the migrations made. The flush's post_migrate has made content types
    and permissions again, numbered in the order of the app registry rather than of the
    migrations, so the copy's rows would clash with them by name: they go, and the copy's
    content types and permissions are loaded first, before any row whose saving looks a
    content type up (and would make one anew if it found none)."""
    Permission.objects.using(connection.alias).all().delete()
    ContentType.objects.using(connection.alias).all().delete()
    ContentType.objects.clear_cache()
    rows = json.loads(contents)
    first = [r for r in rows if r["model"] in ("contenttypes.contenttype", "auth.permission")]
    rest = [r for r in rows if r["model"] not in ("contenttypes.contenttype", "auth.permission")]
    connection.creation.deserialize_db_from_string(json.dumps(first + rest))
    ContentType.objects.clear_cache()
