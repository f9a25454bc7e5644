"""Every email the site sends, allauth's included, links to the one configured site address
(SITE_URL) whatever address the request came to, and is written for this product."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_client_audit, make_consultant, make_user
from tests.jobs import run_background_jobs

pytestmark = pytest.mark.django_db(transaction=True)

SITE_URL = "https://audit.example.com"
SERVED_ON = "127.0.0.1:8141"  # a second port, as behind a proxy: not what people use
LINK = re.compile(r"https?://[^\s,]+")
STOCK = ("Hello from", "Thank you for using", "example.com!", "[127.0.0.1", "username")


@pytest.fixture(autouse=True)
def served_elsewhere(settings):
    settings.SITE_URL = SITE_URL
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.EMAIL_BACKEND = "common.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def browser(user=None) -> Client:
    client = Client(HTTP_HOST=SERVED_ON)
    if user is not None:
        client.force_login(user)
    return client


def sent_by(action) -> list:
    """The emails an action sends, once the worker has delivered them."""
    before = len(mail.outbox)
    action()
    run_background_jobs()
    return mail.outbox[before:]


def signup(email):
    return lambda: browser().post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def reset(email):
    return lambda: browser().post(reverse("account_reset_password"), {"email": email})


def test_every_email_links_to_the_site_address_and_speaks_for_the_product(questionnaire):
    owner = make_user("olive@example.com")
    carla = make_consultant("carla.consultant@example.com", "Carla Jones")
    emails = {
        "confirm a new account": sent_by(signup("new.owner@example.com")),
        "reset a password": sent_by(reset("olive@example.com")),
        "reset for an unknown address": sent_by(reset("nobody@example.com")),
        "invite a client": sent_by(
            lambda: browser(carla).post(
                reverse("consulting:invitations"), {"email": "dan@example.com", "message": "Hi"}
            )
        ),
    }
    audit = make_client_audit(carla, owner, "Olive's Deli", submit=False)
    emails["a client submits"] = sent_by(
        lambda: browser(owner).post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    )
    status = reverse("consulting:status", args=[audit.pk])
    browser(carla).post(status, {"step": "start"})
    emails["the review is done"] = sent_by(lambda: browser(carla).post(status, {"step": "finish"}))

    for action, sent in emails.items():
        assert len(sent) == 1, action
        message = sent[0]
        text = f"{message.subject}\n{message.body}"
        links = LINK.findall(message.body)
        on_site = [link for link in links if link == SITE_URL or link.startswith(SITE_URL + "/")]
        assert links and on_site == links, (action, links)
        assert "social-media" in text.lower(), action
        assert not [phrase for phrase in STOCK if phrase in text], (action, text)


def test_a_site_address_ending_in_a_slash_makes_no_double_slash(settings):
    from common.mail import site_link

    settings.SITE_URL = "https://audit.example.com/"
    assert site_link("/audits/1/") == "https://audit.example.com/audits/1/"
