"""Published content never changes; editing makes a new edition; old audits keep theirs."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from questionnaire.content import (
    ContentError,
    copy_as_draft,
    load_content_file,
    publish,
    read_content_file,
)
from questionnaire.models import Edition, Option
from tests.factories import GOOD_ANSWERS, make_audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db):
    admin = get_user_model().objects.create_superuser(
        "admin", "admin@example.com", "x-admin-pass-1"
    )
    client = Client()
    client.force_login(admin)
    return client


def test_loading_the_content_file_twice_makes_one_edition(questionnaire):
    assert load_content_file() is None
    assert Edition.objects.count() == 1
    assert questionnaire.is_published
    assert questionnaire.questions.count() == 9
    assert all(q.options.filter(is_dont_know=True).exists() for q in questionnaire.questions.all())


def test_content_carries_scoring_weights_and_advice(questionnaire):
    assert set(questionnaire.scoring["weights"]["b2b"]) == {
        "customers",
        "value",
        "network_fit",
        "sustainability",
        "success",
    }
    nobody = Option.objects.get(question__edition=questionnaire, key="nobody")
    named = Option.objects.get(question__edition=questionnaire, key="named_person")
    assert nobody.advice and named.traits == {"people": True}


def test_editing_content_leaves_old_audits_intact(owner_client, business, questionnaire):
    old_audit = make_audit(business, GOOD_ANSWERS, submit=True)
    draft = copy_as_draft(questionnaire)
    first = draft.questions.get(number=1)
    first.text = "Who buys from you today?"
    first.save()
    first.options.filter(key="clear").update(label="I know them by name")
    publish(draft)

    assert Edition.objects.current() == draft
    old_page = owner_client.get(
        reverse("questionnaire:audit_detail", args=[old_audit.pk]), follow=True
    ).content.decode()
    assert "Who are your customers, or, if you have not opened yet" in old_page
    assert "I can name our main customer groups" in old_page
    assert "Who buys from you today?" not in old_page

    new_audit = make_audit(business)
    assert new_audit.edition == draft
    step = owner_client.get(
        reverse("questionnaire:audit_step", args=[new_audit.pk, 1])
    ).content.decode()
    assert "Who buys from you today?" in step and "I know them by name" in step


def test_a_draft_in_progress_keeps_its_version_when_a_new_one_is_published(business, questionnaire):
    audit = make_audit(business, {"customers": ["clear"]})
    publish(copy_as_draft(questionnaire))
    audit.refresh_from_db()
    assert audit.edition == questionnaire


def test_a_broken_draft_cannot_be_published(questionnaire):
    draft = copy_as_draft(questionnaire)
    draft.questions.get(number=2).options.exclude(key="distinctive").delete()
    with pytest.raises(ContentError, match="question 2 needs at least two real options"):
        publish(draft)
    assert not draft.is_published


def test_admin_cannot_change_a_published_question(admin_client, questionnaire):
    question = questionnaire.questions.get(number=1)
    url = reverse("admin:questionnaire_question_change", args=[question.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="text"' not in page  # shown read-only
    admin_client.post(url, {"text": "Changed", "number": 1})
    question.refresh_from_db()
    assert question.text.startswith("Who are your customers, or")


def test_admin_copies_edits_and_publishes_a_new_edition(admin_client, questionnaire):
    changelist = reverse("admin:questionnaire_edition_changelist")
    admin_client.post(
        changelist, {"action": "make_draft_copy", "_selected_action": [questionnaire.pk]}
    )
    draft = Edition.objects.get(number=2)
    assert not draft.is_published and draft.questions.count() == 9

    question = draft.questions.get(number=1)
    url = reverse("admin:questionnaire_question_change", args=[question.pk])
    assert 'name="text"' in admin_client.get(url).content.decode()

    admin_client.post(changelist, {"action": "publish_drafts", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published and Edition.objects.current() == draft


def question_form(question, **changes) -> dict:
    """The admin's change form for a question, as posted, with no options changed."""
    data = {
        "edition": question.edition_id,
        "number": question.number,
        "key": question.key,
        "dimension": question.dimension,
        "kind": question.kind,
        "text": question.text,
        "weight": question.weight,
        "options-TOTAL_FORMS": 0,
        "options-INITIAL_FORMS": 0,
        **changes,
    }
    return data


def test_admin_cannot_add_a_question_to_a_published_edition(admin_client, questionnaire):
    draft_question = copy_as_draft(questionnaire).questions.get(number=1)
    add_url = reverse("admin:questionnaire_question_add")
    page = admin_client.post(
        add_url, question_form(draft_question, edition=questionnaire.pk, number=10, key="extra")
    ).content.decode()
    assert "Select a valid choice" in page
    assert questionnaire.questions.count() == 9


def test_admin_cannot_move_a_draft_question_into_a_published_edition(admin_client, questionnaire):
    question = copy_as_draft(questionnaire).questions.get(number=1)
    url = reverse("admin:questionnaire_question_change", args=[question.pk])
    admin_client.post(url, question_form(question, edition=questionnaire.pk, number=10))
    question.refresh_from_db()
    assert question.edition != questionnaire and questionnaire.questions.count() == 9


def test_published_content_refuses_changes_from_code_too(questionnaire):
    question = questionnaire.questions.get(number=1)
    question.text = "Changed from the shell"
    with pytest.raises(ValidationError, match="Edition 2026.5 is published"):
        question.save()
    option = question.options.first()
    with pytest.raises(ValidationError, match="Make a draft copy"):
        option.delete()
    draft_question = copy_as_draft(questionnaire).questions.get(number=2)
    draft_question.edition = questionnaire
    with pytest.raises(ValidationError):
        draft_question.save()
    assert questionnaire.questions.count() == 9 and question.options.filter(pk=option.pk).exists()


def test_a_draft_with_no_scoring_settings_cannot_be_published(questionnaire):
    draft = copy_as_draft(questionnaire)
    draft.scoring = {}
    draft.save()
    with pytest.raises(ContentError, match="scoring settings lack bands, weights, reaudit_"):
        publish(draft)
    assert not Edition.objects.get(pk=draft.pk).is_published


def test_a_draft_whose_scoring_cannot_score_cannot_be_published(questionnaire):
    draft = copy_as_draft(questionnaire)
    draft.scoring["ceilings"]["short"] = "high"
    draft.save()
    with pytest.raises(ContentError, match="cannot score an audit .TypeError: "):
        publish(draft)


def test_the_admin_says_why_a_draft_was_not_published(admin_client, questionnaire):
    draft = copy_as_draft(questionnaire)
    draft.scoring = {"bands": draft.scoring["bands"]}
    draft.save()
    changelist = reverse("admin:questionnaire_edition_changelist")
    page = admin_client.post(
        changelist, {"action": "publish_drafts", "_selected_action": [draft.pk]}, follow=True
    ).content.decode()
    assert f"Edition {draft.name}: the scoring settings lack weights, reaudit_months" in page


def test_the_questions_never_hint_at_which_answer_scores():
    """ "Why we ask" and the instructions say what an answer is for, not how it is scored."""
    for question in read_content_file()["questions"]:
        for text in (question["text"], question.get("help_text", ""), question.get("advice", "")):
            assert not re.search(r"\b(scor\w*|points?|beats?|best predictor)\b", text, re.I), text
