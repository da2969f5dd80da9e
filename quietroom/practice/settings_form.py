"""The practice settings form: the country fills in where a reader in crisis can turn."""

import re

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from quietroom.practice import crisis_defaults


class PracticeSettingsForm(WagtailAdminModelForm):
    fill_crisis_services = forms.BooleanField(
        label="Fill in the crisis notice and services for the country above",
        required=False,
        help_text="Replaces the notice and the services below with Quietroom’s list for the "
        "country. Changing the country does this by itself while they are unchanged.",
    )

    def clean_country(self):
        code = self.cleaned_data.get("country", "").strip().upper()
        if code and not re.fullmatch(r"[A-Z]{2}", code):
            raise forms.ValidationError("Use the country’s two-letter code, such as US, CA or GB.")
        return code

    def clean(self):
        cleaned = super().clean()
        if "country" not in cleaned or "crisis_services" not in cleaned:
            return cleaned
        code, before = cleaned["country"], self.initial.get("country") or ""
        untouched = crisis_defaults.unchanged(
            cleaned["crisis_services"],
            cleaned.get("crisis_line", ""),
            before,
            fallback=(self.model_default("crisis_line"), self.model_default("crisis_services")),
        )
        asked = cleaned.get("fill_crisis_services")
        if not (asked or (code != before and untouched)):
            return cleaned
        defaults = crisis_defaults.defaults_for(code)
        if defaults is None:
            if asked:
                listed = ", ".join(d.code for d in crisis_defaults.countries())
                self.add_error(
                    "fill_crisis_services",
                    f"Quietroom has no list of crisis services for “{code or 'no country'}”: "
                    f"write the ones your readers can reach below. It has lists for {listed}.",
                )
            return cleaned
        cleaned["crisis_line"] = defaults.crisis_line
        cleaned["crisis_services"] = crisis_defaults.stream_data(defaults)
        return cleaned

    def model_default(self, name):
        return self._meta.model._meta.get_field(name).get_default()
