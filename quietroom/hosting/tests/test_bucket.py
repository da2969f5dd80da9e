"""Media in an S3-compatible bucket (QUIETROOM_S3_BUCKET) on a real server: moto's, started
by the `bucket` fixture. Each practice's files under its own prefix, nothing public in the
bucket, no name written twice, readers served from the site's own origin, and nothing of a
removed practice left behind."""

import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.models import Collection

from quietroom.core.models import CustomImage
from quietroom.core.tests.s3_server import client as s3_client
from quietroom.export.archive import MEDIA
from quietroom.export.backup import backup
from quietroom.export.restore import restore
from quietroom.hosting.provision import remove_practice
from quietroom.security.tests.support import spellings


def jpeg(colour=(90, 140, 120)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (900, 600), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def upload(collection, name="river.jpg", data=None) -> CustomImage:
    image = CustomImage(title=name, collection=collection)
    image.file = ImageFile(BytesIO(data or jpeg()), name=name)
    image.save()
    return image


def keys(s3, bucket) -> set[str]:
    listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {entry["Key"] for entry in listed}


def body(s3, bucket, key) -> bytes:
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()


def collection_of(hostname) -> Collection:
    return Collection.objects.get(name__endswith=f"({hostname})")


@pytest.fixture
def s3(s3_endpoint):
    return s3_client(s3_endpoint)


def test_a_practices_uploads_and_renditions_go_to_the_bucket_under_its_own_prefix(
    practices, bucket, s3, settings
):
    willow = collection_of("willow.example")

    image = upload(willow)
    rendition = image.get_rendition("width-400")

    assert image.file.name == f"original_images/{willow.pk}/river.jpg"
    assert rendition.file.name.startswith(f"images/{willow.pk}/")
    assert keys(s3, bucket) == {image.file.name, rendition.file.name}
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing on the host's disk


def test_the_root_collections_files_keep_no_practice_prefix(db, bucket, s3):
    image = upload(Collection.get_first_root_node())
    rendition = image.get_rendition("width-400")

    assert image.file.name == "original_images/river.jpg"
    assert rendition.file.name.count("/") == 1
    assert rendition.file.name.startswith("images/")


def test_no_object_is_granted_to_anyone_but_the_buckets_owner(practices, bucket, s3):
    image = upload(collection_of("willow.example"))
    rendition = image.get_rendition("width-400")

    for key in (image.file.name, rendition.file.name):
        grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
        assert [grant["Grantee"]["Type"] for grant in grants] == ["CanonicalUser"], key
        assert all("URI" not in grant["Grantee"] for grant in grants), key  # no AllUsers


def test_a_second_upload_of_the_same_name_never_overwrites_the_first(practices, bucket, s3):
    willow = collection_of("willow.example")
    first_bytes, second_bytes = jpeg((10, 20, 30)), jpeg((200, 100, 50))

    first = upload(willow, "portrait.jpg", first_bytes)
    second = upload(willow, "portrait.jpg", second_bytes)

    assert first.file.name != second.file.name
    assert body(s3, bucket, first.file.name) == first_bytes
    assert body(s3, bucket, second.file.name) == second_bytes


def test_a_rendition_is_served_from_the_sites_own_origin_with_the_buckets_bytes(
    practices, bucket, s3, client
):
    rendition = upload(collection_of("birch.example")).get_rendition("width-400")

    assert rendition.url.startswith("/media/images/")  # never the bucket's address
    response = client.get(rendition.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == body(s3, bucket, rendition.file.name)
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_originals_documents_and_missing_names_are_never_served_from_the_bucket(
    practices, bucket, s3, client
):
    willow = collection_of("willow.example")
    image = upload(willow)
    document = Document(title="Intake form", collection=willow)
    document.file.save("intake.pdf", ContentFile(b"%PDF-1.4 private"), save=True)
    assert {image.file.name, document.file.name} <= keys(s3, bucket)

    for name in (image.file.name, document.file.name):
        for path in spellings(name):
            assert client.get(path).status_code == 404, path
    assert client.get(f"/media/images/{willow.pk}/not-there.jpg").status_code == 404
    assert client.get("/media/images/../original_images/river.jpg").status_code == 404


def test_removing_a_practice_leaves_none_of_its_objects_and_all_of_the_others(
    practices, bucket, s3, django_capture_on_commit_callbacks
):
    willow_image = upload(collection_of("willow.example"))
    willow_image.get_rendition("width-400")
    birch_image = upload(collection_of("birch.example"))
    birch_rendition = birch_image.get_rendition("width-400")
    birch_keys = {birch_image.file.name, birch_rendition.file.name}
    birch_bytes = {key: body(s3, bucket, key) for key in birch_keys}

    with django_capture_on_commit_callbacks(execute=True):
        remove_practice("willow.example")

    assert keys(s3, bucket) == birch_keys
    assert {key: body(s3, bucket, key) for key in birch_keys} == birch_bytes


def test_a_backup_carries_the_buckets_objects_and_a_restore_puts_back_exactly_those(
    practices, bucket, s3, settings, tmp_path
):
    image = upload(collection_of("willow.example"))
    image.get_rendition("width-400")
    before = {key: body(s3, bucket, key) for key in keys(s3, bucket)}
    archive = tmp_path / "deployment.tar.gz"

    backup(archive)

    with tarfile.open(archive) as opened:
        archived = {
            member.name.removeprefix(f"{MEDIA}/"): opened.extractfile(member).read()
            for member in opened.getmembers()
            if member.isfile() and member.name.startswith(f"{MEDIA}/")
        }
    assert archived == before
    s3.delete_object(Bucket=bucket, Key=image.file.name)  # an object lost
    s3.put_object(Bucket=bucket, Key="images/stray.jpg", Body=b"not in the backup")

    restore(archive, force=True)

    assert {key: body(s3, bucket, key) for key in keys(s3, bucket)} == before
    assert not Path(settings.MEDIA_ROOT).exists()
