from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "quietroom.core"
    label = "core"
    verbose_name = "Core"
