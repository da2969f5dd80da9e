"""The second factor guards restricted pages and documents too, not only the admin (11.5).

Someone held to a second factor who has given only their password is treated, outside the
admin, as not signed in: what is restricted to signed-in readers (or to their groups) stays
closed until they enter a code, and the site's sign-in page sends them to enter it.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from quietroom.core.tests.factories import current_code
from quietroom.security.tests.support import CANARY, fill, restricted

PASSWORD = "a long passphrase"  # the `reader` fixture's
VERIFY = "/admin/two-factor/verify/"
DOCUMENT_CANARY = b"DOCUMENT-CANARY-77aa"


@pytest.fixture
def login_page(blog):
    return restricted(blog, restriction_type="login")


@pytest.fixture
def group_page(blog, reader):
    page = restricted(blog, restriction_type="groups")
    page.view_restrictions.get().groups.set(reader.groups.all())
    return page


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Signed-in only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Intake notes", collection=collection)
    document.file.save("intake.pdf", ContentFile(b"%PDF-1.4\n" + DOCUMENT_CANARY))
    return document


def sign_in_with_password(client, next_url):
    """The site's own sign-in form, as a reader sent there by a restricted page uses it."""
    login = client.get(client.get(next_url)["Location"])
    assert login.status_code == 200
    return fill(client, login, username="reader", password=PASSWORD)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("page_fixture", ["login_page", "group_page"])
def test_a_password_alone_opens_no_restricted_page_for_someone_held_to_a_code(
    client, enrolled, page_fixture, request
):
    page = request.getfixturevalue(page_fixture)
    sign_in_with_password(client, page.url)

    refused = client.get(page.url, follow=True)

    assert CANARY not in refused.content.decode()
    assert refused.redirect_chain[-1][0].startswith(f"{VERIFY}?next=")


def test_the_code_then_opens_the_page(client, enrolled, login_page):
    sign_in_with_password(client, login_page.url)
    asked = client.get(login_page.url, follow=True)
    assert asked.redirect_chain[-1][0].startswith(VERIFY)

    verified = fill(client, asked, token=current_code(enrolled))
    assert verified.status_code == 302
    assert verified["Location"] == login_page.url

    assert CANARY in client.get(login_page.url).content.decode()


def test_a_password_alone_opens_no_restricted_document(client, enrolled, private_document):
    sign_in_with_password(client, private_document.url)

    refused = client.get(private_document.url, follow=True)

    assert DOCUMENT_CANARY not in body(refused)
    assert refused.redirect_chain[-1][0].startswith(f"{VERIFY}?next=")

    fill(client, refused, token=current_code(enrolled))
    opened = client.get(private_document.url)
    assert opened.status_code == 200
    assert DOCUMENT_CANARY in body(opened)


def test_someone_not_held_to_a_code_needs_only_their_password(
    client, django_user_model, login_page
):
    django_user_model.objects.create_user("reader", password=PASSWORD)

    sign_in_with_password(client, login_page.url)

    assert CANARY in client.get(login_page.url).content.decode()


def test_a_group_restriction_still_needs_the_group(client, enrolled, blog):
    page = restricted(blog, restriction_type="groups")
    page.view_restrictions.get().groups.set([Group.objects.create(name="Supervisors")])
    sign_in_with_password(client, page.url)
    asked = client.get(page.url, follow=True)
    fill(client, asked, token=current_code(enrolled))

    assert CANARY not in client.get(page.url, follow=True).content.decode()
    assert PageViewRestriction.objects.count() == 1
