"""Who may reach what: another owner gets 404 everywhere, a visitor is sent to log in,
and a submitted audit cannot be changed through its step URLs."""

import pytest
from django.urls import reverse

from questionnaire import flow
from questionnaire.models import Answer, Audit
from tests.factories import GOOD_ANSWERS, make_audit, make_consultant, share_business

pytestmark = pytest.mark.django_db


def audit_urls(audit):
    return [
        reverse("questionnaire:audit_detail", args=[audit.pk]),
        reverse("questionnaire:audit_profile", args=[audit.pk]),
        reverse("questionnaire:audit_step", args=[audit.pk, 1]),
        reverse("questionnaire:audit_review", args=[audit.pk]),
        reverse("questionnaire:audit_submit", args=[audit.pk]),
        reverse("questionnaire:business_detail", args=[audit.business.pk]),
        reverse("questionnaire:start_business_audit", args=[audit.business.pk]),
    ]


def test_other_owner_gets_404_on_every_audit_and_business_url(other_client, business):
    draft = make_audit(business, {"customers": ["clear"]})
    for url in audit_urls(draft):
        assert other_client.get(url).status_code in (404, 405), url
        assert (
            other_client.post(url, {"choices": "varied", "name": "Hijacked"}).status_code == 404
        ), url
    draft.refresh_from_db()
    assert draft.is_draft and draft.business.name == "Corner Café"
    assert Answer.objects.get(audit=draft).choices == ["clear"]
    assert draft.business.audits.count() == 1


def test_other_owner_gets_404_on_a_submitted_audit(other_client, business):
    submitted = make_audit(business, GOOD_ANSWERS, submit=True)
    assert (
        other_client.get(reverse("questionnaire:audit_detail", args=[submitted.pk])).status_code
        == 404
    )


def test_other_owner_does_not_see_the_business_in_my_audits(other_client, business):
    make_audit(business)
    assert (
        "Corner Café" not in other_client.get(reverse("questionnaire:my_audits")).content.decode()
    )


def test_visitor_is_sent_to_log_in(visitor, business):
    audit = make_audit(business)
    for url in [
        reverse("questionnaire:my_audits"),
        reverse("questionnaire:new_audit"),
        *audit_urls(audit),
    ]:
        response = visitor.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


def test_posting_to_a_submitted_audits_steps_changes_nothing(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    response = owner_client.post(
        reverse("questionnaire:audit_step", args=[audit.pk, 1]),
        {"choices": "varied", "note": "late"},
    )
    assert response["Location"] == reverse("questionnaire:audit_detail", args=[audit.pk])
    answer = Answer.objects.get(audit=audit, question__number=1)
    assert answer.choices == ["clear"] and answer.note == ""
    follow = owner_client.get(response["Location"], follow=True).content.decode()
    assert "can no longer be changed" in follow


def test_posting_to_a_submitted_audits_profile_changes_nothing(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    owner_client.post(
        reverse("questionnaire:audit_profile", args=[audit.pk]),
        {"name": "Renamed", "sector": "retail", "size": "solo", "sells_to": "both"},
    )
    business.refresh_from_db()
    assert business.name == "Corner Café"


def test_submitting_twice_keeps_the_first_submission(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    first = Audit.objects.get(pk=audit.pk).submitted_at
    owner_client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    assert Audit.objects.get(pk=audit.pk).submitted_at == first


def test_submit_only_accepts_post(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS)
    assert (
        owner_client.get(reverse("questionnaire:audit_submit", args=[audit.pk])).status_code == 405
    )
    audit.refresh_from_db()
    assert audit.is_draft


def test_the_clients_consultant_cannot_answer_a_submitted_audit(client, business):
    """Reading a client's audit is not answering it: the answer path is the owner's alone."""
    carla = make_consultant("carla@example.com", "Carla")
    share_business(business, carla)
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    client.force_login(carla)
    for url in audit_urls(audit)[1:5]:  # profile, a step, review, submit
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {"choices": "varied", "name": "Hijacked"}).status_code == 404, url
    assert Answer.objects.get(audit=audit, question__number=1).choices == ["clear"]


def test_the_flow_refuses_a_late_answer_to_a_submitted_audit(business):
    """The second wall: a save that slipped past the page's check (a tab left open while
    the audit was submitted elsewhere) is refused by the flow itself."""
    audit = make_audit(business, GOOD_ANSWERS)
    question = audit.edition.questions.get(number=1)
    flow.submit_audit(audit)
    with pytest.raises(flow.AuditLocked):
        flow.save_answer(audit, question, flow.StepInput(["varied"], "late", None))
    assert Answer.objects.get(audit=audit, question=question).choices == ["clear"]


def test_a_late_answer_is_refused_even_while_a_new_draft_is_open(business):
    """A tab left open on last quarter's audit, after it was submitted and a new one begun."""
    submitted = make_audit(business, GOOD_ANSWERS, submit=True)
    make_audit(business, {"customers": ["general"]})  # this quarter's draft
    question = submitted.edition.questions.get(number=1)
    with pytest.raises(flow.AuditLocked):
        flow.save_answer(submitted, question, flow.StepInput(["varied"], "late", None))
    assert Answer.objects.get(audit=submitted, question=question).choices == ["clear"]


def test_answering_this_quarters_audit_leaves_last_quarters_answers_alone(business):
    submitted = make_audit(business, GOOD_ANSWERS, submit=True)
    draft = make_audit(business)
    question = draft.edition.questions.get(number=1)
    flow.save_answer(draft, question, flow.StepInput(["general"], "new", None))
    assert Answer.objects.get(audit=submitted, question=question).choices == ["clear"]
    assert Answer.objects.get(audit=draft, question=question).choices == ["general"]
