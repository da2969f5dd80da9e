from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "quietroom.demo"
    label = "demo"
    verbose_name = "Demo"
