"""Files over real HTTP from a production-mode `quietroom serve` (issue 11: 1, 8, 11).

Documents only through Wagtail's view, originals never, renditions with every security header
and names nobody can guess, and none of the static files' bookkeeping.
"""

import re

import pytest

from quietroom.reliability.tests.live import ARTICLE
from quietroom.security.tests.live_scene import DOCUMENT_CANARY, PASSWORD
from quietroom.security.tests.support import spellings
from quietroom.security.tests.visitors import Visitor

pytestmark = pytest.mark.sqlite_server


@pytest.fixture
def visitor(secure_server):
    server, _ = secure_server
    return Visitor(server.port, address="203.0.113.40")


def test_a_private_document_is_refused_however_its_path_is_written(visitor, secure_server):
    _, scene = secure_server
    for path in spellings(scene["document_file"]):
        answer = visitor.get(path)
        assert answer.status == 404, path
        assert DOCUMENT_CANARY.encode() not in answer.body, path

    through_wagtail = visitor.get(scene["document_url"])
    assert through_wagtail.status == 302
    assert DOCUMENT_CANARY.encode() not in through_wagtail.body


def test_original_uploads_are_not_served(visitor, secure_server):
    _, scene = secure_server
    for path in spellings(scene["original_image"]):
        assert visitor.get(path).status == 404, path


def test_renditions_carry_every_security_header(visitor):
    page = visitor.get(ARTICLE)
    rendition = re.search(rb"/media/images/[^\"\s,]+", page.body).group(0).decode()

    answer = visitor.get(rendition)

    assert answer.status == 200
    assert answer.headers["content-type"] == "image/jpeg"
    assert answer.headers["strict-transport-security"].startswith("max-age=31536000")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "same-origin"
    assert "camera=()" in answer.headers["permissions-policy"]
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert "immutable" in answer.headers["cache-control"]


def test_a_private_images_thumbnail_has_a_name_nobody_can_guess(visitor, secure_server):
    _, scene = secure_server

    assert scene["thumbnail_file"] != scene["guessable_thumbnail"]
    assert visitor.get("/media/" + scene["guessable_thumbnail"]).status == 404
    assert visitor.get(scene["thumbnail"]).status == 200


def test_the_static_files_manifest_and_stamp_are_not_served(visitor):
    assert visitor.get("/static/wagtailadmin/js/core.js").status in (200, 302)
    for path in ("/static/staticfiles.json", "/static/.quietroom-sources"):
        assert visitor.get(path).status == 404, path


def test_signing_out_takes_a_post_and_nothing_else(secure_server):
    server, _ = secure_server
    editor = Visitor(server.port, address="203.0.113.41")
    signed_in = editor.submit("/admin/login/", {"username": "editor2", "password": PASSWORD})
    assert signed_in.status == 302
    session = editor.cookies["__Host-sessionid"]

    by_get = editor.get("/admin/logout/")

    assert by_get.status == 405
    assert "__Host-sessionid" not in by_get.cookies
    assert editor.get("/admin/").status == 200

    token = editor.cookies["__Host-csrftoken"]
    by_post = editor.post("/admin/logout/", {"csrfmiddlewaretoken": token}, referer="/admin/")

    assert by_post.status == 302
    assert by_post.cookies.get("__Host-sessionid") == ""
    editor.cookies["__Host-sessionid"] = session  # the old cookie opens nothing any more
    assert editor.get("/admin/").status == 302
