"""Demo accounts and audits, so a newcomer sees a working product straight away."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from questionnaire import flow
from questionnaire.models import Audit, Business

DEMO_PASSWORD = "demo-audit-2026"

CAFE_ANSWERS = {
    "customers": ["clear"],
    "customer_value": ["distinctive"],
    "social_experience": ["conversation"],
    "pathway": ["rapport", "recommend", "support"],
    "networks": ["instagram", "facebook"],
    "who_develops": ["named_person"],
    "sustained": ["routine"],
    "growth": ["reply", "invite", "reviews"],
    "success": ["business_goals"],
}
# The café's first audit, in the spring: nobody named, no time set, likes counted.
CAFE_EARLIER = {
    **CAFE_ANSWERS,
    "who_develops": ["nobody"],
    "sustained": ["no_time"],
    "success": ["vanity"],
}
EARLIER_DAYS_AGO = 250


def demo_user(email: str, *, staff: bool = False):
    user, created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "is_staff": staff, "is_superuser": staff}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def fill_answers(audit: Audit, answers: dict[str, list[str]], notes: dict[str, str] | None = None):
    notes = notes or {}
    for question in audit.edition.questions.all():
        if question.key in answers:
            given = flow.StepInput(answers[question.key], notes.get(question.key, ""), None)
            flow.save_answer(audit, question, given)


def create_owner_demo() -> tuple[Business, list[tuple[str, str]]]:
    """The demo owner's café (with an audit from the spring, a better one since and a draft)
    and the logins made."""
    admin = demo_user("admin@example.com", staff=True)
    owner = demo_user("owner@example.com")
    cafe = Business.objects.for_owner(owner).first()
    if cafe is None:
        cafe = Business.objects.create(
            owner=owner,
            name="Corner Café",
            sector="hospitality",
            size="micro",
            sells_to="consumers",
            networks=["instagram"],
        )
        earlier = flow.start_audit(cafe)
        fill_answers(earlier, CAFE_EARLIER)
        flow.submit_audit(earlier)
        spring = timezone.now() - timedelta(days=EARLIER_DAYS_AGO)
        Audit.objects.filter(pk=earlier.pk).update(created_at=spring, submitted_at=spring)
        submitted = flow.start_audit(cafe)
        fill_answers(submitted, CAFE_ANSWERS, {"customers": "Locals, office workers at lunch."})
        flow.submit_audit(submitted)
        draft = flow.start_audit(cafe)
        fill_answers(draft, {key: CAFE_ANSWERS[key] for key in ["customers", "customer_value"]})
    return cafe, [(admin.email, "site administrator"), (owner.email, "business owner")]
