from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "quietroom.pages"
    label = "pages"
    verbose_name = "Pages"
