import pytest


@pytest.fixture
def editor(client, django_user_model):
    """A logged-in superuser on the admin."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client
