"""Email leaves through the task queue: a request only records the message, and the worker
delivers it, trying again later when the mail server is down or refuses it.

Every email of the site (the consulting workflow's, allauth's sign-in and password mails)
goes through `send_mail` and so through this backend; the worker hands it to the real one,
EMAIL_DELIVERY_BACKEND (SMTP in production, the console for local use).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django_tasks import task

from common.branding import SITE_BRAND, Brand
from common.retries import try_again_later

logger = logging.getLogger(__name__)

# Minutes to wait before each further attempt: about a day and a half in all, enough to
# ride out a mail server's maintenance window; after the last, the failure is logged.
RETRY_AFTER_MINUTES = [1, 5, 30, 120, 720, 1440]
RETRY_WAITS = [timedelta(minutes=minutes) for minutes in RETRY_AFTER_MINUTES]


def site_link(path: str) -> str:
    """A link for an email: the site's one configured address (SITE_URL) and the path.
    Never the address a request came to, which may be a second port or an inner name."""
    return settings.SITE_URL.rstrip("/") + path


def branded_email(
    template: str, to: str, context: dict, brand: Brand = SITE_BRAND, headers=None
) -> EmailMultiAlternatives:
    """`<template>.txt` as the text part, with the subject `<template>_subject.txt` made one
    line (a line break in a header would be an injected header), and an HTML part in the
    brand's colours: from the brand's sender name at the site's address (mail servers
    reject a message from a domain they cannot vouch for), replies to the brand's address."""
    context = {**context, "brand": brand}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    text = render_to_string(f"{template}.txt", context).strip() + "\n"
    html = render_to_string("email/branded.html", {**context, "subject": subject, "text": text})
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    message = EmailMultiAlternatives(
        subject,
        text,
        formataddr((brand.sender_name or brand.name, address)),
        [to],
        reply_to=[brand.reply_to] if brand.reply_to else None,
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            deliver_email.enqueue(as_dict(message))
        return len(email_messages)


def as_dict(message: EmailMessage) -> dict:
    """What a queued message keeps: text only (the site sends no attachments)."""
    if message.attachments:
        raise ValueError("queued email cannot carry attachments")
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(alt) for alt in getattr(message, "alternatives", [])],
    }


def from_dict(fields: dict) -> EmailMultiAlternatives:
    fields = dict(fields)
    alternatives = [tuple(alt) for alt in fields.pop("alternatives")]
    return EmailMultiAlternatives(alternatives=alternatives, **fields)


@task()
def deliver_email(message: dict, attempt: int = 1) -> None:
    try:
        get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages([from_dict(message)])
    except Exception:
        wait = try_again_later(deliver_email, (message,), attempt, RETRY_WAITS)
        if wait is None:
            logger.exception("Gave up sending %r to %s", message["subject"], message["to"])
        else:
            logger.warning("Sending %r failed; trying again in %s", message["subject"], wait)
        raise  # this attempt is recorded as failed; the next one, if any, is queued
