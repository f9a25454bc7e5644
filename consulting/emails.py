"""The emails the consulting workflow sends (console by default, SMTP through settings)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from common.mail import site_link
from questionnaire.models import Audit


def _send(template: str, to: str, context: dict) -> None:
    """Send `<template>.txt` with the subject `<template>_subject.txt`, made one line
    whatever a name in it holds: a line break in a header would be an injected header."""
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context).strip() + "\n"
    send_mail(subject, body, None, [to])


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
    _send("consulting/email/invitation", invitation.email, context)


def client_submitted(audit: Audit, consultant) -> None:
    link = site_link(reverse("consulting:review", args=[audit.pk]))
    _send("consulting/email/client_submitted", consultant.email, {"audit": audit, "link": link})


def review_done(audit: Audit) -> None:
    link = site_link(reverse("reports:audit_results", args=[audit.pk]))
    _send(
        "consulting/email/review_done",
        audit.business.owner.email,
        {"audit": audit, "link": link},
    )
