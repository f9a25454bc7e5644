"""Reminders: an unfinished draft and a business due to run the audit again are each
reminded at most twice, a week apart, through the queue, with a link that resumes the
audit and one that stops every reminder in one click (a mail program's too)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from common.jobs import housekeeping
from questionnaire import reminders
from questionnaire.models import Audit, NoReminders, Reminder
from tests.factories import GOOD_ANSWERS, make_audit, make_business, make_user

pytestmark = pytest.mark.django_db

NOW = timezone.now()
FIRST_THREE = {key: GOOD_ANSWERS[key] for key in list(GOOD_ANSWERS)[:3]}


def untouched_for(audit: Audit, days: float) -> None:
    Audit.objects.filter(pk=audit.pk).update(updated_at=NOW - timedelta(days=days))


def submitted_ago(audit: Audit, days: float) -> None:
    Audit.objects.filter(pk=audit.pk).update(submitted_at=NOW - timedelta(days=days))


def link_in(message, path_start: str) -> str:
    return next(w for w in message.body.split() if path_start in w).split("testserver")[-1]


def test_an_unfinished_draft_is_reminded_twice_at_most_a_week_apart(
    owner, owner_client, questionnaire
):
    draft = make_audit(make_business(owner, "Corner Café"), FIRST_THREE)
    untouched_for(draft, 2)
    assert reminders.send_due(NOW) == 0  # not yet three days
    untouched_for(draft, 3)
    assert reminders.send_due(NOW) == 1
    [message] = mail.outbox
    assert message.to == [owner.email]
    assert message.subject == "Your audit of Corner Café is waiting where you left it"
    # the link resumes at the first question still to answer
    resume = link_in(message, f"/audits/{draft.pk}/")
    assert resume.endswith(reverse("questionnaire:audit_detail", args=[draft.pk]))
    opened = owner_client.get(reverse("questionnaire:audit_detail", args=[draft.pk]))
    assert opened["Location"] == reverse("questionnaire:audit_step", args=[draft.pk, 4])
    assert reminders.send_due(NOW + timedelta(days=6)) == 0  # a week between reminders
    assert reminders.send_due(NOW + timedelta(days=7)) == 1
    assert reminders.send_due(NOW + timedelta(days=30)) == 0  # two is the most
    sent = Reminder.objects.filter(audit=draft, kind="unfinished").order_by("sent_at")
    assert [reminder.number for reminder in sent] == [1, 2]


def test_a_draft_worked_on_lately_is_not_reminded(owner, questionnaire):
    make_audit(make_business(owner), FIRST_THREE)  # updated just now
    assert reminders.send_due(NOW + timedelta(days=2, hours=23)) == 0
    assert not mail.outbox


def test_one_click_stops_every_reminder_and_a_second_turns_them_on(owner, questionnaire):
    draft = make_audit(make_business(owner), FIRST_THREE)
    untouched_for(draft, 4)
    reminders.send_due(NOW)
    message = mail.outbox[0]
    stop = link_in(message, "/reminders/stop/")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{stop}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    browser = Client(enforce_csrf_checks=True)  # a mail program posts with no form of ours
    asked = browser.get(stop).content.decode()
    assert "Stop reminder emails?" in asked and owner.email in asked
    assert not NoReminders.objects.exists()  # opening the link changes nothing
    done = browser.post(stop, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "Done: no more reminders" in done.content.decode()
    assert reminders.send_due(NOW + timedelta(days=8)) == 0
    browser.post(stop, {"action": "resume"})
    assert reminders.send_due(NOW + timedelta(days=8)) == 1


def test_a_made_up_or_altered_stop_link_is_404(owner, visitor):
    token = reminders.stop_link(owner).rstrip("/").split("/")[-1]
    assert (
        visitor.get(reverse("questionnaire:stop_reminders", args=["nonsense"])).status_code == 404
    )
    altered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = visitor.post(reverse("questionnaire:stop_reminders", args=[altered]))
    assert response.status_code == 404 and not NoReminders.objects.exists()


def test_a_business_is_reminded_to_run_the_audit_again_when_its_report_said(
    owner, owner_client, questionnaire
):
    """GOOD_ANSWERS make a "Yes": its report says to run the audit again in six months."""
    audit = make_audit(make_business(owner, "Corner Café"), GOOD_ANSWERS, submit=True)
    assert reminders.recommended_interval(audit).days == 182
    submitted_ago(audit, 150)  # five months
    assert reminders.send_due(NOW) == 0
    submitted_ago(audit, 183)
    assert reminders.send_due(NOW) == 1
    [message] = mail.outbox
    assert message.subject == "Time to run the audit of Corner Café again"
    business_page = reverse("questionnaire:business_detail", args=[audit.business_id])
    assert link_in(message, "/businesses/").endswith(business_page)
    assert "Start a new audit" in owner_client.get(business_page).content.decode()


def test_no_reminder_to_run_it_again_once_the_next_audit_is_started(owner, questionnaire):
    business = make_business(owner)
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    submitted_ago(audit, 400)
    make_audit(business, {})  # the owner has started again
    assert reminders.reaudit_due(NOW) == []


def test_the_workers_housekeeping_sends_them(owner, questionnaire):
    draft = make_audit(make_business(owner), FIRST_THREE)
    untouched_for(draft, 5)
    housekeeping.send(sender=None)
    assert [m.to for m in mail.outbox] == [[owner.email]]


def test_each_owner_is_reminded_of_their_own_audit_alone(owner, questionnaire):
    other = make_user("oscar.other@example.com")
    mine = make_audit(make_business(owner, "Mine"), FIRST_THREE)
    theirs = make_audit(make_business(other, "Theirs"), FIRST_THREE)
    for draft in (mine, theirs):
        untouched_for(draft, 4)
    reminders.send_due(NOW)
    sent = {message.to[0]: message.subject for message in mail.outbox}
    assert sent == {
        owner.email: "Your audit of Mine is waiting where you left it",
        other.email: "Your audit of Theirs is waiting where you left it",
    }


def test_two_workers_at_once_send_a_reminder_once(owner, questionnaire):
    """Both workers' housekeeping found the draft due; the second finds it sent."""
    draft = make_audit(make_business(owner), FIRST_THREE)
    untouched_for(draft, 4)
    [first], [second] = reminders.unfinished_due(NOW), reminders.unfinished_due(NOW)
    assert reminders.remind(first, "unfinished", NOW) is True
    assert reminders.remind(second, "unfinished", NOW) is False
    assert len(mail.outbox) == 1 and Reminder.objects.count() == 1


def test_a_report_that_said_three_months_is_reminded_after_three_months(owner, questionnaire):
    """A "Not yet" recommends running the audit again in three months; twice at most."""
    weak = {**GOOD_ANSWERS, "who_develops": ["nobody"]}
    audit = make_audit(make_business(owner), weak, submit=True)
    assert reminders.recommended_interval(audit).days == 91
    Audit.objects.filter(pk=audit.pk).update(
        submitted_at=NOW - reminders.recommended_interval(audit)
    )
    assert reminders.send_due(NOW) == 1  # due on the day itself
    assert reminders.send_due(NOW + timedelta(days=6)) == 0
    assert reminders.send_due(NOW + timedelta(days=7)) == 1
    assert reminders.send_due(NOW + timedelta(days=60)) == 0
    assert Reminder.objects.filter(audit=audit, kind="reaudit").count() == 2
