"""Where imported pages go: the site, its blog, its clinicians index, free slugs."""

from wagtail.models import Page, Site

from quietroom.blog.models import BlogIndexPage
from quietroom.importers.wxr import WxrError
from quietroom.practice.models import ClinicianIndexPage

# Slugs the blog's own routes and the static export use, and paths the site's URLconf owns.
RESERVED_UNDER_BLOG = {"feed", "category", "tag", "page"}
RESERVED_UNDER_HOME = {"admin", "documents", "media", "static", "sitemap-xml", "robots-txt"}


def find_site(hostname: str | None) -> Site:
    """The site named by `hostname`, or the default site."""
    if hostname:
        site = Site.objects.filter(hostname__iexact=hostname).order_by("port").first()
        if site is None:
            known = ", ".join(Site.objects.values_list("hostname", flat=True)) or "none"
            raise WxrError(f"There is no site with the hostname {hostname} (sites: {known}).")
        return site
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        raise WxrError("There is no site yet; run `quietroom demo --no-serve` or create one.")
    return site


def publish_new(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def blog_of(home: Page) -> tuple[BlogIndexPage, bool]:
    """The site's first blog, creating one called "Blog" when it has none."""
    blog = BlogIndexPage.objects.descendant_of(home).order_by("path").first()
    if blog:
        return blog, False
    slug = SlugBook().free(home, "blog", RESERVED_UNDER_HOME)
    return publish_new(home, BlogIndexPage(title="Blog", slug=slug, show_in_menus=True)), True


def clinician_index_of(home: Page) -> ClinicianIndexPage:
    index = ClinicianIndexPage.objects.descendant_of(home).order_by("path").first()
    if index:
        return index
    slug = SlugBook().free(home, "clinicians", RESERVED_UNDER_HOME)
    return publish_new(home, ClinicianIndexPage(title="Clinicians", slug=slug))


class SlugBook:
    """Hands out slugs no sibling has, remembering what it handed out in this run."""

    def __init__(self):
        self.taken: dict[int, set[str]] = {}

    def free(self, parent: Page, wanted: str, reserved: set[str] = frozenset()) -> str:
        taken = self.taken.get(parent.pk)
        if taken is None:
            taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
            self.taken[parent.pk] = taken
        slug, number = wanted, 2
        while slug in taken or slug in reserved:
            slug = f"{wanted[:90]}-{number}"
            number += 1
        taken.add(slug)
        return slug
