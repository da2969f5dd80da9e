"""A reader's data request: what the list holds for one address, and its deletion."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from quietroom.subscriptions import addresses
from quietroom.subscriptions.models import Subscriber


class Command(BaseCommand):
    help = "Show what is stored for one subscriber's address, or delete it (--delete)."

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="the practice's host name, as in list_practices")
        parser.add_argument("email", help="the reader's email address")
        parser.add_argument("--delete", action="store_true", help="delete the address")

    def handle(self, *args, hostname, email, delete, **options):
        site = Site.objects.filter(hostname=hostname.lower()).first()
        if site is None:
            raise CommandError(f"No practice with the host name {hostname!r}.")
        subscriber = Subscriber.objects.filter(
            site=site, digest=addresses.digest(site.pk, email)
        ).first()
        if subscriber is None:
            self.stdout.write(f"{hostname} holds nothing for this address.")
            return
        if delete:
            subscriber.delete()
            self.stdout.write(f"Deleted: {hostname} holds nothing for this address any more.")
            return
        state = (
            f"confirmed {subscriber.confirmed_at:%Y-%m-%d %H:%M} UTC"
            if subscriber.confirmed_at
            else "not confirmed (deleted when its link expires)"
        )
        since = f"{subscriber.created_at:%Y-%m-%d %H:%M} UTC"
        self.stdout.write(
            f"{hostname} holds this address, encrypted, since {since}; {state}. "
            "It is used only to send new articles. Delete it with --delete."
        )
