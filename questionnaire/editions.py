"""A published edition as the pages and the scoring read it: its questions (each with its
options) and its rubric (the scoring settings, bands included).

A published edition never changes (the models refuse it), so it is read from the database
once per process and kept here, under one key: its id and the moment it was published (a
test database may give a new edition the id of an earlier, rolled-back one; the moment
tells them apart). This is the only cache of questionnaire content. A draft is read afresh
every time, since the admin may be changing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from questionnaire.content import rubric_of
from questionnaire.models import Edition, Question
from questionnaire.scoring.rubric import BandRange, Rubric


@dataclass(frozen=True, eq=False)
class EditionContent:
    questions: tuple[Question, ...]  # in order, options prefetched; shared, so read-only
    rubric: Rubric

    def question(self, number: int) -> Question | None:
        return next((q for q in self.questions if q.number == number), None)

    @property
    def bands(self) -> tuple[BandRange, ...]:
        return self.rubric.band_ranges


_published: dict[tuple[int, datetime], EditionContent] = {}


def content_of(edition: Edition) -> EditionContent:
    if edition.published_at is None:
        return _read(edition)
    key = (edition.pk, edition.published_at)
    if key not in _published:
        _published[key] = _read(edition)
    return _published[key]


def current_content() -> EditionContent | None:
    """The edition new audits are answered on, if one is published."""
    edition = Edition.objects.current()
    return content_of(edition) if edition else None


def _read(edition: Edition) -> EditionContent:
    questions = tuple(edition.questions.prefetch_related("options"))
    return EditionContent(questions, rubric_of(edition, questions))
