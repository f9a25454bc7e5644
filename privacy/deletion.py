"""Deleting a business, or a whole account. The database removes the rows (answers,
audits, shares, recommendations, notes, overrides go with what they belong to); the
signals already connected to an audit's deletion then remove its stored PDFs and cached
results page (reports.tasks.forget_report) and take it out of the peer figures
(peers.tasks.on_audit_deleted), through the worker, after the deletion commits."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from consulting.models import Invitation, Recommendation, Share
from questionnaire.models import Audit, Business


@dataclass(frozen=True)
class WhatGoes:
    """What a deletion removes, for the page that asks to confirm it."""

    businesses: list[str]
    audits: int
    submitted: int  # each with a stored report, and counted in the peer figures
    consultants: list[str]  # who loses access to these businesses
    recommendations_written: int = 0  # a consultant's, on their clients' audits
    invitations_sent: int = 0


def _of_businesses(businesses) -> dict:
    audits = Audit.objects.filter(business__in=businesses)
    shares = Share.objects.filter(business__in=businesses).select_related("consultant__consultant")
    return {
        "businesses": [business.name for business in businesses],
        "audits": audits.count(),
        "submitted": audits.exclude(status=Audit.Status.DRAFT).count(),
        "consultants": sorted({share.consultant_name for share in shares}),
    }


def what_goes_with_business(business: Business) -> WhatGoes:
    return WhatGoes(**_of_businesses([business]))


def what_goes_with_account(user) -> WhatGoes:
    return WhatGoes(
        **_of_businesses(list(Business.objects.filter(owner=user))),
        recommendations_written=Recommendation.objects.filter(author=user).count(),
        invitations_sent=Invitation.objects.filter(consultant=user).count(),
    )


def delete_business(business: Business) -> None:
    business.delete()


@transaction.atomic
def delete_account(user) -> None:
    """The businesses first, one by one, so each audit's own clean-up runs; then the user,
    which takes their role, invitations, recommendations and notes with it."""
    for business in Business.objects.filter(owner=user):
        delete_business(business)
    user.delete()
