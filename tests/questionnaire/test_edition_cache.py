"""A published edition's questions and rubric are read from the database once per process
(questionnaire.editions, the only cache of content); a draft is read afresh, and a new
edition is never taken for an earlier one."""

from datetime import timedelta

import pytest
from django.urls import reverse

from questionnaire.content import copy_as_draft, publish
from questionnaire.editions import content_of, current_content
from questionnaire.models import Edition, Question

pytestmark = pytest.mark.django_db


def test_a_published_edition_is_read_once(questionnaire, django_assert_num_queries):
    with django_assert_num_queries(2):  # its questions, then their options, once
        first = content_of(questionnaire)
    with django_assert_num_queries(0):
        again = content_of(questionnaire)
    assert again is first
    assert [q.number for q in first.questions] == list(range(1, 10))
    assert first.question(3).key == first.rubric.questions[2].key
    assert first.question(10) is None


def test_a_draft_is_read_afresh_so_the_admin_sees_its_edits(questionnaire):
    draft = copy_as_draft(questionnaire)
    before = content_of(draft)
    Question.objects.filter(edition=draft, number=1).update(text="Who buys from you, really?")
    assert content_of(draft).question(1).text == "Who buys from you, really?"
    assert before.question(1).text != "Who buys from you, really?"


def test_an_edition_published_later_under_the_same_id_is_not_taken_for_the_old_one(
    questionnaire,
):
    """A test database may give a new edition the id a rolled-back one had: the moment it was
    published tells them apart."""
    old = content_of(questionnaire)
    namesake = Edition.objects.get(pk=questionnaire.pk)
    namesake.published_at += timedelta(seconds=1)
    assert content_of(namesake) is not old


def test_the_current_content_is_the_newest_published_edition(questionnaire):
    assert current_content().rubric is content_of(questionnaire).rubric
    draft = copy_as_draft(questionnaire)
    draft.name = "2027.1"
    draft.save()
    newer = publish(draft)
    assert current_content().rubric is content_of(newer).rubric


def test_the_scoring_page_lists_the_current_editions_bands_and_their_meanings(
    visitor, questionnaire
):
    page = visitor.get(reverse("scoring")).content.decode()
    assert "Not yet (0-39)" in page and "Advanced (80-100)" in page
    assert "A plan you can start on now." in page


def test_the_scoring_page_says_nothing_of_bands_before_an_edition_is_published(visitor, db):
    page = visitor.get(reverse("scoring")).content.decode()
    assert "Ready (60-79)" not in page and visitor.get(reverse("scoring")).status_code == 200
