from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "quietroom.checks"
    label = "checks"
    verbose_name = "Editorial checks"
