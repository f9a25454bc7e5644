"""Rendered reports in S3-compatible object storage, against a real S3 server (SeaweedFS on
loopback): what the worker stores there is what any app server then serves."""

import pytest
from django.urls import reverse

from reports import pdf
from tests.factories import GOOD_ANSWERS, make_audit
from tests.jobs import run_background_jobs
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_stores_the_pdf_in_the_bucket_and_the_download_reads_it(
    s3_storage, owner_client, business, monkeypatch
):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    run_background_jobs()
    report = pdf.report_for(audit)
    assert report.name in s3_storage.keys()
    stored = s3_storage.client().get_object(Bucket=s3_storage.bucket, Key=report.name)
    assert stored["Body"].read().startswith(b"%PDF")

    def no_render(audit):
        raise AssertionError("the download rendered instead of reading the bucket")

    monkeypatch.setattr(pdf, "render_pdf", no_render)
    response = owner_client.get(reverse("reports:audit_pdf", args=[audit.pk]))
    assert response.status_code == 200
    assert "Corner Café" in pdf_text(b"".join(response.streaming_content))


def test_a_changed_report_replaces_the_old_file_in_the_bucket(s3_storage, owner, questionnaire):
    from consulting.models import Recommendation
    from tests.factories import make_client_audit, make_consultant

    carla = make_consultant("carla.consultant@example.com", "Carla Jones")
    audit = make_client_audit(carla, owner, "Olive's Bakery")
    run_background_jobs()
    first = pdf.report_for(audit).name
    Recommendation.objects.create(audit=audit, author=carla, text="Answer every review.")
    run_background_jobs()
    audit.refresh_from_db()  # as the next request would read it
    latest = pdf.report_for(audit).name
    assert latest != first
    keys = [key for key in s3_storage.keys() if key.startswith(f"reports/{audit.pk}/")]
    assert keys == [latest]


def test_a_deleted_business_leaves_no_report_in_the_bucket(s3_storage, owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    run_background_jobs()
    assert [key for key in s3_storage.keys() if key.startswith(f"reports/{audit.pk}/")]
    owner_client.post(reverse("privacy:delete_business", args=[business.pk]))
    run_background_jobs()
    assert not [key for key in s3_storage.keys() if key.startswith(f"reports/{audit.pk}/")]
