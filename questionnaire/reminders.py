"""Reminders, sent by the worker's hourly housekeeping (common.jobs.housekeeping): an owner
whose draft has waited UNFINISHED_AFTER is told where they stopped, and one whose latest
audit is as old as the interval its report recommended is invited to run it again. At most
EACH of a kind per audit, GAP apart; none to an owner who asked for none (the link at the
foot of every reminder, also given to mail programs as List-Unsubscribe)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from common.branding import brand_for_business
from common.mail import branded_email, site_link
from questionnaire.models import Audit, Reminder
from questionnaire.verdicts import result_for

UNFINISHED_AFTER = timedelta(days=3)
GAP = timedelta(days=7)
EACH = 2
DAYS_A_MONTH = 30.44
STOP_SALT = "questionnaire.reminders.stop"


def on_housekeeping(sender, **kwargs) -> None:
    send_due()


def send_due(now: datetime | None = None) -> int:
    """Send every reminder due now; how many were sent."""
    now = now or timezone.now()
    due = [(audit, Reminder.Kind.UNFINISHED) for audit in unfinished_due(now)]
    due += [(audit, Reminder.Kind.REAUDIT) for audit in reaudit_due(now)]
    return sum(remind(audit, kind, now) for audit, kind in due)


def _wanted(audits):
    """Of owners who have not asked for no reminders, with what a reminder says of them."""
    audits = audits.filter(business__owner__no_reminders__isnull=True)
    return audits.select_related("business__owner").prefetch_related("reminders")


def _earlier(audit: Audit, kind: str) -> list[Reminder]:
    return [reminder for reminder in audit.reminders.all() if reminder.kind == kind]


def _may_remind(audit: Audit, kind: str, now: datetime) -> bool:
    earlier = _earlier(audit, kind)
    return len(earlier) < EACH and all(r.sent_at <= now - GAP for r in earlier)


def unfinished_due(now: datetime) -> list[Audit]:
    drafts = _wanted(Audit.objects.drafts().filter(updated_at__lte=now - UNFINISHED_AFTER))
    return [audit for audit in drafts if _may_remind(audit, Reminder.Kind.UNFINISHED, now)]


def reaudit_due(now: datetime) -> list[Audit]:
    """Each business's latest audit once the interval its report recommends has passed,
    unless the owner has already started the next one."""
    shortest = timedelta(days=DAYS_A_MONTH * 3)  # no edition recommends sooner
    latest = Audit.objects.latest_of_each_business().filter(submitted_at__lte=now - shortest)
    latest = latest.exclude(business__audits__status=Audit.Status.DRAFT)
    return [
        audit
        for audit in _wanted(latest)
        if audit.submitted_at <= now - recommended_interval(audit)
        and _may_remind(audit, Reminder.Kind.REAUDIT, now)
    ]


def recommended_interval(audit: Audit) -> timedelta:
    return timedelta(days=DAYS_A_MONTH * result_for(audit).reaudit_months)


def stop_link(user) -> str:
    token = signing.dumps(user.pk, salt=STOP_SALT)
    return site_link(reverse("questionnaire:stop_reminders", args=[token]))


def user_id_of(token: str) -> int | None:
    try:
        return signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None


def remind(audit: Audit, kind: str, now: datetime) -> bool:
    """Queue the reminder, recorded as sent; False if another worker just sent it."""
    owner = audit.business.owner
    if kind == Reminder.Kind.UNFINISHED:
        link = site_link(reverse("questionnaire:audit_detail", args=[audit.pk]))
    else:
        link = site_link(reverse("questionnaire:business_detail", args=[audit.business_id]))
    stop = stop_link(owner)
    context = {"audit": audit, "link": link, "stop": stop}
    template = f"questionnaire/email/reminder_{kind}"
    # RFC 8058: a mail program may offer its own one-click "unsubscribe", which POSTs here.
    headers = {
        "List-Unsubscribe": f"<{stop}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    number = len(_earlier(audit, kind)) + 1
    try:
        with transaction.atomic():  # the email is queued in the same transaction
            Reminder.objects.create(audit=audit, kind=kind, number=number, sent_at=now)
            brand = brand_for_business(audit.business_id)
            branded_email(template, owner.email, context, brand, headers).send()
    except IntegrityError:
        return False
    return True
