"""The practice as readers see it: an immutable copy of its settings, remembered per site.

Reader pages never hold the settings row itself. The admin edits a row of its own (Wagtail's
`for_site`), so a save the form refuses cannot reach a reader; readers get this copy, made
from the row as saved and kept until the site's generation changes.
"""

from dataclasses import dataclass, fields

from django.utils.functional import SimpleLazyObject

from quietroom.core import conf, memo, sites
from quietroom.practice.models.settings import PracticeSettings


@dataclass(frozen=True)
class CrisisService:
    name: str
    description: str = ""
    phone: str = ""
    text: str = ""
    url: str = ""


@dataclass(frozen=True)
class SocialLink:
    label: str
    url: str


@dataclass(frozen=True)
class Practice:
    name: str
    tagline: str
    email: str
    phone: str
    street_address: str
    locality: str
    region: str
    postal_code: str
    country: str
    hours: str
    time_zone: str
    booking_url: str
    crisis_line: str
    quick_exit: bool
    quick_exit_url: str
    social_links: tuple[SocialLink, ...]
    crisis_services: tuple[CrisisService, ...]

    @property
    def address_lines(self) -> tuple[str, ...]:
        region_line = " ".join(p for p in (self.region, self.postal_code) if p)
        parts = [self.street_address, ", ".join(p for p in (self.locality, region_line) if p)]
        return tuple(part for part in parts if part)

    @property
    def hours_lines(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.hours.splitlines() if line.strip())

    @property
    def has_crisis_resources(self) -> bool:
        return bool(self.crisis_line.strip() or self.crisis_services)


_PLAIN = [f.name for f in fields(Practice) if f.name not in ("social_links", "crisis_services")]


def profile_of(row: PracticeSettings) -> Practice:
    """The reader's copy of a settings row (saved or not)."""
    return Practice(
        **{name: getattr(row, name) for name in _PLAIN},
        social_links=tuple(
            SocialLink(str(block.value["label"]), str(block.value["url"]))
            for block in row.social_links
        ),
        crisis_services=tuple(
            CrisisService(**{key: str(block.value.get(key) or "") for key in _SERVICE_FIELDS})
            for block in row.crisis_services
        ),
    )


_SERVICE_FIELDS = [f.name for f in fields(CrisisService)]


@memo.per_site
def practice(site_id: int) -> Practice:
    """The practice of `site_id` as saved; the built-in defaults if it has no row yet (a
    reader's view never creates one: rows are made with the site)."""
    row = PracticeSettings.objects.filter(site_id=site_id).first()
    return profile_of(row or PracticeSettings(site_id=site_id))


def for_request(request) -> Practice | None:
    record = sites.record_for(request.META)
    return None if record is None else practice(record.id)


def context(request) -> dict:
    """Context processor: `practice` in every template, read only if a template uses it, and
    whether the page is being rendered for a static copy (which has no search)."""
    return {
        "practice": SimpleLazyObject(lambda: for_request(request)),
        "static_export": conf.current().static_export,
    }
