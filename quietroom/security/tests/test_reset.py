"""An administrator takes away a lost authenticator; the user must enrol again."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.core.tests.factories import sign_in_verified


@pytest.fixture
def enrolled_admin(admin_user):
    TOTPDevice.objects.create(user=admin_user, name="old phone", confirmed=True)
    return admin_user


def run(*args) -> str:
    out = StringIO()
    call_command("reset_two_factor", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_dry_run_says_what_would_go_and_keeps_it(enrolled_admin):
    output = run("admin", "--dry-run")

    assert "would remove 1 authenticator device" in output
    assert TOTPDevice.objects.filter(user=enrolled_admin).count() == 1


@pytest.mark.django_db
def test_removing_the_device_ends_verification_and_asks_to_enrol_again(client, enrolled_admin):
    sign_in_verified(client, enrolled_admin)
    assert client.get("/admin/").status_code == 200

    output = run("admin")

    assert "removed 1 authenticator device" in output
    assert not TOTPDevice.objects.filter(user=enrolled_admin).exists()
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


@pytest.mark.django_db
def test_an_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="There is no user called “ghost”"):
        run("ghost")
