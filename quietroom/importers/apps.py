from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "quietroom.importers"
    label = "importers"
    verbose_name = "Importers"
