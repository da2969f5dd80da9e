from django.core.management.base import BaseCommand, CommandError

from quietroom.hosting import provision


class Command(BaseCommand):
    help = "Remove a practice and everything of it (pages, media, settings, inbox, accounts)."

    def add_arguments(self, parser):
        parser.add_argument("hostname")
        parser.add_argument("--yes", action="store_true", help="Required: this cannot be undone.")

    def handle(self, *args, hostname, yes, **options):
        if not yes:
            raise CommandError(
                f"This deletes {hostname} and everything of it for good; run again with --yes.",
                returncode=2,
            )
        try:
            removed = provision.remove_practice(hostname)
        except provision.PracticeError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {hostname}: {removed.pages} pages, {removed.images} images, "
                f"{removed.documents} documents, {removed.users} accounts."
            )
        )
