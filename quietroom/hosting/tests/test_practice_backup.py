"""One practice's backup and restore (issue 14.2): `backup --site` carries that practice alone,
and `restore --site` gives it back as it was while every other practice stays byte-identical —
its rows as serialised, its media files and its exported pages."""

import hashlib
import json
import tarfile
from io import BytesIO

import pytest
from django.core import serializers
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage
from wagtail.models import Collection, Site

from quietroom.blog.models import BlogCategory, BlogIndexPage
from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import make_article
from quietroom.export.archive import DATA, MEDIA
from quietroom.export.backup import backup
from quietroom.export.practice import practice_rows
from quietroom.export.static import export_static
from quietroom.hosting.provision import remove_practice
from quietroom.inbox import keyring
from quietroom.inbox.models import ConsultationRequest
from quietroom.inbox.store import store_request
from quietroom.subscriptions import signup

# Committed for real: a restore writes its media after Wagtail removes files at commit.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WILLOW, BIRCH = "willow.example", "birch.example"


def picture(collection, colour) -> CustomImage:
    buffer = BytesIO()
    PILImage.new("RGB", (800, 500), colour).save(buffer, "JPEG")
    image = CustomImage(title="Picture", description="A calm room", collection=collection)
    image.file = ImageFile(buffer, name="room.jpg")
    image.save()
    return image


