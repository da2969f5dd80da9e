from django.core.management.base import BaseCommand

from quietroom.jobs import worker


class Command(BaseCommand):
    help = (
        "Run the background jobs: scheduled publishing, retention, notification emails "
        "(with retries). On one host `quietroom serve` runs one itself."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run what is due and what is queued, then exit."
        )

    def handle(self, *args, once, **options):
        if once:
            ran = worker.run_once()
            self.stdout.write("Periodic jobs run: " + (", ".join(ran) or "none were due"))
            return
        self.stdout.write("Worker running. Ctrl-C stops it.")
        worker.run_forever()
