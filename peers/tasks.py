"""The peer statistics are recounted in the background whenever a business's audits change."""

from datetime import timedelta

from django.db import transaction
from django_tasks import task

from common.retries import try_again_later
from peers import counting

RETRY_WAITS = [timedelta(seconds=seconds) for seconds in (10, 60, 600)]


@task()
def recount_business(business_id: int, edition_id: int, attempt: int = 1) -> None:
    try:
        counting.recount(business_id, edition_id)
    except Exception:
        try_again_later(recount_business, (business_id, edition_id), attempt, RETRY_WAITS)
        raise


def on_audit_event(sender, audit, **kwargs) -> None:
    """audit_submitted and audit_reviewed: sent after commit already."""
    recount_business.enqueue(audit.business_id, audit.edition_id)


def on_audit_deleted(sender, instance, **kwargs) -> None:
    """An audit deleted, alone or with its business: the business may count with an
    earlier audit now, or not at all."""
    if not instance.is_draft:
        business_id, edition_id = instance.business_id, instance.edition_id
        transaction.on_commit(lambda: recount_business.enqueue(business_id, edition_id))
