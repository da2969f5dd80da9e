"""Categories shared by the whole deployment become each practice's own, on the way up."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Site

from quietroom.blog.models import BlogCategory
from quietroom.core.tests.factories import make_article, make_blog, make_home
from quietroom.practice.models import HomePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("blog", "0006_clinical_review")]
AFTER = [("blog", "0010_practice_owners_manage_categories")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return MigrationExecutor(connection).loader.project_state(target).apps


def test_a_category_used_by_two_practices_becomes_one_for_each():
    first_blog = make_blog(make_home("Willow"))
    other = Page.get_first_root_node().add_child(instance=HomePage(title="Birch", slug="birch"))
    second_site = Site.objects.create(hostname="birch.example", root_page=other)
    second_blog = make_blog(other)
    mine = make_article(first_blog, "Resting")
    theirs = make_article(second_blog, "Sleeping")
    grieving = make_article(second_blog, "Grieving")

    old = migrate(BEFORE)
    Category = old.get_model("blog", "BlogCategory")
    Link = old.get_model("blog", "ArticlePage").categories.through
    shared = Category.objects.create(name="Sleep", slug="sleep", description="On rest.")
    grief = Category.objects.create(name="Grief", slug="grief")
    Category.objects.create(name="Unused", slug="unused")
    for article, category in ((mine, shared), (theirs, shared), (grieving, grief)):
        Link.objects.create(articlepage_id=article.pk, blogcategory_id=category.pk)

    migrate(AFTER)

    default = Site.objects.get(is_default_site=True)
    assert sorted(
        BlogCategory.objects.values_list("site__hostname", "slug", "description")
    ) == sorted(
        [
            (default.hostname, "sleep", "On rest."),
            (default.hostname, "unused", ""),
            ("birch.example", "sleep", "On rest."),
            ("birch.example", "grief", ""),
        ]
    )
    assert [c.site_id for c in mine.categories.all()] == [default.pk]
    assert [c.site_id for c in theirs.categories.all()] == [second_site.pk]
    assert [c.slug for c in theirs.categories.all()] == ["sleep"]
    assert [c.site_id for c in grieving.categories.all()] == [second_site.pk]


def test_owners_of_practices_added_before_get_the_category_rights():
    from django.contrib.auth.models import Group, Permission

    from quietroom.hosting.provision import add_practice

    add_practice("willow.example", "Willow Street Therapy")
    owners = Group.objects.get(name="willow.example: owners")
    editors = Group.objects.get(name="willow.example: editors")
    unbound = Group.objects.create(name="elsewhere: owners")
    rights = Permission.objects.filter(
        content_type__app_label="blog", codename__endswith="_blogcategory"
    ).exclude(codename="view_blogcategory")
    owners.permissions.remove(*rights)  # as add_practice made them before

    migrate([("blog", "0009_categories_unique_per_practice")])
    migrate([("blog", "0010_practice_owners_manage_categories")])

    def codenames(group):
        return set(
            group.permissions.filter(content_type__app_label="blog").values_list(
                "codename", flat=True
            )
        )

    assert codenames(owners) == {"add_blogcategory", "change_blogcategory", "delete_blogcategory"}
    assert codenames(editors) == set()
    assert codenames(unbound) == set()
