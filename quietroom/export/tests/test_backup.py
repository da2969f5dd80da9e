"""Backup and restore: the same site comes back, across databases, or nothing changes."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from quietroom.core import generation
from quietroom.core.models import CustomImage
from quietroom.export.archive import BackupError
from quietroom.export.backup import backup
from quietroom.export.restore import restore
from quietroom.export.static import export_static

BASE = "https://linden.example"


def clear_caches():
    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()


@pytest.fixture
def media(settings, tmp_path):
    """A media folder of this test's own, since restoring replaces the whole folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    clear_caches()
    yield settings.MEDIA_ROOT
    clear_caches()


@pytest.fixture
def demo(media, demo_site):
    return demo_site


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and p.name != ".quietroom-export"
    }


def site_state():
    pages = list(Page.objects.order_by("path").values_list("pk", "title", "url_path", "live"))
    images = list(CustomImage.objects.order_by("pk").values_list("title", "description", "file"))
    return pages, images, files(Path(settings.MEDIA_ROOT))


def run_quietroom(data_dir: Path, *args: str) -> str:
    """The `quietroom` command in a fresh data folder with its own SQLite database; heroes
    without AVIF, as the test settings render them here (AVIF takes twice as long)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "QUIETROOM_DATA_DIR"}}
    env |= {"QUIETROOM_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "quietroom.settings.dev"}
    env |= {"QUIETROOM_HERO_AVIF": "off"}
    script = "import sys; from quietroom.cli import main; main(['quietroom', *sys.argv[1:]])"
    result = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_backup_then_forced_restore_gives_back_the_same_site(demo, tmp_path):
    archive = tmp_path / "site.tar.gz"
    export_static(tmp_path / "before", base_url=BASE)
    before = site_state()
    backup(archive)
    cached_under = generation.site(Site.objects.get(is_default_site=True).pk)

    report = restore(archive, force=True)
    clear_caches()

    now = generation.site(Site.objects.get(is_default_site=True).pk)
    assert now != cached_under, "pages cached before must not be served"
    assert site_state() == before
    assert report.pages == len(before[0])
    export_static(tmp_path / "after", base_url=BASE)
    assert files(tmp_path / "after") == files(tmp_path / "before")


def test_a_backup_made_elsewhere_restores_into_this_empty_site(db, media, tmp_path):
    other = tmp_path / "other"
    run_quietroom(other, "migrate", "-v0")
    run_quietroom(other, "demo", "--no-serve")
    run_quietroom(other, "export_static", str(tmp_path / "there"), "--base-url", BASE)
    run_quietroom(other, "backup", str(tmp_path / "other.tar.gz"))

    restore(tmp_path / "other.tar.gz")
    clear_caches()
    export_static(tmp_path / "here", base_url=BASE)

    assert files(tmp_path / "here") == files(tmp_path / "there")


def test_a_backup_made_here_restores_into_a_new_data_dir(demo, tmp_path):
    export_static(tmp_path / "here", base_url=BASE)
    backup(tmp_path / "here.tar.gz")
    fresh = tmp_path / "fresh"

    run_quietroom(fresh, "migrate", "-v0")
    output = run_quietroom(fresh, "restore", str(tmp_path / "here.tar.gz"))
    run_quietroom(fresh, "export_static", str(tmp_path / "there"), "--base-url", BASE)

    assert "Restored" in output
    assert files(tmp_path / "there") == files(tmp_path / "here")


def test_restore_refuses_a_site_with_content_without_force(demo, tmp_path):
    backup(tmp_path / "site.tar.gz")
    Page.objects.filter(depth=3).first().delete()
    before = site_state()

    with pytest.raises(BackupError, match=r"already has pages or images.*--force"):
        restore(tmp_path / "site.tar.gz")

    assert site_state() == before


def test_the_secrets_folder_is_never_archived(demo, settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    secret = b"inbox-key-9c1d7e0f"
    (settings.DATA_DIR / "secrets").mkdir(parents=True)
    (settings.DATA_DIR / "secrets" / "inbox.key").write_bytes(secret)
    # Even with media pointed at the whole data folder, secrets/ stays out.
    for target in (settings.MEDIA_ROOT, settings.DATA_DIR):
        settings.MEDIA_ROOT = target
        backup(tmp_path / "site.tar.gz")
        with tarfile.open(tmp_path / "site.tar.gz") as archive:
            names = archive.getnames()
            contents = b"".join(
                archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()
            )
        assert not [name for name in names if "secrets" in name]
        assert secret not in contents
    with tarfile.open(tmp_path / "site.tar.gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    assert "back them up apart" in manifest["note"]


def archive_with(path: Path, entries: dict[str, bytes], manifest: dict | None = None) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        items = dict(entries)
        if manifest is not None:
            items = {"manifest.json": json.dumps(manifest).encode(), **items}
        for name, data in items.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def good_manifest(types: bytes, data: bytes, **changes) -> dict:
    def digest(b):
        return {"sha256": hashlib.sha256(b).hexdigest()}

    manifest = {"format": "quietroom-backup", "version": 1, "media": []}
    manifest["data"] = {"types.json": digest(types), "data.json": digest(data)}
    return manifest | changes


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_DATA = json.dumps([{"model": "nowhere.nothing", "pk": 1, "fields": {}}]).encode()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p, good: written(p, good[: len(good) // 2]), "damaged"),
        (lambda p, good: written(p, b"PK\x03\x04 not a tarball"), "not a Quietroom"),
        (lambda p, good: archive_with(p, {"README": b"hello"}), "has no manifest.json"),
        (
            lambda p, good: archive_with(p, {}, {"format": "quietroom-backup", "version": 9}),
            "newer Quietroom",
        ),
        (lambda p, good: archive_with(p, {}, {"format": "something-else"}), "another kind"),
        (lambda p, good: archive_with(p, {"../evil": b"x"}, {}), "unsafe entry"),
        (
            lambda p, good: archive_with(
                p, {"types.json": b"[]", "data.json": b"[]"}, good_manifest(b"[]", b"[1]")
            ),
            "data.json is missing or does not match",
        ),
        (
            lambda p, good: archive_with(
                p,
                {"types.json": BAD_DATA, "data.json": BAD_DATA},
                good_manifest(BAD_DATA, BAD_DATA),
            ),
            "could not be loaded.*nothing was changed",
        ),
    ],
    ids=[
        "truncated",
        "zip",
        "foreign",
        "newer",
        "other-format",
        "unsafe",
        "tampered",
        "unloadable",
    ],
)
def test_a_corrupt_or_foreign_archive_fails_clearly_and_changes_nothing(
    demo, tmp_path, make, message
):
    backup(tmp_path / "good.tar.gz")
    bad = make(tmp_path / "bad.tar.gz", (tmp_path / "good.tar.gz").read_bytes())
    before = site_state()

    with pytest.raises(BackupError, match=message):
        restore(bad, force=True)

    assert site_state() == before
    assert [p.name for p in Path(settings.MEDIA_ROOT).parent.glob(".restore-*")] == []


def test_the_commands_back_up_and_restore(demo, tmp_path):
    out = StringIO()
    call_command("backup", str(tmp_path / "site.tar.gz"), stdout=out)
    assert "back them up separately" in out.getvalue()

    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(tmp_path / "site.tar.gz"))
    call_command("restore", str(tmp_path / "site.tar.gz"), "--force", stdout=out)
    clear_caches()

    assert "Restored" in out.getvalue()
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
