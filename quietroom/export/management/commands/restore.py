from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quietroom.export.archive import BackupError
from quietroom.export.restore import restore


class Command(BaseCommand):
    help = "Replace this site's content and media with a backup made by `quietroom backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive `quietroom backup` wrote.")
        parser.add_argument(
            "--force", action="store_true", help="Replace a site that already has content."
        )

    def handle(self, *args, file, force, **options):
        try:
            report = restore(file, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {report.pages} pages, {report.images} images and "
                f"{report.media_files} media files from {file}."
            )
        )
