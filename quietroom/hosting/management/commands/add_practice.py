from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quietroom.hosting import provision
from quietroom.theme.branding import BrandChange
from quietroom.theme.palette import STYLES


class Command(BaseCommand):
    help = "Add a practice: its site, pages, settings, image collection, groups and owner."

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="The practice's own host name, e.g. willow.example")
        parser.add_argument("--name", required=True, help="The practice's name")
        parser.add_argument("--owner-email", help="Creates the owner's account")
        parser.add_argument("--port", type=int, default=443, help="Default 443 (HTTPS)")
        parser.add_argument(
            "--country",
            default="",
            metavar="CODE",
            help="Two-letter code (US, CA, GB, ...): fills in its crisis notice and services",
        )
        brand = parser.add_argument_group("brand (as `quietroom brand` sets it)")
        brand.add_argument("--logo", type=Path, metavar="FILE", help="A PNG, JPEG or WebP.")
        brand.add_argument("--logo-alt", metavar="TEXT", help="Required with a logo.")
        brand.add_argument("--accent-colour", metavar="HEX", help="For example #2f6656.")
        brand.add_argument("--second-colour", metavar="HEX", help="Tints quiet surfaces.")
        brand.add_argument("--style", choices=list(STYLES))

    def handle(self, *args, hostname, name, owner_email, port, country, **options):
        brand = BrandChange(
            logo=options["logo"],
            logo_alt=options["logo_alt"],
            accent_colour=options["accent_colour"],
            second_colour=options["second_colour"],
            style=options["style"],
        )
        try:
            added = provision.add_practice(
                hostname, name, owner_email=owner_email, port=port, brand=brand, country=country
            )
        except provision.PracticeError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(self.style.SUCCESS(f"Added {name} at {added.site.root_url}/"))
        if added.owner_username:
            link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + added.set_password_path
            self.stdout.write(
                f"Owner account: {added.owner_username}. Send them this link to choose a "
                f"password (it works once, and expires):\n  {link}"
            )
