"""Email goes through the task queue: a request only records it, the worker delivers it, and
a mail server that is down gets the message again later instead of losing it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from common.mail import RETRY_AFTER_MINUTES, deliver_email
from tests.factories import GOOD_ANSWERS, make_audit, make_business, make_consultant, share_business
from tests.jobs import queued, run_background_jobs

pytestmark = pytest.mark.django_db(transaction=True)
DELIVER = "common.mail.deliver_email"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def queued_email(settings):
    settings.EMAIL_BACKEND = "common.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = LOCMEM


@pytest.fixture
def shared_draft(owner, questionnaire):
    carla = make_consultant("carla.consultant@example.com", "Carla Jones")
    business = make_business(owner, "Olive's Deli")
    share_business(business, carla)
    return make_audit(business, GOOD_ANSWERS)


def submit(client, audit):
    return client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))


def test_the_consultants_email_is_sent_by_the_worker_not_the_owners_request(
    owner_client, shared_draft
):
    assert submit(owner_client, shared_draft).status_code == 302
    assert mail.outbox == []
    assert queued(DELIVER).count() == 1

    run_background_jobs()
    [message] = mail.outbox
    assert message.to == ["carla.consultant@example.com"]
    assert "Olive's Deli" in message.subject
    assert reverse("consulting:review", args=[shared_draft.pk]) in message.body


def test_a_mail_server_that_is_down_gets_the_message_again_later(
    owner_client, shared_draft, settings
):
    settings.EMAIL_DELIVERY_BACKEND = "tests.failing_mail.EmailBackend"
    assert submit(owner_client, shared_draft).status_code == 302
    run_background_jobs()
    assert mail.outbox == []

    [retry] = queued(DELIVER)
    assert retry.args_kwargs["args"][1] == 2  # the second attempt
    wait = retry.run_after - timezone.now()
    assert timedelta(seconds=50) < wait <= timedelta(minutes=RETRY_AFTER_MINUTES[0])

    settings.EMAIL_DELIVERY_BACKEND = LOCMEM  # the server is back
    queued(DELIVER).update(run_after=timezone.now())
    run_background_jobs()
    assert [message.to for message in mail.outbox] == [["carla.consultant@example.com"]]


def test_the_last_wait_is_a_day_and_still_leads_to_one_more_attempt(settings, db):
    settings.EMAIL_DELIVERY_BACKEND = "tests.failing_mail.EmailBackend"
    message = {"subject": "Hi", "body": "", "from_email": None, "to": ["d@example.com"]}
    message |= {"cc": [], "bcc": [], "reply_to": [], "headers": {}, "alternatives": []}
    with pytest.raises(Exception, match="mail server is down"):
        deliver_email.call(message, len(RETRY_AFTER_MINUTES))
    [last] = queued(DELIVER)
    assert last.args_kwargs["args"][1] == len(RETRY_AFTER_MINUTES) + 1
    assert last.run_after - timezone.now() > timedelta(hours=23)


def test_after_the_last_attempt_the_failure_is_logged_and_nothing_more_queued(settings, caplog, db):
    settings.EMAIL_DELIVERY_BACKEND = "tests.failing_mail.EmailBackend"
    message = {
        "subject": "Your audit was reviewed",
        "body": "Hello",
        "from_email": None,
        "to": ["olive.owner@example.com"],
        "cc": [],
        "bcc": [],
        "reply_to": [],
        "headers": {},
        "alternatives": [],
    }
    with pytest.raises(Exception, match="mail server is down"):
        deliver_email.call(message, len(RETRY_AFTER_MINUTES) + 1)
    assert not queued(DELIVER).exists()
    assert "Gave up sending 'Your audit was reviewed'" in caplog.text


def test_html_alternatives_survive_the_queue(settings, db):
    from django.core.mail import EmailMultiAlternatives

    email = EmailMultiAlternatives("Hi", "plain", None, ["a@example.com"])
    email.attach_alternative("<p>rich</p>", "text/html")
    email.send()
    run_background_jobs()
    [delivered] = mail.outbox
    assert delivered.alternatives[0][0] == "<p>rich</p>"
    assert delivered.body == "plain"


def test_a_plain_message_without_alternatives_is_delivered(db):
    from django.core.mail import EmailMessage

    EmailMessage("Plain", "only text", None, ["b@example.com"]).send()
    run_background_jobs()
    [delivered] = mail.outbox
    assert (delivered.subject, delivered.body, delivered.to) == (
        "Plain",
        "only text",
        ["b@example.com"],
    )


def test_an_attachment_is_refused_when_queued_rather_than_silently_dropped(db):
    from django.core.mail import EmailMessage

    email = EmailMessage("With a file", "see attached", None, ["c@example.com"])
    email.attach("report.pdf", b"%PDF", "application/pdf")
    with pytest.raises(ValueError, match="^queued email cannot carry attachments$"):
        email.send()
    assert not queued(DELIVER).exists()
