"""Crafted input is refused with a message that says what to fix, never a 500, and nothing
is half-saved (issue 11, observations 5 and 6)."""

import pytest
from django.core import mail
from django.urls import reverse

from consulting.models import Consultant, Invitation, ScoreOverride, SignupSetting
from questionnaire.models import Answer
from tests.factories import GOOD_ANSWERS, make_audit, make_business, make_user, share_business

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_signup(db):
    SignupSetting.objects.create(pk=1, consultant_signup_open=True)


def test_a_nul_in_the_consultant_name_is_refused_and_kept(client, open_signup):
    client.force_login(make_user("nina@example.com"))
    response = client.post(reverse("consulting:become_consultant"), {"display_name": "Ni\x00na"})
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert not Consultant.objects.exists()


def test_a_line_break_in_the_consultant_name_is_refused(client, open_signup):
    client.force_login(make_user("nina@example.com"))
    response = client.post(
        reverse("consulting:become_consultant"), {"display_name": "Nina\r\nBcc: x@example.com"}
    )
    assert "This must fit on one line" in response.content.decode()
    assert not Consultant.objects.exists()


def test_a_nul_in_the_override_dimension_is_a_form_error(carla_client, olive_audit):
    response = carla_client.post(
        reverse("consulting:override", args=[olive_audit.pk]),
        {"dimension": "value\x00", "score": 50, "reason": "Seen it"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ScoreOverride.objects.exists()


@pytest.mark.parametrize("chosen", ["²", "9" * 5000, "-1", ""])
def test_a_strange_business_choice_on_an_invitation_is_404(carla, owner_client, business, chosen):
    invitation, token = Invitation.issue(carla, "olive.owner@example.com")
    link = reverse("consulting:accept_invitation", args=[token])
    assert owner_client.post(link, {"business": chosen}).status_code == 404
    invitation.refresh_from_db()
    assert not invitation.is_used


def test_a_name_saved_before_with_a_line_break_cannot_break_the_emails(
    carla, carla_client, owner, owner_client, questionnaire, django_capture_on_commit_callbacks
):
    """Names typed before line breaks were refused must not stop an email (BadHeaderError)."""
    Consultant.objects.filter(user=carla).update(display_name="Carla\rJones")
    business = make_business(owner, "Deli\r\nBcc: x@example.com")
    share_business(business, carla)
    audit = make_audit(business, GOOD_ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        invited = carla_client.post(
            reverse("consulting:invitations"), {"email": "new@example.com", "message": ""}
        )
        submitted = owner_client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    assert invited.status_code == submitted.status_code == 302
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        "Carla Jones invites you to a social-media strategy audit",
        "Deli Bcc: x@example.com has submitted an audit for review",
    ]


def test_a_line_break_in_the_business_name_is_refused_and_kept(owner_client, business):
    audit = make_audit(business)
    response = owner_client.post(
        reverse("questionnaire:audit_profile", args=[audit.pk]),
        {"name": "Corner\rCafé", "sector": "retail", "size": "micro", "sells_to": "consumers"},
    )
    page = response.content.decode()
    assert "This must fit on one line" in page and "Corner\rCafé" in page
    business.refresh_from_db()
    assert business.name == "Corner Café"


def test_a_control_character_in_a_note_is_refused_and_the_note_kept(owner_client, business):
    audit = make_audit(business)
    response = owner_client.post(
        reverse("questionnaire:audit_step", args=[audit.pk, 1]),
        {"choices": "clear", "note": "Locals\x07 and tourists\nmostly", "revision": 0},
    )
    page = response.content.decode()
    assert "invisible control character" in page and "and tourists" in page
    assert not Answer.objects.filter(audit=audit).exists()


def test_a_line_break_in_a_note_is_fine(owner_client, business):
    audit = make_audit(business)
    owner_client.post(
        reverse("questionnaire:audit_step", args=[audit.pk, 1]),
        {"choices": "clear", "note": "Locals\r\nand tourists", "revision": 0},
    )
    assert Answer.objects.get(audit=audit).note == "Locals\r\nand tourists"


def test_the_same_choice_posted_ten_times_counts_once(owner_client, business):
    audit = make_audit(business, {k: v for k, v in GOOD_ANSWERS.items() if k != "pathway"})
    pathway = audit.edition.questions.get(key="pathway")
    owner_client.post(
        reverse("questionnaire:audit_step", args=[audit.pk, pathway.number]),
        {"choices": ["close"] * 10, "revision": 0},
    )
    assert Answer.objects.get(audit=audit, question=pathway).choices == ["close"]


def test_a_20_mb_upload_to_the_login_page_is_refused_before_it_is_read(client):
    body = b"x" * (20 * 1024 * 1024)
    response = client.generic(
        "POST",
        reverse("account_login"),
        data=body,
        content_type="multipart/form-data; boundary=abc",
    )
    assert response.status_code == 413


def test_an_ordinary_long_note_is_well_under_the_request_limit(owner_client, business):
    audit = make_audit(business)
    note = "Ünïcödé 日本語 " * 400  # 5,200 characters of multi-byte text, ~60 KB once encoded
    response = owner_client.post(
        reverse("questionnaire:audit_step", args=[audit.pk, 1]),
        {"choices": "clear", "note": note[:5000], "revision": 0},
    )
    assert response.status_code == 302
