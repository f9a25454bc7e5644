"""The settings' readers of environment variables (common/env.py): an operator's value is
read as meant, a missing one takes the default, and a wrong one stops the site with a
message naming the variable and what it may be."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from common.env import env_bool, env_int, env_list, env_str


def test_a_string_is_read_as_set_or_defaults(monkeypatch):
    monkeypatch.delenv("AUDIT_TEST_VALUE", raising=False)
    assert env_str("AUDIT_TEST_VALUE") == ""
    assert env_str("AUDIT_TEST_VALUE", "fallback") == "fallback"
    monkeypatch.setenv("AUDIT_TEST_VALUE", " kept as typed ")
    assert env_str("AUDIT_TEST_VALUE", "fallback") == " kept as typed "


@pytest.mark.parametrize("raw", ["1", "true", "Yes", " ON "])
def test_yes_words_are_true(monkeypatch, raw):
    monkeypatch.setenv("AUDIT_TEST_FLAG", raw)
    assert env_bool("AUDIT_TEST_FLAG", False) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", ""])
def test_no_words_are_false(monkeypatch, raw):
    monkeypatch.setenv("AUDIT_TEST_FLAG", raw)
    assert env_bool("AUDIT_TEST_FLAG", True) is False


def test_a_missing_flag_takes_its_default(monkeypatch):
    monkeypatch.delenv("AUDIT_TEST_FLAG", raising=False)
    assert env_bool("AUDIT_TEST_FLAG", True) is True
    assert env_bool("AUDIT_TEST_FLAG", False) is False


def test_a_flag_that_is_neither_says_what_it_may_be(monkeypatch):
    monkeypatch.setenv("AUDIT_TEST_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured) as error:
        env_bool("AUDIT_TEST_FLAG", False)
    assert str(error.value) == (
        "AUDIT_TEST_FLAG must be one of 1/0, true/false, yes/no, on/off; got 'maybe'"
    )


def test_a_number_is_read_and_a_blank_one_takes_the_default(monkeypatch):
    monkeypatch.setenv("AUDIT_TEST_NUMBER", "180")
    assert env_int("AUDIT_TEST_NUMBER", 7) == 180
    monkeypatch.setenv("AUDIT_TEST_NUMBER", "  ")
    assert env_int("AUDIT_TEST_NUMBER", 7) == 7
    monkeypatch.delenv("AUDIT_TEST_NUMBER")
    assert env_int("AUDIT_TEST_NUMBER", 7) == 7


def test_a_number_that_is_not_whole_says_so(monkeypatch):
    monkeypatch.setenv("AUDIT_TEST_NUMBER", "2.5")
    with pytest.raises(ImproperlyConfigured) as error:
        env_int("AUDIT_TEST_NUMBER", 7)
    assert str(error.value) == "AUDIT_TEST_NUMBER must be a whole number; got '2.5'"
    assert error.value.__cause__ is None  # the message says it all, no traceback chain


def test_a_list_drops_blanks_and_spaces(monkeypatch):
    monkeypatch.setenv("AUDIT_TEST_LIST", " a.example.com,, b.example.com ,")
    assert env_list("AUDIT_TEST_LIST") == ["a.example.com", "b.example.com"]
    monkeypatch.delenv("AUDIT_TEST_LIST")
    assert env_list("AUDIT_TEST_LIST") == []
    assert env_list("AUDIT_TEST_LIST", "x.example.com, y.example.com") == [
        "x.example.com",
        "y.example.com",
    ]
