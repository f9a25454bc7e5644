"""The review: answers with scores and reasons, notes, recommendations, overrides, status."""

import pytest
from django.core import mail
from django.urls import reverse

from consulting.models import Recommendation, ScoreOverride
from questionnaire.models import Audit
from tests.factories import GOOD_ANSWERS, make_audit, make_business, share_business
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def review_url(audit):
    return reverse("consulting:review", args=[audit.pk])


def test_the_review_page_shows_answers_scores_and_reasons_side_by_side(carla_client, olive_audit):
    page = carla_client.get(review_url(olive_audit)).content.decode()
    assert "Olive&#x27;s Bakery" in page and "olive.owner@example.com" in page
    assert "Who are your customers, or, if you have not opened yet, who will they be?" in page
    assert "<strong>100</strong>/100" in page
    assert "You said “I can name our main customer groups" in page
    assert "Yes: go ahead with consumers" in page
    assert "Not assessed: you told us you sell to consumers only." in page


def test_status_moves_through_review_recording_who_and_when(
    carla, carla_client, olive_audit, django_capture_on_commit_callbacks
):
    status_url = reverse("consulting:status", args=[olive_audit.pk])
    carla_client.post(status_url, {"step": "start"})
    olive_audit.refresh_from_db()
    assert olive_audit.status == Audit.Status.IN_REVIEW
    assert olive_audit.review_started_by == carla and olive_audit.review_started_at

    with django_capture_on_commit_callbacks(execute=True):
        response = carla_client.post(status_url, {"step": "finish"}, follow=True)
    olive_audit.refresh_from_db()
    assert olive_audit.status == Audit.Status.REVIEWED
    assert olive_audit.reviewed_by == carla and olive_audit.reviewed_at
    assert "the client has been emailed" in response.content.decode()
    assert mail.outbox[-1].to == ["olive.owner@example.com"]
    assert "reviewed" in mail.outbox[-1].subject

    again = carla_client.post(status_url, {"step": "start"}, follow=True).content.decode()
    assert "This audit is already reviewed." in again


