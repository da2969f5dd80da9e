"""Where the admin lives, for middleware that treats it differently from reader pages."""

from functools import cache

from django.urls import reverse


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def is_admin_path(path: str) -> bool:
    return path.startswith(admin_prefix())
