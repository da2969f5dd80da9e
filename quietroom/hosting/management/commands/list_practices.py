from django.core.management.base import BaseCommand

from quietroom.hosting import provision


class Command(BaseCommand):
    help = "List the practices on this deployment."

    def handle(self, *args, **options):
        practices = provision.list_practices()
        for practice in practices:
            owners = ", ".join(practice.owners) or "no owner account"
            self.stdout.write(
                f"{practice.hostname}\t{practice.name}\t{practice.pages} pages\t{owners}"
            )
        self.stdout.write(f"{len(practices)} practices")
