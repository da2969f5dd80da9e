"""Narrowing the clinicians index: where a reader lives, video sessions, new clients.

A plain GET form, so it works without JavaScript and keeps nothing: the choice lives in the
address bar only. Such a page is never put in the page cache (only `?page=N` is), the
statistics count its path without the query, and nothing here writes a row.
"""

from dataclasses import dataclass

from django import forms


class ClinicianFilterForm(forms.Form):
    where = forms.ChoiceField(label="Where you live", required=False)
    telehealth = forms.BooleanField(label="Sees people by video", required=False)
    accepting = forms.BooleanField(label="Accepting new clients", required=False)

    def __init__(self, data, places: tuple[str, ...]):
        super().__init__(data)
        self.fields["where"].choices = [("", "Anywhere"), *((p, p) for p in places)]
        self.fields["where"].error_messages["invalid_choice"] = (
            "None of our clinicians is licensed in “%(value)s”. Choose a place from the list."
        )


@dataclass(frozen=True)
class Choice:
    form: ClinicianFilterForm
    clinicians: tuple
    total: int
    places: tuple[str, ...]
    # What narrowed the list, in words, for the sentence above it ("licensed in Illinois").
    applied: tuple[str, ...]
    valid: bool

    @property
    def offered(self) -> bool:
        """A filter is worth showing only where there is something to choose between."""
        return self.total > 1


def places_of(clinicians) -> tuple[str, ...]:
    """Every place any of `clinicians` is licensed in, each once (as first written), sorted."""
    seen: dict[str, str] = {}
    for clinician in clinicians:
        for place in clinician.jurisdiction_list():
            seen.setdefault(place.casefold(), place)
    return tuple(sorted(seen.values(), key=str.casefold))


def matches(clinician, where: str, telehealth: bool, accepting: bool) -> bool:
    if where and where.casefold() not in {p.casefold() for p in clinician.jurisdiction_list()}:
        return False
    if telehealth and not clinician.telehealth:
        return False
    return not (accepting and not clinician.accepting_new_clients)


def choose(clinicians: list, query) -> Choice:
    """The clinicians that fit the reader's choice in `query` (a QueryDict or dict); all of
    them, with the form's message, when the choice is not one the form offers."""
    places = places_of(clinicians)
    asked = any(query.get(name) for name in ("where", "telehealth", "accepting"))
    form = ClinicianFilterForm(query if asked else None, places)
    if not asked or not form.is_valid():
        return Choice(form, tuple(clinicians), len(clinicians), places, (), valid=not asked)
    where, telehealth, accepting = (
        form.cleaned_data[k] for k in ("where", "telehealth", "accepting")
    )
    applied = tuple(
        words
        for words, on in (
            (f"licensed in {where}", where),
            ("offering video sessions", telehealth),
            ("accepting new clients", accepting),
        )
        if on
    )
    chosen = tuple(c for c in clinicians if matches(c, where, telehealth, accepting))
    return Choice(form, chosen, len(clinicians), places, applied, valid=True)
