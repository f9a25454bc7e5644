"""Who will review a business's audits, as its owner's results page names them."""

from __future__ import annotations

from consulting.models import Share


def reviewer_names(business_id: int) -> list[str]:
    """The consultants the business is shared with now, in the order they were added: one
    indexed query, asked only while an owner's audit waits for its first review."""
    shares = Share.objects.live().filter(business_id=business_id).order_by("created_at")
    names = shares.values_list(
        "practice__name", "consultant__consultant__display_name", "consultant__email"
    )
    # as Share.consultant_name: the practice, else the consultant as clients know them
    return [practice or display_name or email for practice, display_name, email in names]
