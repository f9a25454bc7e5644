"""Sign up, log in, log out, reset a password, and the throttle on failed logins."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def test_sign_up_goes_straight_to_describing_the_business(visitor, questionnaire):
    response = visitor.post(
        reverse("account_signup"),
        {"email": "new.owner@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response["Location"] == reverse("questionnaire:new_audit")
    user = get_user_model().objects.get(email="new.owner@example.com")
    page = visitor.get(response["Location"]).content.decode()
    assert "Business name" in page
    # known by their email, never by the username made up for them behind the scenes
    assert "new.owner@example.com" in page and f"as {user.username}." not in page


def test_sign_up_with_a_weak_password_says_why_and_keeps_the_email(visitor):
    response = visitor.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": "123", "password2": "123"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "too short" in page
    assert 'value="new@example.com"' in page


def test_log_in_and_log_out(visitor, owner):
    response = visitor.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert response["Location"] == reverse("questionnaire:my_audits")
    assert visitor.get(reverse("questionnaire:my_audits")).status_code == 200
    visitor.post(reverse("account_logout"))
    assert visitor.get(reverse("questionnaire:my_audits")).status_code == 302


def test_a_wrong_password_is_refused_with_a_message(visitor, owner):
    response = visitor.post(reverse("account_login"), {"login": owner.email, "password": "nope"})
    assert "not correct" in response.content.decode()


def test_repeated_failed_logins_are_throttled(visitor, owner):
    for _ in range(5):
        visitor.post(reverse("account_login"), {"login": owner.email, "password": "wrong"})
    response = visitor.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert visitor.get(reverse("questionnaire:my_audits")).status_code == 302


def test_forgotten_password_is_reset_through_an_emailed_link(visitor, owner):
    visitor.post(reverse("account_reset_password"), {"email": owner.email})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [owner.email]
    link = re.search(
        r"https?://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body
    ).group(1)
    form_url = visitor.get(link)["Location"]
    response = visitor.post(
        form_url, {"password1": "a-brand-new-pass-42", "password2": "a-brand-new-pass-42"}
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("a-brand-new-pass-42")
