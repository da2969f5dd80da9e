from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from quietroom.inbox import crypto, rotation


class Command(BaseCommand):
    help = (
        "Create a new inbox key and re-seal with it: the deployment's (every practice's key "
        "ring), or with --site one practice's own (its requests and subscribers' addresses)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            metavar="HOSTNAME",
            help="Rotate this practice's own keys only; every other practice's rows stay as "
            "they are.",
        )
        parser.add_argument(
            "--drop-old",
            action="store_true",
            help="After re-encrypting, forget the old keys (back up the new key first).",
        )

    def handle(self, *args, site, drop_old, **options):
        try:
            if site:
                count = rotation.rotate_practice(site, drop_old=drop_old)
            else:
                count = rotation.rotate(drop_old=drop_old)
        except (ImproperlyConfigured, crypto.KeyMismatch, ValueError) as error:
            raise CommandError(str(error)) from error
        whose = f"{site}'s" if site else "every practice's"
        self.stdout.write(
            self.style.SUCCESS(
                f"New key in place; {count} of {whose} sealed value(s) re-encrypted "
                "(consultation requests and subscribers' addresses)."
            )
        )
        if not site:
            self.stdout.write(f"Keys file: {crypto.keys_file()} — back it up somewhere safe.")
