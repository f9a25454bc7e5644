from django import forms


class ConfirmWithPassword(forms.Form):
    """Deleting an account asks for its password: a browser left logged in is not enough."""

    password = forms.CharField(label="Your password", widget=forms.PasswordInput, strip=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password; nothing has been deleted.")
        return password
