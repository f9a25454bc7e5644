"""One market's whole computation: answers' points, dimension scores, gates, problems and
the readiness they leave. The verdict, the plan's gains and every sentence come from here."""

from __future__ import annotations

from collections.abc import Mapping

from questionnaire.scoring.gates import (
    applies,
    facet_status,
    gate_results,
    gate_state,
    problems,
    weak_dimensions,
)
from questionnaire.scoring.points import answer_points, dimension_exact, dimension_scores
from questionnaire.scoring.rubric import DIMENSIONS, Answers, Profile, Rubric
from questionnaire.scoring.trace import (
    FAILED,
    MET,
    MISSING,
    SHORT,
    AnswerPoints,
    Ceiling,
    GateResult,
    MarketTrace,
    WeakDimension,
)

Points = Mapping[str, AnswerPoints]  # question key -> what its answer earns


def points_for(rubric: Rubric, answers: Answers, profile: Profile, audience: str) -> dict:
    """What each answer earns for this audience: looked up where worked out before (the
    hottest path of the scoring, so `answer_points` is inlined)."""
    points = {}
    sector, audiences = profile.sector, profile.audiences
    for question in rubric.questions:
        key = (tuple(answers.get(question.key, ())), audience, sector, audiences)
        found = question.memo.get(key)
        if found is None:
            found = answer_points(rubric, question, answers, audience, profile)
        points[question.key] = found
    return points


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


def readiness_of(
    rubric: Rubric,
    points: Points,
    market: str,
    overrides: Mapping[str, int],
    cache: dict | None = None,
) -> int:
    return figures_of(rubric, points, market, overrides, cache)[0]


def figures_of(
    rubric: Rubric,
    points: Points,
    market: str,
    overrides: Mapping[str, int],
    cache: dict | None = None,
) -> tuple[int, dict[str, int]]:
    """Readiness and the dimension scores, as `market_trace` works them out, from answers
    already scored, by the same rules but keeping nothing else: lists and the plan's every
    step ask for these alone, so no trace is built. The plan re-scores one audit once per
    step, changing a few answers each time: `cache` keeps what the others' answers give."""
    cache = {} if cache is None else cache
    weights = rubric.settings["weights"][market]
    floor = rubric.settings["weak_dimension"]["floor"]
    audience = next(iter(points.values())).audience
    raw = 0.0
    weak = 0
    scores = {}
    for dimension, questions in rubric.questions_in.items():
        if dimension in overrides:
            score = overrides[dimension]
        else:
            answers = tuple(points[q.key] for q in questions)
            score = cache.get(answers)
            if score is None:
                score = cache[answers] = round(dimension_exact(answers))
        scores[dimension] = score
        raw += weights[dimension] * score
        weak += score < floor
    failed, short = weak >= 2, weak == 1
    for gate in rubric.gates:
        if applies(gate, audience):
            key = (gate.key, *(points[f.question] for f in gate.facets))
            state = cache.get(key)
            if state is None:
                statuses = [facet_status(f, points[f.question]) for f in gate.facets]
                not_met = len(statuses) - statuses.count(MET)
                state = cache[key] = gate_state(gate, not_met, statuses.count(MISSING))
            failed = failed or state == FAILED
            short = short or state == SHORT
    return min(round(raw), rubric.ceiling(failed, short)), scores


def held(gates: tuple[GateResult, ...], weak: tuple[WeakDimension, ...]) -> tuple[bool, bool]:
    """(failed, short): whether a failed gate or two weak dimensions hold readiness in Not
    yet, and whether a gate not fully met or one weak dimension holds it below Ready."""
    failed = len(weak) >= 2 or any(gate.state == FAILED for gate in gates)
    short = len(weak) == 1 or any(gate.state == SHORT for gate in gates)
    return failed, short
