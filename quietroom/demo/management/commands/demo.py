from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from quietroom.demo.build import (
    ADMIN_USERNAME,
    build_demo_site,
    ensure_admin,
    ensure_admin_device,
)
from quietroom.security.twofactor.qr import qr_text
from quietroom.security.twofactor.views import secret_text


class Command(BaseCommand):
    help = "Build the sample practice site (idempotent) and serve it on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Build the site only.")

    def handle(self, *args, port, no_serve, **options):
        self.stdout.write(f"Data directory: {settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        report = build_demo_site(port=port)
        for what in report.created:
            self.stdout.write(f"  created {what}")
        if not report.created:
            self.stdout.write("  the demo site was already built; nothing to add")
        password = ensure_admin()
        if password:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin user “{ADMIN_USERNAME}” created. Password (shown once): {password}"
                )
            )
        else:
            self.stdout.write(f"Admin user “{ADMIN_USERNAME}” already exists; password unchanged.")
        device = ensure_admin_device()
        if device:
            self.stdout.write(
                "Signing in also asks for a code from an authenticator app. Scan this "
                "(shown once), or type the key by hand:\n"
                + qr_text(device.config_url)
                + f"  key: {secret_text(device)}\n  {device.config_url}"
            )
        if no_serve:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Serving on http://127.0.0.1:{port}/ (admin at /admin/). Ctrl-C stops it."
            )
        )
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
