"""The two emails a subscriber gets: the confirmation, and each new article.

Both have a plain-text part and an accessible HTML part. The HTML has no image, no pixel and
no rewritten link: every link goes straight to the practice's own site, so opening the email
tells nobody anything.
"""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from quietroom.practice.models.settings import PracticeSettings
from quietroom.subscriptions import addresses, links
from quietroom.theme.brand import brand


def _message(subscriber, subject: str, template: str, context: dict, headers=None):
    practice = PracticeSettings.for_site(subscriber.site)
    context = {
        "practice_name": practice.name,
        "site_url": links.site_url(subscriber.site),
        # The practice's accent, held to a readable contrast on white as on its pages.
        "accent": brand(subscriber.site_id).accent,
        **context,
    }
    message = EmailMultiAlternatives(
        subject,
        render_to_string(f"subscriptions/{template}.txt", context),
        None,
        [addresses.unseal(subscriber.site_id, subscriber.address)],
        headers=headers or {},
    )
    message.attach_alternative(
        render_to_string(f"subscriptions/{template}.html", context), "text/html"
    )
    return message


def confirmation(subscriber):
    practice = PracticeSettings.for_site(subscriber.site)
    return _message(
        subscriber,
        f"Please confirm: new articles from {practice.name}",
        "confirm_email",
        {"confirm_url": links.confirm_url(subscriber)},
    )


def article(subscriber, page):
    unsubscribe = links.unsubscribe_url(subscriber)
    return _message(
        subscriber,
        page.title,
        "article_email",
        {
            "title": page.title,
            "summary": getattr(page, "summary", ""),
            "url": links.site_url(subscriber.site) + page.relative_url(subscriber.site),
            "unsubscribe_url": unsubscribe,
        },
        # RFC 8058: mail programs show their own "Unsubscribe" and POST to this address.
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def digest(subscriber, month, articles):
    unsubscribe = links.unsubscribe_url(subscriber)
    practice = PracticeSettings.for_site(subscriber.site)
    root = links.site_url(subscriber.site)
    return _message(
        subscriber,
        f"New from {practice.name} in {month:%B %Y}",
        "digest_email",
        {
            "month": month,
            "articles": [
                {
                    "title": page.title,
                    "summary": getattr(page, "summary", ""),
                    "url": root + page.relative_url(subscriber.site),
                }
                for page in articles
            ],
            "unsubscribe_url": unsubscribe,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
