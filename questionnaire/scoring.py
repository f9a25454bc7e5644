"""Scoring: answers in, dimension scores, a B2C / B2B readiness verdict and reasons out.

Pure functions over plain data: no database, no request, no randomness. The numbers and
texts come from the questionnaire version's content (`Rubric`), so an administrator can tune
them without touching code; the *rules* live here. docs/scoring.md explains them in words.

Principles encoded (../shared/docs/product.md):
- "I don't know" earns no points and is named as a gap, never scored as a real answer.
- Business buyers need more value before they engage: B2B readiness rescales value above a
  hurdle, so the same answers can be ready for B2C and not yet for B2B.
- No named person with set time caps sustainability, however good the rest is.
- A plan in which nothing listens or converses caps value and network fit.
- Networks are judged against the audience: LinkedIn fits business buyers, not shoppers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from questionnaire import explain
from questionnaire.explain import Action, Reason
from questionnaire.points import (
    Tally,
    band_for,
    dimension_caps,
    dimension_scores,
    model_dimensions,
    question_points,
    readiness_points,
    tallies,
)
from questionnaire.rubric import (
    AUDIENCE_OF_MODEL,
    DIMENSIONS,
    MODELS,
    MODELS_FOR_SELLS_TO,
    Answers,
    Rubric,
    audience_of,
    chosen_options,
    is_gap,
    present_traits,
)


@dataclass(frozen=True)
class DimensionResult:
    key: str
    label: str
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Readiness:
    model: str  # "b2c" or "b2b"
    score: int
    band: str
    band_label: str
    limited_by: str = ""  # the weak-dimension rule's reason, when it capped this score


@dataclass(frozen=True)
class Verdict:
    """The figures alone: what lists need to filter and sort by, without the words."""

    scores: Mapping[str, int]  # dimension -> 0-100, judged against the business's own audience
    b2c: Readiness
    b2b: Readiness
    fit: str  # "b2c_led", "b2b_led", "both" or "not_yet"
    fit_label: str


@dataclass(frozen=True)
class AuditResult:
    """The verdict with its reasons: what the results page and the report show."""

    verdict: Verdict
    dimensions: tuple[DimensionResult, ...]
    summary: str
    actions: tuple[Action, ...]
    stages: tuple[str, ...]  # the sales-pathway stages social media will serve
    gaps: tuple[str, ...]  # keys of questions answered "I don't know"
    question_points: Mapping[str, int]  # question key -> 0-100, for the business's audience

    def dimension(self, key: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.key == key)


def _readiness(rubric: Rubric, tally: Tally, model: str) -> Readiness:
    score, capped_by = readiness_points(rubric, tally, model)
    band = band_for(rubric, score)
    limited_by = ""
    if capped_by:
        rule = rubric.rule("weak_dimension")
        limited_by = rule["reason"].format(
            dimension=rubric.dimension_text(capped_by, "label"), floor=rule["floor"]
        )
    return Readiness(model, score, band["key"], band["label"], limited_by)


def _fit(rubric: Rubric, readiness: Mapping[str, Readiness], sells_to: str) -> str:
    relevant = MODELS_FOR_SELLS_TO.get(sells_to, MODELS)
    foundations = rubric.settings["bands"][1]["min"]
    ready = rubric.settings["bands"][2]["min"]
    if max(readiness[m].score for m in relevant) < foundations:
        return "not_yet"
    if len(relevant) == 2 and all(readiness[m].score >= ready for m in relevant):
        return "both"
    leading = max(relevant, key=lambda m: readiness[m].score)
    return f"{leading}_led"


def _dimension_results(
    rubric: Rubric, answers: Answers, verdict: Verdict, audience: str
) -> tuple[DimensionResult, ...]:
    caps = dimension_caps(rubric, present_traits(rubric, answers))
    results = []
    for dimension in DIMENSIONS:
        reasons: list[Reason] = []
        for question in rubric.questions:
            if question.dimension == dimension:
                reasons += explain.answer_reasons(rubric, question, answers, audience)
        if dimension in caps:
            reasons.append(explain.limit_reason(rubric, dimension, answers))
        label = rubric.dimension_text(dimension, "label")
        results.append(DimensionResult(dimension, label, verdict.scores[dimension], tuple(reasons)))
    return tuple(results)


def _verdict(rubric: Rubric, answers: Answers, sells_to: str) -> tuple[Verdict, dict[str, Tally]]:
    audience = audience_of(sells_to)
    by_audience = tallies(rubric, answers, [*AUDIENCE_OF_MODEL.values(), audience])
    model_tallies = {model: by_audience[AUDIENCE_OF_MODEL[model]] for model in MODELS}
    readiness = {model: _readiness(rubric, model_tallies[model], model) for model in MODELS}
    fit = _fit(rubric, readiness, sells_to)
    scores = dimension_scores(rubric, by_audience[audience])
    return Verdict(
        scores={d: round(scores[d]) for d in DIMENSIONS},
        b2c=readiness["b2c"],
        b2b=readiness["b2b"],
        fit=fit,
        fit_label=rubric.settings["fit_labels"][fit],
    ), model_tallies


def verdict(rubric: Rubric, answers: Answers, sells_to: str) -> Verdict:
    """Dimension scores, both readiness scores with bands, and the model that fits.

    Dimension scores are judged against the audience the business sells to (both audiences
    averaged when it sells to both); each readiness score against its own model's audience.
    """
    return _verdict(rubric, answers, sells_to)[0]


def score(rubric: Rubric, answers: Answers, sells_to: str) -> AuditResult:
    """The verdict with its reasons, ranked actions and one sentence saying why."""
    result, tallies = _verdict(rubric, answers, sells_to)
    leading = "b2b" if result.fit == "b2b_led" or sells_to == "businesses" else "b2c"
    leading_scores = model_dimensions(rubric, tallies[leading], leading)
    return AuditResult(
        verdict=result,
        dimensions=_dimension_results(rubric, answers, result, audience_of(sells_to)),
        summary=explain.summary(rubric, result.fit, leading_scores),
        actions=explain.actions(rubric, answers, sells_to, tallies),
        stages=explain.stages(rubric, answers),
        gaps=tuple(q.key for q in rubric.questions if is_gap(chosen_options(q, answers))),
        question_points={
            q.key: round(question_points(rubric, q, answers, audience_of(sells_to)))
            for q in rubric.questions
        },
    )
