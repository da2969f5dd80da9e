"""Through the real admin: publishing waits while an error stands; drafts and warnings never
wait."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quietroom.blog.models import ArticlePage
from quietroom.checks.models import ChecksSettings
from quietroom.core.tests.factories import make_article, make_image

REFUSED = "was not published yet"


def article_form(image, alt, action="action-publish", text="<p>Rain on the window.</p>"):
    data = nested_form_data(
        {
            "title": "Rainy days",
            "slug": "rainy-days",
            "summary": "Why grey weather can weigh on mood.",
            "content_note": "",
            "hero_image": "",
            "hero_alt": "",
            "hero_caption": "",
            "date": "2026-05-01",
            "tags": "",
            "body": streamfield(
                [
                    ("text", rich_text(text)),
                    ("image", {"image": image.pk, "alt_text": alt, "caption": ""}),
                ]
            ),
        }
    )
    data[action] = "1"
    return data


def add_url(blog):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_publishing_an_image_without_alt_text_is_refused_with_a_plain_message(editor, blog):
    response = editor.post(add_url(blog), article_form(make_image(), ""), follow=True)

    page = ArticlePage.objects.get(slug="rainy-days")
    assert not page.live
    assert REFUSED in messages_of(response)
    assert "has no alt text" in messages_of(response)
    assert "saved as a draft" in messages_of(response)
    assert response.redirect_chain[-1][0] == edit_url(page)
    assert editor.get(page.url).status_code == 404


def test_once_the_alt_text_is_written_the_article_is_published(editor, blog):
    image = make_image()
    editor.post(add_url(blog), article_form(image, ""))
    page = ArticlePage.objects.get(slug="rainy-days")

    response = editor.post(edit_url(page), article_form(image, "Rain running down a window"))

    page.refresh_from_db()
    assert response.status_code == 302
    assert page.live
    assert page.body[1].value["alt_text"] == "Rain running down a window"


def test_republishing_a_live_article_with_a_new_error_keeps_the_live_version(editor, blog):
    image = make_image()
    editor.post(add_url(blog), article_form(image, "Rain running down a window"))
    page = ArticlePage.objects.get(slug="rainy-days")

    response = editor.post(edit_url(page), article_form(image, "  "), follow=True)

    page.refresh_from_db()
    assert REFUSED in messages_of(response)
    assert page.live
    assert page.body[1].value["alt_text"] == "Rain running down a window"
    latest = page.get_latest_revision_as_object()
    assert latest.body[1].value["alt_text"].strip() == ""


def test_a_draft_without_alt_text_can_be_saved(editor, blog):
    response = editor.post(add_url(blog), article_form(make_image(), "", action="action-draft"))

    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="rainy-days").has_unpublished_changes


def test_warnings_never_block_publishing(editor, blog):
    long = "<p>" + "and then we waited " * 10 + "for the rain to stop.</p>"  # 45 words
    form = article_form(make_image(), "Rain on a window", text=long)

    editor.post(add_url(blog), form)

    page = ArticlePage.objects.get(slug="rainy-days")
    assert page.live


def test_a_rule_the_practice_raised_to_an_error_blocks_publishing(editor, blog):
    settings = ChecksSettings.for_site(Site.objects.get(is_default_site=True))
    settings.rule_levels = [("rule", {"rule": "long-sentence", "level": "error"})]
    settings.save()
    long = "<p>" + "and then we waited " * 10 + "for the rain to stop.</p>"

    response = editor.post(
        add_url(blog), article_form(make_image(), "Rain", text=long), follow=True
    )

    assert not ArticlePage.objects.get(slug="rainy-days").live
    assert "45 words" in messages_of(response)


def test_bulk_publishing_waits_for_every_error_to_be_fixed(editor, blog):
    broken = make_article(
        blog,
        title="Broken image",
        body=[
            {"type": "image", "value": {"image": make_image().pk, "alt_text": "", "caption": ""}}
        ],
    )
    broken.unpublish()
    fine = make_article(blog, title="All fine")
    fine.unpublish()
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = urlencode([("id", broken.pk), ("id", fine.pk), ("next", blog.url)])

    response = editor.post(f"{url}?{query}", {"include_descendants": ""}, follow=True)

    broken.refresh_from_db()
    fine.refresh_from_db()
    assert not broken.live
    assert not fine.live
    assert "“Broken image” must be fixed first" in messages_of(response)


def test_bulk_publishing_goes_ahead_when_no_error_stands(editor, blog):
    image = {"image": make_image().pk, "alt_text": "Rain on a window", "caption": ""}
    page = make_article(blog, title="All fine", body=[{"type": "image", "value": image}])
    page.unpublish()
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))

    editor.post(f"{url}?id={page.pk}", {"include_descendants": ""})

    page.refresh_from_db()
    assert page.live
