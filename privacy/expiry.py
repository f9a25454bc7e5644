"""Drafts nobody finishes are not kept for ever. A guest's draft lives in their session and
goes when the session expires (SESSION_COOKIE_AGE after its last save); expired sessions are
removed here. An account's draft audit untouched for DRAFT_EXPIRY_DAYS is deleted, and its
business with it when that draft was all the business had. The worker runs this once an hour
(common.jobs.housekeeping)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from questionnaire.models import Audit, Business

logger = logging.getLogger(__name__)


def expire_drafts() -> tuple[int, int]:
    """Delete abandoned drafts and expired sessions; returns (drafts, sessions) deleted."""
    cutoff = timezone.now() - timedelta(days=settings.DRAFT_EXPIRY_DAYS)
    with transaction.atomic():
        abandoned = Audit.objects.filter(status=Audit.Status.DRAFT, updated_at__lt=cutoff)
        business_ids = list(abandoned.values_list("business_id", flat=True))
        drafts = abandoned.delete()[1].get("questionnaire.Audit", 0)
        Business.objects.filter(pk__in=business_ids).annotate(left=Count("audits")).filter(
            left=0
        ).delete()
    sessions, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    if drafts:
        logger.info("Deleted %s drafts untouched for %s days", drafts, settings.DRAFT_EXPIRY_DAYS)
    return drafts, sessions


def on_housekeeping(sender, **kwargs) -> None:
    expire_drafts()
