"""What the website itself does, stated from its running configuration for each policy page.

A privacy notice that says "requests are deleted after 180 days" while the setting says 90
is worse than none; so these sentences are made from the settings each time a page renders,
and a page changes when a setting does (the settings stated are part of the page cache's
epoch: core.generation.STATED_SETTINGS).
"""

from dataclasses import dataclass

from django.conf import settings

from quietroom.practice import profile

WCAG = "WCAG 2.2 level AA"


@dataclass(frozen=True)
class Fact:
    heading: str
    paragraphs: tuple[str, ...]


def for_page(page) -> tuple[Fact, ...]:
    site_id = page.get_site().pk
    return MADE[page.kind](profile.practice(site_id))


def privacy(practice) -> tuple[Fact, ...]:
    days = settings.QUIETROOM_INBOX_RETENTION_DAYS
    hours = settings.QUIETROOM_SUBSCRIBE_CONFIRM_HOURS
    return (
        Fact(
            "Reading this website",
            (
                "Reading this website sets no cookie and runs no analytics, advertising or "
                "tracking code. Every page, font, image and script comes from this website "
                "itself, never from another company's servers.",
                "The website's server keeps no log of the pages people read or of their "
                "internet addresses. What it counts, if anything, is said below.",
            ),
        ),
        Fact(
            "Cookies",
            (
                "The contact form and a password-protected page set one security cookie, "
                "which protects the form from being sent by another website and is deleted "
                "when the browser closes. Staff who sign in to edit the site get a sign-in "
                "cookie. There are no other cookies.",
            ),
        ),
        Fact(
            "The contact form",
            (
                "What you send through the contact form is encrypted before it is stored, and "
                "only people at the practice who have been given access can read it; every "
                "reading is recorded.",
                f"Requests are deleted for good {days} days after they arrive.",
            ),
        ),
        Fact(
            "New articles by email",
            (
                "If you subscribe, the website stores your email address, encrypted, with your "
                "choice of each new article or one email a month, and the dates you signed up "
                "and confirmed. Nothing is sent to you before you confirm, and an address that "
                f"is not confirmed within {hours} hours is deleted.",
                "The emails contain no tracking images and no tracked links. Every email has an "
                "unsubscribe link; unsubscribing deletes your address.",
            ),
        ),
        Fact(
            "Searching this website",
            ("What you type into the search box is not stored, logged or sent anywhere.",),
        ),
    )


def accessibility(practice) -> tuple[Fact, ...]:
    return (
        Fact(
            "The standard these pages are built to",
            (
                f"The pages of this website are built to meet {WCAG}. Every kind of page, in "
                "each of the website's styles and in light and dark colour schemes, is checked "
                "with the axe-core accessibility engine in a real browser before each release "
                "of the software, and the release is held back if a check fails.",
                "Pages follow your device's light or dark setting, and an image without a text "
                "alternative cannot be published.",
                "Automated checks find many problems, not all of them. If something on this "
                "website is hard to use for you, please tell us and we will put it right.",
            ),
        ),
        *_contact_fact(practice, "To report a problem"),
    )


def good_faith_estimate(practice) -> tuple[Fact, ...]:
    return (
        Fact(
            "Your right to an estimate",
            (
                "Under the US No Surprises Act, if you do not have health insurance or choose "
                "not to use it, you can ask for a Good Faith Estimate of what your care is "
                "expected to cost, and you will receive one in writing.",
                "Ask when you schedule, or at any time. If your appointment is booked at least "
                "three business days ahead, the estimate reaches you within one business day of "
                "booking; if it is booked at least ten business days ahead, or you ask without "
                "booking, within three business days.",
                "If your bill comes to at least $400 more than the estimate, you can dispute "
                "it. Keep a copy of your estimate. For questions, or to start a dispute, visit "
                "www.cms.gov/nosurprises or call 1-800-985-3059.",
            ),
        ),
        *_contact_fact(practice, "To ask for your estimate"),
    )


def telehealth(practice) -> tuple[Fact, ...]:
    # The services themselves are in every page's footer, with links that dial: named here,
    # not repeated.
    names = [service.name for service in practice.crisis_services]
    where = (
        f"{_listing(names)}: their numbers are under “Need help right now?” at the foot of "
        "this page."
        if names
        else ""
    )
    return (
        Fact(
            "In an emergency",
            tuple(
                sentence
                for sentence in (
                    practice.crisis_line.strip(),
                    where,
                    "Messages sent through this website and video sessions are not watched "
                    "around the clock. Please do not use them in an emergency.",
                )
                if sentence
            ),
        ),
        *_contact_fact(practice, "Questions about sessions by video"),
    )


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _contact_fact(practice, heading: str) -> tuple[Fact, ...]:
    ways = [
        f"call {practice.phone}" if practice.phone else "",
        practice.email and f"write to {practice.email}",
    ]
    ways = [way for way in ways if way]
    if not ways:
        return ()
    return (Fact(heading, (f"Please {' or '.join(ways)}; {practice.name} will answer.",)),)


MADE = {
    "privacy": privacy,
    "accessibility": accessibility,
    "good_faith_estimate": good_faith_estimate,
    "telehealth": telehealth,
}

# The heading above the stated part of each kind of page.
HEADINGS = {
    "privacy": "What this website stores, and what it does not",
    "accessibility": "How this website is made accessible",
    "good_faith_estimate": "Good Faith Estimate",
    "telehealth": "Safety in sessions by video",
}
