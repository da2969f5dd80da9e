from django.core.management.base import BaseCommand, CommandError

from quietroom.security.twofactor.reset import UnknownUser, remove_devices


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app and recovery codes, so they set up a new app "
        "at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would go; change nothing."
        )

    def handle(self, *args, username, dry_run, **options):
        try:
            removed = remove_devices(username, dry_run=dry_run)
        except UnknownUser as error:
            raise CommandError(str(error)) from error
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(
            self.style.SUCCESS(
                f"{username}: {verb} {removed.devices} authenticator device(s) "
                f"and {removed.recovery_codes} recovery code(s)."
            )
            + ("" if dry_run else " They will set up a new one when they next sign in.")
        )
