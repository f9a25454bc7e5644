"""Who has opened a client's audit: each view of its results or review page, each PDF
download and each CSV export that lists it, by anyone but its owner, is recorded; the owner
and the consultants of the business read the record."""

from __future__ import annotations

from collections.abc import Iterable

from consulting.models import AuditOpened, consultant_name
from questionnaire.models import Audit

SHOWN = 20  # the most recent openings a page lists


def record(user, audit: Audit, what: str) -> None:
    if audit.business.owner_id != user.pk:
        AuditOpened.objects.create(audit=audit, by=user, what=what)


def record_export(user, audit_ids: Iterable[int]) -> None:
    """One batch of a CSV export's audits (the export lists only the consultant's clients)."""
    rows = [AuditOpened(audit_id=pk, by=user, what=AuditOpened.What.EXPORT) for pk in audit_ids]
    AuditOpened.objects.bulk_create(rows)


def openings(audit: Audit) -> list[dict]:
    """The latest openings, newest first, with who opened it as the owner knows them."""
    latest = AuditOpened.objects.filter(audit=audit).select_related("by__consultant")[:SHOWN]
    return [
        {
            "who": consultant_name(opened.by) if opened.by else "A consultant who has left",
            "what": opened.get_what_display(),
            "at": opened.at,
        }
        for opened in latest
    ]
