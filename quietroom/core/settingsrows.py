"""Every site has its settings rows from the moment it exists.

Wagtail creates a site's settings row on first read, so a reader's first view of a new site
would write to the database (and, here, start a new cache generation). Rows are made instead
when the site is saved, and after every migration for sites that predate a settings model.
"""

from django.apps import apps
from django.db.models.signals import post_migrate, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site


def site_setting_models() -> list:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting) and not model._meta.abstract
    ]


def ensure_rows(sites=None) -> int:
    """Create the missing settings rows of `sites` (default: every site); how many."""
    created = 0
    for site in sites if sites is not None else Site.objects.all():
        for model in site_setting_models():
            created += model.objects.get_or_create(site=site)[1]
    return created


def site_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    if created and not raw:  # a fixture being loaded brings its own rows
        ensure_rows([instance])


def migrated(sender, using="default", **kwargs) -> None:
    if sender.label == "core":  # once per migrate, whatever the number of apps
        ensure_rows()


def connect() -> None:
    post_save.connect(site_saved, sender=Site, dispatch_uid="quietroom-site-settings-rows")
    post_migrate.connect(migrated, dispatch_uid="quietroom-settings-rows-after-migrate")
