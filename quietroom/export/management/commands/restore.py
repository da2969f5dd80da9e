from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quietroom.export.archive import BackupError
from quietroom.export.practice import restore_practice
from quietroom.export.restore import restore


class Command(BaseCommand):
    help = (
        "Replace this site's content and media with a backup made by `quietroom backup`; "
        "with --site, one practice alone, leaving every other practice as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive `quietroom backup` wrote.")
        parser.add_argument(
            "--site", metavar="HOSTNAME", help="Restore this practice from its own backup."
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace a site that already has content."
        )

    def handle(self, *args, file, site, force, **options):
        try:
            if site:
                done = restore_practice(site, file, force=force)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Restored {done.hostname}: {done.pages} pages, {done.rows} rows and "
                        f"{done.media_files} media files from {file}."
                    )
                )
                return
            report = restore(file, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {report.pages} pages, {report.images} images and "
                f"{report.media_files} media files from {file}."
            )
        )
