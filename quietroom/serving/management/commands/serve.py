from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quietroom.jobs import process
from quietroom.serving import collect, pagecache, server


class Command(BaseCommand):
    help = "Run the production web server (granian) with the page cache."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=None, help="Default: one per core.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not run the background jobs here (another process or host runs "
            "`quietroom worker`).",
        )

    def handle(self, *args, workers, port, host, no_worker, **options):
        if (digest := collect.stale()) and settings.QUIETROOM_STATELESS:
            raise CommandError(
                f"The static files in {settings.STATIC_ROOT} are missing or older than the code. "
                "A stateless host writes nothing: run `quietroom collectstatic --noinput` when "
                "its image is built (QUIETROOM_STATIC_ROOT says where), then start it."
            )
        if digest:
            self.stdout.write("Collecting and compressing static files (their sources changed)…")
            collect.collect(digest)
        # Pages cached by other code (before an upgrade) can never be read again; pages cached
        # by this same code stay valid across a restart, so a rolling restart flushes nothing.
        pagecache.prune_other_epochs()
        granian = server.build(host=host, port=port, workers=workers)
        self.stdout.write(
            self.style.SUCCESS(
                f"Serving on http://{host}:{port}/ with {granian.workers} workers. Ctrl-C stops it."
            )
        )
        if no_worker:
            granian.serve()
            return
        with process.worker_beside():
            granian.serve()
