"""Renditions are remembered per site generation for readers, and an image's changes show."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quietroom.core import generation
from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import make_article, make_image
from quietroom.serving.tests.support import as_reader, default_site_id

SPECS = ("width-480|format-webp", "width-800|format-webp")


@pytest.fixture
def image(db):
    return make_image("Sunlight on a wooden table", description="Sunlight on a wooden table")


def test_renditions_asked_again_come_without_the_database_or_wagtails_cache(home, image):
    # One reader's request, so one pinned generation: whatever another test or process
    # bumps meanwhile, a miss here can only be the memo's.
    with as_reader():
        first = image.get_renditions(*SPECS)
        caches["default"].clear()  # where Wagtail keeps its own copies
        again = CustomImage.objects.get(pk=image.pk)
        with CaptureQueriesContext(connection) as queries:
            second = again.get_renditions(*SPECS)

    assert len(queries) == 0
    assert [r.file.name for r in second.values()] == [r.file.name for r in first.values()]
    assert all(rendition.image is again for rendition in second.values())


def test_a_new_focal_point_gives_new_cropped_renditions(home, image):
    with as_reader():
        before = image.get_renditions("fill-300x300")
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width = image.focal_point_height = 50
    image.save()

    with as_reader():
        after = CustomImage.objects.get(pk=image.pk).get_renditions("fill-300x300")

    assert after["fill-300x300"].focal_point_key != before["fill-300x300"].focal_point_key
    assert after["fill-300x300"].file.name != before["fill-300x300"].file.name


def test_each_use_of_an_image_keeps_its_own_alt_text(home, image):
    with as_reader():
        image.get_rendition("width-480")
        one, other = (CustomImage.objects.get(pk=image.pk) for _ in range(2))
        one.contextual_alt_text = "A table by a window, where sessions begin"
        other.contextual_alt_text = "Morning light"

        assert one.get_rendition("width-480").alt == "A table by a window, where sessions begin"
        assert other.get_rendition("width-480").alt == "Morning light"
        assert image.get_rendition("width-480").alt == "Sunlight on a wooden table"


def test_wagtail_filling_in_an_images_hash_keeps_the_page_cache(blog, image):
    make_article(blog, "With a hero", hero_image=image, hero_alt="A table in the sun")
    before = generation.site(default_site_id())
    image.get_file_hash()  # saved with update_fields, as on a first rendition
    image.save(update_fields=["file_size"])
    assert generation.site(default_site_id()) == before

    image.title = "Sunlight on an oak table"
    image.save()
    assert generation.site(default_site_id()) != before


def test_an_image_no_page_shows_changes_no_sites_cache(home, image):
    before = generation.site(default_site_id())

    image.title = "Renamed in the library"
    image.save()

    assert generation.site(default_site_id()) == before
