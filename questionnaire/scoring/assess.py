"""One market's whole computation: answers' points, dimension scores, gates, problems and
the readiness they leave. The verdict, the plan's gains and every sentence come from here."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from questionnaire.scoring.gates import (
    applies,
    facet_status,
    gate_results,
    gate_state,
    problems,
    weak_dimensions,
)
from questionnaire.scoring.points import answer_points, dimension_exact, dimension_scores
from questionnaire.scoring.rubric import DIMENSIONS, Answers, GateSpec, Profile, Rubric
from questionnaire.scoring.trace import (
    FAILED,
    SHORT,
    AnswerPoints,
    Ceiling,
    GateResult,
    MarketTrace,
    WeakDimension,
)

Points = Mapping[str, AnswerPoints]  # question key -> what its answer earns


def points_for(rubric: Rubric, answers: Answers, profile: Profile, audience: str) -> dict:
    """What each answer earns for this audience."""
    return {q.key: answer_points(rubric, q, answers, audience, profile) for q in rubric.questions}


def market_trace(
    rubric: Rubric,
    answers: Answers,
    profile: Profile,
    market: str,
    overrides: Mapping[str, int],
) -> MarketTrace:
    audience = profile.audience_of(market)
    points = points_for(rubric, answers, profile, audience)
    dimensions = dimension_scores(rubric, points, overrides)
    weights = rubric.settings["weights"][market]
    # Readiness adds up the scores the page shows, so anyone can check it.
    raw = round(sum(weights[d] * dimensions[d].score for d in DIMENSIONS))
    gates = gate_results(rubric, points, audience)
    weak = weak_dimensions(rubric, points, dimensions)
    found = problems(gates, weak)
    ceiling = rubric.ceiling(*held(gates, weak))
    readiness = min(raw, ceiling)
    return MarketTrace(
        market=market,
        audience=audience,
        answers=points,
        dimensions=dimensions,
        gates=gates,
        weak=weak,
        problems=found,
        raw=raw,
        readiness=readiness,
        band=rubric.band_for(readiness),
        ceiling=Ceiling(market, found, ceiling, raw) if ceiling < raw else None,
    )


def figures_of(
    rubric: Rubric, points: Points, market: str, overrides: Mapping[str, int]
) -> tuple[int, dict[str, int]]:
    """Readiness and the dimension scores, as `market_trace` works them out, from answers
    already scored, by the same rules but keeping nothing else: lists ask for these alone,
    so no trace is built."""
    scores = {
        dimension: overrides[dimension]
        if dimension in overrides
        else round(dimension_exact(points[q.key] for q in questions))
        for dimension, questions in rubric.questions_in.items()
    }
    audience = next(iter(points.values())).audience
    states = [gate_figure(gate, points) for gate in rubric.gates if applies(gate, audience)]
    return readiness_from(rubric, market, scores, states), scores


def gate_figure(gate: GateSpec, points: Points) -> str:
    """A gate's state, as `gate_results` judges it."""
    return gate_state(gate, [facet_status(facet, points[facet.question]) for facet in gate.facets])


def readiness_from(
    rubric: Rubric, market: str, scores: Mapping[str, int], states: Collection[str]
) -> int:
    """Readiness from the dimension scores and the gates' states (the rule of `held`)."""
    weights = rubric.settings["weights"][market]
    floor = rubric.settings["weak_dimension"]["floor"]
    raw = round(sum(weights[d] * score for d, score in scores.items()))
    weak = sum(score < floor for score in scores.values())
    failed = weak >= 2 or FAILED in states
    short = weak == 1 or SHORT in states
    return min(raw, rubric.ceiling(failed, short))


def held(gates: tuple[GateResult, ...], weak: tuple[WeakDimension, ...]) -> tuple[bool, bool]:
    """(failed, short): whether a failed gate or two weak dimensions hold readiness in Not
    yet, and whether a gate not fully met or one weak dimension holds it below Ready."""
    failed = len(weak) >= 2 or any(gate.state == FAILED for gate in gates)
    short = len(weak) == 1 or any(gate.state == SHORT for gate in gates)
    return failed, short
