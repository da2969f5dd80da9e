"""C5: downloading images refuses private addresses, other schemes, floods and fakes.

Only loopback servers are used: one on 127.0.0.1 stands for a place the importer must
never reach; one on 127.0.0.2 is the "old site", reachable only through the test-only
address allowance that proves a download can succeed.
"""

import ipaddress
import socket
import struct
import zlib

import pytest

from quietroom.core.models import CustomImage
from quietroom.importers.fetch import FetchError, FetchPolicy, fetch, is_public_address, resolve
from quietroom.importers.files import ImageFileError, check_image
from quietroom.importers.tests.servers import (
    drip,
    endless_chunks,
    redirect_to,
    send,
    serving,
)
from quietroom.importers.tests.support import image_bytes, post, run_import, wxr

OLD_SITE = ipaddress.ip_address("127.0.0.2")
TEST_ONLY = FetchPolicy(
    max_bytes=1024 * 1024, deadline=3.0, address_allowed=lambda address: address == OLD_SITE
)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
     "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"],
)  # fmt: skip
def test_private_loopback_and_link_local_addresses_are_not_public(address):
    assert not is_public_address(ipaddress.ip_address(address))


def test_public_addresses_are_allowed():
    assert is_public_address(ipaddress.ip_address("93.184.216.34"))
    assert is_public_address(ipaddress.ip_address("2606:4700::6810:85e5"))


def test_a_hostname_resolving_to_a_private_address_is_refused(monkeypatch):
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answers)

    with pytest.raises(FetchError, match=r"10\.1\.2\.3, a private"):
        resolve("intranet.oldpractice.example", 80, FetchPolicy())


@pytest.fixture
def forbidden():
    """A server on 127.0.0.1 that must never receive a request."""
    with serving("127.0.0.1", {"/image.jpg": send(image_bytes(), "image/jpeg")}) as served:
        yield served


@pytest.mark.parametrize(
    "url",
    ["http://[::1]:8000/", "http://0.0.0.0/", "http://2130706433/", "http://0x7f.1/",
     "http://localhost/image.jpg", "http://127.1/"],
)  # fmt: skip
def test_loopback_addresses_in_any_spelling_are_refused(url):
    with pytest.raises(FetchError, match="refused"):
        fetch(url)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://127.0.0.1/x.jpg"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url)


def test_the_loopback_server_is_never_contacted(forbidden):
    base, requests = forbidden

    with pytest.raises(FetchError, match=r"127\.0\.0\.1, a private, loopback"):
        fetch(f"{base}/image.jpg")

    assert requests == []


def test_a_redirect_to_loopback_is_checked_again_and_refused(forbidden):
    target, forbidden_requests = forbidden
    routes = {"/redirect": redirect_to(f"{target}/image.jpg")}
    with (
        serving("127.0.0.2", routes) as (old_site, requests),
        pytest.raises(FetchError, match=r"127\.0\.0\.1, a private, loopback"),
    ):
        fetch(f"{old_site}/redirect", TEST_ONLY)
    assert requests == ["/redirect"]
    assert forbidden_requests == []


def test_an_endless_stream_is_cut_at_the_size_limit():
    with (
        serving("127.0.0.2", {"/endless.jpg": endless_chunks}) as (old_site, _),
        pytest.raises(FetchError, match="larger than the 1 MB limit"),
    ):
        fetch(f"{old_site}/endless.jpg", TEST_ONLY)


def test_a_huge_declared_length_is_refused_before_reading():
    huge = send(b"", "image/jpeg", headers={"Content-Length": "5000000000"})
    with (
        serving("127.0.0.2", {"/huge.jpg": huge}) as (old_site, _),
        pytest.raises(FetchError, match="larger than the 1 MB limit"),
    ):
        fetch(f"{old_site}/huge.jpg", TEST_ONLY)


def test_a_slow_drip_hits_the_total_deadline():
    with (
        serving("127.0.0.2", {"/slow.jpg": drip}) as (old_site, _),
        pytest.raises(FetchError, match=r"took longer than 3 s|timed out"),
    ):
        fetch(f"{old_site}/slow.jpg", TEST_ONLY)


def test_a_page_that_is_not_an_image_type_is_refused():
    with (
        serving("127.0.0.2", {"/page": send(b"<html></html>", "text/html")}) as (old_site, _),
        pytest.raises(FetchError, match="text/html, not an image"),
    ):
        fetch(f"{old_site}/page", TEST_ONLY)


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG declaring a huge size: the pixel-flood shape."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_content_decides_whether_bytes_are_an_image():
    assert check_image(image_bytes("JPEG")) == "jpg"
    assert check_image(image_bytes("PNG")) == "png"
    with pytest.raises(ImageFileError, match="not an image"):
        check_image(b"<html><script>alert(1)</script></html>")
    with pytest.raises(ImageFileError, match=r"too many pixels|too large"):
        check_image(png_header_only(30000, 30000))


def test_the_import_downloads_from_the_old_site_only_with_fetch_remote(blog, write_wxr):
    routes = {"/uploads/calm.jpg": send(image_bytes(), "image/jpeg")}
    with serving("127.0.0.2", routes) as (old_site, requests):
        path = write_wxr(
            wxr(post(1, "With a picture", f'<img src="{old_site}/uploads/calm.jpg" alt="Calm">'))
        )
        without = run_import(path, fetch_policy=TEST_ONLY, dry_run=True)
        assert requests == []
        assert without.total("images", "created") == 0

        report = run_import(path, fetch_remote=True, fetch_policy=TEST_ONLY)

    assert requests == ["/uploads/calm.jpg"]
    assert report.total("images", "created") == 1
    image = CustomImage.objects.get()
    assert image.width == 640
    assert image.file.name.endswith("calm.jpg")


def test_refusals_are_reported_and_nothing_is_stored(blog, write_wxr, forbidden):
    target, forbidden_requests = forbidden
    fake = send(b"<html>not an image</html>", "image/jpeg")
    flood = send(png_header_only(30000, 30000), "image/png")
    sneaky = send(image_bytes(), "image/jpeg")
    routes = {"/fake.jpg": fake, "/flood.png": flood, "/..%2F..%2Fsettings.py": sneaky}
    with serving("127.0.0.2", routes) as (old_site, _):
        content = "".join(
            f'<p><img src="{url}" alt="x"></p>'
            for url in (
                f"{target}/image.jpg",
                "file:///etc/passwd",
                f"{old_site}/fake.jpg",
                f"{old_site}/flood.png",
                f"{old_site}/..%2F..%2Fsettings.py",
            )
        )
        report = run_import(
            write_wxr(wxr(post(1, "Hostile images", content))),
            fetch_remote=True,
            fetch_policy=TEST_ONLY,
        )

    text = "\n".join(report.warnings)
    assert "127.0.0.1, a private, loopback or link-local address; refused" in text
    assert "an image without a usable address was left out" in text
    assert "fake.jpg: the file is not an image" in text
    assert "flood.png: the image has too many pixels" in text or "too large" in text
    assert forbidden_requests == []
    names = list(CustomImage.objects.values_list("file", flat=True))
    assert len(names) == 1
    assert ".." not in names[0]
    assert names[0].endswith("settings.jpg")
