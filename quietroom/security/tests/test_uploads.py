"""Image uploads through the real admin view: only whole, bounded images; no location (D1, D2)."""

import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.documents.models import Document
from wagtail.images import get_image_model

from quietroom.core.tests.factories import sign_in_verified

ADD = "wagtailimages:add"


def jpeg(width=64, height=48, exif=None) -> bytes:
    buffer = BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", (width, height), (90, 140, 120)).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(side=20_000) -> bytes:
    """A 1-bit black PNG of side by side pixels: ~50 MB of pixels in a few kilobytes."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + side // 8)
    squeezer = zlib.compressobj(9)
    data = b"".join(squeezer.compress(row) for _ in range(side)) + squeezer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def with_gps() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (41.0, 53.0, 30.0)
    return jpeg(exif=exif)


@pytest.fixture
def editor(client, admin_user):
    sign_in_verified(client, admin_user)
    return client


def upload(client, name, content, title="Upload"):
    file = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return client.post(reverse(ADD), {"title": title, "file": file})


def refused(response, message):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_twenty_thousand_pixel_square_png_is_refused(editor):
    refused(upload(editor, "huge.png", huge_png()), "too many pixels")


@pytest.mark.django_db
def test_a_php_file_named_jpg_is_refused(editor):
    refused(
        upload(editor, "shell.jpg", b"<?php system($_GET['c']); ?>\n"), "Please upload a JPEG, PNG"
    )


@pytest.mark.django_db
def test_a_truncated_jpeg_is_refused(editor):
    whole = jpeg(800, 600)
    refused(upload(editor, "cut.jpg", whole[: len(whole) // 2]), "could not be read as a complete")


@pytest.mark.django_db
def test_an_empty_file_is_refused(editor):
    refused(upload(editor, "empty.jpg", b""), "The submitted file is empty")


@pytest.mark.django_db
def test_a_file_over_ten_megabytes_is_refused(editor):
    padded = jpeg() + b"\0" * (10 * 1024 * 1024)
    refused(upload(editor, "big.jpg", padded), "This file is too big")


@pytest.mark.django_db
def test_an_svg_with_a_script_is_refused(editor):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>window.__xss=1</script></svg>'
    refused(upload(editor, "logo.svg", svg), "Please upload a JPEG, PNG")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "../../quietroom/settings.jpg",
        "..\\..\\x.jpg",
        "%2e%2e%2fx.jpg",
        "x.jpg\x00.py",
        "CON.jpg",
        "a" * 300 + ".jpg",
    ],
)
def test_hostile_file_names_are_stored_safely_inside_the_media_folder(editor, settings, name):
    response = upload(editor, name, jpeg())

    images = get_image_model().objects.all()
    if not images:  # refused outright, with a message: also safe
        assert response.status_code == 200
        return
    stored = Path(images.get().file.path).resolve()
    media = Path(settings.MEDIA_ROOT).resolve() / "original_images"
    assert stored.parent == media
    for fragment in ("..", "\\", "\x00"):
        assert fragment not in stored.name
    assert len(stored.name) <= 100


@pytest.mark.django_db
def test_gps_location_is_stripped_from_the_original_and_its_renditions(editor):
    assert ExifTags.IFD.GPSInfo in Image.open(BytesIO(with_gps())).getexif()

    response = upload(editor, "walk.jpg", with_gps())

    assert response.status_code == 302
    image = get_image_model().objects.get()
    with image.open_file() as stored:
        exif = Image.open(stored).getexif()
    assert ExifTags.IFD.GPSInfo not in exif
    assert exif[ExifTags.Base.Make] == "Phone"
    rendition = image.get_rendition("width-32|format-jpeg")
    with rendition.file.open() as small:
        assert ExifTags.IFD.GPSInfo not in Image.open(small).getexif()


@pytest.mark.django_db
def test_the_multiple_upload_view_refuses_a_truncated_jpeg_too(editor):
    whole = jpeg(800, 600)
    file = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2], content_type="image/jpeg")

    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": file})

    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()


def test_pillow_itself_refuses_images_past_the_pixel_limit(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000
    assert Image.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(BytesIO(huge_png())).load()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("x.gif", b"GIF89a<html><script>window.__xss=1</script></html>"),
        ("x.png", b"\x89PNG\r\n\x1a\n<html><script>window.__xss=1</script></html>"),
    ],
)
def test_html_dressed_as_an_image_is_refused(editor, name, content):
    refused(upload(editor, name, content), "Please upload a JPEG, PNG")


@pytest.mark.django_db
def test_a_document_over_ten_megabytes_is_refused(editor):
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))

    response = editor.post(reverse("wagtaildocs:add"), {"title": "Big", "file": big})

    assert response.status_code == 200
    assert "too big" in response.content.decode()
    assert not Document.objects.exists()
