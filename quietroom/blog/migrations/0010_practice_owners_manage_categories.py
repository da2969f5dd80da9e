"""Practices added before categories were each practice's own: their owners' groups (the
"<hostname>: owners" groups add_practice makes, bound to their site) get the rights to add,
change and delete categories that add_practice now gives. Nothing else changes."""

from django.db import migrations

RIGHTS = ("add_blogcategory", "change_blogcategory", "delete_blogcategory")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    InboxGroupSite = apps.get_model("inbox", "InboxGroupSite")
    rights = list(Permission.objects.filter(content_type__app_label="blog", codename__in=RIGHTS))
    if not rights:
        return  # a new database: the rights, and any practice, come after
    bound = InboxGroupSite.objects.values("group")
    for group in Group.objects.filter(pk__in=bound, name__endswith=": owners"):
        group.permissions.add(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0009_categories_unique_per_practice"),
        ("inbox", "0004_site_key_ring"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
