"""The media route serves renditions and nothing else, however the path is spelled (issue 11.1).

Documents go only through Wagtail's view, which checks their collection's privacy; original
uploads are never served. What is served is decided on the normalised path.
"""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from quietroom.core.tests.factories import make_image
from quietroom.security.tests.support import spellings

SECRET = b"%PDF-1.4\nDOCUMENT-CANARY-51c2\n%%EOF\n"


@pytest.fixture
def private_document(db):
    """A document in a collection restricted to signed-in users."""
    collection = Collection.get_first_root_node().add_child(name="Clinical forms")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Referral letter", collection=collection)
    document.file.save("referral.pdf", ContentFile(SECRET))
    return document


def test_a_private_document_is_never_served_from_the_media_route(client, private_document):
    for path in spellings(private_document.file.name):
        response = client.get(path)
        assert response.status_code == 404, path
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"DOCUMENT-CANARY" not in content, path


def test_the_private_document_stays_behind_its_sign_in(client, private_document):
    response = client.get(private_document.url)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_original_images_are_never_served_from_the_media_route(client, db):
    image = make_image()
    for path in spellings(image.file.name):
        assert client.get(path).status_code == 404, path


def test_renditions_are_served_and_nothing_around_them(client, db):
    image = make_image()
    rendition = image.get_rendition("width-400")
    folder = rendition.file.name.rsplit("/", 1)[0]

    served = client.get(rendition.url)

    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert client.get(f"/media/{folder}/").status_code == 404
    assert client.get("/media/").status_code == 404
    assert client.get("/media/images/.hidden.part").status_code == 404
    assert client.get("/media/images/%00.jpg").status_code == 404


def test_a_practices_renditions_are_served_from_its_own_folder_and_nothing_deeper(client, db):
    practice = Collection.get_first_root_node().add_child(name="Willow Street (willow.example)")
    image = make_image()
    image.collection = practice
    image.save()
    rendition = image.get_rendition("width-400")
    name = rendition.file.name

    assert name.startswith(f"images/{practice.pk}/")
    assert client.get(rendition.url).status_code == 200
    assert client.get(f"/media/images/{practice.pk}/").status_code == 404
    deeper = f"images/{practice.pk}/deeper/{name.rsplit('/', 1)[1]}"
    (settings.MEDIA_ROOT / deeper).parent.mkdir(parents=True)
    (settings.MEDIA_ROOT / deeper).write_bytes(b"not a rendition")
    assert client.get(f"/media/{deeper}").status_code == 404
    assert client.get(f"/media/images/not-a-practice/{name.rsplit('/', 1)[1]}").status_code == 404


def test_a_symlink_out_of_the_renditions_folder_is_not_followed(client, db, settings, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("outside canary")
    link = settings.MEDIA_ROOT / "images" / "linked.jpg"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)
    try:
        assert client.get("/media/images/linked.jpg").status_code == 404
    finally:
        link.unlink()


def test_a_renditions_name_cannot_be_guessed_from_its_originals(db):
    image = make_image()
    stem = image.file.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    thumbnail = image.get_rendition("max-165x165")
    again = make_image().get_rendition("max-165x165")

    wagtails_name = f"{stem}.max-165x165.jpg"
    assert thumbnail.file.name != f"images/{wagtails_name}"
    assert thumbnail.file.name.startswith("images/")
    assert thumbnail.file.name.endswith(f"-{wagtails_name}")
    token = thumbnail.file.name.removeprefix("images/").removesuffix(f"-{wagtails_name}")
    assert len(token) == 22  # 16 random bytes, URL-safe base64
    assert again.file.name.removeprefix("images/")[:22] != token


def test_the_static_collections_bookkeeping_is_never_a_public_file(settings):
    from quietroom.security.static import is_bookkeeping

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    for url in ("/static/staticfiles.json", "/static/staticfiles.json.br", "/static/.stamp"):
        assert is_bookkeeping(url), url
    assert not is_bookkeeping("/static/wagtailadmin/js/core.js")
