"""Between the database and the pure scoring: an audit's verdict, built from its edition,
its answers and any consultant's figures, and the headline figures kept on the audit for
listing and filtering."""

from __future__ import annotations

from typing import cast

from questionnaire import signals
from questionnaire.editions import content_of
from questionnaire.models import Audit
from questionnaire.scoring import AuditResult, score
from questionnaire.scoring.rubric import SAME, Profile, Rubric


def result_for(audit: Audit) -> AuditResult:
    """The audit's verdict, recomputed from its edition, answers and any consultant's
    figures (nothing is trusted from storage, so a report always matches what it shows)."""
    rubric, answers, profile = _scoring_input(audit)
    return score(rubric, answers, profile, adjustments_for(audit))


def adjustments_for(audit: Audit) -> dict[str, int]:
    """The dimension scores set by hand for this audit (consulting's score overrides)."""
    found: dict[str, int] = {}
    for _, figures in signals.dimension_adjustments.send(sender=Audit, audit=audit):
        found.update(cast(dict[str, int], figures) or {})
    return found


def profile_for(audit: Audit) -> Profile:
    profile = audit.answered_profile()
    return Profile(
        profile["sells_to"], profile["sector"], profile["size"], profile.get("reach", SAME)
    )


def _scoring_input(audit: Audit) -> tuple[Rubric, dict[str, list[str]], Profile]:
    # audit.answers.all(), so answers prefetched for the page are read once, not twice.
    edition = content_of(audit.edition)
    keys = {question.pk: question.key for question in edition.questions}
    answers = {keys[answer.question_id]: answer.choices for answer in audit.answers.all()}
    return edition.rubric, answers, profile_for(audit)


VERDICT_FIELDS = [
    "b2c_readiness",
    "b2c_band",
    "b2b_readiness",
    "b2b_band",
    "headline",
    "dimension_scores",
    "weakest_dimension",
]


def record_verdict(audit: Audit) -> None:
    """Store the derived figures that lists filter and sort by (not saved here). A market
    the business does not sell to keeps no score and no band; a dimension scored for two
    markets keeps the lower score."""
    result = result_for(audit)
    b2c, b2b = result.verdict.b2c, result.verdict.b2b
    audit.b2c_readiness, audit.b2c_band = (b2c.score, b2c.band) if b2c else (None, "")
    audit.b2b_readiness, audit.b2b_band = (b2b.score, b2b.band) if b2b else (None, "")
    audit.headline = result.headline.text
    audit.dimension_scores = result.verdict.scores
    audit.weakest_dimension = result.verdict.weakest


def refresh_verdict(audit: Audit) -> None:
    """Record and save the verdict again, after a consultant's figure changed."""
    record_verdict(audit)
    audit.save(update_fields=VERDICT_FIELDS)
