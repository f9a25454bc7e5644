"""The owner's audit end to end: profile, nine steps, review, submit, resume."""

import pytest
from django.test import Client
from django.urls import reverse

from questionnaire import flow
from questionnaire.content import copy_as_draft, publish
from questionnaire.models import Answer, Audit, Business
from tests.factories import GOOD_ANSWERS, PASSWORD, make_audit, make_business

pytestmark = pytest.mark.django_db

PROFILE = {
    "name": "Harbour Bakery",
    "sector": "hospitality",
    "size": "micro",
    "sells_to": "consumers",
    "networks": ["instagram", "facebook"],
}


def step_url(audit, number):
    return reverse("questionnaire:audit_step", args=[audit.pk, number])


def test_new_owner_sees_an_empty_my_audits_page(owner_client, questionnaire):
    response = owner_client.get(reverse("questionnaire:my_audits"))
    assert "You have not started an audit yet" in response.content.decode()


def test_describing_a_business_starts_an_audit_at_question_1(owner, owner_client, questionnaire):
    response = owner_client.post(reverse("questionnaire:new_audit"), PROFILE)
    business = Business.objects.get(owner=owner)
    audit = business.audits.get()
    assert response["Location"] == step_url(audit, 1)
    assert business.networks == ["instagram", "facebook"]
    assert audit.edition == questionnaire and audit.is_draft


def test_a_step_shows_the_question_and_progress(owner_client, business):
    audit = make_audit(business)
    page = owner_client.get(step_url(audit, 3)).content.decode()
    assert "Question 3 of 9" in page
    assert audit.edition.questions.get(number=3).text in page
    assert 'aria-valuenow="0"' in page and "0 of 9 answered" in page
    assert "Save and continue" in page and "Back" in page and "Save and finish later" in page


def test_progress_counts_answered_questions_not_the_position(owner_client, business):
    first_two = dict(list(GOOD_ANSWERS.items())[:2])
    audit = make_audit(business, answers={**first_two, "success": GOOD_ANSWERS["success"]})
    page = owner_client.get(step_url(audit, 1)).content.decode()
    assert "3 of 9 answered" in page and 'aria-valuenow="33"' in page


def test_whole_flow_saves_every_step_and_submit_locks(owner_client, business):
    audit = make_audit(business)
    for number, key in enumerate(GOOD_ANSWERS, start=1):
        response = owner_client.post(
            step_url(audit, number), {"choices": GOOD_ANSWERS[key], "note": f"note {number}"}
        )
        assert response.status_code == 302
        saved = Answer.objects.get(audit=audit, question__number=number)
        assert saved.choices == GOOD_ANSWERS[key] and saved.note == f"note {number}"
    assert response["Location"] == reverse("questionnaire:audit_review", args=[audit.pk])

    review = owner_client.get(response["Location"]).content.decode()
    assert "I can name our main customer groups (or, before launch, the ones we are for)" in review
    assert "note 9" in review and review.count(">Change<") >= 9

    response = owner_client.post(reverse("questionnaire:audit_submit", args=[audit.pk]))
    audit.refresh_from_db()
    assert audit.status == Audit.Status.SUBMITTED and audit.submitted_at is not None
    assert audit.profile["name"] == "Corner Café"
    page = owner_client.get(response["Location"], follow=True).content.decode()
    assert "Audit submitted" in page and "note 9" in page
    my_audits = owner_client.get(reverse("questionnaire:my_audits")).content.decode()
    assert "Submitted" in my_audits


def test_leaving_and_logging_in_elsewhere_resumes_at_first_unanswered(owner, business):
    audit = make_audit(
        business, {k: GOOD_ANSWERS[k] for k in ["customers", "customer_value", "social_experience"]}
    )
    other_browser = Client()
    other_browser.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    response = other_browser.get(reverse("questionnaire:audit_detail", args=[audit.pk]))
    assert response["Location"] == step_url(audit, 4)


def test_a_skipped_question_is_where_resume_lands(owner_client, business):
    audit = make_audit(business, {k: v for k, v in GOOD_ANSWERS.items() if k != "pathway"})
    response = owner_client.get(reverse("questionnaire:audit_detail", args=[audit.pk]))
    assert response["Location"] == step_url(audit, 4)


