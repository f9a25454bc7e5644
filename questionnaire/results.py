"""Between the database and the pure scoring: build its input from a questionnaire version
and an audit, and keep the headline figures on the audit for listing and filtering."""

from __future__ import annotations

from questionnaire.content import version_as_content
from questionnaire.models import Audit, QuestionnaireVersion
from questionnaire.rubric import Rubric
from questionnaire.scoring import AuditResult, Verdict, score, verdict

# Published versions never change, so each is read from the database once per process.
_published_rubrics: dict[tuple[int, object], Rubric] = {}


def rubric_for(version: QuestionnaireVersion) -> Rubric:
    if not version.is_published:
        return Rubric.from_content(version_as_content(version))
    key = (version.pk, version.published_at)
    if key not in _published_rubrics:
        _published_rubrics[key] = Rubric.from_content(version_as_content(version))
    return _published_rubrics[key]


def result_for(audit: Audit) -> AuditResult:
    """The audit's verdict, recomputed from its version and answers (nothing is trusted
    from storage, so a report always matches the answers it shows)."""
    return score(*_scoring_input(audit))


def verdict_for(audit: Audit) -> Verdict:
    return verdict(*_scoring_input(audit))


def _scoring_input(audit: Audit) -> tuple[Rubric, dict[str, list[str]], str]:
    answers = dict(audit.answers.values_list("question__key", "choices"))
    return rubric_for(audit.version), answers, audit.answered_profile()["sells_to"]


def record_verdict(audit: Audit) -> None:
    """Store the derived figures that lists filter and sort by (not saved here)."""
    figures = verdict_for(audit)
    audit.b2c_readiness = figures.b2c.score
    audit.b2c_band = figures.b2c.band
    audit.b2b_readiness = figures.b2b.score
    audit.b2b_band = figures.b2b.band
    audit.model_fit = figures.fit
    audit.dimension_scores = dict(figures.scores)
