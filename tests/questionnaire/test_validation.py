"""Bad input re-shows the step with a specific message and everything the owner typed."""

import pytest
from django.urls import reverse

from questionnaire.models import NOTE_MAX_LENGTH, Answer, Business
from tests.factories import make_audit

pytestmark = pytest.mark.django_db


def step_url(audit, number):
    return reverse("questionnaire:audit_step", args=[audit.pk, number])


def test_nothing_chosen_says_so_and_keeps_the_note(owner_client, business):
    audit = make_audit(business)
    response = owner_client.post(step_url(audit, 1), {"note": "We sell to <b>locals</b>"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose one answer (or “I don&#x27;t know”) to continue." in page
    assert "We sell to &lt;b&gt;locals&lt;/b&gt;" in page
    assert not Answer.objects.filter(audit=audit).exists()


def test_nothing_ticked_on_a_multiple_choice_question(owner_client, business):
    audit = make_audit(business)
    page = owner_client.post(step_url(audit, 5), {}).content.decode()
    assert "Choose at least one answer" in page


def test_a_note_over_the_limit_is_refused_but_kept_in_full(owner_client, business):
    audit = make_audit(business)
    long_note = "x" * (NOTE_MAX_LENGTH + 1)
    response = owner_client.post(step_url(audit, 1), {"choices": "general", "note": long_note})
    page = response.content.decode()
    assert f"Your note is {NOTE_MAX_LENGTH + 1} characters long" in page
    assert long_note in page
    assert 'value="general" id="id_choices_1" checked' in page
    assert not Answer.objects.filter(audit=audit).exists()


def test_a_note_at_the_limit_is_accepted(owner_client, business):
    audit = make_audit(business)
    note = "é" * NOTE_MAX_LENGTH
    response = owner_client.post(step_url(audit, 1), {"choices": "general", "note": note})
    assert response.status_code == 302
    assert Answer.objects.get(audit=audit).note == note


def test_dont_know_cannot_be_combined_with_real_answers(owner_client, business):
    audit = make_audit(business)
    page = owner_client.post(
        step_url(audit, 5), {"choices": ["instagram", "dont_know"]}
    ).content.decode()
    assert "can&#x27;t be combined with other answers" in page


def test_an_option_that_does_not_exist_is_refused(owner_client, business):
    audit = make_audit(business)
    page = owner_client.post(step_url(audit, 1), {"choices": "made_up"}).content.decode()
    assert "Select a valid choice" in page


def test_a_question_number_past_the_end_is_404(owner_client, business):
    audit = make_audit(business)
    assert owner_client.get(step_url(audit, 10)).status_code == 404


def test_profile_errors_keep_what_was_typed(owner, owner_client, questionnaire):
    response = owner_client.post(
        reverse("questionnaire:new_audit"),
        {"name": "", "sector": "retail", "size": "solo", "networks": ["tiktok"]},
    )
    page = response.content.decode()
    assert "Tell us the name of the business." in page
    assert "Choose who you sell to" in page
    assert 'value="retail" selected' in page and 'value="tiktok"' in page and "checked" in page
    assert not Business.objects.filter(owner=owner).exists()


def test_a_save_from_a_stale_tab_is_caught_not_silently_applied(owner_client, business):
    audit = make_audit(business)
    owner_client.post(step_url(audit, 1), {"choices": "clear", "revision": "0"})
    # A second tab, opened before that save, still carries revision 0.
    response = owner_client.post(step_url(audit, 1), {"choices": "varied", "revision": "0"})
    page = response.content.decode()
    assert "changed in another window" in page
    assert "(it now says: I can name our main customer groups (or, before launch" in page
    assert Answer.objects.get(audit=audit).choices == ["clear"]
    # The page re-shown carries the current revision, so saving it again wins.
    assert 'name="revision" value="1"' in page
    response = owner_client.post(step_url(audit, 1), {"choices": "varied", "revision": "1"})
    assert response.status_code == 302
    assert Answer.objects.get(audit=audit).choices == ["varied"]


def test_a_stale_tab_going_back_with_no_choice_is_told_the_other_tab_cleared_it(
    owner_client, business
):
    """The other tab went back leaving no choice: the conflict says "no answer", and a tab
    going back itself is not asked to choose one."""
    audit = make_audit(business)
    owner_client.post(step_url(audit, 1), {"back": "", "note": "thinking", "revision": "0"})
    page = owner_client.post(
        step_url(audit, 1), {"back": "", "note": "still thinking", "revision": "0"}
    ).content.decode()
    assert "(it now says: no answer)" in page
    assert "to continue." not in page  # no "Choose one answer (or …) to continue."
    assert Answer.objects.get(audit=audit).note == "thinking"


def test_a_conflict_on_a_question_of_several_answers_lists_each(owner_client, business):
    audit = make_audit(business)
    networks = step_url(audit, 5)
    owner_client.post(networks, {"choices": ["facebook", "instagram"], "revision": "0"})
    page = owner_client.post(networks, {"choices": ["linkedin"], "revision": "0"}).content.decode()
    assert "(it now says: Facebook (a page or groups), Instagram)" in page


def test_a_stale_tab_saving_for_later_with_no_choice_is_not_asked_for_one(owner_client, business):
    audit = make_audit(business)
    owner_client.post(step_url(audit, 1), {"choices": "clear", "revision": "0"})
    page = owner_client.post(
        step_url(audit, 1), {"later": "", "note": "back tomorrow", "revision": "0"}
    ).content.decode()
    assert "changed in another window" in page and "to continue." not in page
    assert "back tomorrow</textarea>" in page  # what this tab typed is shown again
