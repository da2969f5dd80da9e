"""An editor of the demo practice for live tests: made with `quietroom shell`, signed in through
the real sign-in form."""

import re

from quietroom.reliability.tests.live import Server, call, quietroom

EDITOR = ("cache-editor", "a-long-editor-password-1")
MAKE_EDITOR = """
from django.contrib.auth.models import Group, Permission, User
editor = User.objects.create_user({username!r}, password={password!r})
group, _ = Group.objects.get_or_create(name="Settings and publishing")
group.permissions.add(
    Permission.objects.get(codename="access_admin"),
    Permission.objects.get(codename="change_practicesettings"),
)
editor.groups.add(group, Group.objects.get(name="Moderators"))
"""


def shell(env: dict, code: str) -> str:
    return quietroom("shell", "-c", code, env=env).strip()


def make_editor(env: dict) -> None:
    shell(env, MAKE_EDITOR.format(username=EDITOR[0], password=EDITOR[1]))


def cookies_of(reply) -> dict:
    found = {}
    for header in reply.headers.get("set-cookie", "").split(", "):
        name, _, rest = header.partition("=")
        if rest and name.strip():
            found[name.strip()] = rest.split(";")[0]
    return found


def csrf_token(body: bytes) -> str:
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert match, "no CSRF token on the page"
    return match.group(1).decode()


def admin_session(server: Server) -> dict:
    """Sign the editor in through the real sign-in form; the cookies that came back."""
    login = call(server, "GET", "/admin/login/")
    jar = cookies_of(login)
    form = f"csrfmiddlewaretoken={csrf_token(login.body)}&username={EDITOR[0]}&password={EDITOR[1]}"
    signed_in = call(
        server,
        "POST",
        "/admin/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
            "Referer": f"{server.url}/admin/login/",
        },
    )
    assert signed_in.status == 302, signed_in.body[:500]
    jar.update(cookies_of(signed_in))
    assert "sessionid" in jar
    return jar


def cookie_header(jar: dict) -> str:
    return "; ".join(f"{name}={value}" for name, value in jar.items())
