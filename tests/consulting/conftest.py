"""Named actors: Carla consults for Olive; Connor consults for Oscar. Neither may reach the
other's clients, and clients never reach a consultant's pages."""

import pytest
from django.test import Client

from tests.factories import make_client_audit, make_consultant


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def carla(db):
    return make_consultant("carla.consultant@example.com", "Carla Jones")


@pytest.fixture
def connor(db):
    return make_consultant("connor.consultant@example.com", "Connor Price")


@pytest.fixture
def carla_client(carla):
    return logged_in(carla)


@pytest.fixture
def connor_client(connor):
    return logged_in(connor)


@pytest.fixture
def olive_audit(carla, owner, questionnaire):
    """Olive's submitted audit, shared with Carla."""
    return make_client_audit(carla, owner, "Olive's Bakery")


@pytest.fixture
def oscar_audit(connor, other_owner, questionnaire):
    """Oscar's submitted audit, shared with Connor."""
    return make_client_audit(connor, other_owner, "Oscar's Garage", sector="trades")
