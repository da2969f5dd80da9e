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