def test_saved_answers_are_shown_when_coming_back(owner_client, business):
    audit = make_audit(
        business, {"pathway": ["rapport", "close"]}, notes={"pathway": "Word of mouth"}
    )
    page = owner_client.get(step_url(audit, 4)).content.decode()
    assert page.count("checked") == 2 and "Word of mouth" in page


def test_back_keeps_an_unfinished_answer_and_goes_to_previous_step(owner_client, business):
    audit = make_audit(business)
    response = owner_client.post(step_url(audit, 2), {"note": "Half a thought", "back": ""})
    assert response["Location"] == step_url(audit, 1)
    answer = Answer.objects.get(audit=audit, question__number=2)
    assert answer.note == "Half a thought" and answer.choices == []


def test_back_from_question_1_goes_to_the_profile(owner_client, business):
    audit = make_audit(business)
    response = owner_client.post(step_url(audit, 1), {"back": ""})
    assert response["Location"] == reverse("questionnaire:audit_profile", args=[audit.pk])


def test_change_link_from_review_returns_to_review(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS)
    response = owner_client.post(step_url(audit, 5) + "?next=review", {"choices": ["linkedin"]})
    assert response["Location"] == reverse("questionnaire:audit_review", args=[audit.pk])
    assert Answer.objects.get(audit=audit, question__number=5).choices == ["linkedin"]


def test_submitting_an_incomplete_audit_names_the_missing_questions(owner_client, business):
    audit = make_audit(
        business, {k: v for k, v in GOOD_ANSWERS.items() if k not in ("pathway", "success")}
    )
    response = owner_client.post(
        reverse("questionnaire:audit_submit", args=[audit.pk]), follow=True
    )
    assert "missing: 4, 9" in response.content.decode()
    audit.refresh_from_db()
    assert audit.is_draft


def test_the_review_page_flags_unanswered_questions(owner_client, business):
    audit = make_audit(business, {"customers": ["clear"]})
    page = owner_client.get(reverse("questionnaire:audit_review", args=[audit.pk])).content.decode()
    assert page.count("Not answered yet") == 8


def test_running_again_continues_the_open_draft(owner_client, business):
    draft = make_audit(business)
    response = owner_client.post(reverse("questionnaire:start_business_audit", args=[business.pk]))
    assert response["Location"] == reverse("questionnaire:audit_profile", args=[draft.pk])
    assert business.audits.count() == 1


def test_running_again_after_submitting_starts_a_new_audit(owner_client, business):
    first = make_audit(business, GOOD_ANSWERS, submit=True)
    owner_client.post(reverse("questionnaire:start_business_audit", args=[business.pk]))
    assert business.audits.count() == 2
    assert business.audits.exclude(pk=first.pk).get().is_draft


def test_an_owner_can_have_several_businesses(owner, owner_client, business):
    owner_client.post(reverse("questionnaire:new_audit"), PROFILE)
    page = owner_client.get(reverse("questionnaire:my_audits")).content.decode()
    assert "Corner Café" in page and "Harbour Bakery" in page
    assert Business.objects.for_owner(owner).count() == 2


def test_profile_step_updates_the_business(owner_client, business):
    audit = make_audit(business)
    response = owner_client.post(
        reverse("questionnaire:audit_profile", args=[audit.pk]),
        {**PROFILE, "name": "Corner Café & Deli", "sells_to": "both"},
    )
    assert response["Location"] == step_url(audit, 1)
    business.refresh_from_db()
    assert business.name == "Corner Café & Deli" and business.sells_to == "both"


def test_business_page_lists_its_audit_history(owner_client, business):
    make_audit(business, GOOD_ANSWERS, submit=True)
    make_audit(business)
    page = owner_client.get(
        reverse("questionnaire:business_detail", args=[business.pk])
    ).content.decode()
    assert "Submitted" in page and "Draft" in page


