from django import forms

from consulting.models import TEXT_MAX_LENGTH, AuditNote, Invitation, Recommendation, ScoreOverride

TOO_LONG = (
    "This is %(show_value)s characters long; please keep it to %(limit_value)s. "
    "Nothing has been lost."
)


def _text_field(label: str, rows: int = 4, limit: int = TEXT_MAX_LENGTH) -> forms.CharField:
    # No maxlength attribute: the browser would cut a long paste silently; the server says so.
    return forms.CharField(
        label=label,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Write the {label.lower()} first.", "max_length": TOO_LONG},
    )


class InvitationForm(forms.ModelForm):
    message = forms.CharField(
        label="A short message (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )

    class Meta:
        model = Invitation
        fields = ["email", "message"]
        labels = {"email": "Client's email address"}
        error_messages = {"email": {"required": "Enter the client's email address."}}


class NoteForm(forms.ModelForm):
    text = _text_field("Private note")

    class Meta:
        model = AuditNote
        fields = ["text"]


class RecommendationForm(forms.ModelForm):
    text = _text_field("Recommendation")

    class Meta:
        model = Recommendation
        fields = ["text"]


class OverrideForm(forms.ModelForm):
    score = forms.IntegerField(
        label="Your score (0-100)",
        min_value=0,
        max_value=100,
        error_messages={
            "required": "Give a score from 0 to 100.",
            "min_value": "A score cannot be below 0.",
            "max_value": "A score cannot be above 100.",
        },
    )
    reason = _text_field("Reason", rows=2, limit=1000)

    class Meta:
        model = ScoreOverride
        fields = ["dimension", "score", "reason"]
