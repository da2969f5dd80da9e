"""Collected static files that follow the code: collected again whenever the sources change.

Production serves static files under hashed names from a manifest. Collecting only when there
is no manifest would keep serving the old files after an upgrade, and Wagtail's admin, asking
for names the old manifest lacks, would fail.
"""

import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command

STAMP = ".quietroom-sources"


def sources_digest() -> str:
    """A digest of every static source file: its name, size and modification time."""
    found = []
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            found.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest()


def stale() -> str | None:
    """The sources' digest if they differ from those last collected (or none were), else None."""
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest is None:
        return None  # files are served from their sources; nothing to collect
    root = Path(settings.STATIC_ROOT)
    stamp, digest = root / STAMP, sources_digest()
    collected = (root / manifest).exists() and stamp.exists()
    return None if collected and stamp.read_text() == digest else digest


def collect(digest: str) -> None:
    call_command("collectstatic", interactive=False, verbosity=0)
    (Path(settings.STATIC_ROOT) / STAMP).write_text(digest)
