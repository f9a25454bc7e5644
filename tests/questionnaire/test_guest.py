"""Starting before creating an account: the draft lives in the visitor's session, is
claimed whole by the account they create or log into, and no one else can reach it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from questionnaire.guest import SESSION_KEY
from questionnaire.models import Audit
from tests.factories import GOOD_ANSWERS, PASSWORD

pytestmark = pytest.mark.django_db

PROFILE = {
    "name": "Harbour Bakery",
    "sector": "hospitality",
    "size": "micro",
    "sells_to": "consumers",
    "networks": ["instagram"],
}
FIRST_THREE = list(GOOD_ANSWERS.items())[:3]


def step(number):
    return reverse("questionnaire:guest_step", args=[number])


def answer_three(visitor) -> None:
    assert visitor.post(reverse("questionnaire:guest_start"), PROFILE)["Location"] == step(1)
    for number, (_, choices) in enumerate(FIRST_THREE, start=1):
        response = visitor.post(step(number), {"choices": choices, "note": f"note {number}"})
        assert response["Location"] == step(number + 1)


def test_a_visitor_answers_without_an_account_and_the_review_says_how_far(visitor, questionnaire):
    answer_three(visitor)
    page = visitor.get(reverse("questionnaire:guest_review")).content.decode()
    assert "Harbour Bakery" in page and "3 of 9 answered" in page
    assert "note 2" in page and "Create your account to keep your answers" in page
    # the step shows what was saved, as a signed-in owner's does
    assert "note 1</textarea>" in visitor.get(step(1)).content.decode()
    assert not Audit.objects.exists()  # nothing in the database until an account claims it


def test_signing_up_claims_the_draft_with_nothing_lost(visitor, questionnaire):
    answer_three(visitor)
    signup = f"{reverse('account_signup')}?next={reverse('questionnaire:guest_claimed')}"
    response = visitor.post(
        signup, {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response["Location"] == reverse("questionnaire:guest_claimed")
    audit = Audit.objects.get(business__owner__email="new@example.com")
    response = visitor.get(response["Location"])
    assert response["Location"] == reverse("questionnaire:audit_review", args=[audit.pk])
    assert audit.business.name == "Harbour Bakery" and audit.business.networks == ["instagram"]
    saved = {answer.question.key: (answer.choices, answer.note) for answer in audit.answers.all()}
    assert saved == {key: (choices, f"note {n}") for n, (key, choices) in enumerate(FIRST_THREE, 1)}
    assert SESSION_KEY not in visitor.session
    page = visitor.get(response["Location"]).content.decode()
    assert "Your answers are saved to your account." in page and "3 of 9 answered" in page


def test_logging_in_claims_it_too(visitor, owner, questionnaire):
    answer_three(visitor)
    visitor.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert Audit.objects.get(business__owner=owner).answers.count() == 3


def test_another_visitor_cannot_reach_the_draft(visitor, questionnaire):
    answer_three(visitor)
    stranger = Client()
    # the stranger has no draft: every guest page sends them to the start, empty
    assert stranger.get(reverse("questionnaire:guest_review"))["Location"] == reverse(
        "questionnaire:guest_start"
    )
    assert stranger.get(step(2))["Location"] == reverse("questionnaire:guest_start")
    assert (
        "Harbour Bakery" not in stranger.get(reverse("questionnaire:guest_start")).content.decode()
    )
    # once claimed, the audit has an id, and it is another user's: a 404 for anyone else
    visitor.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    audit = Audit.objects.get()
    intruder = get_user_model().objects.create_user("intruder", "intruder@example.com", PASSWORD)
    stranger.force_login(intruder)
    assert stranger.get(reverse("questionnaire:audit_review", args=[audit.pk])).status_code == 404
    assert not Audit.objects.filter(business__owner=intruder).exists()


def test_save_and_finish_later_leads_to_an_account(visitor, questionnaire):
    visitor.post(reverse("questionnaire:guest_start"), PROFILE)
    response = visitor.post(step(1), {"note": "half a thought", "later": ""})
    assert response["Location"].startswith(reverse("account_signup"))
    assert "next=" + reverse("questionnaire:guest_claimed") in response["Location"]
    page = visitor.get(response["Location"]).content.decode()
    assert "Your answers are kept in this browser for now" in page
    assert "half a thought</textarea>" in visitor.get(step(1)).content.decode()


def test_bad_input_is_refused_and_kept(visitor, questionnaire):
    page = visitor.post(reverse("questionnaire:guest_start"), {**PROFILE, "name": ""}).content
    assert b"Tell us the name of the business." in page and b"hospitality" in page
    visitor.post(reverse("questionnaire:guest_start"), PROFILE)
    page = visitor.post(step(1), {"note": "kept"}).content.decode()
    assert "Choose one answer" in page and "kept</textarea>" in page
    assert visitor.get(step(99)).status_code == 404


def test_a_signed_in_owner_starts_the_usual_way(owner_client, questionnaire):
    response = owner_client.get(reverse("questionnaire:guest_start"))
    assert response["Location"] == reverse("questionnaire:new_audit")


def test_the_step_page_is_the_owners_step_page(visitor, questionnaire):
    answer_three(visitor)
    page = visitor.get(step(2)).content.decode()
    assert "Question 2 of 9" in page and "3 of 9 answered" in page and "Harbour Bakery" in page
    assert "What do your customers value most about your business?" in page
    assert "Why we ask" in page and "Save and finish later" in page
    # a real page of the site: its forms can be posted, its footer offers help
    for path in (
        reverse("questionnaire:guest_start"),
        step(2),
        reverse("questionnaire:guest_review"),
    ):
        page = visitor.get(path).content.decode()
        assert "mailto:help@localhost" in page
        if path != reverse("questionnaire:guest_review"):
            assert 'name="csrfmiddlewaretoken"' in page
    assert visitor.get(step(9)).status_code == 200
    assert visitor.get(step(10)).status_code == 404 and visitor.get(step(0)).status_code == 404


def test_back_next_and_the_last_step_lead_where_they_say(visitor, questionnaire):
    answer_three(visitor)
    start, review = reverse("questionnaire:guest_start"), reverse("questionnaire:guest_review")
    assert visitor.post(step(1), {"back": ""})["Location"] == start
    assert visitor.post(step(3), {"back": "", "note": "unsure"})["Location"] == step(2)
    assert "unsure</textarea>" in visitor.get(step(3)).content.decode()  # kept, no choice needed
    eighth, ninth = list(GOOD_ANSWERS.values())[7:9]
    assert visitor.post(step(8), {"choices": eighth})["Location"] == step(9)
    assert visitor.post(step(9), {"choices": ninth})["Location"] == review
    from_review = visitor.post(f"{step(2)}?next=review", {"choices": FIRST_THREE[1][1]})
    assert from_review["Location"] == review
    # opened from the review, the step says where saving leads, as an owner's does
    page = visitor.get(f"{step(2)}?next=review").content.decode()
    assert "Save and return to review" in page and 'action="?next=review"' in page
    # the profile, revisited, shows what was saved, and says no account is needed yet
    page = visitor.get(start).content.decode()
    assert 'value="Harbour Bakery"' in page and "No account needed yet" in page


def test_the_review_offers_an_account_that_claims_the_answers(visitor, questionnaire):
    answer_three(visitor)
    page = visitor.get(reverse("questionnaire:guest_review")).content.decode()
    claimed = reverse("questionnaire:guest_claimed")
    assert f"{reverse('account_signup')}?next={claimed}" in page
    assert f"{reverse('account_login')}?next={claimed}" in page
    assert "Answer<span" in page and "Change<span" in page


def test_signed_in_people_use_their_own_pages(owner_client, questionnaire):
    assert owner_client.get(step(1))["Location"] == reverse("questionnaire:new_audit")
    review = owner_client.get(reverse("questionnaire:guest_review"))
    assert review["Location"] == reverse("questionnaire:my_audits")
    # nothing claimed in this session: the claim page leads to My audits
    claimed = owner_client.get(reverse("questionnaire:guest_claimed"))
    assert claimed["Location"] == reverse("questionnaire:my_audits")
