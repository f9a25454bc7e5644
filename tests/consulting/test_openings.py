"""Who has seen this: each view of a client's results or review page, each PDF download and
each CSV export that lists the audit, by anyone but its owner, is recorded; the owner reads
the record, and so does every consultant of the business on the review page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from consulting.models import AuditOpened
from tests.consulting.conftest import logged_in
from tests.factories import make_consultant, share_business

pytestmark = pytest.mark.django_db


def openings_page(client, audit) -> str:
    return client.get(reverse("consulting:audit_openings", args=[audit.pk])).content.decode()


def test_the_owner_sees_each_time_a_consultant_opened_their_audit(
    carla_client, owner_client, olive_audit
):
    carla_client.get(reverse("consulting:review", args=[olive_audit.pk]))
    carla_client.get(reverse("reports:audit_results", args=[olive_audit.pk]))
    download = carla_client.get(reverse("reports:audit_pdf", args=[olive_audit.pk]))
    b"".join(download.streaming_content)
    export = carla_client.get(reverse("consulting:export_csv"))
    b"".join(export.streaming_content)
    # the owner's own visits are not "opened by someone"
    owner_client.get(reverse("reports:audit_results", args=[olive_audit.pk]))
    owner_client.get(reverse("reports:audit_pdf", args=[olive_audit.pk]))
    kinds = list(AuditOpened.objects.order_by("pk").values_list("what", flat=True))
    assert kinds == ["review", "results", "pdf", "export"]
    page = openings_page(owner_client, olive_audit)
    for what in ("Review page", "Results page", "PDF", "CSV export"):
        assert f"<td>Carla Jones</td><td>{what}</td>" in page
    when = timezone.localtime(AuditOpened.objects.first().at)
    assert f"<td>{when:%-d %b %Y %H:%M}</td>" in page
    results = owner_client.get(reverse("reports:audit_results", args=[olive_audit.pk]))
    assert reverse("consulting:audit_openings", args=[olive_audit.pk]) in results.content.decode()


def test_nothing_opened_says_so(owner_client, olive_audit):
    assert "No one else has opened it yet." in openings_page(owner_client, olive_audit)


def test_every_consultant_of_the_business_sees_the_record_on_the_review(carla_client, olive_audit):
    dora = make_consultant("dora@example.com", "Dora Lee")
    share_business(olive_audit.business, dora)
    logged_in(dora).get(reverse("reports:audit_results", args=[olive_audit.pk]))
    page = carla_client.get(reverse("consulting:review", args=[olive_audit.pk])).content.decode()
    assert "<td>Dora Lee</td><td>Results page</td>" in page
    assert "<td>Carla Jones</td><td>Review page</td>" in page


def test_a_consultant_who_left_is_still_an_opening(carla, carla_client, owner_client, olive_audit):
    carla_client.get(reverse("reports:audit_results", args=[olive_audit.pk]))
    carla.delete()
    assert "<td>A consultant who has left</td><td>Results page</td>" in openings_page(
        owner_client, olive_audit
    )


def test_another_consultant_or_owner_cannot_read_it(connor_client, other_client, olive_audit):
    for client in (connor_client, other_client):
        url = reverse("consulting:audit_openings", args=[olive_audit.pk])
        assert client.get(url).status_code == 404
