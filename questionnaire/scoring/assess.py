"""One market's whole computation: answers' points, dimension scores, gates, problems and
the readiness they leave. The verdict, the plan's gains and every sentence come from here."""

from __future__ import annotations

from collections.abc import Mapping

from questionnaire.scoring.gates import gate_results, problems, weak_dimensions
from questionnaire.scoring.points import answer_points, dimension_scores
from questionnaire.scoring.rubric import DIMENSIONS, Answers, Profile, Rubric
from questionnaire.scoring.trace import Ceiling, MarketTrace


def market_trace(
    rubric: Rubric,
    answers: Answers,
    profile: Profile,
    market: str,
    overrides: Mapping[str, int],
) -> MarketTrace:
    audience = profile.audience_of(market)
    points = {q.key: answer_points(rubric, q, answers, audience, profile) for q in rubric.questions}
    dimensions = dimension_scores(rubric, points, overrides)
    weights = rubric.settings["weights"][market]
    raw = round(sum(weights[d] * dimensions[d].exact for d in DIMENSIONS))
    gates = gate_results(rubric, points, audience)
    weak = weak_dimensions(rubric, points, dimensions)
    found = problems(gates, weak)
    ceiling = rubric.ceiling(len(found))
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
