"""Fixtures for the privilege pack: a section editor and what lies outside their section."""

import pytest

from quietroom.security.tests.scene import child_collection, editors_group, unowned_objects


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
