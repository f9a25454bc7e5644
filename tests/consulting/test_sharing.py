"""The owner decides who sees a business: they see whom it is shared with, and stopping
the share ends the consultant's access at once, pages, PDF and dashboard alike."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import GOOD_ANSWERS, make_audit, make_business, share_business

pytestmark = pytest.mark.django_db


def business_page(client, business) -> str:
    return client.get(reverse("questionnaire:business_detail", args=[business.pk])).content.decode()


def client_pages(audit) -> list[str]:
    return [
        reverse("reports:audit_results", args=[audit.pk]),
        reverse("reports:audit_pdf", args=[audit.pk]),
        reverse("consulting:review", args=[audit.pk]),
    ]


def test_the_owner_sees_whom_the_business_is_shared_with(owner_client, olive_audit):
    page = business_page(owner_client, olive_audit.business)
    assert "Carla Jones" in page and "carla.consultant@example.com" in page
    assert "Stop sharing" in page
    my_audits = owner_client.get(reverse("questionnaire:my_audits")).content.decode()
    assert "shared with Carla Jones" in my_audits


def test_a_business_shared_with_nobody_says_so(owner_client, business):
    assert "Only you can see these audits." in business_page(owner_client, business)


def test_stopping_a_share_ends_the_consultants_access_at_once(
    owner_client, carla_client, olive_audit
):
    business = olive_audit.business
    for url in client_pages(olive_audit):
        assert carla_client.get(url).status_code == 200, url
    share = business.shares.get()
    stop_url = reverse("consulting:stop_sharing", args=[business.pk, share.pk])
    confirm = owner_client.get(stop_url).content.decode()
    assert "Stop sharing with Carla Jones?" in confirm
    assert business.shares.exists()  # asking is not doing

    done = owner_client.post(stop_url, follow=True).content.decode()
    assert "Olive&#x27;s Bakery is no longer shared with Carla Jones." in done
    assert "Only you can see these audits." in done
    for url in client_pages(olive_audit):
        assert carla_client.get(url).status_code == 404, url
    dashboard = carla_client.get(reverse("consulting:dashboard")).content.decode()
    assert "Olive&#x27;s Bakery" not in dashboard


def test_a_consultant_whose_role_is_removed_loses_access_at_once(carla, carla_client, olive_audit):
    carla.consultant.delete()
    for url in [*client_pages(olive_audit), reverse("consulting:dashboard")]:
        assert carla_client.get(url).status_code == 404, url


def test_only_consultants_who_still_hold_the_share_and_role_are_emailed_on_submit(
    carla, connor, owner, owner_client, questionnaire, django_capture_on_commit_callbacks
):
    business = make_business(owner, "Olive's Deli")
    share_business(business, carla)
    share_business(business, connor)
    connor.consultant.delete()
    audit = make_audit(business, GOOD_ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    assert [message.to for message in mail.outbox] == [[carla.email]]


def test_a_mail_server_that_is_down_never_fails_the_owners_submit(
    carla, owner, owner_client, questionnaire, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.failing_mail.EmailBackend"
    business = make_business(owner, "Olive's Deli")
    share_business(business, carla)
    audit = make_audit(business, GOOD_ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    assert response.status_code == 302
    audit.refresh_from_db()
    assert not audit.is_draft
    page = owner_client.get(response["Location"], follow=True).content.decode()
    assert "Audit submitted. Thank you!" in page
    # The operator sees which handler failed, for which audit, with the traceback.
    [failure] = [r for r in caplog.records if r.name == "questionnaire.flow"]
    assert failure.getMessage().startswith("<function email_consultants_on_submit")
    assert failure.getMessage().endswith(f"failed for audit {audit.pk}")
    assert failure.exc_info and "mail server is down" in str(failure.exc_info[1])
