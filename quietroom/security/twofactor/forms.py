from django import forms

from quietroom.security.twofactor import recovery


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not (token.isdigit() and len(token) == 6):
            raise forms.ValidationError("The code is six digits.")
        return token


class VerifyForm(forms.Form):
    """A code from the authenticator app, or a recovery code in its place."""

    token = forms.CharField(
        label="Six-digit code from your authenticator app, or one of your recovery codes",
        max_length=24,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "autofocus": True}
        ),
    )

    def clean_token(self):
        token = recovery.normalise(self.cleaned_data["token"])
        if not ((token.isdigit() and len(token) == 6) or recovery.is_code(token)):
            raise forms.ValidationError(
                "Enter the six digits from your app, or a recovery code such as abcde-23456."
            )
        return token
