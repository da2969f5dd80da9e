"""Fixtures for the importer tests: the old site's uploads and a writer for crafted files."""

from pathlib import Path

import pytest

from quietroom.importers.tests.support import write_image


@pytest.fixture
def uploads(tmp_path):
    """A copy of the old site's uploads, with every file but the harbour picture."""
    folder = tmp_path / "uploads"
    write_image(folder, "2024/05/calm-room.jpg")
    write_image(folder, "2024/05/garden-path.png", "PNG")
    return folder


@pytest.fixture
def write_wxr(tmp_path):
    def write(text: str | bytes, name="export.xml") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    return write