@pytest.fixture
def furnished(practices, inbox_keys, settings, tmp_path):
    """Both practices with an article (picture, category, tag), a request and a subscriber."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ALLOWED_HOSTS = ["*"]
    for added, colour in zip(practices, ((40, 90, 80), (150, 80, 40)), strict=True):
        site = added.site
        collection = Collection.objects.get(name__endswith=f"({site.hostname})")
        image = picture(collection, colour)
        blog = BlogIndexPage.objects.descendant_of(added.home).get()
        article = make_article(
            blog, f"Resting at {site.hostname}", hero_image=image, hero_alt="A calm room"
        )
        # The same name and address in both: each practice keeps its own.
        article.categories.add(BlogCategory.objects.create(site=site, name="Sleep", slug="sleep"))
        article.tags.add("rest")
        article.save_revision().publish()
        image.get_rendition("width-400")
        store_request({"name": "Ana", "message": f"Writing to {site.hostname}"}, site)
        signup.subscribe(site, f"reader@{site.hostname}", "127.0.0.1")
    return practices


def snapshot(hostname) -> tuple[str, dict]:
    """The practice's rows as serialised JSON, and each of its media files' digest."""
    site = Site.objects.get(hostname=hostname)
    rows = [row for queryset in practice_rows(site) for row in queryset]
    files = {}
    for row in rows:
        name = getattr(getattr(row, "file", None), "name", "")
        if name and default_storage.exists(name):
            with default_storage.open(name) as handle:
                files[name] = hashlib.sha256(handle.read()).hexdigest()
    return serializers.serialize("json", rows, indent=1), files


def exported(hostname, folder) -> dict:
    export_static(folder, base_url=f"https://{hostname}", site=Site.objects.get(hostname=hostname))
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file() and path.name != ".quietroom-export"
    }


def test_a_practices_backup_carries_that_practice_alone(furnished, tmp_path):
    archive = tmp_path / "willow.tar.gz"

    call_command("backup", str(archive), "--site", WILLOW, verbosity=0)

    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
        data = opened.extractfile(DATA).read().decode()
        media = [m.name for m in opened.getmembers() if m.isfile() and m.name.startswith(MEDIA)]
    willow = Site.objects.get(hostname=WILLOW)
    birch = Site.objects.get(hostname=BIRCH)
    willow_folder = Collection.objects.get(name__endswith=f"({WILLOW})").pk
    assert manifest["practice"] == WILLOW
    assert media
    assert all(name.split("/")[2] == str(willow_folder) for name in media), media
    assert "Resting at willow.example" in data
    assert "Resting at birch.example" not in data
    for request in ConsultationRequest.objects.filter(site=birch):
        assert request.ciphertext not in data
    assert ConsultationRequest.objects.get(site=willow).ciphertext in data
    assert BIRCH not in data


def test_restoring_a_practice_gives_it_back_and_leaves_the_other_byte_identical(
    furnished, tmp_path
):
    archive = tmp_path / "willow.tar.gz"
    call_command("backup", str(archive), "--site", WILLOW, verbosity=0)
    willow_then = snapshot(WILLOW)
    birch_pages = exported(BIRCH, tmp_path / "birch-before")  # (its first read makes renditions)
    birch_rows, birch_files = snapshot(BIRCH)
    # Willow changes after its backup: a new article, a new request, its picture gone.
    willow = Site.objects.get(hostname=WILLOW)
    blog = BlogIndexPage.objects.descendant_of(willow.root_page).get()
    make_article(blog, "Written after the backup")
    store_request({"name": "Bo", "message": "After the backup"}, willow)
    CustomImage.objects.filter(collection__name__endswith=f"({WILLOW})").delete()
    assert snapshot(WILLOW) != willow_then

    call_command("restore", str(archive), "--site", WILLOW, "--force", verbosity=0)

    assert snapshot(WILLOW) == willow_then
    assert snapshot(BIRCH) == (birch_rows, birch_files)
    assert exported(BIRCH, tmp_path / "birch-after") == birch_pages
    willow = Site.objects.get(hostname=WILLOW)
    request = ConsultationRequest.objects.get(site=willow)
    assert (
        keyring.open_sealed(willow.pk, request.ciphertext)["message"] == "Writing to willow.example"
    )
    exported(WILLOW, tmp_path / "willow-after")
    pages = [path.read_text() for path in (tmp_path / "willow-after").rglob("*.html")]
    assert any("Resting at willow.example" in page for page in pages)
    assert not any("Written after the backup" in page for page in pages)


def test_a_removed_practice_comes_back_from_its_backup(furnished, tmp_path):
    archive = tmp_path / "willow.tar.gz"
    call_command("backup", str(archive), "--site", WILLOW, verbosity=0)
    willow_then = snapshot(WILLOW)
    birch_then = snapshot(BIRCH)
    remove_practice(WILLOW)

    call_command("restore", str(archive), "--site", WILLOW, verbosity=0)

    assert snapshot(WILLOW) == willow_then
    assert snapshot(BIRCH) == birch_then


def test_restore_site_refuses_what_it_must_and_changes_nothing(furnished, tmp_path):
    practice_archive, whole = tmp_path / "willow.tar.gz", tmp_path / "all.tar.gz"
    call_command("backup", str(practice_archive), "--site", WILLOW, verbosity=0)
    backup(whole)
    before = snapshot(WILLOW), snapshot(BIRCH)

    refusals = [
        (["restore", str(practice_archive), "--site", WILLOW], "exists"),
        (["restore", str(practice_archive), "--site", BIRCH, "--force"], "not of birch"),
        (["restore", str(whole), "--site", WILLOW, "--force"], "whole deployment"),
        (["restore", str(practice_archive), "--force"], "one practice"),
        (["backup", str(tmp_path / "x.tar.gz"), "--site", "cedar.example"], "No practice"),
    ]
    for arguments, message in refusals:
        with pytest.raises(CommandError, match=message):
            call_command(*arguments, verbosity=0)

    assert (snapshot(WILLOW), snapshot(BIRCH)) == before


def test_a_practices_restore_puts_back_its_objects_in_the_bucket_and_no_others(
    practices, inbox_keys, bucket, s3_endpoint, settings, tmp_path
):
    from quietroom.core.tests.s3_server import client

    s3 = client(s3_endpoint)

    def objects() -> dict:
        listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
        return {e["Key"]: s3.get_object(Bucket=bucket, Key=e["Key"])["Body"].read() for e in listed}

    for added, colour in zip(practices, ((40, 90, 80), (150, 80, 40)), strict=True):
        collection = Collection.objects.get(name__endswith=f"({added.site.hostname})")
        picture(collection, colour).get_rendition("width-400")
    before = objects()
    willow = CustomImage.objects.get(collection__name__endswith=f"({WILLOW})")
    willows = {willow.file.name, *(rendition.file.name for rendition in willow.renditions.all())}
    assert len(before) == 4
    archive = tmp_path / "willow.tar.gz"
    call_command("backup", str(archive), "--site", WILLOW, verbosity=0)
    with tarfile.open(archive) as opened:
        archived = {
            member.name.removeprefix(f"{MEDIA}/")
            for member in opened.getmembers()
            if member.isfile() and member.name.startswith(f"{MEDIA}/")
        }
    assert archived == willows
    s3.delete_object(Bucket=bucket, Key=willow.file.name)  # an original lost

    call_command("restore", str(archive), "--site", WILLOW, "--force", verbosity=0)

    assert objects() == before
    assert not (tmp_path / "media-unused").exists()
