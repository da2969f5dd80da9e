from django.apps import AppConfig


class ThemeConfig(AppConfig):
    name = "quietroom.theme"
    label = "theme"
    verbose_name = "Theme"
