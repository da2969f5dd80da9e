from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "quietroom.practice"
    label = "practice"
    verbose_name = "Practice"
