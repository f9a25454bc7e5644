"""A form sent with an expired security token (the visitor logged in or out in another tab)
is not saved, but it is never a bare error page either: the form's page comes back with a
plain message and what was typed, ready to send again. A form sent from another site is
refused and nothing of it is kept."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from common.csrf import EXPIRED_MESSAGE
from questionnaire.models import Answer, Audit
from tests.factories import GOOD_ANSWERS, PASSWORD, make_audit, make_business, make_user

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
PROFILE = {"name": "Harbour Bakery", "sector": "hospitality", "size": "micro"}
PROFILE |= {"sells_to": "consumers", "networks": ["instagram"]}
TYPED = {"choices": ["rapport", "close"], "note": "Weekends only, <b>not</b> weekdays"}


def token_on(page) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]


def send(browser: Client, url: str, data: dict, token: str):
    """A form sent from its own page, as a browser sends it (Referer included)."""
    return browser.post(url, {**data, "csrfmiddlewaretoken": token}, HTTP_REFERER=SITE + url)


@pytest.fixture
def guest(questionnaire):
    """A visitor three questions into the audit, in a browser that checks tokens."""
    browser = Client(enforce_csrf_checks=True)
    start = reverse("questionnaire:guest_start")
    send(browser, start, PROFILE, token_on(browser.get(start)))
    for number, choices in enumerate(list(GOOD_ANSWERS.values())[:3], start=1):
        url = reverse("questionnaire:guest_step", args=[number])
        send(browser, url, {"choices": choices}, token_on(browser.get(url)))
    return browser


def test_a_step_saved_after_logging_in_in_another_tab_comes_back_with_the_answer(guest):
    make_user("bea@example.com")
    fourth = reverse("questionnaire:guest_step", args=[4])
    first_tab = token_on(guest.get(fourth))
    login = reverse("account_login")
    second_tab = token_on(guest.get(login))
    send(guest, login, {"login": "bea@example.com", "password": PASSWORD}, second_tab)

    response = send(guest, fourth, TYPED, first_tab)  # the first tab's token is stale now
    assert response.status_code == 302 and response["Location"] == fourth
    page = guest.get(fourth, follow=True)
    audit = Audit.objects.get(business__owner__email="bea@example.com")
    assert page.redirect_chain[-1][0] == reverse("questionnaire:audit_step", args=[audit.pk, 4])
    html = page.content.decode()
    assert EXPIRED_MESSAGE.split(" (")[0] in html
    assert 'value="rapport" id="id_choices_0" checked' in html
    assert 'value="close" id="id_choices_4" checked' in html
    assert "Weekends only, &lt;b&gt;not&lt;/b&gt; weekdays" in html  # kept, and escaped
    assert not Answer.objects.filter(audit=audit, question__number=4).exists()

    url = page.redirect_chain[-1][0]
    assert send(guest, url, TYPED, token_on(page)).status_code == 302  # sent again: saved
    saved = Answer.objects.get(audit=audit, question__number=4)
    assert saved.choices == TYPED["choices"] and saved.note == TYPED["note"]
    assert EXPIRED_MESSAGE not in guest.get(url).content.decode()  # shown once, kept once


def test_a_profile_sent_with_a_stale_token_keeps_what_was_typed(questionnaire):
    owner = make_user("olive@example.com")
    audit = make_audit(make_business(owner, name="Olive's Bakery"))
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    url = reverse("questionnaire:audit_profile", args=[audit.pk])
    stale = token_on(browser.get(url))
    browser.logout()
    browser.force_login(owner)  # logging in again rotates the token
    response = send(browser, url, {**PROFILE, "name": "Olive & Sons"}, stale)
    assert response["Location"] == url
    html = browser.get(url).content.decode()
    assert 'value="Olive &amp; Sons"' in html and EXPIRED_MESSAGE.split(" (")[0] in html
    audit.business.refresh_from_db()
    assert audit.business.name == "Olive's Bakery"


def test_a_password_is_never_kept(questionnaire):
    browser = Client(enforce_csrf_checks=True)
    login = reverse("account_login")
    browser.get(login)
    send(browser, login, {"login": "bea@example.com", "password": PASSWORD}, "x" * 32)
    assert PASSWORD not in str(dict(browser.session))
    assert browser.session["kept_input"]["entered"] == {"login": ["bea@example.com"]}


@pytest.mark.parametrize("referer", ["https://evil.example/form", None])
def test_a_form_from_another_site_is_refused_and_nothing_of_it_is_kept(guest, referer):
    fourth = reverse("questionnaire:guest_step", args=[4])
    headers = {"HTTP_REFERER": referer} if referer else {}
    response = guest.post(fourth, {**TYPED, "csrfmiddlewaretoken": "x" * 32}, **headers)
    assert response.status_code == 403
    assert "That form was not sent" in response.content.decode()
    assert "Weekends only" not in guest.get(fourth).content.decode()
    assert "kept_input" not in guest.session


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def test_a_request_for_an_unknown_host_is_the_sites_own_400(production):
    response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "That request was not understood" in page and 'aria-label="Main"' in page


def test_the_page_comes_back_with_its_query(guest):
    """A step opened from the review page (?next=review) goes back there, input and all."""
    fourth = reverse("questionnaire:guest_step", args=[4]) + "?next=review"
    response = guest.post(
        fourth, {**TYPED, "csrfmiddlewaretoken": "x" * 32}, HTTP_REFERER=SITE + fourth
    )
    assert response["Location"] == fourth
    assert "Weekends only" in guest.get(fourth).content.decode()


def test_on_https_a_referer_over_plain_http_is_not_the_sites_own(guest, settings):
    settings.SECURE_SSL_REDIRECT = False
    fourth = reverse("questionnaire:guest_step", args=[4])
    response = guest.post(
        fourth, {**TYPED, "csrfmiddlewaretoken": "x" * 32}, HTTP_REFERER=SITE + fourth, secure=True
    )
    assert response.status_code == 403 and "kept_input" not in guest.session


def test_the_refusal_is_a_page_of_the_site_for_the_signed_in_visitor(questionnaire):
    owner = make_user("olive@example.com")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    url = reverse("questionnaire:new_audit")
    response = browser.post(url, PROFILE, HTTP_REFERER="https://evil.example/")
    assert response.status_code == 403
    assert "That form was not sent" in response.content.decode()
    assert "Log out" in response.content.decode()  # their own navigation, still signed in
