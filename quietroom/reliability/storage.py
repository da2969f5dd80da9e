"""File storage where a file appears whole or not at all: a full disk leaves nothing behind."""

import contextlib
import os
import secrets

from django.core.files.storage import FileSystemStorage


class WholeFileStorage(FileSystemStorage):
    """Django's file system storage, writing each file under a hidden name first.

    Only a completely written file is linked to its real name, so a reader (or the web server
    serving media) never sees half an image, and a write that fails part way (ENOSPC, a killed
    process) leaves no file under any name the site knows. The hidden part is always removed.
    """

    def _save(self, name, content):
        directory = os.path.dirname(name)
        part = os.path.join(directory, f".{secrets.token_hex(8)}.part")
        try:
            part = super()._save(part, content)
            return self._publish(part, name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path(part))

    def _publish(self, part: str, name: str) -> str:
        while True:
            try:
                if self._allow_overwrite:
                    os.replace(self.path(part), self.path(name))
                else:
                    os.link(self.path(part), self.path(name))
            except FileExistsError:
                name = self.get_available_name(name)
            else:
                return os.path.relpath(self.path(name), self.location).replace("\\", "/")
