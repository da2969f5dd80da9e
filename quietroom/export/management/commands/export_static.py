from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quietroom.export.static import ExportError, export_static


class Command(BaseCommand):
    help = "Write the public site as static files (pages, feeds, sitemap, images) into OUTDIR."

    def add_arguments(self, parser):
        parser.add_argument("outdir", type=Path, help="The folder to write (replaced whole).")
        parser.add_argument(
            "--base-url", help="Where the copy will be served, e.g. https://example.org/."
        )
        parser.add_argument(
            "--jobs", type=int, default=1, help="Pages rendered at once (one per core)."
        )
        parser.add_argument(
            "--contact-url",
            default="",
            help="The live site's contact form, linked from the copy's contact page "
            "(default: the copy shows the practice's phone and email instead).",
        )

    def handle(self, *args, outdir, base_url, jobs, contact_url, **options):
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        try:
            report = export_static(outdir, base_url=base_url, jobs=jobs, contact_url=contact_url)
        except ExportError as error:
            raise CommandError(str(error)) from error
        per_page = 1000 * report.seconds / max(report.pages, 1)
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {report.pages} pages and {report.files - report.pages} other files "
                f"({report.bytes / 1024**2:.1f} MB) to {report.outdir} for {report.base_url} "
                f"in {report.seconds:.1f} s ({per_page:.1f} ms a page)."
            )
        )
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"  - {warning}"))
        self.stdout.write(report.how_to_preview())
