from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "quietroom.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from quietroom.core import database, settingsrows  # models are ready only now

        settingsrows.connect()
        database.connect()
