"""Back up a site: its database content as portable JSON and its media, in one archive."""

import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from quietroom.core import bucket
from quietroom.core.bucket import is_bucket
from quietroom.core.models import CustomImage
from quietroom.export.archive import (
    DATA,
    FORMAT,
    MANIFEST,
    MEDIA,
    TYPES,
    VERSION,
    BackupError,
    sha256,
)
from quietroom.export.serial import register

# Rebuilt on restore, or tied to one database engine (SQLite's full-text index), or
# transient: left out so the archive loads into any database. Content types and
# permissions stay in, with their ids, so every reference to them loads unchanged.
TYPES_MODELS = ["contenttypes", "auth.permission"]
EXCLUDED = [
    *TYPES_MODELS,
    "sessions",
    "wagtailsearch",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "wagtailcore.uploadedfile",
    "core.ratecount",
]


@dataclass
class BackupReport:
    file: Path
    pages: int
    images: int
    media_files: int
    bytes: int


def backup(file: Path | str) -> BackupReport:
    """Write the site's content and media to the archive `file` (tar.gz).

    The database is dumped with Django's dumpdata as JSON, which restores into SQLite
    or PostgreSQL alike. The data folder's secrets/ (the site's
    keys, and the inbox keys) is never included: it is backed up separately.
    The archive is written beside `file` and renamed into place when complete; it is
    readable by its owner only (mode 0600).
    """
    file = Path(file).resolve()
    if file.is_dir():
        raise BackupError(f"{file} is a folder; give the name of the archive to write.")
    file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=file.parent) as work:
        types, data = Path(work) / TYPES, Path(work) / DATA
        with transaction.atomic():
            json_format = register()
            call_command(
                "dumpdata", *TYPES_MODELS, format=json_format, output=str(types), verbosity=0
            )
            call_command(
                "dumpdata", exclude=EXCLUDED, use_base_manager=True, format=json_format,
                output=str(data), verbosity=0,
            )  # fmt: skip
            manifest = _manifest(types, data)
        media = (
            _bucket_files(Path(work) / "bucket") if is_bucket(default_storage) else _media_files()
        )
        manifest["media"] = [
            {"path": p, "size": f.stat().st_size, "sha256": sha256(f)} for p, f in media
        ]
        partial = Path(work) / "backup.tar.gz"
        # The archive holds what the database does (password hashes, authenticator keys):
        # created owner-only, whatever the umask, before a byte is written to it.
        handle = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        with handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
            _add_text(archive, MANIFEST, json.dumps(manifest, indent=1))
            archive.add(types, TYPES)
            archive.add(data, DATA)
            for relative, path in media:
                archive.add(path, f"{MEDIA}/{relative}", recursive=False)
        os.replace(partial, file)
    return BackupReport(
        file=file,
        pages=manifest["counts"]["pages"],
        images=manifest["counts"]["images"],
        media_files=len(media),
        bytes=file.stat().st_size,
    )


def _manifest(types: Path, data: Path) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "created": timezone.now().isoformat(),
        "made_with": {name: version(name) for name in ("quietroom", "Django", "wagtail")},
        "database": connection.vendor,
        "counts": {"pages": Page.objects.count(), "images": CustomImage.objects.count()},
        "data": {TYPES: {"sha256": sha256(types)}, DATA: {"sha256": sha256(data)}},
        "note": "Keys in the data folder's secrets/ are not in this archive; back them up apart.",
    }


def _bucket_files(scratch: Path) -> list[tuple[str, Path]]:
    """Every object in the media bucket, fetched into `scratch` to be checksummed and added."""
    found = []
    for name in bucket.object_names(default_storage):
        target = scratch / name
        bucket.download(default_storage, name, target)
        found.append((name, target))
    return found


def _media_files() -> list[tuple[str, Path]]:
    """Regular files under MEDIA_ROOT, never anything in the data folder's secrets/."""
    root = Path(settings.MEDIA_ROOT).resolve()
    secrets = (Path(settings.DATA_DIR) / "secrets").resolve()
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink() or path.resolve().is_relative_to(secrets):
                continue
            found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


def _add_text(archive: tarfile.TarFile, name: str, text: str) -> None:
    data = text.encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    with tempfile.SpooledTemporaryFile() as buffer:
        buffer.write(data)
        buffer.seek(0)
        archive.addfile(info, buffer)
