from django import forms

from quietroom.subscriptions.models import Subscriber


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Please enter your email address.",
            "invalid": "Please enter an email address such as name@example.com.",
        },
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=[
            (Subscriber.Frequency.EACH, "An email for each new article"),
            (Subscriber.Frequency.MONTHLY, "One email a month, with that month’s new articles"),
        ],
        initial=Subscriber.Frequency.EACH,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Please choose each new article or once a month."},
    )
    # People never see it (the stylesheet hides it); scripts fill it in.
    leave_blank = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_frequency(self):
        # Left out (the article's short form has no choice): each new article.
        return self.cleaned_data["frequency"] or Subscriber.Frequency.EACH


class DataRequestForm(forms.Form):
    """A reader's data request in the admin: which practice's list, which address."""

    site = forms.ModelChoiceField(queryset=None, label="Practice", empty_label=None)
    email = forms.EmailField(
        label="The reader's email address",
        max_length=254,
        error_messages={"invalid": "Please enter an email address such as name@example.com."},
    )
    action = forms.ChoiceField(
        choices=[
            ("look_up", "Look up"),
            ("export", "Export"),
            ("delete", "Delete"),
            ("delete_confirmed", "Delete for good"),
        ],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites.order_by("site_name", "hostname")
        self.fields["site"].label_from_instance = lambda site: site.site_name or site.hostname

    def clean_action(self):
        # Enter in the address field sends the form without a button: a look-up.
        return self.cleaned_data["action"] or "look_up"
