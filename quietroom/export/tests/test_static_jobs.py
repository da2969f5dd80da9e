"""The static export with worker processes writes what one process writes.

Apart from test_static.py, whose tests share one demo in a transaction held open: workers
are separate processes and see only committed data."""

import pytest

from quietroom.export.static import export_static
from quietroom.export.tests.crawl import tree

BASE = "https://linden.example"


# Serialized rollback puts the database back as the other transactional tests (the browser
# tests) expect it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_write_the_same_export_as_one(demo_site, tmp_path):
    export_static(tmp_path / "one", base_url=BASE)

    report = export_static(tmp_path / "two", base_url=BASE, jobs=2)

    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    assert report.pages > 20
