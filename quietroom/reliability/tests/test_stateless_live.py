"""Two stateless hosts (QUIETROOM_STATELESS=1): two `quietroom serve` processes with empty data
dirs of their own, sharing one PostgreSQL, one Redis and one S3-compatible server (moto's),
all started by the fixtures. What one host does, the other serves; neither writes a file."""

import urllib.parse

import pytest
from bs4 import BeautifulSoup

from quietroom.core.tests.factories import valid_request
from quietroom.core.tests.s3_server import KEYS, REGION
from quietroom.core.tests.s3_server import client as s3_client
from quietroom.reliability.tests.editor_session import (
    admin_session,
    cookie_header,
    csrf_token,
    make_editor,
    shell,
)
from quietroom.reliability.tests.live import (
    AUDIT,
    INBOX_KEY,
    Server,
    call,
    create_postgres_database,
    drop_postgres_database,
    environment,
    postgres_url,
    quietroom,
)

pytestmark = pytest.mark.postgres

WILLOW, BIRCH = "willow.example", "birch.example"

# Run on host A (a process in its environment): a draft with a picture in Willow's blog, the
# picture uploaded into Willow's collection.
DRAFT_WITH_A_PICTURE = """
from io import BytesIO
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.models import Collection, Site
from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.core.models import CustomImage

site = Site.objects.get(hostname={willow!r})
buffer = BytesIO()
Image.new("RGB", (1200, 800), (70, 120, 110)).save(buffer, "JPEG")
picture = CustomImage(
    title="River", collection=Collection.objects.get(name__endswith="({willow})")
)
picture.file = ImageFile(buffer, name="river.jpg")
picture.save()
blog = BlogIndexPage.objects.descendant_of(site.root_page).get()
draft = ArticlePage(
    title="Rivers keep moving", slug="rivers", summary="On change.",
    hero_image=picture, hero_alt="A slow river", live=False,
)
blog.add_child(instance=draft)
draft.save_revision()
print(draft.pk, picture.file.name)
"""


@pytest.fixture
def shared_parts(suite_postgres_url, redis_url, s3_endpoint):
    """A database, a flushed Redis and an empty bucket for this test alone."""
    import redis

    database = create_postgres_database(suite_postgres_url)
    redis.Redis.from_url(redis_url).flushdb()
    bucket = f"quietroom-hosts-{database[-8:].lower().replace('_', '-')}"
    s3_client(s3_endpoint).create_bucket(Bucket=bucket)
    try:
        yield {
            "DATABASE_URL": postgres_url(suite_postgres_url, database),
            "REDIS_URL": redis_url,
            "QUIETROOM_S3_BUCKET": bucket,
            "QUIETROOM_S3_ENDPOINT_URL": s3_endpoint,
            "QUIETROOM_S3_REGION": REGION,
            **KEYS,
        }
    finally:
        redis.Redis.from_url(redis_url).flushdb()
        drop_postgres_database(suite_postgres_url, database)


def host(data_dir, parts) -> dict:
    data_dir.mkdir()
    env = environment(data_dir, parts["DATABASE_URL"], **parts)
    env.pop("QUIETROOM_CACHE_DIR")  # the page cache is Redis's
    return {
        **env,
        "QUIETROOM_STATELESS": "1",
        "QUIETROOM_ALLOWED_HOSTS": f"127.0.0.1,{WILLOW},{BIRCH}",
    }


def everything_under(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_two_stateless_hosts_share_pages_images_and_the_inbox_and_write_nothing(
    shared_parts, tmp_path, s3_endpoint
):
    a, b = host(tmp_path / "host-a", shared_parts), host(tmp_path / "host-b", shared_parts)
    logs = tmp_path / "logs"
    logs.mkdir()
    quietroom("migrate", "--no-input", env=a)
    quietroom("add_practice", WILLOW, "--name", "Willow Street Therapy", env=a)
    quietroom("add_practice", BIRCH, "--name", "Birch Lane Counselling", env=b)
    made = shell(a, DRAFT_WITH_A_PICTURE.format(willow=WILLOW))
    article_id, original = made.splitlines()[-1].split()
    make_editor(a)
    willow = {"Host": WILLOW}

    with Server(a, log_dir=logs) as host_a, Server(b, log_dir=logs) as host_b:
        blog_before = call(host_b, "GET", "/articles/", headers=willow)
        # A publish through host A's admin …
        jar = admin_session(host_a)
        publish = f"/admin/bulk/wagtailcore/page/publish/?id={article_id}"
        confirm = call(host_a, "GET", publish, headers={"Cookie": cookie_header(jar)})
        published = call(
            host_a,
            "POST",
            publish,
            body=f"csrfmiddlewaretoken={csrf_token(confirm.body)}",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie_header(jar),
                "Referer": f"{host_a.url}/admin/",
            },
        )
        # … is served at once by host B, with the picture from the bucket.
        blog_after = call(host_b, "GET", "/articles/", headers=willow)
        article = call(host_b, "GET", "/articles/rivers/", headers=willow)
        shown = BeautifulSoup(article.body, "html.parser").select_one("main img")
        picture_url = shown["src"] if shown else ""
        picture = call(host_b, "GET", picture_url)
        birch_home = call(host_b, "GET", "/", headers={"Host": BIRCH})
        # A contact request sent to host B …
        form = call(host_b, "GET", "/contact/", headers=willow)
        page = BeautifulSoup(form.body, "html.parser").find("form", class_="request-form")
        hidden = {
            field["name"]: field.get("value", "")
            for field in page.find_all("input", attrs={"type": "hidden"})
        }
        sent = call(
            host_b,
            "POST",
            "/contact/",
            body=urllib.parse.urlencode({**valid_request(message="Sent to B"), **hidden}),
            headers={
                **willow,
                "Cookie": form.headers["set-cookie"].split(";")[0],
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )

    assert blog_before.status == 200
    assert b"Rivers keep moving" not in blog_before.body
    assert published.status == 302, published.body[:500]
    assert blog_after.status == 200
    assert b"Rivers keep moving" in blog_after.body
    assert article.status == 200
    assert picture_url.startswith("/media/images/")
    assert picture.status == 200, picture_url
    s3 = s3_client(s3_endpoint)
    bucket = shared_parts["QUIETROOM_S3_BUCKET"]
    key = urllib.parse.unquote(picture_url.removeprefix("/media/"))
    assert picture.body == s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    assert s3.head_object(Bucket=bucket, Key=original)["ContentLength"] > 0
    assert birch_home.status == 200
    assert b"Birch Lane Counselling" in birch_home.body
    assert b"Rivers keep moving" not in birch_home.body
    assert sent.status == 302, sent.body[:500]
    # … is read on host A, with the keys every host shares.
    read_on_a = quietroom(
        "shell", "-c", "from quietroom.reliability.tests.live import report; report()", env=a
    )
    assert "Sent to B" in next(line for line in read_on_a.splitlines() if line.startswith(AUDIT))
    assert a["QUIETROOM_INBOX_KEYS"] == b["QUIETROOM_INBOX_KEYS"] == INBOX_KEY
    for data_dir in (tmp_path / "host-a", tmp_path / "host-b"):
        assert everything_under(data_dir) == [], data_dir
