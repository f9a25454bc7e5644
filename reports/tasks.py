"""Reports are rendered by the worker as soon as their inputs change, so a download is a read
of a stored file."""

from datetime import timedelta

from django.db import transaction
from django_tasks import task

from common.retries import try_again_later
from questionnaire.models import Audit
from reports import pdf
from reports.report import forget_html, report_html

# A failed render (the object store briefly down) is tried again; until it succeeds, a
# download renders the report itself.
RETRY_WAITS = [timedelta(seconds=seconds) for seconds in (10, 60, 600)]


@task()
def render_report(audit_id: int, attempt: int = 1) -> None:
    audit = Audit.objects.filter(pk=audit_id).exclude(status=Audit.Status.DRAFT).first()
    if audit is None:  # gone or reopened since: nothing to render
        return
    try:
        report = pdf.report_for(audit)
        pdf.ensure_rendered(audit, report)
        report_html(audit, report)  # the results page's, too
    except Exception:
        try_again_later(render_report, (audit_id,), attempt, RETRY_WAITS)
        raise


def on_audit_event(sender, audit, **kwargs) -> None:
    """audit_submitted and audit_reviewed: sent after commit already."""
    render_report.enqueue(audit.pk)


def on_review_item_change(sender, instance, **kwargs) -> None:
    """A recommendation or score override saved or deleted: the report changes with it."""
    audit_id = instance.audit_id
    transaction.on_commit(lambda: render_report.enqueue(audit_id))


@task()
def forget_report(audit_id: int, attempt: int = 1) -> None:
    """A deleted audit's stored PDFs and cached results page, removed (tried again while
    the object store is down)."""
    forget_html(audit_id)
    try:
        pdf.remove_stored(audit_id)
    except Exception:
        try_again_later(forget_report, (audit_id,), attempt, RETRY_WAITS)
        raise


def on_audit_deleted(sender, instance, **kwargs) -> None:
    """An audit deleted, alone or with its business or its owner's account."""
    audit_id = instance.pk
    transaction.on_commit(lambda: forget_report.enqueue(audit_id))
