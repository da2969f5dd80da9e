from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quietroom.inbox import retention


class Command(BaseCommand):
    help = "Delete consultation requests older than the retention period (run daily from cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Retention in days (default {settings.QUIETROOM_INBOX_RETENTION_DAYS}, "
            "from QUIETROOM_INBOX_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        try:
            count = retention.purge(days=days, dry_run=dry_run)
        except ValueError as error:
            raise CommandError(str(error)) from error
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(self.style.SUCCESS(f"{count} expired request(s) {verb}."))
