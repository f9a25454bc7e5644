"""An audit's life: starting it, saving a step, finding where to resume, submitting, and
the review that may follow (submitted → in review → reviewed).

Views stay thin and call these; nothing here knows about requests. Submitting and
finishing a review are announced (questionnaire.signals) for the apps that care.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from questionnaire import signals, verdicts
from questionnaire.editions import content_of
from questionnaire.models import Answer, Audit, Business, Edition, Question

logger = logging.getLogger(__name__)


class AuditLocked(Exception):
    """The audit has been submitted and its answers can no longer change."""


class EditConflict(Exception):
    """The answer changed elsewhere (another tab or device) since this form was shown."""

    def __init__(self, current: Answer):
        super().__init__()
        self.current = current


class ProfileConflict(Exception):
    """The business profile changed elsewhere since this form was shown."""

    def __init__(self, current: Business):
        super().__init__()
        self.current = current


class IncompleteAudit(Exception):
    def __init__(self, missing: list[Question]):
        super().__init__()
        self.missing = missing


class NoPublishedQuestionnaire(Exception):
    pass


class WrongStatus(Exception):
    """The audit is not in a state this review step can start from."""


def start_audit(business: Business) -> Audit:
    """The business's open draft if it has one, otherwise a new one on the current edition."""
    draft = business.audits.drafts().first()
    if draft:
        return draft
    edition = Edition.objects.current()
    if edition is None:
        raise NoPublishedQuestionnaire
    return Audit.objects.create(business=business, edition=edition)


def questions_of(audit: Audit) -> tuple[Question, ...]:
    return content_of(audit.edition).questions


def answers_by_question(audit: Audit) -> dict[int, Answer]:
    return {answer.question_id: answer for answer in audit.answers.all()}


@dataclass(frozen=True)
class Progress:
    """How far an owner has got: questions answered, whatever order they took them in."""

    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total)

    @property
    def label(self) -> str:
        return f"{self.answered} of {self.total} answered"


def progress(answers: dict[int, Answer], total: int) -> Progress:
    """Of the answers given so far, saved or (for a guest) kept in the session."""
    return Progress(sum(answer.is_complete for answer in answers.values()), total)


def first_unanswered_step(audit: Audit) -> int | None:
    """The number of the first question without a chosen answer, or None when all are done."""
    answered = set(audit.answers.exclude(choices=[]).values_list("question_id", flat=True))
    for question in questions_of(audit):
        if question.pk not in answered:
            return question.number
    return None


@dataclass
class StepInput:
    choices: list[str]
    note: str
    seen_revision: int | None  # the revision the form was rendered with; None skips the check


def save_answer(audit: Audit, question: Question, given: StepInput) -> Answer:
    with transaction.atomic():
        # One conditional UPDATE both checks the audit is still a draft and locks its row
        # until commit, so a concurrent submit and a late step save cannot interleave, and
        # two saves of the same audit take turns.
        drafts = Audit.objects.filter(pk=audit.pk, status=Audit.Status.DRAFT)
        if not drafts.update(updated_at=timezone.now()):
            raise AuditLocked
        answer = Answer.objects.filter(audit=audit, question=question).first()
        if answer is None:
            answer = Answer(audit=audit, question=question)
        elif given.seen_revision is not None and given.seen_revision != answer.revision:
            raise EditConflict(answer)
        answer.choices, answer.note = given.choices, given.note
        answer.revision += 1
        answer.save()
        return answer


def save_profile(business: Business, seen_revision: int | None) -> Business:
    """Save a profile edited in a form (`business` holds the edits), unless another window
    saved it since the form was shown (seen_revision None skips the check)."""
    with transaction.atomic():
        current = Business.objects.select_for_update().get(pk=business.pk)
        if seen_revision is not None and seen_revision != current.revision:
            raise ProfileConflict(current)
        business.revision = current.revision + 1
        business.save()
        return business


def submit_audit(audit: Audit, *, announce: bool = True) -> Audit:
    """Freeze the answers and the profile and record the verdict. `announce=False` is for
    bulk loads (the demo's peers, an import): nothing is emailed, rendered or counted, and
    `manage.py rebuild_peer_statistics` counts them afterwards."""
    with transaction.atomic():
        audit = Audit.objects.select_for_update().select_related("business").get(pk=audit.pk)
        if not audit.is_draft:
            raise AuditLocked
        answers = answers_by_question(audit)
        missing = [
            q for q in questions_of(audit) if q.pk not in answers or not answers[q.pk].is_complete
        ]
        if missing:
            raise IncompleteAudit(missing)
        audit.status = Audit.Status.SUBMITTED
        audit.submitted_at = timezone.now()
        audit.profile = audit.business.profile()
        audit.previous = audit.business.audits.submitted().newest_first().first()
        verdicts.record_verdict(audit)
        audit.save()
        if announce:
            _announce(signals.audit_submitted, audit)
        return audit


def start_review(audit: Audit, reviewer) -> Audit:
    with transaction.atomic():
        audit = Audit.objects.select_for_update().get(pk=audit.pk)
        if audit.status != Audit.Status.SUBMITTED:
            raise WrongStatus
        audit.status = Audit.Status.IN_REVIEW
        audit.review_started_at, audit.review_started_by = timezone.now(), reviewer
        audit.save(update_fields=["status", "review_started_at", "review_started_by", "updated_at"])
        return audit


def finish_review(audit: Audit, reviewer) -> Audit:
    """Mark the review done (straight from submitted, too: starting it is optional)."""
    with transaction.atomic():
        audit = Audit.objects.select_for_update().select_related("business__owner").get(pk=audit.pk)
        if audit.status not in (Audit.Status.SUBMITTED, Audit.Status.IN_REVIEW):
            raise WrongStatus
        now = timezone.now()
        if audit.review_started_at is None:
            audit.review_started_at, audit.review_started_by = now, reviewer
        audit.status = Audit.Status.REVIEWED
        audit.reviewed_at, audit.reviewed_by = now, reviewer
        audit.save()
        _announce(signals.audit_reviewed, audit)
        return audit


def _announce(signal, audit: Audit) -> None:
    """Tell the other apps once the change is committed (never about a rolled-back one). A
    failing receiver (a mail server down) is logged; the owner's request still succeeds."""

    def send() -> None:
        for receiver, outcome in signal.send_robust(sender=Audit, audit=audit):
            if isinstance(outcome, Exception):
                logger.error("%s failed for audit %s", receiver, audit.pk, exc_info=outcome)

    transaction.on_commit(send)


@dataclass
class AnswerRow:
    """One question with what the owner chose, ready to show on a page or in a report."""

    question: Question
    answer: Answer | None

    @property
    def chosen_labels(self) -> list[str]:
        if not self.answer:
            return []
        labels = {option.key: option.label for option in self.question.options.all()}
        return [labels.get(key, key) for key in self.answer.choices]

    @property
    def note(self) -> str:
        return self.answer.note if self.answer else ""

    @property
    def is_complete(self) -> bool:
        return bool(self.answer and self.answer.is_complete)


def answer_rows(audit: Audit) -> list[AnswerRow]:
    answers = answers_by_question(audit)
    return [AnswerRow(question, answers.get(question.pk)) for question in questions_of(audit)]
