"""Import options: another site by hostname, and progress reported as the file is read."""

from wagtail.models import Site

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.factories import make_blog, publish
from quietroom.importers.tests.support import PRACTICE, run_import
from quietroom.practice.models import HomePage


def test_posts_go_to_the_blog_of_the_site_named_by_hostname(blog, home, uploads):
    root = home.get_parent()
    other_home = publish(root, HomePage(title="Second practice", slug="second-practice"))
    Site.objects.create(hostname="second.example", port=80, root_page=other_home)
    other_blog = make_blog(other_home, slug="writing")

    run_import(PRACTICE, media_dir=uploads, site_hostname="second.example")

    assert ArticlePage.objects.child_of(other_blog).count() == 6
    assert not ArticlePage.objects.child_of(blog).exists()


def test_progress_is_reported_for_both_passes_up_to_the_whole_file(blog):
    calls = []

    run_import(PRACTICE, progress=lambda phase, done, total: calls.append((phase, done, total)))

    size = PRACTICE.stat().st_size
    assert [phase for phase, _, _ in calls[:1]] == ["reading"]
    assert {phase for phase, _, _ in calls} == {"reading", "importing"}
    assert all(0 < done <= total == size for _, done, total in calls)
    assert calls[-1][0] == "importing"
