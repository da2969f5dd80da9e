"""A full disk during an upload: a clear message, no partial file, no image row; then it works."""

import io
import json
import os

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import sign_in_verified
from quietroom.reliability.storage import WholeFileStorage
from quietroom.reliability.tests.broken import small_disk


def png(width: int, height: int) -> bytes:
    """A PNG of noise, which does not compress: about 3 bytes a pixel."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(buffer, "PNG")
    return buffer.getvalue()


def every_file(root) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def media(settings, tmp_path):
    with small_disk(tmp_path / "media", size="1m") as root:
        settings.MEDIA_ROOT = str(root)
        yield root


@pytest.fixture
def editor(client, django_user_model, home):
    # A superuser can grant the inbox, so proves a second factor.
    sign_in_verified(
        client, django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    )
    return client


def upload(name: str, data: bytes):
    return ContentFile(data, name=name)


def post(client, url, data, **extra):
    """POST as its own transaction, as in production: a failed save must not poison the
    test's transaction (Django marks the enclosing atomic block for rollback)."""
    with transaction.atomic():
        return client.post(url, data, **extra)


def test_a_file_that_does_not_fit_leaves_nothing_behind(media):
    storage = WholeFileStorage(location=media)

    with pytest.raises(OSError, match="No space left"):
        storage.save("original_images/big.png", upload("big.png", png(800, 800)))

    assert every_file(media) == []


def test_files_appear_under_their_name_only_when_whole_and_never_overwrite(tmp_path):
    storage = WholeFileStorage(location=tmp_path)

    first = storage.save("images/a.txt", upload("a.txt", b"first"))
    second = storage.save("images/a.txt", upload("a.txt", b"second"))

    assert first == "images/a.txt"
    assert second != first
    assert second.startswith("images/a")
    assert (tmp_path / first).read_bytes() == b"first"
    assert (tmp_path / second).read_bytes() == b"second"
    assert every_file(tmp_path) == sorted([first, second])


def test_the_multiple_upload_shows_the_disk_full_message_beside_the_file(editor, media):
    response = post(
        editor,
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("big.png", png(800, 800))},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    answer = json.loads(response.content)
    assert answer["success"] is False
    assert "disk is full" in answer["error_message"]
    assert not CustomImage.objects.exists()
    assert every_file(media) == []


def test_the_single_upload_returns_to_its_form_with_the_message(editor, media):
    url = reverse("wagtailimages:add")
    response = post(editor, url, {"title": "Too big", "file": upload("big.png", png(800, 800))})

    assert response.status_code == 302
    assert response["Location"] == url
    page = editor.get(url).content.decode()
    assert "disk is full" in page
    assert not CustomImage.objects.exists()
    assert every_file(media) == []


def test_uploads_work_again_once_there_is_room(editor, media):
    url = reverse("wagtailimages:add_multiple")
    post(editor, url, {"files[]": upload("big.png", png(800, 800))})

    response = post(editor, url, {"files[]": upload("small.png", png(40, 30))})

    assert json.loads(response.content)["success"] is True
    image = CustomImage.objects.get()
    assert (image.width, image.height) == (40, 30)
    assert (media / image.file.name).stat().st_size == image.file_size