def test_a_question_left_with_only_a_note_is_where_resume_lands(owner_client, business):
    audit = make_audit(business, {"customers": ["clear"]})
    owner_client.post(step_url(audit, 2), {"note": "Not sure yet", "back": ""})
    response = owner_client.get(reverse("questionnaire:audit_detail", args=[audit.pk]))
    assert response["Location"] == step_url(audit, 2)


def test_resume_finds_the_question_by_its_number_on_a_later_edition(
    owner_client, business, questionnaire
):
    """On a second edition the questions' ids no longer match their numbers."""
    publish(copy_as_draft(questionnaire))
    audit = make_audit(business, {"customers": ["clear"], "customer_value": ["distinctive"]})
    assert audit.edition != questionnaire
    response = owner_client.get(reverse("questionnaire:audit_detail", args=[audit.pk]))
    assert response["Location"] == step_url(audit, 3)


def test_a_tab_left_open_over_two_saves_elsewhere_is_caught(business):
    audit = make_audit(business)
    question = audit.edition.questions.get(number=1)
    flow.save_answer(audit, question, flow.StepInput(["clear"], "", None))  # the stale tab's view
    seen = Answer.objects.get(audit=audit, question=question).revision
    flow.save_answer(audit, question, flow.StepInput(["general"], "", seen))  # another tab
    flow.save_answer(audit, question, flow.StepInput(["clear"], "", seen + 1))  # and again
    with pytest.raises(flow.EditConflict):
        flow.save_answer(audit, question, flow.StepInput(["varied"], "", seen + 1))


def test_saving_a_step_marks_the_draft_as_worked_on(business):
    audit = make_audit(business)
    before = Audit.objects.get(pk=audit.pk).updated_at
    flow.save_answer(
        audit, audit.edition.questions.get(number=1), flow.StepInput(["clear"], "", None)
    )
    assert Audit.objects.get(pk=audit.pk).updated_at > before


def test_a_stale_tab_cannot_silently_undo_a_profile_change(owner_client, business):
    audit = make_audit(business)
    url = reverse("questionnaire:audit_profile", args=[audit.pk])
    profile = {"sector": "hospitality", "size": "micro", "sells_to": "consumers", "revision": 0}
    # Tab A renames the business; tab B, opened before, then changes the sector.
    assert owner_client.post(url, {**profile, "name": "Corner Bistro"}).status_code == 302
    stale = owner_client.post(url, {**profile, "name": "Corner Café", "sector": "retail"})
    page = stale.content.decode()
    assert "changed in another window" in page and "they now say: Corner Bistro" in page
    business.refresh_from_db()
    assert (business.name, business.sector) == ("Corner Bistro", "hospitality")
    # Saving again from tab B, having seen the warning, is a deliberate choice: it wins.
    again = dict(profile, name="Corner Café", sector="retail", revision=business.revision)
    assert owner_client.post(url, again).status_code == 302
    business.refresh_from_db()
    assert (business.name, business.sector) == ("Corner Café", "retail")


def test_save_and_finish_later_keeps_even_an_unfinished_step(owner_client, business):
    audit = make_audit(business)
    response = owner_client.post(step_url(audit, 2), {"note": "still thinking", "later": ""})
    assert response["Location"] == reverse("questionnaire:my_audits")
    answer = Answer.objects.get(audit=audit, question__number=2)
    assert answer.choices == [] and answer.note == "still thinking"
    page = owner_client.get(response["Location"]).content.decode()
    assert (
        f"Saved. Your audit of {business.name} is kept as it is: press Continue below whenever "
        "you are ready, on this device or any other."
    ) in page


def test_the_review_page_counts_answers_and_holds_submit_until_all_are_in(owner_client, business):
    audit = make_audit(business, answers={"customers": GOOD_ANSWERS["customers"]})
    page = owner_client.get(reverse("questionnaire:audit_review", args=[audit.pk])).content
    page = page.decode()
    assert "1 of 9 answered" in page and 'aria-valuenow="11"' in page
    assert "disabled" in page and "Answer<span" in page
    done = make_audit(make_business(business.owner, "Second Shop"), answers=GOOD_ANSWERS)
    page = owner_client.get(reverse("questionnaire:audit_review", args=[done.pk])).content
    assert b"9 of 9 answered" in page and b"disabled" not in page
