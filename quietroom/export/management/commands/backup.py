from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quietroom.export.archive import BackupError
from quietroom.export.backup import backup
from quietroom.export.practice import backup_practice


class Command(BaseCommand):
    help = (
        "Write the site's content and media to one archive (keys in secrets/ are not in it); "
        "with --site, one practice of many."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive to write, e.g. site.tar.gz.")
        parser.add_argument(
            "--site", metavar="HOSTNAME", help="Back up this practice alone, not the deployment."
        )

    def handle(self, *args, file, site, **options):
        try:
            if site:
                done = backup_practice(site, file)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Backed up {done.hostname}: {done.pages} pages, {done.rows} rows and "
                        f"{done.media_files} media files to {Path(file).resolve()}."
                    )
                )
                return
            report = backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {report.pages} pages, {report.images} images and "
                f"{report.media_files} media files to {report.file} "
                f"({report.bytes / 1024**2:.1f} MB)."
            )
        )
        self.stdout.write(
            "The keys in the data folder's secrets/ are not in the archive: "
            "back them up separately, and keep them apart from it."
        )
