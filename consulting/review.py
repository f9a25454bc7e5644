"""The review workflow: submitted → in review → reviewed, recording who and when."""

from django.db import transaction
from django.utils import timezone

from consulting import emails
from questionnaire.models import Audit


class WrongStatus(Exception):
    """The audit is not in a state this step can start from."""


@transaction.atomic
def start_review(audit: Audit, consultant) -> Audit:
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.status != Audit.Status.SUBMITTED:
        raise WrongStatus
    audit.status = Audit.Status.IN_REVIEW
    audit.review_started_at, audit.review_started_by = timezone.now(), consultant
    audit.save(update_fields=["status", "review_started_at", "review_started_by", "updated_at"])
    return audit


@transaction.atomic
def finish_review(audit: Audit, consultant) -> Audit:
    """Mark the review done and tell the client (once the change is committed)."""
    audit = Audit.objects.select_for_update().select_related("business__owner").get(pk=audit.pk)
    if audit.status not in (Audit.Status.SUBMITTED, Audit.Status.IN_REVIEW):
        raise WrongStatus
    now = timezone.now()
    if audit.review_started_at is None:
        audit.review_started_at, audit.review_started_by = now, consultant
    audit.status = Audit.Status.REVIEWED
    audit.reviewed_at, audit.reviewed_by = now, consultant
    audit.save()
    transaction.on_commit(lambda: emails.review_done(audit))
    return audit
