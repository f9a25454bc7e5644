"""Queries per request on the busiest pages, pinned (issue 12 sets the goals). Each count
includes the session and the logged-in user; a published questionnaire is read from the
database once per process, never per request. With Redis (the production settings) the
session is read from it, one query less on each (`make benchmark` prints those counts)."""

import pytest
from django.urls import reverse

from questionnaire.models import Answer, Audit
from tests.factories import GOOD_ANSWERS, make_audit, make_consultant, share_business

pytestmark = pytest.mark.django_db


def test_a_question_step_costs_four_queries(owner_client, business, django_assert_num_queries):
    audit = make_audit(business, {"customers": ["clear"], "customer_value": ["reliable"]})
    url = reverse("questionnaire:audit_step", args=[audit.pk, 2])
    owner_client.get(url)  # the process reads the published questionnaire once
    # session, user with role, audit with business, the saved answer
    with django_assert_num_queries(4):
        page = owner_client.get(url).content.decode()
    assert "Question 2 of 9" in page and 'value="reliable" id="id_choices_2" checked' in page


@pytest.mark.parametrize("answered_before", [False, True])
def test_saving_a_step_costs_eight_queries(
    owner_client, business, django_assert_num_queries, answered_before
):
    audit = make_audit(business, {"customer_value": ["reliable"]} if answered_before else {})
    url = reverse("questionnaire:audit_step", args=[audit.pk, 2])
    owner_client.get(url)
    revision = 1 if answered_before else 0
    # session, user, audit; then, in a savepoint, lock the draft, read the answer, write it
    with django_assert_num_queries(8):
        response = owner_client.post(url, {"choices": "distinctive", "revision": revision})
    assert response["Location"] == reverse("questionnaire:audit_step", args=[audit.pk, 3])
    assert Answer.objects.get(audit=audit, question__number=2).choices == ["distinctive"]


def test_the_results_page_costs_six_queries(
    owner_client, business, django_assert_num_queries, monkeypatch
):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    url = reverse("reports:audit_results", args=[audit.pk])
    owner_client.get(url)  # the report is rendered once for these inputs, then kept
    monkeypatch.setattr("reports.report.result_for", None)  # a repeat view scores nothing
    # session, user, audit with its edition (its review revision stands for the
    # consultant's recommendations and overrides), the peer figures, the practice whose
    # brand it carries, and (for the owner, until a consultant opens the audit) who will
    # review it; in production, with the session in Redis, the page costs 5
    with django_assert_num_queries(6):
        page = owner_client.get(url).content.decode()
    assert "social-media readiness" in page and "Action plan" in page
    assert "What happens next" in page
    for email in ("carla@example.com", "connor@example.com"):  # reviewers named, no query each
        share_business(business, make_consultant(email, email.split("@")[0].title()))
    with django_assert_num_queries(6):
        page = owner_client.get(url).content.decode()
    assert "Carla, Connor will review your answers" in page
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.REVIEWED)
    with django_assert_num_queries(5):
        page = owner_client.get(url).content.decode()
    assert "Reviewed" in page and "Action plan" in page


def test_a_cached_pdf_download_costs_five_queries(
    owner_client, business, django_assert_num_queries
):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    url = reverse("reports:audit_pdf", args=[audit.pk])
    b"".join(owner_client.get(url).streaming_content)  # rendered and stored
    # session, user, audit, and the peer figures and the brand the fingerprint includes
    with django_assert_num_queries(5):
        content = b"".join(owner_client.get(url).streaming_content)
    assert content.startswith(b"%PDF")