def test_the_consultant_is_emailed_when_a_client_submits(
    carla, owner, owner_client, questionnaire, django_capture_on_commit_callbacks
):
    business = make_business(owner, "Olive's Deli")
    share_business(business, carla)
    audit = make_audit(business, GOOD_ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    message = mail.outbox[-1]
    assert message.to == [carla.email]
    assert "Olive's Deli" in message.subject
    assert f"/consultant/audits/{audit.pk}/" in message.body
    # The headline in plain words; only the market the deli sells to is mentioned.
    assert "Yes: go ahead with consumers." in message.body
    assert "Readiness for selling to consumers:" in message.body
    assert "businesses" not in message.body and "B2C-led" not in message.body


def test_no_email_when_the_business_has_no_consultant(
    owner_client, business, django_capture_on_commit_callbacks
):
    audit = make_audit(business, GOOD_ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    assert mail.outbox == []


def test_a_recommendation_reaches_the_clients_results_and_pdf(
    carla_client, owner_client, olive_audit
):
    text = "Post one customer story a week & answer <every> comment within a day."
    results_url = reverse("reports:audit_results", args=[olive_audit.pk])
    before = owner_client.get(results_url).content.decode()  # rendered and kept
    assert "Your consultant's recommendations" not in before
    carla_client.post(
        reverse("consulting:add_recommendation", args=[olive_audit.pk]), {"text": text}
    )
    assert Recommendation.objects.get().text == text
    results = owner_client.get(
        reverse("reports:audit_results", args=[olive_audit.pk])
    ).content.decode()
    assert "Your consultant's recommendations" in results
    assert "answer &lt;every&gt; comment" in results and "Carla Jones" in results
    pdf = owner_client.get(reverse("reports:audit_pdf", args=[olive_audit.pk]))
    assert text in pdf_text(b"".join(pdf.streaming_content))


def test_an_empty_or_too_long_recommendation_is_refused_keeping_the_text(carla_client, olive_audit):
    url = reverse("consulting:add_recommendation", args=[olive_audit.pk])
    assert (
        "Write the recommendation first." in carla_client.post(url, {"text": ""}).content.decode()
    )
    long_text = "y" * 5001
    page = carla_client.post(url, {"text": long_text}).content.decode()
    assert "This is 5001 characters long" in page and long_text in page
    assert not Recommendation.objects.exists()


def test_an_override_is_the_consultants_figure_everywhere_with_the_computed_one_beside(
    carla_client, owner_client, olive_audit
):
    computed = olive_audit.dimension_scores["success"]
    readiness = olive_audit.b2c_readiness
    results_url = reverse("reports:audit_results", args=[olive_audit.pk])
    assert "your consultant's figure" not in owner_client.get(results_url).content.decode()
    carla_client.post(
        reverse("consulting:override", args=[olive_audit.pk]),
        {"dimension": "success", "score": "20", "reason": "They count likes, whatever they say."},
    )
    assert ScoreOverride.objects.get().score == 20
    olive_audit.refresh_from_db()
    # The stored figures the dashboard and the CSV read: the consultant's, and what follows.
    assert olive_audit.dimension_scores["success"] == 20 and computed == 100
    assert olive_audit.b2c_readiness == 59 < readiness  # a weak dimension: below Ready
    assert olive_audit.headline.startswith("Nearly: first decide how you will measure success")
    results = owner_client.get(results_url).content.decode()
    assert "20/100 is your consultant's figure (the audit computed 100)" in results
    assert "Your consultant set Success measures to 20 (the audit computed 100)." in results
    assert "They count likes, whatever they say." in results
    text = pdf_text(
        b"".join(
            owner_client.get(reverse("reports:audit_pdf", args=[olive_audit.pk])).streaming_content
        )
    )
    assert "20/100 is your consultant's figure (the audit computed 100)" in text

    # Overriding the same dimension again replaces it; removing it restores the computed one.
    carla_client.post(
        reverse("consulting:override", args=[olive_audit.pk]),
        {"dimension": "success", "score": "70", "reason": "On reflection."},
    )
    assert ScoreOverride.objects.get().score == 70
    carla_client.post(
        reverse("consulting:remove_override", args=[olive_audit.pk, ScoreOverride.objects.get().pk])
    )
    olive_audit.refresh_from_db()
    assert olive_audit.dimension_scores["success"] == 100 and olive_audit.b2c_readiness == readiness


def test_an_out_of_range_override_says_so_and_keeps_the_reason(carla_client, olive_audit):
    page = carla_client.post(
        reverse("consulting:override", args=[olive_audit.pk]),
        {"dimension": "value", "score": "150", "reason": "Far better than it looks"},
    ).content.decode()
    assert "A score cannot be above 100." in page and "Far better than it looks" in page
    assert not ScoreOverride.objects.exists()


def test_a_recommendation_changes_the_pdf(carla_client, owner_client, olive_audit):
    pdf_url = reverse("reports:audit_pdf", args=[olive_audit.pk])
    before = owner_client.get(pdf_url)["ETag"]
    carla_client.post(
        reverse("consulting:add_recommendation", args=[olive_audit.pk]), {"text": "New"}
    )
    assert owner_client.get(pdf_url)["ETag"] != before


def test_finishing_a_review_straight_away_records_when_it_started(carla, carla_client, olive_audit):
    carla_client.post(reverse("consulting:status", args=[olive_audit.pk]), {"step": "finish"})
    olive_audit.refresh_from_db()
    assert olive_audit.review_started_by == carla
    assert olive_audit.review_started_at == olive_audit.reviewed_at


def test_finishing_a_review_keeps_when_it_was_started(carla, carla_client, olive_audit):
    status_url = reverse("consulting:status", args=[olive_audit.pk])
    carla_client.post(status_url, {"step": "start"})
    started = Audit.objects.get(pk=olive_audit.pk).review_started_at
    carla_client.post(status_url, {"step": "finish"})
    olive_audit.refresh_from_db()
    assert olive_audit.review_started_at == started < olive_audit.reviewed_at


def test_an_audit_carries_at_most_15_recommendations(carla, carla_client, olive_audit):
    Recommendation.objects.bulk_create(
        Recommendation(audit=olive_audit, author=carla, text=f"Advice {n}") for n in range(15)
    )
    response = carla_client.post(
        reverse("consulting:add_recommendation", args=[olive_audit.pk]), {"text": "One more"}
    )
    page = response.content.decode()
    assert "An audit can carry at most 15 recommendations" in page and "One more" in page
    assert Recommendation.objects.filter(audit=olive_audit).count() == 15


def test_a_changed_override_changes_the_results_and_the_stored_pdf(
    carla_client, owner_client, olive_audit
):
    url = reverse("consulting:override", args=[olive_audit.pk])
    results_url = reverse("reports:audit_results", args=[olive_audit.pk])
    pdf_url = reverse("reports:audit_pdf", args=[olive_audit.pk])
    reason = "Their offer is not as distinctive as they think."
    carla_client.post(url, {"dimension": "value", "score": "60", "reason": reason})
    owner_client.get(results_url)
    b"".join(owner_client.get(pdf_url).streaming_content)  # both kept for these inputs
    carla_client.post(url, {"dimension": "value", "score": "70", "reason": reason})
    assert "70/100 is your consultant" in owner_client.get(results_url).content.decode()
    text = pdf_text(b"".join(owner_client.get(pdf_url).streaming_content))
    assert "70/100 is your consultant's figure" in text
    carla_client.post(url, {"dimension": "value", "score": "70", "reason": "Checked again."})
    assert "Checked again." in owner_client.get(results_url).content.decode()
    assert "Checked again." in pdf_text(b"".join(owner_client.get(pdf_url).streaming_content))


def test_an_override_moved_to_another_dimension_moves_in_the_pdf(
    carla_client, owner_client, olive_audit
):
    """The same score and reason on another dimension is a different report."""
    url = reverse("consulting:override", args=[olive_audit.pk])
    pdf_url = reverse("reports:audit_pdf", args=[olive_audit.pk])
    scores = olive_audit.dimension_scores
    first, second = sorted(scores, key=scores.get)[:1] + sorted(scores, key=scores.get)[-1:]
    assert scores[first] != scores[second]
    same = {"score": "40", "reason": "Not convinced yet."}
    carla_client.post(url, {"dimension": first, **same})
    before = pdf_text(b"".join(owner_client.get(pdf_url).streaming_content))
    assert f"40/100 is your consultant's figure (the audit computed {scores[first]})" in before
    override = ScoreOverride.objects.get()
    carla_client.post(reverse("consulting:remove_override", args=[olive_audit.pk, override.pk]))
    carla_client.post(url, {"dimension": second, **same})
    after = pdf_text(b"".join(owner_client.get(pdf_url).streaming_content))
    assert f"40/100 is your consultant's figure (the audit computed {scores[second]})" in after


@pytest.mark.parametrize("what", ["recommendation", "override"])
def test_removing_what_the_consultant_added_changes_the_pdf(
    carla, carla_client, owner_client, olive_audit, what
):
    if what == "recommendation":
        item = Recommendation.objects.create(audit=olive_audit, author=carla, text="Try reels")
        remove = reverse("consulting:delete_recommendation", args=[olive_audit.pk, item.pk])
    else:
        item = ScoreOverride.objects.create(
            audit=olive_audit, author=carla, dimension="value", score=40, reason="Not unique"
        )
        remove = reverse("consulting:remove_override", args=[olive_audit.pk, item.pk])
    pdf_url = reverse("reports:audit_pdf", args=[olive_audit.pk])
    before = owner_client.get(pdf_url)["ETag"]
    assert carla_client.post(remove).status_code == 302
    assert owner_client.get(pdf_url)["ETag"] != before
