from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "quietroom.search"
    label = "quietroom_search"
    verbose_name = "Search"
