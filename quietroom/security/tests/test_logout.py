"""Signing out is a POST; any other method changes nothing, the session cookie included (11.11).

A GET that deleted the cookie would let any page on the web sign a therapist out with an
`<img src=".../admin/logout/">`.
"""

import pytest
from django.contrib.auth.models import Permission

LOGOUT = "/admin/logout/"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("editor3", password="a long passphrase")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "status"), [("get", 405), ("head", 405), ("put", 405), ("options", 200)]
)
def test_signing_out_by_another_method_keeps_the_session_and_its_cookie(
    client, editor, method, status
):
    response = getattr(client, method)(LOGOUT)

    assert response.status_code == status
    assert "sessionid" not in response.cookies
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_signing_out_by_post_ends_the_session(client, editor):
    response = client.post(LOGOUT)

    assert response.status_code == 302
    assert response.cookies["sessionid"].value == ""
    assert client.get("/admin/").status_code == 302
