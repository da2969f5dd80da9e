from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand

from quietroom.serving import generation, server


class Command(BaseCommand):
    help = "Run the production web server (granian) with the page cache."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=None, help="Default: one per core.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, workers, port, host, **options):
        manifest = getattr(staticfiles_storage, "manifest_name", None)
        if manifest and not (settings.STATIC_ROOT / manifest).exists():
            self.stdout.write("Collecting and compressing static files (first run only)…")
            call_command("collectstatic", interactive=False, verbosity=0)
        # Pages cached on disk by an earlier run may come from other code (an upgrade).
        generation.bump()
        granian = server.build(host=host, port=port, workers=workers)
        self.stdout.write(
            self.style.SUCCESS(
                f"Serving on http://{host}:{port}/ with {granian.workers} workers. Ctrl-C stops it."
            )
        )
        granian.serve()
