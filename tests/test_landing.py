"""Each person lands where their work is: after logging in (with no page asked for) and on
the home page, an administrator on the admin, a consultant on their client audits, an owner
on their own audits; a page asked for comes first."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_consultant, make_user

pytestmark = pytest.mark.django_db


def logged_in_at(email: str, next_page: str = "") -> str:
    login = reverse("account_login") + (f"?next={next_page}" if next_page else "")
    response = Client().post(login, {"login": email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


@pytest.fixture
def people(db):
    admin = make_user("ada.admin@example.com")
    get_user_model().objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    make_consultant("carla@example.com", "Carla")
    make_user("olive@example.com")


@pytest.mark.parametrize(
    "email, landing",
    [
        ("ada.admin@example.com", "admin:index"),
        ("carla@example.com", "consulting:dashboard"),
        ("olive@example.com", "questionnaire:my_audits"),
    ],
)
def test_logging_in_lands_each_person_where_their_work_is(people, email, landing):
    assert logged_in_at(email) == reverse(landing)
    client = Client()
    client.login(username=email, password=PASSWORD)
    assert client.get(reverse("home"))["Location"] == reverse(landing)


def test_a_page_asked_for_comes_first(people):
    assert logged_in_at("carla@example.com", "/privacy/") == "/privacy/"


def test_a_visitor_gets_the_home_page(visitor):
    page = visitor.get(reverse("home"))
    assert page.status_code == 200 and "sample report" in page.content.decode().lower()
