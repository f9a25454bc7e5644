"""Plain helpers that make test data; no fixtures library needed."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from consulting.models import Consultant, Membership, Practice, Share
from questionnaire import flow
from questionnaire.content import load_content_file
from questionnaire.models import Audit, Business, Edition
from questionnaire.scoring.examples import SOUND

PASSWORD = "correct-horse-battery-9"

# One complete, sensible set of answers to the nine questions (the worked examples' base).
GOOD_ANSWERS = SOUND


def make_questionnaire() -> Edition:
    return load_content_file() or Edition.objects.current()


def make_user(email: str):
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_business(owner, name: str = "Corner Café", **fields) -> Business:
    defaults = {"sector": "hospitality", "size": "micro", "sells_to": "consumers"}
    return Business.objects.create(owner=owner, name=name, **{**defaults, **fields})


def make_audit(
    business: Business,
    answers: dict[str, list[str]] | None = None,
    submit: bool = False,
    notes: dict[str, str] | None = None,
) -> Audit:
    audit = flow.start_audit(business)
    notes = notes or {}
    for question in audit.edition.questions.all():
        if answers and question.key in answers:
            flow.save_answer(
                audit,
                question,
                flow.StepInput(answers[question.key], notes.get(question.key, ""), None),
            )
    if submit:
        audit = flow.submit_audit(audit)
    return audit


def make_consultant(email: str, name: str = ""):
    user = make_user(email)
    Consultant.objects.create(user=user, display_name=name)
    return user


def share_business(business: Business, consultant) -> Share:
    return Share.objects.create(business=business, consultant=consultant)


def make_practice(lead, name: str = "Harbour Marketing", *members):
    """A practice led by `lead`, with `members` as its consultants."""
    practice = Practice.objects.create(name=name, slug=slugify(name))
    Membership.objects.create(practice=practice, user=lead, role=Membership.Role.LEAD)
    for member in members:
        Membership.objects.create(practice=practice, user=member)
    return practice


def shared_with(business: Business) -> list:
    """The users the business is shared with, in the order it was shared."""
    return [share.consultant for share in business.shares.order_by("pk")]


def make_client_audit(consultant, owner, name: str, answers=None, submit=True, **fields):
    """An audit of a business `owner` has shared with `consultant`."""
    business = make_business(owner, name, **fields)
    share_business(business, consultant)
    return make_audit(business, answers if answers is not None else GOOD_ANSWERS, submit=submit)
