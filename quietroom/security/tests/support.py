"""Helpers several security tests share: second-factor codes, sign-in pages compared,
media paths spelled many ways, restricted pages and the forms that open them."""

import re
import time

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django_otp.oath import TOTP
from wagtail.models import PageViewRestriction

from quietroom.core.tests.factories import article, publish
from quietroom.inbox import access


def grant_inbox(user):
    group, _ = Group.objects.get_or_create(name="Inbox readers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="inbox", codename=access.READ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    user.groups.add(group)


def code(device, at=None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = at if at is not None else time.time()
    return f"{totp.token():06d}"


def location(response) -> str:
    assert response.status_code == 302, response.status_code
    return response["Location"]


def comparable(response, username) -> str:
    """The page without what differs by design: CSRF tokens and the echoed username."""
    text = response.content.decode().replace(f'value="{username}"', 'value="?"')
    return re.sub(r'(CSRF_TOKEN": "|csrfmiddlewaretoken" value=")[^"]+', r"\1?", text)


def spellings(name: str) -> list[str]:
    """Ways of writing /media/<name> that a path normaliser takes to the same file."""
    folder, _, rest = name.partition("/")
    return [
        f"/media/{name}",
        f"/media//{name}",
        f"/media///{name}",
        f"/media/./{name}",
        f"/media/{folder}/./{rest}",
        f"/media/{folder}//{rest}",
        f"/media/images/../{name}",
        f"/media/original_images/../{name}",
        f"/media/x/../{name}",
    ]


# A restricted page shows this only to those allowed in.
CANARY = "RESTRICTED-CANARY-2e6f"


def restricted(blog, **restriction):
    page = publish(
        blog,
        article("Members only", body=[{"type": "text", "value": f"<p>For some. {CANARY}</p>"}]),
    )
    PageViewRestriction.objects.create(page=page, **restriction)
    return page


def form_of(response, selector="main form"):
    """The action and the hidden fields of the page's own form (the header's search box is
    outside <main>)."""
    form = BeautifulSoup(response.content, "html.parser").select_one(selector)
    hidden = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}
    return form.get("action") or address_of(response), hidden


def address_of(response) -> str:
    """The path and query the response answered (a form without an action posts back there)."""
    query = response.request.get("QUERY_STRING", "")
    return response.request["PATH_INFO"] + (f"?{query}" if query else "")


def fill(client, response, **fields):
    action, hidden = form_of(response)
    return client.post(action, {**hidden, **fields})


def our_search_form(form) -> bool:
    """The header's search box (on every page): a GET to this site's own search."""
    return (form.get("role"), form.get("action"), form.get("method")) == (
        "search",
        "/search/",
        "get",
    )


def our_own_form(form) -> bool:
    """A form the theme itself puts on reader pages: the header's search box, the sign-up
    for new articles at the foot of an article (a POST to this site's /subscribe/), or the
    clinicians index's filter (a GET to the page itself with its three fields alone)."""
    subscribe = (form.get("class"), form.get("action"), form.get("method")) == (
        ["subscribe-form"],
        "/subscribe/",
        "post",
    )
    fields = {tag.get("name") for tag in form.find_all(("input", "select", "textarea"))}
    clinician_filter = (form.get("class"), form.get("action"), form.get("method")) == (
        ["clinician-filter"],
        "",
        "get",
    ) and fields <= {"where", "telehealth", "accepting"}
    return our_search_form(form) or subscribe or clinician_filter
