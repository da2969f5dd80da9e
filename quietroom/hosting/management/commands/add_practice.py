from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quietroom.hosting import provision


class Command(BaseCommand):
    help = "Add a practice: its site, pages, settings, image collection, groups and owner."

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="The practice's own host name, e.g. willow.example")
        parser.add_argument("--name", required=True, help="The practice's name")
        parser.add_argument("--owner-email", help="Creates the owner's account")
        parser.add_argument("--port", type=int, default=443, help="Default 443 (HTTPS)")

    def handle(self, *args, hostname, name, owner_email, port, **options):
        try:
            added = provision.add_practice(hostname, name, owner_email=owner_email, port=port)
        except provision.PracticeError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(self.style.SUCCESS(f"Added {name} at {added.site.root_url}/"))
        if added.owner_username:
            link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + added.set_password_path
            self.stdout.write(
                f"Owner account: {added.owner_username}. Send them this link to choose a "
                f"password (it works once, and expires):\n  {link}"
            )
