"""Work the worker does for the page cache, after the change that called for it committed."""

from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import Page

from quietroom.serving.warm import warm_after_change, warm_pages_showing


@task()
def warm_changed_page(page_id: int) -> int:
    """Read the pages a publish or unpublish of the page `page_id` changed; how many."""
    page = Page.objects.filter(pk=page_id).first()
    return 0 if page is None else len(warm_after_change(page))


def page_changed(sender, instance, **kwargs) -> None:
    # After the commit: the worker must read the published page, not the one before it.
    page_id = instance.pk
    transaction.on_commit(lambda: warm_changed_page.enqueue(page_id))


@task()
def warm_pages_showing_image(image_id: int) -> int:
    """Read the pages that show the image `image_id` after it changed; how many."""
    image = get_image_model().objects.filter(pk=image_id).first()
    return 0 if image is None else len(warm_pages_showing(image))


def image_changed(image_id: int) -> None:
    transaction.on_commit(lambda: warm_pages_showing_image.enqueue(image_id))
