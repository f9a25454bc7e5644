"""The PDF is rendered by the worker as soon as an audit is submitted or its review changes,
so an owner's download is a read of the stored file; and never rendered twice for the same
inputs, however many ask at once."""

import threading

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.urls import reverse

from consulting.models import Recommendation
from reports import pdf
from tests.factories import GOOD_ANSWERS, make_audit, make_client_audit, make_consultant
from tests.jobs import queued, run_background_jobs
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)
RENDER = "reports.tasks.render_report"


@pytest.fixture
def renders(monkeypatch):
    """Counts the renders (each still really renders)."""
    calls = []
    real = pdf.render_pdf

    def counting(audit, comparison=None):
        calls.append(audit.pk)
        return real(audit, comparison)

    monkeypatch.setattr(pdf, "render_pdf", counting)
    return calls


def download(client, audit) -> bytes:
    response = client.get(reverse("reports:audit_pdf", args=[audit.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_submitting_queues_a_render_that_the_worker_stores(owner_client, business, renders):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    assert queued(RENDER).count() == 1
    assert renders == []  # nothing rendered while the owner waited

    run_background_jobs()
    report = pdf.report_for(audit)
    assert default_storage.exists(report.name)
    assert renders == [audit.pk]

    content = download(owner_client, audit)
    assert renders == [audit.pk], "the download read the stored file, it did not render"
    assert "Corner Café" in pdf_text(content)


def test_a_new_recommendation_is_in_the_pdf_without_a_render_on_download(
    owner, questionnaire, renders
):
    from tests.consulting.conftest import logged_in

    carla = make_consultant("carla.consultant@example.com", "Carla Jones")
    audit = make_client_audit(carla, owner, "Olive's Bakery")
    run_background_jobs()
    logged_in(carla).post(
        reverse("consulting:add_recommendation", args=[audit.pk]),
        {"text": "Post your weekly specials every Friday."},
    )
    assert Recommendation.objects.filter(audit=audit).count() == 1
    assert queued(RENDER).count() == 1
    run_background_jobs()
    rendered = len(renders)

    content = download(logged_in(owner), audit)
    assert len(renders) == rendered
    assert "Post your weekly specials every Friday." in pdf_text(content)


def test_a_download_before_the_worker_renders_once_and_the_worker_then_skips_it(
    owner_client, business, renders
):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    download(owner_client, audit)
    download(owner_client, audit)
    run_background_jobs()
    assert renders == [audit.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL only")
def test_downloads_at_the_same_moment_render_once(owner, business, renders):
    from django.test import Client

    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    results = []

    def fetch():
        client = Client()
        client.force_login(owner)
        results.append(download(client, audit))
        connection.close()

    threads = [threading.Thread(target=fetch) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and len(set(results)) == 1
    assert renders == [audit.pk]


def test_a_draft_reopened_or_deleted_before_the_worker_runs_is_skipped(business, renders):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    audit.delete()
    run_background_jobs()
    assert renders == []


def test_a_failed_render_is_tried_again_later_and_then_stored(business, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    real = pdf.render_pdf
    monkeypatch.setattr(
        pdf, "render_pdf", lambda audit, comparison=None: 1 / 0
    )  # the store is down
    run_background_jobs()
    report = pdf.report_for(audit)
    assert not default_storage.exists(report.name)
    [retry] = queued(RENDER)
    assert retry.args_kwargs["args"] == [audit.pk, 2]
    assert timedelta(seconds=5) < retry.run_after - timezone.now() <= timedelta(seconds=10)

    monkeypatch.setattr(pdf, "render_pdf", real)  # back
    queued(RENDER).update(run_after=timezone.now())
    run_background_jobs()
    assert default_storage.exists(report.name)
    assert not queued(RENDER).exists()
