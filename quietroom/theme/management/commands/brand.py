from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quietroom.theme.branding import BrandChange, BrandError, change_brand, describe, find_site
from quietroom.theme.palette import STYLES


class Command(BaseCommand):
    help = (
        "Show or change a site's brand (logo, colours, style) with the admin's checks; a "
        "refused value exits 2 and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", metavar="HOSTNAME", help="Default: the default site.")
        parser.add_argument("--logo", type=Path, metavar="FILE", help="A PNG, JPEG or WebP.")
        parser.add_argument("--logo-alt", metavar="TEXT", help="Required with a logo.")
        parser.add_argument("--accent-colour", metavar="HEX", help="For example #2f6656.")
        parser.add_argument("--second-colour", metavar="HEX", help="Tints quiet surfaces.")
        parser.add_argument("--style", choices=list(STYLES))
        parser.add_argument("--show", action="store_true", help="Print the brand.")

    def handle(self, *args, site, logo, logo_alt, accent_colour, second_colour, style, show, **o):
        change = BrandChange(logo, logo_alt, accent_colour, second_colour, style)
        try:
            found = find_site(site)
            if change != BrandChange():
                change_brand(found, change)
                self.stdout.write(self.style.SUCCESS(f"Brand of {found.hostname} saved."))
            elif not show:
                show = True
            if show:
                for label, value in describe(found):
                    self.stdout.write(f"{label:>22}: {value}")
        except BrandError as error:
            raise CommandError(str(error), returncode=2) from error
