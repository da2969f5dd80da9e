from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "quietroom.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from quietroom.core import database, settingsrows, sites  # models are ready only now

        settingsrows.connect()
        sites.connect()
        database.connect()
