"""Each category belongs to one practice (site).

A category used by articles of one practice goes to that practice; one used by several is
copied, one copy per practice, and each practice's articles keep their category through its
own copy; one no article uses goes to the default site. Nothing a reader sees changes.
"""

from django.db import migrations


def site_of(path, roots):
    """The site whose root is the deepest above the page at `path`, or None."""
    found = [(len(root), site_id) for site_id, root in roots if path.startswith(root)]
    return max(found)[1] if found else None


def split_by_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    BlogCategory = apps.get_model("blog", "BlogCategory")
    ArticlePage = apps.get_model("blog", "ArticlePage")
    Link = ArticlePage.categories.through
    roots = list(Site.objects.values_list("pk", "root_page__path"))
    fallback = (
        Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
        or Site.objects.order_by("pk").values_list("pk", flat=True).first()
    )
    paths = dict(ArticlePage.objects.values_list("pk", "path"))
    for category in BlogCategory.objects.order_by("pk"):
        links = list(Link.objects.filter(blogcategory=category))
        by_site = {}
        for link in links:
            site_id = site_of(paths.get(link.articlepage_id, ""), roots)
            by_site.setdefault(site_id, []).append(link)
        used = sorted(site_id for site_id in by_site if site_id is not None)
        owner = used[0] if used else fallback
        if owner is None:
            # No site at all: nothing can show the category, and no practice could own it.
            category.delete()
            continue
        category.site_id = owner
        category.save(update_fields=["site"])
        for site_id in used[1:]:
            copy = BlogCategory.objects.create(
                site_id=site_id,
                name=category.name,
                slug=category.slug,
                description=category.description,
            )
            Link.objects.filter(pk__in=[link.pk for link in by_site[site_id]]).update(
                blogcategory=copy
            )


class Migration(migrations.Migration):
    dependencies = [("blog", "0007_categories_per_practice")]

    operations = [migrations.RunPython(split_by_site, migrations.RunPython.noop)]
