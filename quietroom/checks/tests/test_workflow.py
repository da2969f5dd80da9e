"""Through the real admin: a moderator's approval in the "Editorial checks" task waits, like
publishing, until no error stands, and approves once the error is fixed."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quietroom.blog.models import ArticlePage
from quietroom.checks.workflow import EditorialChecksTask
from quietroom.core.tests.factories import make_draft, make_image, sign_in_verified

NO_ALT = "has no alt text"


@pytest.fixture
def workflow(home):
    task = EditorialChecksTask.objects.create(name="Editorial checks")
    task.groups.add(Group.objects.get(name="Moderators"))
    flow = Workflow.objects.create(name="Review before publishing")
    WorkflowTask.objects.create(workflow=flow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=flow, page=home)
    return flow


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    sign_in_verified(client, user)
    return user


def image_block(image, alt):
    return {"type": "image", "value": {"image": image.pk, "alt_text": alt, "caption": ""}}


def submitted(blog, workflow, user, alt="") -> ArticlePage:
    page = make_draft(blog, "Rainy days", body=[image_block(make_image(), alt)])
    workflow.start(page, user)
    page.refresh_from_db()
    return page


def approve(client, page):
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
    return client.post(url, follow=True)


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_approval_is_refused_while_an_error_stands(client, blog, workflow, moderator):
    page = submitted(blog, workflow, moderator)

    response = approve(client, page)

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state.status == "in_progress"
    assert "Not approved." in messages_of(response)
    assert NO_ALT in messages_of(response)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=(page.pk,))


def test_once_fixed_the_same_approval_publishes(client, blog, workflow, moderator):
    page = submitted(blog, workflow, moderator)
    approve(client, page)
    fixed = page.get_latest_revision_as_object()
    fixed.body = [image_block(make_image(), "Rain running down a window at dusk")]
    fixed.save_revision(user=moderator)

    response = approve(client, page)

    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_task_state is None
    assert "Not approved." not in messages_of(response)


def test_approving_from_the_editor_is_refused_with_the_same_message(
    client, blog, workflow, moderator
):
    page = submitted(blog, workflow, moderator)
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "",
            "content_note": "",
            "hero_image": "",
            "hero_alt": "",
            "hero_caption": "",
            "date": "2026-05-01",
            "tags": "",
            "reviewed_by": "",
            "last_reviewed": "",
            "body": streamfield(
                [
                    ("text", rich_text("<p>Rain on the window.</p>")),
                    ("image", {"image": make_image().pk, "alt_text": "", "caption": ""}),
                ]
            ),
        }
    )
    form["action-workflow-action"] = "1"
    form["workflow-action-name"] = "approve"

    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form, follow=True)

    page.refresh_from_db()
    assert not page.live
    assert "Not approved." in messages_of(response)
    assert NO_ALT in messages_of(response)
    assert "has been updated" not in messages_of(response)


def test_the_task_still_lets_a_moderator_request_changes(client, blog, workflow, moderator):
    page = submitted(blog, workflow, moderator)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", state.pk))

    client.post(url, {"comment": "Please add alt text."})

    state.refresh_from_db()
    assert state.status == "rejected"
