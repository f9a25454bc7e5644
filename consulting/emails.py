"""The emails the consulting workflow sends, through the queue (common.mail). Those to a
client carry the brand of the practice they deal with; those to a consultant, the site's."""

from django.conf import settings
from django.urls import reverse

from common.branding import SITE_BRAND, Brand
from common.mail import branded_email, site_link
from consulting.branding import brand_for_business, brand_of_consultant
from questionnaire.models import Audit


def _send(template: str, to: str, context: dict, brand: Brand = SITE_BRAND) -> None:
    branded_email(template, to, context, brand).send()


def invitation(invitation, token: str) -> None:
    link = site_link(reverse("consulting:accept_invitation", args=[token]))
    quoted = "\n".join(f"> {line}" for line in invitation.message.splitlines())
    context = {
        "invitation": invitation,
        "link": link,
        "consultant": invitation.consultant,
        "site_url": settings.SITE_URL,
        "quoted_message": quoted,
    }
    brand = brand_of_consultant(invitation.consultant)
    _send("consulting/email/invitation", invitation.email, context, brand)


def client_submitted(audit: Audit, consultant) -> None:
    link = site_link(reverse("consulting:review", args=[audit.pk]))
    _send("consulting/email/client_submitted", consultant.email, {"audit": audit, "link": link})


def review_done(audit: Audit) -> None:
    link = site_link(reverse("reports:audit_results", args=[audit.pk]))
    context = {"audit": audit, "link": link}
    brand = brand_for_business(audit.business_id)
    _send("consulting/email/review_done", audit.business.owner.email, context, brand)
