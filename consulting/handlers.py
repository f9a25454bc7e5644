"""What consulting does when the core announces an event: tell the people concerned."""

from consulting import emails
from consulting.models import Share


def email_consultants_on_submit(sender, audit, **kwargs) -> None:
    for share in Share.objects.live().filter(business=audit.business).select_related("consultant"):
        emails.client_submitted(audit, share.consultant)


def email_owner_on_review(sender, audit, **kwargs) -> None:
    emails.review_done(audit)
