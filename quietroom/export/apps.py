from django.apps import AppConfig


class ExportConfig(AppConfig):
    name = "quietroom.export"
    label = "export"
    verbose_name = "Export, backup and restore"
