"""Forms: the business profile, and one answer form per question built from its content."""

from __future__ import annotations

from typing import NamedTuple, cast

from django import forms

from common.text import CleanText
from questionnaire.flow import StepInput
from questionnaire.models import NOTE_MAX_LENGTH, Answer, Business, Question
from questionnaire.profile import Network, Reach, SellsTo


class BusinessProfileForm(CleanText, forms.ModelForm):
    networks = forms.MultipleChoiceField(
        label="Networks you already use",
        choices=Network.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave all unticked if you are not on any yet.",
    )

    class Meta:
        model = Business
        fields = ["name", "sector", "size", "sells_to", "reach", "networks"]
        widgets = {"sells_to": forms.RadioSelect, "reach": forms.RadioSelect}
        help_texts = {
            "reach": "Usually the same people. Some businesses are paid by one group and talk "
            "to another: a brewery paid by pubs that talks to drinkers, a recruiter paid by "
            "employers that talks to candidates."
        }
        error_messages = {
            "name": {"required": "Tell us the name of the business."},
            "sector": {"required": "Choose the sector closest to what you do."},
            "size": {"required": "Choose how many people work in the business."},
            "sells_to": {"required": "Choose who you sell to: consumers, businesses or both."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "organization"
        sells_to = cast(forms.ChoiceField, self.fields["sells_to"])
        sells_to.choices = SellsTo.choices  # the radios, without the blank choice
        reach = cast(forms.ChoiceField, self.fields["reach"])
        reach.choices, reach.required = Reach.choices, False  # most answer "the same"
        reach.initial = self.instance.reach or Reach.SAME

    def clean_reach(self) -> str:
        return self.cleaned_data.get("reach") or Reach.SAME
        self.fields["revision"].initial = self.instance.revision

    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)


class OptionRow(NamedTuple):
    id: str
    key: str
    label: str
    checked: bool


class AnswerForm(CleanText, forms.Form):
    """The form for one question: its options, an optional note, and the revision it was
    rendered with (so a save from a stale tab is caught rather than silently winning)."""

    note = forms.CharField(
        required=False,
        strip=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": "Your note is %(show_value)s characters long; please shorten it to "
            "%(limit_value)s characters or fewer. Nothing has been lost.",
        },
    )
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, question: Question, *args, require_choice: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.options = list(question.options.all())
        self.fields = {"choices": self._choices_field(require_choice), **self.fields}
        self.fields["note"].label = question.note_prompt or "Anything to add? (optional)"
        self.fields[
            "note"
        ].help_text = f"Optional, in your own words. Up to {NOTE_MAX_LENGTH:,} characters."
        # No maxlength attribute: a browser would silently cut a long paste, and the
        # owner would lose words without being told. The server says so instead.
        self.fields["note"].widget.attrs.pop("maxlength", None)

    @property
    def input_type(self) -> str:
        return "checkbox" if self.question.kind == Question.Kind.MULTIPLE else "radio"

    def option_rows(self) -> list[OptionRow]:
        """Each option as the page writes it out, ticked as posted or else as saved."""
        value = self["choices"].value() or []
        chosen = {value} if isinstance(value, str) else set(value)
        return [
            OptionRow(f"id_choices_{index}", option.key, option.label, option.key in chosen)
            for index, option in enumerate(self.options)
        ]

    def _choices_field(self, required: bool) -> forms.Field:
        choices = [(option.key, option.label) for option in self.options]
        if self.question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=self.question.text,
                help_text=self.question.help_text,
                choices=choices,
                required=required,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "required": "Choose at least one answer (or “I don't know”) to continue."
                },
            )
        return forms.ChoiceField(
            label=self.question.text,
            help_text=self.question.help_text,
            choices=choices,
            required=required,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose one answer (or “I don't know”) to continue."},
        )

    def clean_choices(self) -> list[str]:
        value = self.cleaned_data.get("choices") or []
        # The same option posted twice counts once (a crafted form must not score double).
        chosen = [value] if isinstance(value, str) else list(dict.fromkeys(value))
        dont_know = {o.key for o in self.options if o.is_dont_know}
        if len(chosen) > 1 and dont_know & set(chosen):
            raise forms.ValidationError(
                "“I don't know” can't be combined with other answers: untick one or the other."
            )
        return chosen

    def step_input(self) -> StepInput:
        return StepInput(
            choices=self.cleaned_data["choices"],
            note=self.cleaned_data["note"],
            seen_revision=self.cleaned_data.get("revision"),
        )


def answer_form_initial(question: Question, answer: Answer | None) -> dict:
    if answer is None:
        return {"revision": 0}
    chosen = (
        answer.choices
        if question.kind == Question.Kind.MULTIPLE
        else next(iter(answer.choices), None)
    )
    return {"choices": chosen, "note": answer.note, "revision": answer.revision}


def answer_form(question: Question, answer: Answer | None, kept=None) -> AnswerForm:
    """A step's form as it opens: what was entered on it before its page expired (see
    common/csrf.py), else the saved answer."""
    if kept is not None:
        return AnswerForm(question, kept, require_choice=False)
    return AnswerForm(question, initial=answer_form_initial(question, answer))
