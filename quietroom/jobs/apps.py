from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class JobsConfig(AppConfig):
    name = "quietroom.jobs"
    label = "jobs"
    verbose_name = "Background jobs"

    def ready(self):
        # Each app declares its periodic jobs in its own `jobs.py` (the inbox its retention,
        # and so on); they register themselves with `periodic.every` when imported.
        autodiscover_modules("jobs")
