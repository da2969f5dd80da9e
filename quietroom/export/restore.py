"""Restore a backup into this site: all or nothing, and never over content without --force."""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from wagtail.documents import get_document_model
from wagtail.models import Page

from quietroom.core import bucket, generation
from quietroom.core.bucket import is_bucket
from quietroom.core.datadir import make_tree_private
from quietroom.core.models import CustomImage
from quietroom.export.archive import BackupError, unpack


@dataclass
class RestoreReport:
    pages: int
    images: int
    media_files: int


def site_is_empty() -> bool:
    """True when the site holds nothing but what a fresh install creates."""
    content = Page.objects.filter(depth__gt=1).exclude(content_type__model="page")
    return not (
        content.exists() or CustomImage.objects.exists() or get_document_model().objects.exists()
    )


def restore(file: Path | str, force: bool = False) -> RestoreReport:
    """Replace this site's content and media with the backup `file`.

    The archive is checked completely before anything changes. Refuses a site that
    already has content unless `force`. The database is replaced in one transaction
    and the media folder swapped inside it, so a failure leaves both as they were (with a
    bucket, the bucket is written once the database is in). Raises BackupError.
    """
    file = Path(file).resolve()
    if not file.is_file():
        raise BackupError(f"{file} does not exist.")
    in_bucket = is_bucket(default_storage)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if not in_bucket:
        media_root.mkdir(parents=True, exist_ok=True)
    # Unpacked beside the media folder, so swapping it in is a rename; with a bucket, where
    # the host keeps nothing, in the system's temporary folder.
    scratch = None if in_bucket else media_root.parent
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=scratch) as work:
        opened = unpack(file, Path(work))
        if opened.manifest.get("practice"):
            raise BackupError(
                f"{file.name} is a backup of one practice ({opened.manifest['practice']}); "
                f"restore it with --site {opened.manifest['practice']}."
            )
        if not force and not site_is_empty():
            raise BackupError(
                "This site already has pages or images. Restoring replaces all of it: "
                "run again with --force to do so."
            )
        fixtures = [opened.types, opened.data]
        if in_bucket:
            _load_into_bucket(fixtures, opened.media)
        else:
            _load(fixtures, opened.media, media_root)
    call_command("update_index", verbosity=0)
    generation.bump_every_site()  # every page cached before shows the old site
    return RestoreReport(
        pages=Page.objects.count(),
        images=CustomImage.objects.count(),
        media_files=len(opened.manifest.get("media", [])),
    )


def _settle_pending_checks() -> None:
    """PostgreSQL will not TRUNCATE a table with foreign-key checks still pending from
    earlier in the same transaction: run them now, then defer again for loaddata."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _load(fixtures: list[Path], media: Path, media_root: Path) -> None:
    media.mkdir(exist_ok=True)
    # Files keep the modes the archive recorded (0644 from a backup made before uploads were
    # private); the media folder's files are the owner's alone.
    make_tree_private(media)
    previous = media_root.with_name(f".{media_root.name}.before-restore")
    shutil.rmtree(previous, ignore_errors=True)
    swapped = False
    try:
        with transaction.atomic():
            _load_data(fixtures)
            media_root.rename(previous)
            media.rename(media_root)
            swapped = True
    except Exception as error:
        if swapped:
            shutil.rmtree(media_root)
        if previous.exists():
            previous.rename(media_root)
        raise BackupError(
            f"The backup's data could not be loaded ({str(error)[:200]}); nothing was changed."
        ) from error
    shutil.rmtree(previous, ignore_errors=True)


def _load_data(fixtures: list[Path]) -> None:
    """Replace the database's content with the fixtures'; inside the caller's transaction."""
    _settle_pending_checks()
    # The backup brings its own content types and permissions, with their ids.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    ContentType.objects.clear_cache()
    call_command("loaddata", *map(str, fixtures), verbosity=0)
    # Models this version has and the backup's did not get their types now.
    emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)


def _load_into_bucket(fixtures: list[Path], media: Path) -> None:
    """The database in one transaction, then the bucket: every file of the backup under its
    own name, and every object the backup does not have removed. A bucket is not part of the
    transaction, so it is touched only once the database is in; if writing it fails, the
    message says how to finish."""
    try:
        with transaction.atomic():
            _load_data(fixtures)
    except Exception as error:
        raise BackupError(
            f"The backup's data could not be loaded ({str(error)[:200]}); nothing was changed."
        ) from error
    files = (
        {
            path.relative_to(media).as_posix(): path
            for path in sorted(media.rglob("*"))
            if path.is_file() and not path.is_symlink()
        }
        if media.exists()
        else {}
    )
    try:
        for name, path in files.items():
            bucket.put_exactly(default_storage, name, path)
        bucket.delete_all_but(default_storage, set(files))
    except Exception as error:
        raise BackupError(
            f"The database was restored, but the media bucket could not be written "
            f"({str(error)[:200]}). Run the same restore again with --force to finish."
        ) from error
