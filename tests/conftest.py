import os

import pytest
from django.test import Client

from tests.factories import make_business, make_questionnaire, make_user


@pytest.fixture
def questionnaire(db):
    return make_questionnaire()


@pytest.fixture
def owner(db):
    return make_user("olive.owner@example.com")


@pytest.fixture
def other_owner(db):
    return make_user("oscar.other@example.com")


@pytest.fixture
def owner_client(owner):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def other_client(other_owner):
    client = Client()
    client.force_login(other_owner)
    return client


@pytest.fixture
def visitor(db):
    """Someone who is not logged in."""
    return Client()


@pytest.fixture
def business(owner, questionnaire):
    return make_business(owner)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Stored files (rendered PDFs) go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.25 s a user by design; tests make hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


SCORING_PACKAGE = "questionnaire.scoring."
SCORING_TESTS = {"test_worked_examples.py", "test_scoring_rules.py", "test_scoring_properties.py"}


def pytest_collection_modifyitems(config, items):
    """Under `make mutation`, a scoring rule's mutants are judged by the scoring tests: the
    rest of the suite scores audits too, but only to show them, and running it for each of
    1,600 scoring mutants would take hours instead of minutes."""
    if os.environ.get("MUTANT_UNDER_TEST", "").startswith(SCORING_PACKAGE):
        items[:] = [item for item in items if item.path.name in SCORING_TESTS]


@pytest.fixture(autouse=True)
def no_report_from_an_earlier_test():
    """Rendered report pages are kept by fingerprint, which names audits by id; SQLite may
    give a test's audits the ids an earlier, rolled-back test's had."""
    from django.core.cache import caches

    caches["reports"].clear()
