from django.apps import AppConfig


class HostingConfig(AppConfig):
    name = "quietroom.hosting"
    label = "hosting"
    verbose_name = "Many practices"
