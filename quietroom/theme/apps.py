from django.apps import AppConfig


class ThemeConfig(AppConfig):
    name = "quietroom.theme"
    label = "theme"
    verbose_name = "Theme"

    def ready(self):
        from wagtail.models import ReferenceIndex

        from quietroom.theme.models import BrandSettings

        # So that an edit of the logo image finds the sites using it (serving/invalidation.py).
        ReferenceIndex.register_model(BrandSettings)
