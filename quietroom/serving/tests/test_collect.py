"""`quietroom serve` collects static files again whenever their sources change (an upgrade),
not only on its first run."""

import json

import pytest

from quietroom.serving import collect


@pytest.fixture
def sources(settings, tmp_path):
    """A manifest storage, as production has, over one folder of static sources."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "site.css").write_text("body { color: black }")
    settings.STATICFILES_DIRS = [folder]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    return folder


def collected(settings, name: str) -> str:
    manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())
    return (settings.STATIC_ROOT / manifest["paths"][name]).read_text()


def test_the_first_run_collects_and_the_next_does_not(sources, settings):
    digest = collect.stale()
    assert digest

    collect.collect(digest)

    assert collected(settings, "site.css") == "body { color: black }"
    assert collect.stale() is None


def test_changed_sources_are_collected_again(sources, settings):
    collect.collect(collect.stale())

    (sources / "site.css").write_text("body { color: navy }")
    (sources / "admin.js").write_text("// arrived with the upgrade")
    digest = collect.stale()
    assert digest
    collect.collect(digest)

    assert collected(settings, "site.css") == "body { color: navy }"
    assert collected(settings, "admin.js") == "// arrived with the upgrade"
    assert collect.stale() is None


def test_a_deleted_manifest_is_collected_again(sources, settings):
    collect.collect(collect.stale())
    (settings.STATIC_ROOT / "staticfiles.json").unlink()

    assert collect.stale()


def test_nothing_is_collected_where_files_are_served_from_their_sources(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    assert collect.stale() is None
