from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quietroom.importers.load import ImportOptions, import_wxr
from quietroom.importers.wxr import WxrError

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Import a WordPress or Squarespace export (WXR file): posts, pages, images, redirects."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .xml file the old site exported.")
        parser.add_argument(
            "--media-dir", type=Path, help="A copy of the old site's uploads (wp-content/uploads)."
        )
        parser.add_argument(
            "--fetch-remote",
            action="store_true",
            help="Download images not found in --media-dir from the old site.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; change nothing."
        )
        parser.add_argument("--site", help="Hostname of the site to import into (default site).")

    def handle(self, *args, file, media_dir, fetch_remote, dry_run, site, **options):
        progress = self.progress if self.stdout.isatty() else None
        settings = ImportOptions(
            media_dir=media_dir,
            fetch_remote=fetch_remote,
            dry_run=dry_run,
            site_hostname=site,
            progress=progress,
        )
        try:
            report = import_wxr(file, settings)
        except WxrError as error:
            raise CommandError(f"{file}: {error}") from error
        finally:
            if progress:
                self.stdout.write("")
        heading = "Dry run, nothing was saved" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{heading}: {file.name}"))
        for line in report.table():
            self.stdout.write(line)
        if report.warnings:
            self.stdout.write(self.style.WARNING(f"{len(report.warnings)} warnings:"))
            for warning in report.warnings:
                self.stdout.write(f"  - {warning}")

    def progress(self, phase: str, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(f"\r{phase:<10} [{bar}] {100 * done // max(total, 1):3d}%", ending="")
        self.stdout.flush()
