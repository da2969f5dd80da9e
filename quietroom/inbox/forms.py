"""The consultation request form: what a person may tell the practice, and nothing more."""

import re

from django import forms
from django.core.exceptions import ValidationError

from quietroom.inbox import spam

MESSAGE_MAX = 2000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PHONE = re.compile(r"^[0-9 +().\-]{6,40}$")


def single_line(value: str) -> None:
    if _CONTROL.search(value):
        raise ValidationError("Please keep this to one line of text.")


class ConsultationRequestForm(forms.Form):
    CONTACT_CHOICES = [("email", "Email"), ("phone", "Phone"), ("either", "Either is fine")]
    MESSAGE_CHOICES = [("yes", "Yes"), ("no", "No, please don’t leave a message")]

    name = forms.CharField(
        label="Your name",
        help_text="The name you’d like us to use.",
        max_length=120,
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Please tell us your name."},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=40,
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    preferred_contact = forms.ChoiceField(
        label="How should we reach you?",
        choices=CONTACT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose how we should reach you."},
    )
    may_leave_message = forms.ChoiceField(
        label="May we leave a message that mentions the practice?",
        help_text="For example a voicemail, or an email someone else might see.",
        choices=MESSAGE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Please tell us whether we may leave a message."},
    )
    message = forms.CharField(
        label="What are you looking for?",
        help_text=f"A few sentences are enough; up to {MESSAGE_MAX} characters. "
        "You can keep details for your first conversation.",
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Please tell us briefly what you are looking for.",
            "max_length": "Please shorten your message to %(limit_value)d characters "
            "(it has %(show_value)d).",
        },
    )
    clinician = forms.ChoiceField(label="Clinician you’d like to see", required=False)
    service = forms.ChoiceField(label="Service you’re interested in", required=False)
    consent = forms.BooleanField(
        label="I agree that the practice may contact me about this request.",
        error_messages={"required": "Please agree so we can contact you."},
    )
    leave_blank = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, clinicians=(), services=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["clinician"].choices = [("", "No preference"), *clinicians]
        self.fields["service"].choices = [("", "Not sure yet"), *services]
        if not self.is_bound:
            self.initial["started"] = spam.start_token()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not _PHONE.match(phone):
            raise ValidationError("Please enter a phone number using digits, spaces and + ( ) -.")
        return phone

    def clean(self):
        cleaned = super().clean()
        email, phone = cleaned.get("email"), cleaned.get("phone")
        preferred = cleaned.get("preferred_contact")
        if "email" in self.errors or "phone" in self.errors:
            return cleaned
        if not email and not phone:
            self.add_error("email", "Please give an email address or a phone number.")
        elif preferred == "email" and not email:
            self.add_error("email", "Please give an email address, or choose phone.")
        elif preferred == "phone" and not phone:
            self.add_error("phone", "Please give a phone number, or choose email.")
        return cleaned

    def is_automated(self) -> bool:
        return spam.looks_automated(self.data.get("leave_blank", ""), self.data.get("started", ""))

    def request_data(self) -> dict:
        """What is stored, encrypted: the person's answers with readable choice labels."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "preferred_contact": dict(self.CONTACT_CHOICES)[data["preferred_contact"]],
            "may_leave_message": data["may_leave_message"] == "yes",
            "message": data["message"],
            "clinician": self.choice_label("clinician"),
            "service": self.choice_label("service"),
            "consent": data["consent"],
        }

    def choice_label(self, name: str) -> str:
        value = self.cleaned_data.get(name)
        return dict(self.fields[name].choices).get(value, "") if value else ""
