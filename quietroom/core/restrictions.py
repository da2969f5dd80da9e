"""Which sections of the page tree carry a view restriction, remembered per process."""

from wagtail.models import PageViewRestriction

from quietroom.core import memo


@memo.per_deployment
def restricted_paths() -> tuple[str, ...]:
    """Tree paths of every page with a view restriction, on every site.

    Remembered until the table of sites changes: a restriction added or removed bumps it
    (and the site it is on), which costs other sites nothing but this one small value.
    """
    return tuple(PageViewRestriction.objects.order_by("pk").values_list("page__path", flat=True))


def is_restricted(path: str) -> bool:
    return any(path.startswith(private) for private in restricted_paths())
