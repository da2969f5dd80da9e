"""What the live security tests need in the demo site, written by `quietroom shell` before the
server starts: restricted pages, a private image and document, and a few accounts.

`build()` prints one line, `SCENE {json}`, naming what it made.
"""

import json
import sys
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from quietroom.blog.models import BlogIndexPage
from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import article, publish
from quietroom.demo.build import INBOX_GROUP

MARK = "SCENE "
PASSWORD = "a long passphrase for live tests"
PAGE_PASSWORD = "harbour lights at seven"
PASSWORD_PAGE_CANARY = "PASSWORD-PAGE-CANARY-93d1"
LOGIN_PAGE_CANARY = "LOGIN-PAGE-CANARY-4b7e"
DOCUMENT_CANARY = "DOCUMENT-CANARY-0c55"
# The size Wagtail's admin shows image thumbnails at, and the name it would give one.
THUMBNAIL = "max-165x165"


def restricted_article(blog, title, canary, **restriction):
    page = publish(
        blog,
        article(title, body=[{"type": "text", "value": f"<p>Only for some. {canary}</p>"}]),
    )
    PageViewRestriction.objects.create(page=page, **restriction)
    return page


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Private letters")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def private_image(collection) -> CustomImage:
    buffer = BytesIO()
    PILImage.new("RGB", (640, 480), (90, 90, 120)).save(buffer, "JPEG")
    image = CustomImage(title="Client letter", collection=collection)
    image.file = ImageFile(buffer, name="client-letter.jpg")
    image.save()
    return image


def accounts() -> dict:
    User = get_user_model()
    editor = User.objects.create_user("editor2", "editor2@example.org", PASSWORD)
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    User.objects.create_user("reader1", "reader1@example.org", PASSWORD)
    therapist = User.objects.create_user("therapist2", "therapist2@example.org", PASSWORD)
    therapist.groups.add(Group.objects.get(name=INBOX_GROUP))
    device = TOTPDevice.objects.create(user=therapist, name="phone", confirmed=True)
    return {"totp_key": device.key}


def build() -> None:
    blog = BlogIndexPage.objects.get()
    password_page = restricted_article(
        blog, "Letter to members", PASSWORD_PAGE_CANARY, restriction_type="password",
        password=PAGE_PASSWORD,
    )  # fmt: skip
    login_page = restricted_article(
        blog, "Notes for signed-in readers", LOGIN_PAGE_CANARY, restriction_type="login"
    )
    collection = private_collection()
    image = private_image(collection)
    thumbnail = image.get_rendition(THUMBNAIL)
    document = Document(title="Referral", collection=collection)
    document.file.save("referral.pdf", ContentFile(f"%PDF-1.4\n{DOCUMENT_CANARY}\n".encode()))
    scene = {
        "password_page": password_page.url,
        "login_page": login_page.url,
        "original_image": image.file.name,
        "thumbnail": thumbnail.url,
        "thumbnail_file": thumbnail.file.name,
        "guessable_thumbnail": f"images/client-letter.{THUMBNAIL}.jpg",
        "document_file": document.file.name,
        "document_url": document.url,
        **accounts(),
    }
    sys.stdout.write(MARK + json.dumps(scene) + "\n")
