from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "quietroom.stats"
    label = "stats"
    verbose_name = "Reader statistics"
