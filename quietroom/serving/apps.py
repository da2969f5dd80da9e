from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "quietroom.serving"
    label = "serving"
    verbose_name = "Serving"

    def ready(self):
        from quietroom.serving import invalidation

        invalidation.connect()
