from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from quietroom.inbox import crypto, rotation


class Command(BaseCommand):
    help = "Create a new inbox key and re-encrypt every stored request with it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--drop-old",
            action="store_true",
            help="After re-encrypting, forget the old keys (back up the new key first).",
        )

    def handle(self, *args, drop_old, **options):
        try:
            count = rotation.rotate(drop_old=drop_old)
        except (ImproperlyConfigured, crypto.KeyMismatch) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"New key in place; {count} sealed value(s) re-encrypted "
                "(consultation requests and subscribers' addresses)."
            )
        )
        self.stdout.write(f"Keys file: {crypto.keys_file()} — back it up somewhere safe.")
