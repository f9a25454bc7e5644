from django import forms

from common.text import CleanText
from consulting.models import (
    NOTES_PER_AUDIT,
    RECOMMENDATIONS_PER_AUDIT,
    TEXT_MAX_LENGTH,
    AuditNote,
    Consultant,
    Invitation,
    Recommendation,
    ScoreOverride,
)

TOO_LONG = (
    "This is %(show_value)s characters long; please keep it to %(limit_value)s. "
    "Nothing has been lost."
)


def _text_field(label: str, rows: int = 4, limit: int = TEXT_MAX_LENGTH) -> forms.CharField:
    field = forms.CharField(
        label=label,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Write the {label.lower()} first.", "max_length": TOO_LONG},
    )
    # No maxlength attribute: the browser would cut a long paste silently; the server says so.
    field.widget.attrs.pop("maxlength", None)
    return field


class OwnIds:
    """Several of these forms share a page: each gets its own element ids, so every label
    points at its own field."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class InvitationForm(CleanText, forms.ModelForm):
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


class PerAuditLimit(forms.ModelForm):
    """At most `limit` of these on one audit; the form's instance carries the audit."""

    limit = 0
    plural = ""

    def clean(self):
        data = super().clean()
        others = self._meta.model.objects.filter(audit=self.instance.audit)
        if others.exclude(pk=self.instance.pk).count() >= self.limit:
            raise forms.ValidationError(
                f"An audit can carry at most {self.limit} {self.plural}: "
                "remove or merge one before adding another. Your text is kept below."
            )
        return data


class NoteForm(CleanText, OwnIds, PerAuditLimit):
    id_prefix = "note"
    limit, plural = NOTES_PER_AUDIT, "private notes"
    text = _text_field("Private note")

    class Meta:
        model = AuditNote
        fields = ["text"]


class RecommendationForm(CleanText, OwnIds, PerAuditLimit):
    id_prefix = "recommendation"
    limit, plural = RECOMMENDATIONS_PER_AUDIT, "recommendations"
    text = _text_field("Recommendation")

    class Meta:
        model = Recommendation
        fields = ["text"]


class OverrideForm(CleanText, OwnIds, forms.ModelForm):
    id_prefix = "override"
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


class ConsultantSignupForm(CleanText, forms.ModelForm):
    class Meta:
        model = Consultant
        fields = ["display_name"]
        labels = {"display_name": "Your name as clients will see it"}
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "name"})}
