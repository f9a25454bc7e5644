"""One access helper per object: returns what this user may see, or raises 404.

Every view that takes an id goes through these, so the permission rule lives in one place.
"""

from django.shortcuts import get_object_or_404

from questionnaire.models import Audit, Business


def get_business_for(user, business_id: int) -> Business:
    return get_object_or_404(Business.objects.for_owner(user), pk=business_id)


def get_audit_for(user, audit_id: int) -> Audit:
    """An audit this user owns: for answering, changing and submitting."""
    audits = Audit.objects.for_owner(user).select_related("business", "version")
    return get_object_or_404(audits, pk=audit_id)


def get_readable_audit_for(user, audit_id: int) -> Audit:
    """An audit this user may read: their own, or a submitted one of their client's."""
    audits = Audit.objects.readable_by(user).select_related("business", "version")
    return get_object_or_404(audits, pk=audit_id)
