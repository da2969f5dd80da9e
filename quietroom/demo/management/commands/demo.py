from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from quietroom.demo.build import build_demo_site
from quietroom.demo.guard import refusals
from quietroom.demo.signin import admin_sign_in
from quietroom.jobs import process, worker
from quietroom.serving.warm import warm_site


class Command(BaseCommand):
    help = "Build the sample practice site (idempotent) and serve it on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Build the site only.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Build even into a site the demo did not make, or under production settings.",
        )

    def handle(self, *args, port, no_serve, force, verbosity, **options):
        self.stdout.write(f"Data directory: {settings.DATA_DIR}")
        problems = refusals()
        if problems and not force:
            raise CommandError(
                "The demo was not built; nothing was changed.\n"
                + "\n".join(problems)
                + "\nGive the demo a data directory of its own (QUIETROOM_DATA_DIR), or add "
                "--force to build it here anyway."
            )
        for problem in problems:
            self.stderr.write(f"--force: building anyway. {problem}")
        call_command("migrate", interactive=False, verbosity=0)
        report = build_demo_site(port=port)
        if verbosity > 1:
            for what in report.created:
                self.stdout.write(f"  created {what}")
        if report.created:
            made = len(report.created)
            self.stdout.write(f"Built the sample practice ({made} new items; -v 2 lists them).")
        else:
            self.stdout.write("The demo site was already built; nothing to add.")
        # Every page read once now, so no reader's request makes the image renditions.
        failed = [answer for answer in warm_site(report.site) if answer.status != 200]
        for answer in failed:
            self.stderr.write(f"The demo page {answer.url} answered {answer.status}.")
        # The sample requests' notification emails, before the summary; the periodic jobs are
        # left to the worker beside the server, which finds them due.
        worker.run_queued(batch=True)
        signin = admin_sign_in(settings.DATA_DIR, f"http://127.0.0.1:{port}")
        if signin.enrolment:
            self.stdout.write(
                "\nFor the second factor, scan this with an authenticator app "
                "(shown once; the key is also in the file named below):\n" + signin.enrolment
            )
        elif signin.new_codes:
            self.stdout.write("\nNew recovery codes for the admin are in the file named below.")
        # Last, so that nothing scrolls it away before the server starts.
        for line in signin.summary():
            self.stdout.write(self.style.SUCCESS(line) if line.startswith("Your") else line)
        if no_serve:
            return
        self.stdout.write(f"\nServing on http://127.0.0.1:{port}/. Ctrl-C stops it.")
        # A worker beside the server sends the notification of each request the form takes.
        with process.worker_beside():
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
