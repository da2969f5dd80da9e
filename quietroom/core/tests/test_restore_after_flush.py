"""Under two test processes any test may follow a transactional one, whose flush empties
every table: the conftest loads back what the migrations made. It must do so whatever
order the flush's post_migrate numbered the content types in."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, Site

from quietroom.core.tests.database import restore


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migrations_rows_come_back_after_a_flush():
    contents = connection._test_serialized_contents
    call_command("flush", interactive=False, verbosity=0)
    assert not Site.objects.exists()

    restore(connection, contents)

    root = Page.get_first_root_node()
    assert root is not None
    assert Site.objects.filter(is_default_site=True).exists()
    assert Group.objects.filter(name="Moderators").exists()
    # Every page's content type is the one of its class: numbers and names agree.
    for page in Page.objects.all():
        assert ContentType.objects.get_for_id(page.content_type_id).model_class() is not None
