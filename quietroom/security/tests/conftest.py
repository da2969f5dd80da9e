"""Fixtures for the security tests: an inbox reader with an app, and the privilege pack's
section editor with what lies outside their section."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.security.tests.live_site import secure_server, secure_site  # noqa: F401
from quietroom.security.tests.scene import child_collection, editors_group, unowned_objects
from quietroom.security.tests.support import grant_inbox


@pytest.fixture
def reader(django_user_model, home):
    """A user who may read the inbox, so is held to a second factor."""
    user = django_user_model.objects.create_user("reader", password="a long passphrase")
    grant_inbox(user)
    return user


@pytest.fixture
def enrolled(reader):
    """The reader's confirmed authenticator app."""
    return TOTPDevice.objects.create(user=reader, name="phone", confirmed=True)


@pytest.fixture
def unowned(home):
    return unowned_objects(home)


@pytest.fixture
def own_collection(db):
    return child_collection("Editors' images")


@pytest.fixture
def section_editor(client, django_user_model, blog, own_collection):
    """A signed-in section editor; no second factor, as they cannot read or grant the inbox."""
    user = django_user_model.objects.create_user("section-editor", password="a long passphrase")
    user.groups.add(editors_group(blog, own_collection))
    client.force_login(user)
    return user
