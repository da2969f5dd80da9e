from django.core.management.base import BaseCommand

from quietroom.core import generation
from quietroom.serving import pagecache


class Command(BaseCommand):
    help = (
        "Make every cached page and remembered value stale, on every site and host: after "
        "changing the database by hand (a repair, an SQL update) while the site was running."
    )

    def handle(self, *args, **options):
        pagecache.clear()
        generation.bump_every_site()
        self.stdout.write(self.style.SUCCESS("Every site's cached pages will be rendered again."))
