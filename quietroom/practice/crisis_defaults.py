"""The crisis notice and services a practice starts from, by country (data/crisis/*.toml).

Choosing the practice's country fills them in while the practice has not changed what it
has; afterwards they are the practice's own, to edit. Every entry names its source and,
once someone has checked it there, the date: an unchecked number is shown as unchecked,
never as verified.
"""

import datetime
import tomllib
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

DATA = Path(__file__).parent / "data" / "crisis"

# What a reader sees of a service; the rest (source, verified_on) is for the editor.
SHOWN = ("name", "description", "phone", "text", "url")


@dataclass(frozen=True)
class DefaultService:
    name: str
    source: str
    description: str = ""
    phone: str = ""
    text: str = ""
    url: str = ""
    verified_on: datetime.date | None = None


@dataclass(frozen=True)
class CountryDefaults:
    code: str
    country: str
    crisis_line: str
    services: tuple[DefaultService, ...]


class BadDefaults(ValueError):
    """A data file that would give readers a service they cannot reach or check."""


def read(path: Path) -> CountryDefaults:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    services = tuple(DefaultService(**entry) for entry in data["services"])
    for service in services:
        if not (service.phone or service.text or service.url):
            raise BadDefaults(f"{path.name}: “{service.name}” has no way to reach it.")
        if not service.source.startswith("https://"):
            raise BadDefaults(f"{path.name}: “{service.name}” needs its source, an https link.")
    return CountryDefaults(path.stem.upper(), data["country"], data["crisis_line"], services)


@cache
def by_code() -> MappingProxyType:
    """Every country's defaults by its code and its aliases (UK for GB), upper case."""
    found = {}
    for path in sorted(DATA.glob("*.toml")):
        defaults = read(path)
        found[defaults.code] = defaults
        for alias in tomllib.loads(path.read_text(encoding="utf-8")).get("aliases", ()):
            found[alias.upper()] = defaults
    return MappingProxyType(found)


def defaults_for(code: str) -> CountryDefaults | None:
    return by_code().get((code or "").strip().upper())


def countries() -> tuple[CountryDefaults, ...]:
    """Each country once, by name."""
    return tuple(sorted({d.code: d for d in by_code().values()}.values(), key=lambda d: d.country))


def stream_data(defaults: CountryDefaults) -> list[tuple[str, dict]]:
    """The services as the settings' StreamField takes them."""
    return [
        ("service", {**asdict(service), "verified_on": service.verified_on})
        for service in defaults.services
    ]


def shown(services) -> tuple[tuple[str, ...], ...]:
    """What readers see of a list of services (StreamField blocks or plain dicts), to tell
    whether a practice has changed them."""
    rows = []
    for item in services:
        value = item.value if hasattr(item, "value") else item[1]
        rows.append(tuple(str(value.get(key) or "").strip() for key in SHOWN))
    return tuple(rows)


def unchanged(services, crisis_line: str, code: str, fallback) -> bool:
    """Whether `services` and `crisis_line` are still what country `code` starts from (or
    `fallback`, a (line, services) pair, where the country has no file)."""
    defaults = defaults_for(code)
    line, start = (
        (defaults.crisis_line, stream_data(defaults)) if defaults is not None else fallback
    )
    return crisis_line.strip() == line.strip() and shown(services) == shown(start)
