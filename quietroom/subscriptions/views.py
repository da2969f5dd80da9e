"""`/subscribe/`, and the two links of the emails: confirm, and unsubscribe in one click.

No view here sets a cookie. The sign-up form sits at the foot of cached articles, where a
CSRF token cannot be, so the POST is taken only from this site's own pages (the browser's
Sec-Fetch-Site and Origin say so) and guarded like the contact form: a hidden field, a limit
per connection, and double opt-in, so a form sent from anywhere else can at worst ask one
address once to confirm. Confirming and leaving are POSTs behind a button: mail scanners
open every link in an email, and must not subscribe or unsubscribe anyone by doing so.
"""

from urllib.parse import urlsplit

from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from quietroom.security.clientip import client_ip
from quietroom.subscriptions import links, signup
from quietroom.subscriptions.forms import SubscribeForm
from quietroom.subscriptions.models import Subscriber

# The other way of hearing from the practice, offered to a reader about to leave.
_SWITCH = {
    Subscriber.Frequency.EACH: (Subscriber.Frequency.MONTHLY, "Send me one email a month instead"),
    Subscriber.Frequency.MONTHLY: (Subscriber.Frequency.EACH, "Send me each new article instead"),
}
_NOW_SENDS = {
    Subscriber.Frequency.EACH: "Each new article will come to your inbox as it is published.",
    Subscriber.Frequency.MONTHLY: "Early each month, one email will bring that month’s articles.",
}


def same_origin(request) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    return not origin or urlsplit(origin).netloc == request.get_host()


def private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def form_page(request, form, status=200, sent=False):
    context = {
        "form": form,
        "sent": sent,
        "frequencies": form.fields["frequency"].choices,
        "chosen_frequency": form["frequency"].value() or form.fields["frequency"].initial,
    }
    return private(render(request, "subscriptions/subscribe.html", context, status=status))


def message(request, heading: str, text: str, status=200, **extra):
    # Names of their own: the crisis notice in every page's foot has a `heading` of its own.
    context = {"message_heading": heading, "message_text": text, **extra}
    return private(render(request, "subscriptions/message.html", context, status=status))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe_view(request):
    site = Site.find_for_request(request)
    if site is None:
        return private(render(request, "404.html", status=404))
    if request.method != "POST":
        return form_page(request, SubscribeForm(), sent=request.GET.get("sent") == "1")
    if not same_origin(request):
        return message(
            request,
            "Please subscribe from this site",
            "This form was sent from another website, so nothing was done.",
            status=403,
        )
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return form_page(request, form, status=400)
    if not form.cleaned_data["leave_blank"]:
        try:
            signup.subscribe(
                site, form.cleaned_data["email"], client_ip(request), form.cleaned_data["frequency"]
            )
        except signup.OverLimit:
            return message(
                request,
                "Please wait a little",
                "Several subscriptions came from your connection in the last hour. "
                "Please try again in an hour.",
                status=429,
            )
    return redirect("/subscribe/?sent=1", permanent=False)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_view(request, token):
    subscriber = links.subscriber_for(token, confirming=True)
    if subscriber is None:
        return message(
            request,
            "This link has expired",
            "Confirmation links work for two days. Please subscribe again and use the new link.",
            status=410,
            subscribe_again=True,
        )
    if request.method != "POST":
        return message(
            request,
            "Confirm your subscription",
            "Press the button to start receiving new articles by email.",
            button="Yes, send me new articles",
        )
    signup.confirm(subscriber)
    return message(
        request,
        "You are subscribed",
        "New articles will come to your inbox as you chose. Every email has a link to unsubscribe.",
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request, token):
    subscriber = links.subscriber_for(token, confirming=False)
    if request.method != "POST":
        if subscriber is None:
            return message(
                request, "You are not on the list", "This address gets no emails from us."
            )
        return message(
            request,
            "Unsubscribe",
            "Press the button and your address is deleted from our list.",
            button="Unsubscribe me",
            switch=_SWITCH[subscriber.frequency],
        )
    if "frequency" in request.POST:
        return _switch(request, subscriber, request.POST["frequency"])
    # A mail program's one-click request (RFC 8058) and the button land here alike.
    if subscriber is not None:
        signup.leave(subscriber)
    return message(
        request,
        "You are unsubscribed",
        "Your address has been deleted from our list. You will get no more emails from us.",
        subscribe_again=True,
    )


def _switch(request, subscriber, frequency: str):
    if frequency not in Subscriber.Frequency.values:
        return message(
            request,
            "Nothing was changed",
            "That is not a choice this page offers. Please use the buttons on the page.",
            status=400,
        )
    if subscriber is None:
        return message(request, "You are not on the list", "This address gets no emails from us.")
    signup.change_frequency(subscriber, frequency)
    return message(request, "Your choice is saved", _NOW_SENDS[frequency])
