from django.apps import AppConfig


class ReliabilityConfig(AppConfig):
    name = "quietroom.reliability"
    label = "reliability"
    verbose_name = "Reliability"
