"""Where a reader books a first session with a clinician."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from quietroom.security.sanitize import safe_url


@dataclass(frozen=True)
class Booking:
    url: str
    # Said beside the link: booking happens on another site, under its own privacy terms.
    host: str


def booking_for(clinician, practice) -> Booking | None:
    """The clinician's own booking link, else the practice's; none while they are not
    accepting new clients (a reader should not book with someone who cannot see them)."""
    if not clinician.accepting_new_clients:
        return None
    url = safe_url(clinician.booking_url or (practice.booking_url if practice else ""))
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return Booking(url, host.removeprefix("www."))
