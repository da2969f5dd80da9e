"""When each periodic job last ran: the row a worker locks to claim the next run."""

from django.db import models


class PeriodicRun(models.Model):
    name = models.CharField(max_length=80, primary_key=True)
    last_started = models.DateTimeField(null=True, blank=True)
    last_finished = models.DateTimeField(null=True, blank=True)
    # The exception's class only: a job's error message may carry what it was working on.
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "periodic job run"

    def __str__(self):
        return self.name
