"""The numbers: points per question, dimension scores with the rules' caps, readiness.

Everything starts from a `Tally`: each question's points for one audience and the traits its
answer carries. The actions re-score an audit with one or two answers improved, many times,
so a tally can swap answers without re-reading the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from questionnaire.rubric import (
    AUDIENCE_OF_MODEL,
    AUDIENCES,
    DIMENSIONS,
    Answers,
    OptionSpec,
    QuestionSpec,
    Rubric,
    chosen_options,
    is_gap,
    true_traits,
)


def _points(chosen: tuple[OptionSpec, ...], audience: str, limit: int, penalty: int) -> float:
    """0-100 for one question's chosen options. A gap ("I don't know") earns nothing."""
    if is_gap(chosen) or any(option.traits.get("everywhere") for option in chosen):
        return 0.0
    fits = [_fit(option, audience) for option in chosen if "fit" in option.traits]
    if fits:
        # Average fit of the chosen networks for this audience, less a cost for each one
        # beyond the limit: a small business spread thin keeps up none of them.
        extra = max(0, len(fits) - limit)
        return max(0.0, sum(fits) / len(fits) - extra * penalty)
    return float(min(100, sum(option.score for option in chosen)))


def _fit(option: OptionSpec, audience: str) -> float:
    fit = option.traits["fit"]
    if audience == "both":
        return (fit["consumers"] + fit["businesses"]) / 2
    return fit[audience]


@dataclass(frozen=True)
class AnswerFacts:
    """What one answer is worth to each audience, and the traits it carries."""

    points: Mapping[str, float]  # audience -> 0-100
    traits: frozenset[str]


def answer_facts(rubric: Rubric, question: QuestionSpec, answers: Answers) -> AnswerFacts:
    # The same few answers come up again and again: work each out once per question.
    key = ("facts", tuple(answers.get(question.key, ())))
    if key in question.memo:
        return question.memo[key]
    return question.memoised(key, lambda: _facts(rubric, chosen_options(question, answers)))


def _facts(rubric: Rubric, chosen: tuple[OptionSpec, ...]) -> AnswerFacts:
    limit, penalty = rubric.network_spread
    points = {audience: _points(chosen, audience, limit, penalty) for audience in AUDIENCES}
    return AnswerFacts(points, true_traits(chosen))


def question_points(
    rubric: Rubric, question: QuestionSpec, answers: Answers, audience: str
) -> float:
    return answer_facts(rubric, question, answers).points[audience]


@dataclass(frozen=True)
class Tally:
    """Each question's points for one audience ("consumers", "businesses" or "both"), the
    traits its answer carries, and the weighted points summed per dimension."""

    audience: str
    points: Mapping[str, float]
    traits: Mapping[str, frozenset[str]]
    totals: Mapping[str, float]

    def with_answers(self, rubric: Rubric, answers: Answers) -> Tally:
        """This tally with the given questions' answers replaced; the rest are not re-read."""
        points, traits, totals = dict(self.points), dict(self.traits), dict(self.totals)
        for key in answers:
            question = rubric.questions_by_key[key]
            facts = answer_facts(rubric, question, answers)
            new = facts.points[self.audience]
            totals[question.dimension] += question.weight * (new - points.get(key, 0.0))
            points[key] = new
            traits[key] = facts.traits
        return Tally(self.audience, points, traits, totals)


def tallies(rubric: Rubric, answers: Answers, audiences: Iterable[str]) -> dict[str, Tally]:
    """One tally per audience, reading each answer once."""
    audiences = tuple(dict.fromkeys(audiences))
    points: dict[str, dict[str, float]] = {audience: {} for audience in audiences}
    totals = {audience: dict.fromkeys(DIMENSIONS, 0.0) for audience in audiences}
    traits = {}
    for question in rubric.questions:
        facts = answer_facts(rubric, question, answers)
        traits[question.key] = facts.traits
        for audience in audiences:
            value = facts.points[audience]
            points[audience][question.key] = value
            totals[audience][question.dimension] += question.weight * value
    return {a: Tally(a, points[a], traits, totals[a]) for a in audiences}


def dimension_caps(rubric: Rubric, traits: set[str] | frozenset[str]) -> dict[str, int]:
    """The dimension caps the rules impose, given the traits the chosen answers carry."""
    caps: dict[str, int] = {}
    if not {"people", "time"} <= traits:
        caps["sustainability"] = rubric.rule("people_and_time")["cap"]
    if "engages" not in traits:
        cap = rubric.rule("no_conversation")["cap"]
        caps["value"] = caps["network_fit"] = cap
    return caps


def dimension_scores(rubric: Rubric, tally: Tally) -> dict[str, float]:
    """Weighted mean of each dimension's question points, with the rules' caps applied."""
    weights = rubric.dimension_weights
    scores = {d: tally.totals[d] / weights[d] if weights[d] else 0.0 for d in DIMENSIONS}
    for dimension, cap in dimension_caps(rubric, frozenset().union(*tally.traits.values())).items():
        scores[dimension] = min(scores[dimension], cap)
    return scores


def band_for(rubric: Rubric, score: int) -> dict:
    return [band for band in rubric.settings["bands"] if score >= band["min"]][-1]


def model_dimensions(rubric: Rubric, tally: Tally, model: str) -> dict[str, float]:
    """Dimension scores as this model sees them (pass the tally of the model's audience):
    for B2B, value counts only above the hurdle business buyers set."""
    assert tally.audience == AUDIENCE_OF_MODEL[model]
    scores = dimension_scores(rubric, tally)
    if model == "b2b":
        hurdle = rubric.settings["b2b_value_hurdle"]
        scores["value"] = max(0.0, (scores["value"] - hurdle) * 100 / (100 - hurdle))
    return scores


def readiness_points(rubric: Rubric, tally: Tally, model: str) -> tuple[int, str | None]:
    """Readiness 0-100 for one model, and the weak dimension that capped it, if any."""
    scores = model_dimensions(rubric, tally, model)
    weights = rubric.settings["weights"][model]
    total = round(sum(weights[d] * scores[d] for d in DIMENSIONS))
    rule = rubric.rule("weak_dimension")
    weak = [d for d in DIMENSIONS if scores[d] < rule["floor"]]
    if weak and total > rule["readiness_cap"]:
        return rule["readiness_cap"], min(weak, key=lambda d: scores[d])
    return total, None
