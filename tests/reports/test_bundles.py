"""A ZIP of chosen clients' PDFs: asked for on the dashboard, built by the worker with its
progress shown, holding exactly the chosen clients the consultant may still review."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from consulting.models import Membership, Share
from reports import bundles
from reports.models import ReportBundle
from tests.consulting.conftest import logged_in
from tests.factories import (
    GOOD_ANSWERS,
    make_audit,
    make_business,
    make_consultant,
    make_practice,
    make_user,
)
from tests.jobs import run_background_jobs
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)  # the worker runs in the test


@pytest.fixture
def practice_clients(questionnaire):
    """Lena leads Harbour, which has two clients; Otto consults alone for a third."""
    lena, otto = make_consultant("lena@example.com", "Lena"), make_consultant("otto@example.com")
    harbour = make_practice(lena, "Harbour Marketing")
    audits = []
    for owner, name in [("olive", "Olive's Bakery"), ("pam", "Pam's Pottery")]:
        audit = make_audit(
            make_business(make_user(f"{owner}@example.com"), name), GOOD_ANSWERS, submit=True
        )
        Share.make(audit.business, lena, harbour)
        audits.append(audit)
    oscar = make_audit(
        make_business(make_user("oscar@example.com"), "Oscar's Garage"), GOOD_ANSWERS, submit=True
    )
    Share.make(oscar.business, otto, None)
    return lena, harbour, audits, oscar


def ask(client, audit_ids, capture):
    with capture(execute=True):
        return client.post(reverse("reports:new_bundle"), {"audit": [str(pk) for pk in audit_ids]})


def test_the_zip_holds_the_chosen_clients_pdfs_and_no_one_elses(
    practice_clients, django_capture_on_commit_callbacks
):
    lena, _, (olive, pam), oscar = practice_clients
    client = logged_in(lena)
    dashboard = client.get(reverse("consulting:dashboard")).content.decode()
    assert f'name="audit" value="{olive.pk}" form="bundle-form"' in dashboard
    asked = ask(client, [olive.pk, pam.pk, oscar.pk, "x"], django_capture_on_commit_callbacks)
    bundle = ReportBundle.objects.get()
    assert asked["Location"] == reverse("reports:bundle", args=[bundle.pk])
    assert bundle.audit_ids == sorted([olive.pk, pam.pk])  # Oscar is not Lena's client
    waiting = client.get(asked["Location"]).content.decode()
    assert "0 of 2 PDFs so far" in waiting and "data-building" in waiting  # js/bundle.js asks again
    run_background_jobs()
    ready = client.get(asked["Location"]).content.decode()
    assert "Ready: 2 PDFs" in ready and "data-building" not in ready
    download = client.get(reverse("reports:bundle_download", args=[bundle.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = sorted(archive.namelist())
    assert names == [
        f"olives-bakery-social-media-audit-{olive.submitted_at:%Y-%m-%d}.pdf",
        f"pams-pottery-social-media-audit-{pam.submitted_at:%Y-%m-%d}.pdf",
    ]
    texts = [pdf_text(archive.read(name)) for name in names]
    assert "Olive's Bakery" in texts[0] and "Pam's Pottery" in texts[1]
    assert all("Oscar" not in text for text in texts)
    assert all("Harbour Marketing" in text for text in texts)  # the practice's brand


def test_asking_with_nothing_ticked_says_what_to_do(
    practice_clients, django_capture_on_commit_callbacks
):
    lena, _, _, oscar = practice_clients
    client = logged_in(lena)
    answer = ask(client, [oscar.pk], django_capture_on_commit_callbacks)
    assert answer["Location"] == reverse("consulting:dashboard")
    page = client.get(answer["Location"]).content.decode()
    assert "Tick the submitted audits whose PDFs you want" in page
    assert not ReportBundle.objects.exists()


def test_a_member_removed_while_the_zip_waits_gets_none_of_the_practices_pdfs(
    practice_clients, django_capture_on_commit_callbacks
):
    lena, harbour, (olive, _), _ = practice_clients
    max_ = make_consultant("max@example.com", "Max")
    Membership.objects.create(practice=harbour, user=max_)
    client = logged_in(max_)
    ask(client, [olive.pk], django_capture_on_commit_callbacks)
    Membership.objects.filter(user=max_).delete()
    run_background_jobs()
    bundle = ReportBundle.objects.get()
    assert (bundle.state, bundle.done, bundle.included) == ("ready", 1, 0)
    archive = zipfile.ZipFile(default_storage.open(bundle.file_name))
    assert archive.namelist() == []
    assert (
        "no longer shared with you"
        in client.get(reverse("reports:bundle", args=[bundle.pk])).content.decode()
    )


def test_a_zip_is_not_downloadable_before_it_is_ready(practice_clients):
    lena, _, (olive, _), _ = practice_clients
    bundle = ReportBundle.objects.create(requested_by=lena, audit_ids=[olive.pk])
    assert (
        logged_in(lena).get(reverse("reports:bundle_download", args=[bundle.pk])).status_code == 404
    )


def test_zips_older_than_a_week_are_removed_with_their_files(practice_clients):
    lena, _, (olive, _), _ = practice_clients
    old = ReportBundle.objects.create(requested_by=lena, audit_ids=[olive.pk])
    bundles.build_bundle.call(old.pk)
    old.refresh_from_db()
    fresh = ReportBundle.objects.create(requested_by=lena, audit_ids=[olive.pk])
    ReportBundle.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert bundles.remove_old() == 1
    assert list(ReportBundle.objects.all()) == [fresh]
    assert not default_storage.exists(old.file_name)


def test_two_pdfs_of_the_same_name_are_both_kept():
    taken: set[str] = set()
    names = [bundles._unique("cafe-2026-12-06.pdf", taken) for _ in range(3)]
    assert names == ["cafe-2026-12-06.pdf", "cafe-2026-12-06-2.pdf", "cafe-2026-12-06-3.pdf"]


def test_an_old_zip_never_built_is_removed_too(practice_clients):
    lena, _, (olive, _), _ = practice_clients
    ReportBundle.objects.create(requested_by=lena, audit_ids=[olive.pk])
    ReportBundle.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert bundles.remove_old() == 1 and not ReportBundle.objects.exists()
