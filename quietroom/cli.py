"""The `quietroom` command: the project's manage.py, with Quietroom's settings by default."""

import os
import sys

from quietroom.core.datadir import PRIVATE_UMASK, make_ready

# Commands that only print: they leave the folder they run in as it was.
PRINT_ONLY = {"help", "--help", "-h", "version", "--version"}


def main(argv: list[str] | None = None) -> None:
    # Every file a command makes (the database, its WAL, uploads, cached pages, a backup) is
    # the owner's alone, whatever the shell's umask; the static export opens its own up.
    os.umask(PRIVATE_UMASK)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quietroom.settings.dev")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings, which may refuse to start
    except ImproperlyConfigured as error:
        sys.stderr.write(f"quietroom: {error}\n")
        sys.exit(2)
    argv = argv if argv is not None else sys.argv
    if len(argv) > 1 and argv[1] not in PRINT_ONLY:
        make_ready(settings)
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
