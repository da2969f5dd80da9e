"""The table of sites, remembered per process, and which site a request is for.

Wagtail finds a request's site with a query on every request; Quietroom keeps the table
(one small immutable value) until it changes, and matches hostnames against it in Python by
Wagtail's own rules (`match`, pinned to Wagtail's in the tests). Every request gets its own
`Site` instance built from the table, never one shared with another request.
"""

import re
from dataclasses import dataclass
from types import MappingProxyType

from django.core.signals import setting_changed
from django.db.models.signals import post_save
from django.http.request import validate_host
from wagtail.models import Site

from quietroom.core import conf, generation, memo
from quietroom.core.models import ReaderCounting


@dataclass(frozen=True)
class SiteRecord:
    id: int
    hostname: str
    port: int
    is_default: bool
    site_name: str
    root_page_id: int
    root_path: str
    root_url_path: str
    # Whether this site counts page views (quietroom.stats); a change reads the table again.
    count_readers: bool = True

    @property
    def root_url(self) -> str:
        if self.port == 80:
            return f"http://{self.hostname}"
        if self.port == 443:
            return f"https://{self.hostname}"
        return f"http://{self.hostname}:{self.port}"

    def instance(self) -> Site:
        """A `Site` for one request, equal to the row (same pk), owned by that request."""
        site = Site(
            id=self.id,
            hostname=self.hostname,
            port=self.port,
            site_name=self.site_name,
            root_page_id=self.root_page_id,
            is_default_site=self.is_default,
        )
        site._state.adding = False
        site._state.db = "default"
        return site


@dataclass(frozen=True)
class SiteTable:
    records: tuple[SiteRecord, ...]
    by_hostname: MappingProxyType  # hostname -> tuple of records
    default: SiteRecord | None

    def get(self, site_id: int) -> SiteRecord | None:
        for record in self.records:
            if record.id == site_id:
                return record
        return None

    def match(self, hostname: str, port: int) -> SiteRecord | None:
        """The site Wagtail's `Site.find_for_request` would choose for this hostname and port.

        An exact hostname and port first, then the hostname if it is the default site's,
        then a hostname with a single site, then the default site.
        """
        named = self.by_hostname.get(hostname, ())
        for record in named:
            if record.port == port:
                return record
        for record in named:
            if record.is_default:
                return record
        if self.default is None:
            return named[0] if len(named) == 1 else None
        return named[0] if len(named) == 1 else self.default

    def containing(self, path: str) -> tuple[int, ...]:
        """Ids of the sites whose tree holds the page at tree path `path`."""
        return tuple(r.id for r in self.records if path.startswith(r.root_path))


@memo.per_deployment
def site_table() -> SiteTable:
    counting = dict(ReaderCounting.objects.values_list("site_id", "count_readers"))
    records = tuple(
        SiteRecord(
            id=site.pk,
            hostname=site.hostname,
            port=site.port,
            is_default=site.is_default_site,
            site_name=site.site_name,
            root_page_id=site.root_page_id,
            root_path=site.root_page.path,
            root_url_path=site.root_page.url_path,
            count_readers=counting.get(site.pk, True),
        )
        for site in Site.objects.select_related("root_page").order_by("pk")
    )
    by_hostname: dict[str, list[SiteRecord]] = {}
    for record in records:
        by_hostname.setdefault(record.hostname, []).append(record)
    return SiteTable(
        records=records,
        by_hostname=MappingProxyType({k: tuple(v) for k, v in by_hostname.items()}),
        default=next((r for r in records if r.is_default), None),
    )


# Django's own pattern for a Host header (django.http.request.host_validation_re), compiled
# here without its lazy wrapper, which costs more than the match on every cached request.
HOST = re.compile(r"^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(?::([0-9]+))?$")


# Answers of `request_host` by what it reads from the request. A server meets a handful of
# Host headers, so this saves the match and the validation on nearly every request; it is
# emptied when full (made-up hosts cannot grow it) and when a test changes a setting.
_HOSTS_KEPT = 256
_hosts: dict[tuple, tuple[str, int] | None] = {}


def request_host(meta) -> tuple[str, int] | None:
    """(hostname, port) as Wagtail matches sites: the Host header's domain, validated as
    Django validates it (`split_domain_port`, `validate_host`; a test holds the two to the
    same answers), and the port the server was reached on; None for a host Django would
    refuse."""
    asked = (
        meta.get("HTTP_HOST") or meta.get("SERVER_NAME", ""),
        meta.get("SERVER_PORT"),
        meta.get("HTTP_X_FORWARDED_PORT"),
    )
    try:
        return _hosts[asked]
    except KeyError:
        pass
    if len(_hosts) >= _HOSTS_KEPT:
        _hosts.clear()
    found = _hosts[asked] = _request_host(*asked)
    return found


def _request_host(raw: str, server_port, forwarded_port) -> tuple[str, int] | None:
    match = HOST.fullmatch(raw.lower())
    if match is None:
        return None
    domain = match.group(1).removesuffix(".")
    current = conf.current()
    if not domain or not (current.any_host or validate_host(domain, current.allowed_hosts)):
        return None
    port = server_port or "0"
    if current.use_x_forwarded_port and forwarded_port is not None:
        port = forwarded_port
    try:
        return domain, int(port)
    except ValueError:
        return None


def _forget_hosts(**kwargs) -> None:
    _hosts.clear()


setting_changed.connect(_forget_hosts, dispatch_uid="quietroom-request-hosts")


def record_for(meta) -> SiteRecord | None:
    """The site a request is for (see `request_host`), or None."""
    host = request_host(meta)
    return None if host is None else site_table().match(*host)


def _counting_changed(sender, instance, **kwargs) -> None:
    generation.bump_sites()  # the switch is carried in the table of sites


def connect() -> None:
    post_save.connect(_counting_changed, sender=ReaderCounting, dispatch_uid="quietroom-counting")
