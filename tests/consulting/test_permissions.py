"""Every consultant URL that takes an id: the other consultant and the clients get 404.
Private notes never reach the client, by page, PDF or export."""

import pytest
from django.urls import reverse

from consulting.models import AuditNote, Recommendation, ScoreOverride
from tests.factories import make_audit, make_client_audit
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def id_urls(audit, recommendation, override):
    return [
        ("get", reverse("consulting:review", args=[audit.pk])),
        ("post", reverse("consulting:add_note", args=[audit.pk])),
        ("post", reverse("consulting:add_recommendation", args=[audit.pk])),
        ("post", reverse("consulting:delete_recommendation", args=[audit.pk, recommendation.pk])),
        ("post", reverse("consulting:override", args=[audit.pk])),
        ("post", reverse("consulting:remove_override", args=[audit.pk, override.pk])),
        ("post", reverse("consulting:status", args=[audit.pk])),
        ("get", reverse("reports:audit_results", args=[audit.pk])),
        ("get", reverse("reports:audit_pdf", args=[audit.pk])),
    ]


@pytest.fixture
def extras(olive_audit, carla):
    recommendation = Recommendation.objects.create(audit=olive_audit, author=carla, text="Keep it")
    override = ScoreOverride.objects.create(
        audit=olive_audit, author=carla, dimension="value", score=50, reason="Seen it"
    )
    return recommendation, override


def test_other_consultant_gets_404_everywhere(connor_client, olive_audit, extras):
    data = {"text": "hijack", "dimension": "value", "score": 1, "reason": "x", "step": "finish"}
    for method, url in id_urls(olive_audit, *extras):
        assert getattr(connor_client, method)(url, data).status_code == 404, url
    olive_audit.refresh_from_db()
    assert olive_audit.status == "submitted"
    assert not AuditNote.objects.exists()
    assert Recommendation.objects.get().text == "Keep it"
    assert ScoreOverride.objects.get().score == 50


def test_the_client_gets_404_on_consultant_pages(owner_client, olive_audit, extras):
    for method, url in id_urls(olive_audit, *extras)[:7]:
        assert getattr(owner_client, method)(url, {"text": "x"}).status_code == 404, url
    for url in [
        "consulting:dashboard",
        "consulting:export_csv",
        "consulting:invitations",
        "consulting:portfolio",
    ]:
        assert owner_client.get(reverse(url)).status_code == 404, url


def test_another_client_gets_404_on_everything(other_client, olive_audit, extras):
    for method, url in id_urls(olive_audit, *extras):
        assert getattr(other_client, method)(url, {"text": "x"}).status_code == 404, url


def test_a_visitor_is_sent_to_log_in(visitor, olive_audit, extras):
    for method, url in id_urls(olive_audit, *extras):
        response = getattr(visitor, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_consultant_cannot_review_a_clients_draft(carla, carla_client, owner, questionnaire):
    draft = make_client_audit(carla, owner, "Draft Co", answers={}, submit=False)
    assert carla_client.get(reverse("consulting:review", args=[draft.pk])).status_code == 404
    assert carla_client.get(reverse("reports:audit_results", args=[draft.pk])).status_code == 404


def test_a_consultant_cannot_reach_an_unshared_business_of_their_client(
    carla_client, owner, business
):
    unshared = make_audit(business, {"customers": ["clear"]})
    assert carla_client.get(reverse("consulting:review", args=[unshared.pk])).status_code == 404


def test_private_notes_never_reach_the_client(owner_client, carla_client, olive_audit):
    secret = "Owner seems unsure about budget - PRIVATE"
    carla_client.post(reverse("consulting:add_note", args=[olive_audit.pk]), {"text": secret})
    assert AuditNote.objects.get().text == secret
    assert (
        secret
        in carla_client.get(reverse("consulting:review", args=[olive_audit.pk])).content.decode()
    )

    results = owner_client.get(reverse("reports:audit_results", args=[olive_audit.pk]))
    assert secret not in results.content.decode()
    pdf = owner_client.get(reverse("reports:audit_pdf", args=[olive_audit.pk]))
    assert secret not in pdf_text(b"".join(pdf.streaming_content))
    export = carla_client.get(reverse("consulting:export_csv"))
    assert secret not in b"".join(export.streaming_content).decode()
