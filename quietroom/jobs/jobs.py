"""Wagtail's own periodic work, run by the worker instead of cron."""

from django.core.management import call_command

from quietroom.jobs.periodic import every


@every(60, name="publish-scheduled")
def publish_scheduled() -> None:
    """Publish pages whose go-live time has come and unpublish those that expired."""
    call_command("publish_scheduled", verbosity=0)
