import pytest

from quietroom.core.tests.factories import sign_in_verified


@pytest.fixture
def editor(client, django_user_model):
    """A logged-in superuser on the admin, second factor proved."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    sign_in_verified(client, user)
    return client
