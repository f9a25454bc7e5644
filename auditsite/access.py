"""Who may do what with an audit or a business: the one access policy every view asks.

It lives in the project package because it joins two apps: owners come from the
questionnaire core, consultants and their shares from consulting. Views ask it by rule
name through `questionnaire.access`, so the core never imports consulting. Every check is
made against live data: the consultant role as it is now, the share as it is now.
"""

import rules

from consulting.models import Membership, Share


def owns_business(user, business) -> bool:
    return business.owner_id == user.pk


def owns_audit(user, audit) -> bool:
    return audit.business.owner_id == user.pk


def is_submitted(user, audit) -> bool:
    return not audit.is_draft


def is_consultant(user, audit=None) -> bool:
    """The role as it is now: removed in the admin, it stops granting anything at once.
    (Every predicate takes the object, so each is called the same way.)"""
    return user.is_authenticated and hasattr(user, "consultant")


def shared_with_user(user, audit) -> bool:
    """The owner shares this business with the user now, or with the practice the user is a
    member of now (sharing stopped, or the member removed, means no row)."""
    return Share.objects.granting(user).filter(business_id=audit.business_id).exists()


def leads(user, practice) -> bool:
    memberships = Membership.objects.filter(user_id=user.pk, practice=practice)
    return memberships.filter(role=Membership.Role.LEAD).exists()


# The predicates above are plain functions (so the mutation tester reaches them); rules
# makes them composable with & and |.
owner = rules.predicate(owns_audit)
clients_consultant = rules.predicate(is_consultant) & rules.predicate(shared_with_user)
submitted = rules.predicate(is_submitted)

POLICY = {
    # Owners read every audit of theirs; their consultants read what has been submitted.
    "read_audit": owner | (submitted & clients_consultant),
    # Only the owner answers; once submitted, the flow refuses the change (flow.AuditLocked).
    "answer_audit": owner,
    "review_audit": submitted & clients_consultant,
    # Seeing a business's history, running its audit again, choosing whom it is shared with.
    "manage_business": rules.predicate(owns_business),
    # The consultant's workspace: dashboard, export, invitations.
    "work_as_consultant": rules.predicate(is_consultant),
    # A practice's brand, members and log, for its leads. (Its members reach its clients
    # through the shares above; its page is the one of the member's own practice.)
    "manage_practice": rules.predicate(is_consultant) & rules.predicate(leads),
}

for name, predicate in POLICY.items():
    rules.add_rule(name, predicate)
