"""Drafts nobody finishes are not kept for ever: the worker's hourly housekeeping deletes a
draft untouched for DRAFT_EXPIRY_DAYS (and its business, when that was all of it) and
expired sessions, where guests' drafts live."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from common.jobs import housekeeping
from privacy.expiry import expire_drafts
from questionnaire.models import Audit, Business
from tests.factories import GOOD_ANSWERS, make_audit, make_business

pytestmark = pytest.mark.django_db


def untouched_for(audit: Audit, days: int) -> Audit:
    Audit.objects.filter(pk=audit.pk).update(updated_at=timezone.now() - timedelta(days=days))
    return audit


def session(expires_in_days: int) -> str:
    store = SessionStore()
    store["guest_draft"] = {"profile": {"name": "Harbour Bakery"}, "answers": {}}
    store.create()
    expiry = timezone.now() + timedelta(days=expires_in_days)
    Session.objects.filter(pk=store.session_key).update(expire_date=expiry)
    return store.session_key


def test_old_drafts_and_expired_sessions_go_and_nothing_else(
    owner, questionnaire, settings, caplog
):
    settings.DRAFT_EXPIRY_DAYS = 30
    kept = make_business(owner, "Still Trading")
    for _ in range(3):  # audits numbered apart from businesses, as on a real site
        submitted = untouched_for(make_audit(kept, GOOD_ANSWERS, submit=True), 400)
    only_a_draft = untouched_for(make_audit(make_business(owner, "Given Up")), 31)
    old_draft = untouched_for(make_audit(kept, {"customers": ["general"]}), 31)
    recent = untouched_for(make_audit(make_business(owner, "Just Started")), 29)
    expired, live = session(-1), session(3)

    caplog.set_level("INFO", logger="privacy.expiry")
    assert expire_drafts() == (2, 1)

    assert not Business.objects.filter(name="Given Up").exists()
    assert not Audit.objects.filter(pk__in=[only_a_draft.pk, old_draft.pk]).exists()
    assert kept.audits.count() == 3 and Audit.objects.filter(pk=submitted.pk).exists()
    assert Audit.objects.filter(pk=recent.pk).exists()
    assert Business.objects.filter(name="Just Started").exists()
    assert list(Session.objects.values_list("pk", flat=True)) == [live]
    assert expired != live
    assert "Deleted 2 drafts untouched for 30 days" in caplog.text


def test_with_nothing_old_nothing_goes(owner, questionnaire):
    make_audit(make_business(owner, "Just Started"))
    assert expire_drafts() == (0, 0)
    assert Business.objects.filter(name="Just Started").exists()


def test_the_workers_housekeeping_expires_drafts(owner, questionnaire, settings):
    settings.DRAFT_EXPIRY_DAYS = 30
    draft = untouched_for(make_audit(make_business(owner, "Given Up")), 31)
    housekeeping.send(sender=None)  # as the worker sends it, once an hour
    assert not Audit.objects.filter(pk=draft.pk).exists()


def test_the_privacy_page_says_how_long_drafts_are_kept(visitor, settings):
    settings.DRAFT_EXPIRY_DAYS = 90
    page = visitor.get("/privacy/").content.decode()
    assert "have not touched for 90 days is deleted" in page
    assert "go 14 days after your last answer" in page


def test_the_worker_keeps_house_at_once_then_hourly(monkeypatch):
    from auditsite.management.commands import worker

    sent = []
    monkeypatch.setattr(worker, "requeue_abandoned", lambda: (0, 0))
    monkeypatch.setattr(worker.housekeeping, "send", lambda sender: sent.append(sender))
    clock = iter([1000.0, 1000.0 + 60, 1000.0 + 3600])
    monkeypatch.setattr(worker.time, "monotonic", lambda: next(clock))
    first = worker.sweep_once(None)  # the worker has just started
    assert first == 1000.0 and len(sent) == 1
    assert worker.sweep_once(first) == first and len(sent) == 1  # a minute later: not yet
    assert worker.sweep_once(first) == 1000.0 + 3600 and len(sent) == 2  # an hour later
