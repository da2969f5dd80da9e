"""`quietroom worker --once`: due jobs run once even when two workers start together."""

import subprocess

from quietroom.reliability.tests.live import QUIETROOM, quietroom

SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from quietroom.blog.models import ArticlePage
article = ArticlePage.objects.get(slug="grief-has-no-schedule")
article.unpublish()
article.title = "Grief, published by the worker"
revision = article.save_revision()
revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
revision.save()
print("ID", article.pk)
"""
EXPIRE_A_REQUEST = """
from datetime import timedelta
from django.utils import timezone
from quietroom.inbox.models import ConsultationRequest
request = ConsultationRequest.objects.order_by("received_at").first()
request.received_at = timezone.now() - timedelta(days=400)
request.save()
print("EXPIRED", request.pk)
"""
OUTCOME = """
from wagtail.models import PageLogEntry
from quietroom.blog.models import ArticlePage
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest
article = ArticlePage.objects.get(pk={article})
print("LIVE", article.live, article.title)
scheduled = PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled")
print("PUBLISHED", scheduled.count())
print("PURGED", AccessLogEntry.objects.filter(action="purged", request_id="{request}").count())
print("STILL", ConsultationRequest.objects.filter(pk="{request}").exists())
"""


def last_word(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(label)).split()[-1]


def test_two_workers_started_together_publish_a_scheduled_article_and_purge_once(live_site):
    article = last_word(quietroom("shell", "-c", SCHEDULE, env=live_site), "ID")
    request = last_word(quietroom("shell", "-c", EXPIRE_A_REQUEST, env=live_site), "EXPIRED")
    published_before = quietroom(
        "shell", "-c", OUTCOME.format(article=article, request=request), env=live_site
    )

    workers = [
        subprocess.Popen(
            [str(QUIETROOM), "worker", "--once"],
            env=live_site,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [worker.communicate(timeout=180)[0] for worker in workers]
    after = quietroom(
        "shell", "-c", OUTCOME.format(article=article, request=request), env=live_site
    )

    assert all(worker.returncode == 0 for worker in workers), outputs
    assert "LIVE True Grief, published by the worker" in after
    published = int(last_word(after, "PUBLISHED")) - int(last_word(published_before, "PUBLISHED"))
    assert published == 1
    assert last_word(after, "PURGED") == "1"
    assert last_word(after, "STILL") == "False"
    claimed = " ".join(outputs)
    assert claimed.count("publish-scheduled") == 1, outputs
    assert claimed.count("purge-inbox") == 1, outputs
