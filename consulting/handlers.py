"""What consulting does when the core announces an event: tell the people concerned."""

from django.db.models import F

from consulting import emails
from consulting.models import Membership, ScoreOverride, Share
from questionnaire.models import Audit


def email_consultants_on_submit(sender, audit, **kwargs) -> None:
    """Each consultant the business is shared with; for a practice, the member who brought
    the client in, or its leads once that member has left."""
    shares = Share.objects.live().filter(business=audit.business)
    notified = set()
    for share in shares.select_related("consultant", "practice"):
        for person in share.contacts():
            if person.pk not in notified:
                notified.add(person.pk)
                emails.client_submitted(audit, person)


def keep_practice_clients(sender, instance, **kwargs) -> None:
    """A member who brought clients to their practice deletes their account: the clients
    stay the practice's, passed to another member (a lead first). With no one left, the
    shares go with the account, as a consultant's own do."""
    for share in Share.objects.filter(consultant=instance, practice__isnull=False):
        others = Membership.objects.filter(practice=share.practice).exclude(user=instance)
        heir = others.filter(role=Membership.Role.LEAD).first() or others.first()
        if heir is None:
            continue
        if Share.objects.filter(business_id=share.business_id, consultant=heir.user).exists():
            continue  # already theirs too: this one goes with the account
        share.consultant = heir.user
        share.save(update_fields=["consultant"])


def email_owner_on_review(sender, audit, **kwargs) -> None:
    emails.review_done(audit)


def count_review_change(sender, instance, **kwargs) -> None:
    """A recommendation or a score override saved or deleted: the report it belongs to has
    changed (reports.pdf.fingerprint reads the count)."""
    Audit.objects.filter(pk=instance.audit_id).update(review_revision=F("review_revision") + 1)


def consultant_figures(sender, audit, **kwargs) -> dict[str, int]:
    """The dimension scores a consultant set for this audit: the verdict uses them in place
    of the computed ones (questionnaire.signals.dimension_adjustments)."""
    overrides = ScoreOverride.objects.filter(audit_id=audit.pk).values_list("dimension", "score")
    return dict(overrides)
