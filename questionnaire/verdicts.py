"""Between the database and the pure scoring: an audit's verdict, built from its version
and answers, and the headline figures kept on the audit for listing and filtering."""

from __future__ import annotations

from collections.abc import Mapping

from questionnaire.content import complete_scoring_settings, questions_of, version_as_content
from questionnaire.models import Audit, QuestionnaireVersion
from questionnaire.rubric import Profile, Rubric
from questionnaire.scoring import AuditResult, score

# Published versions never change, so each is read from the database once per process.
_published_rubrics: dict[tuple[int, object], Rubric] = {}


def rubric_for(version: QuestionnaireVersion) -> Rubric:
    if not version.is_published:
        return _rubric(version)
    key = (version.pk, version.published_at)
    if key not in _published_rubrics:
        _published_rubrics[key] = _rubric(version)
    return _published_rubrics[key]


def _rubric(version: QuestionnaireVersion) -> Rubric:
    content = version_as_content(version)
    return Rubric.from_content(
        {**content, "scoring": complete_scoring_settings(content["scoring"])}
    )


def result_for(audit: Audit) -> AuditResult:
    """The audit's verdict, recomputed from its version and answers (nothing is trusted
    from storage, so a report always matches the answers it shows)."""
    return score(*_scoring_input(audit))


def profile_for(audit: Audit) -> Profile:
    profile = audit.answered_profile()
    return Profile(profile["sells_to"], profile["sector"], profile["size"])


def _scoring_input(audit: Audit) -> tuple[Rubric, dict[str, list[str]], Profile]:
    # audit.answers.all(), so answers prefetched for the page are read once, not twice.
    keys = {question.pk: question.key for question in questions_of(audit.version)}
    answers = {keys[answer.question_id]: answer.choices for answer in audit.answers.all()}
    return rubric_for(audit.version), answers, profile_for(audit)


def record_verdict(audit: Audit) -> None:
    """Store the derived figures that lists filter and sort by (not saved here). A market
    the business does not sell to keeps no score and no band."""
    result = result_for(audit)
    b2c, b2b = result.verdict.b2c, result.verdict.b2b
    audit.b2c_readiness, audit.b2c_band = (b2c.score, b2c.band) if b2c else (None, "")
    audit.b2b_readiness, audit.b2b_band = (b2b.score, b2b.band) if b2b else (None, "")
    audit.headline = result.headline
    audit.dimension_scores = dict(result.verdict.scores)
    audit.weakest_dimension = weakest(result.verdict.scores)


def weakest(scores: Mapping[str, int]) -> str:
    """The lowest-scoring dimension; a tie goes to the one the questionnaire lists first."""
    return min(scores, key=lambda dimension: scores[dimension])
