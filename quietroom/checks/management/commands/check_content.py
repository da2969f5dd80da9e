from django.core.management.base import BaseCommand, CommandError

from quietroom.checks.findings import ERROR, WARNING
from quietroom.checks.output import as_json, as_lines, failing
from quietroom.checks.site import UnknownPaths, check_live_pages

# Exit codes: 0 all clear, 1 findings at --fail-on or above, 2 the command was used wrongly.
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Command(BaseCommand):
    help = (
        "Check live pages (or those at the given URL paths) for accessibility, readability, "
        "safety and search problems. Exits with 1 when a page has a finding at the --fail-on "
        "level or a more serious one."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="a URL path: /articles/x/")
        parser.add_argument("--json", action="store_true", dest="json_output", help="print JSON")
        parser.add_argument(
            "--fail-on",
            choices=[ERROR, WARNING],
            default=ERROR,
            help="the least serious level that makes the command fail (default: error)",
        )

    def handle(self, *args, paths: list[str], json_output: bool, fail_on: str, **options):
        try:
            results = check_live_pages(paths)
        except UnknownPaths as error:
            raise CommandError(str(error), returncode=EXIT_USAGE) from error
        if json_output:
            self.stdout.write(as_json(results, fail_on))
        else:
            styles = {ERROR: self.style.ERROR, WARNING: self.style.WARNING}
            for level, line in as_lines(results):
                self.stdout.write(styles.get(level, str)(line))
        failed = failing(results, fail_on)
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(results)} pages have a finding at level “{fail_on}” "
                "or a more serious one.",
                returncode=EXIT_FINDINGS,
            )
