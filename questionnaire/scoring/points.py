"""The numbers: what each answer earns for an audience (0-100), and the dimension scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from questionnaire.scoring.rubric import (
    Answers,
    OptionSpec,
    Profile,
    QuestionSpec,
    Rubric,
    chosen_options,
    is_gap,
)
from questionnaire.scoring.trace import (
    GAP,
    PARTIAL,
    STRENGTH,
    WEAKNESS,
    AnswerPoints,
    DimensionScore,
    Penalty,
)


def answer_points(
    rubric: Rubric, question: QuestionSpec, answers: Answers, audience: str, profile: Profile
) -> AnswerPoints:
    """What this answer earns for this audience. The same few answers come up again and
    again (the plan re-scores an audit many times), so each is worked out once (per sector
    only where the sector changes the points: the networks)."""
    keys = tuple(answers.get(question.key, ()))
    sector = profile.sector if question.by_sector else ""
    found = question.memo.get((keys, audience, sector))
    if found is None:
        found = _answer_points(rubric, question, keys, audience, sector)
        question.memo[keys, audience, sector] = found
    return found


def _answer_points(
    rubric: Rubric, question: QuestionSpec, keys: tuple[str, ...], audience: str, sector: str
) -> AnswerPoints:
    chosen = chosen_options(question, {question.key: keys})
    if is_gap(chosen):
        return AnswerPoints(question, audience, chosen, 0, GAP)
    value = {option.key: option.points(audience, sector) for option in chosen}
    best = max(chosen, key=lambda option: value[option.key])
    if any(option.is_everywhere for option in chosen):
        best = next(option for option in chosen if option.is_everywhere)
        return _earned(rubric, question, audience, chosen, 0, best, 0, ())
    focus = rubric.focus(question)
    if focus:
        penalties = _focus_penalties(focus, chosen, value)
        points = max(0, value[best.key] - sum(p.points for p in penalties))
    elif question.multiple:  # several complementary things: they add up
        penalties, points = (), min(100, sum(value.values()))
    else:
        penalties, points = (), value[best.key]
    return _earned(rubric, question, audience, chosen, points, best, value[best.key], penalties)


def _earned(rubric, question, audience, chosen, points, best, best_points, penalties):
    if points >= rubric.settings["strong_from"]:
        effect = STRENGTH
    elif points >= rubric.settings["partial_from"]:
        effect = PARTIAL
    else:
        effect = WEAKNESS
    return AnswerPoints(question, audience, chosen, points, effect, best, best_points, penalties)


def _focus_penalties(
    focus: Mapping, chosen: tuple[OptionSpec, ...], value: Mapping[str, int]
) -> tuple[Penalty, ...]:
    """A best-choice question keeps its best choice's points, less a cost for each choice
    beyond the limit: a small business spread over every stage or network keeps up none of
    them well. (The lowest-scoring choices are the ones beyond it.)"""
    beyond = sorted(chosen, key=lambda option: -value[option.key])[focus["limit"] :]
    if not beyond:
        return ()
    cost = focus["penalty"] * len(beyond)
    return (Penalty("beyond_limit", tuple(beyond), cost, focus["limit"], focus["penalty"]),)


def reaches_few(option: OptionSpec, profile: Profile, below: int) -> bool:
    """A network that earns less than `below` for every audience the business reaches."""
    return "fit" in option.traits and all(
        option.points(audience, profile.sector) < below for audience in profile.audiences
    )


def dimension_exact(answers: Iterable[AnswerPoints]) -> float:
    """A dimension's score before rounding: the weighted mean of its answers' points (a gap
    counts as 0)."""
    total = weights = 0.0
    for answer in answers:
        total += answer.question.weight * answer.points
        weights += answer.question.weight
    return total / weights


def dimension_scores(
    rubric: Rubric, points: Mapping[str, AnswerPoints], overrides: Mapping[str, int]
) -> dict[str, DimensionScore]:
    """Each dimension's score, or the consultant's figure where they set one; weak below the
    floor."""
    return {
        dimension: _dimension_score(
            rubric, dimension, [points[q.key] for q in questions], overrides
        )
        for dimension, questions in rubric.questions_in.items()
    }


def _dimension_score(rubric, dimension, answers, overrides) -> DimensionScore:
    computed = round(dimension_exact(answers))
    score = overrides.get(dimension, computed)
    weak = score < rubric.settings["weak_dimension"]["floor"]
    return DimensionScore(dimension, score, computed, dimension in overrides, weak)
