"""Who may do what with an audit or a business: the one access policy every view asks.

It lives in the project package because it joins two apps: owners come from the
questionnaire core, consultants and their shares from consulting. Views ask it by rule
name through `questionnaire.access`, so the core never imports consulting. Every check is
made against live data: the consultant role as it is now, the share as it is now.
"""

import rules

from consulting.models import Share


@rules.predicate
def owns_business(user, business) -> bool:
    return business.owner_id == user.pk


@rules.predicate
def owns_audit(user, audit) -> bool:
    return audit.business.owner_id == user.pk


@rules.predicate
def is_submitted(user, audit) -> bool:
    return not audit.is_draft


@rules.predicate
def is_consultant(user) -> bool:
    """The role as it is now: removed in the admin, it stops granting anything at once."""
    return user.is_authenticated and hasattr(user, "consultant")


@rules.predicate
def shared_with_user(user, audit) -> bool:
    """The owner shares this business with the user now (sharing stopped means no row)."""
    return Share.objects.filter(business_id=audit.business_id, consultant_id=user.pk).exists()


is_clients_consultant = is_consultant & shared_with_user

POLICY = {
    # Owners read every audit of theirs; their consultants read what has been submitted.
    "read_audit": owns_audit | (is_submitted & is_clients_consultant),
    # Only the owner answers; once submitted, the flow refuses the change (flow.AuditLocked).
    "answer_audit": owns_audit,
    "review_audit": is_submitted & is_clients_consultant,
    # Seeing a business's history, running its audit again, choosing whom it is shared with.
    "manage_business": owns_business,
}

for name, predicate in POLICY.items():
    rules.add_rule(name, predicate)
