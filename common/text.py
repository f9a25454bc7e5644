"""Text a person typed: what every form accepts (issue: crafted input must never be a 500).

Every form in the site mixes in `CleanText`, so each text field refuses control
characters with a message that says what to fix: NUL and the like anywhere, and line
breaks in a single-line field (a name ends up in email headers and PDF titles).
"""

from __future__ import annotations

import unicodedata

from django import forms
from django.core.exceptions import ValidationError

LINE_BREAKS = {"\n", "\r"}
ALLOWED_IN_PARAGRAPHS = LINE_BREAKS | {"\t"}


def _control_characters(value: str) -> set[str]:
    return {char for char in value if unicodedata.category(char) == "Cc"}


def paragraph_text(value: str) -> None:
    """Free text (notes, messages): line breaks are fine, other control characters not."""
    if _control_characters(value) - ALLOWED_IN_PARAGRAPHS:
        raise ValidationError(
            "This contains an invisible control character that cannot be stored; "
            "please retype or remove it.",
            code="control_character",
        )


def single_line_text(value: str) -> None:
    """A name or a search: one line, no control characters at all."""
    paragraph_text(value)
    if _control_characters(value):
        raise ValidationError(
            "This must fit on one line: please remove the line break (or tab).",
            code="line_break",
        )


class CleanText:
    """A form mixin: every text field gets the validator for its kind of text."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        for field in fields.values():
            if isinstance(field, forms.CharField):
                multiline = isinstance(field.widget, forms.Textarea)
                field.validators.append(paragraph_text if multiline else single_line_text)


def parse_id(value: str) -> int | None:
    """An id typed into a form or a URL, or None: only ASCII digits, of a size a database
    key can hold (`"²".isdigit()` is true, and 5,000 nines overflow every integer column)."""
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None
