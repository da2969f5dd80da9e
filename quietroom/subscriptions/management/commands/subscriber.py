"""A reader's data request from the command line: what the list holds for one address, a copy
of it (--json), or its deletion (--delete). Logged like the admin page's, as the command line."""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from quietroom.subscriptions import data_requests

WHO = {"username": "(command line)"}


class Command(BaseCommand):
    help = "Show what is stored for one subscriber's address, export it (--json) or delete it."

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="the practice's host name, as in list_practices")
        parser.add_argument("email", help="the reader's email address")
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--delete", action="store_true", help="delete the address")
        action.add_argument(
            "--json", action="store_true", dest="as_json", help="print what is held as JSON"
        )

    def handle(self, *args, hostname, email, delete, as_json, **options):
        site = Site.objects.filter(hostname=hostname.lower()).first()
        if site is None:
            raise CommandError(f"No practice with the host name {hostname!r}.")
        if delete:
            gone = data_requests.erase(site, email, **WHO)
            self.stdout.write(
                f"Deleted: {hostname} holds nothing for this address any more."
                if gone
                else f"{hostname} holds nothing for this address."
            )
            return
        if as_json:
            self.stdout.write(_as_json(data_requests.export(site, email, **WHO)))
            return
        held = data_requests.look_up(site, email, **WHO)
        if held is None:
            self.stdout.write(f"{hostname} holds nothing for this address.")
            return
        state = (
            f"confirmed {held.confirmed:%Y-%m-%d %H:%M} UTC"
            if held.confirmed
            else "not confirmed (deleted when its link expires)"
        )
        self.stdout.write(
            f"{hostname} holds this address, encrypted, since {held.signed_up:%Y-%m-%d %H:%M} "
            f"UTC; {state}; sends: {held.frequency.lower()}. It is used only to send new "
            "articles. Export it with --json, delete it with --delete."
        )


def _as_json(held: dict | None) -> str:
    return json.dumps({"held": held}, indent=2, ensure_ascii=False)
