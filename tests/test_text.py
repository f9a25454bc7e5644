"""What the forms accept of what people type (common/text.py): the messages say what to fix,
and an id is read only if a database key can hold it."""

import pytest
from django.core.exceptions import ValidationError

from common.text import paragraph_text, parse_id, single_line_text


def test_a_paragraph_keeps_line_breaks_and_tabs_but_refuses_other_control_characters():
    paragraph_text("First line\nsecond\r\n\tindented")  # fine
    with pytest.raises(ValidationError) as error:
        paragraph_text("a NUL \x00 inside")
    assert error.value.messages == [
        "This contains an invisible control character that cannot be stored; "
        "please retype or remove it."
    ]
    assert error.value.code == "control_character"


def test_a_single_line_refuses_a_line_break_saying_so():
    single_line_text("Harbour Bakery")  # fine
    with pytest.raises(ValidationError) as error:
        single_line_text("Harbour\nBakery")
    assert error.value.messages == [
        "This must fit on one line: please remove the line break (or tab)."
    ]
    assert error.value.code == "line_break"


@pytest.mark.parametrize(
    "typed, read",
    [
        ("42", 42),
        ("9" * 18, int("9" * 18)),
        ("9" * 19, None),
        ("²", None),
        ("4 2", None),
        ("", None),
    ],
)
def test_an_id_is_read_only_when_a_database_key_can_hold_it(typed, read):
    assert parse_id(typed) == read
