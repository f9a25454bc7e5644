"""The rules: the seeds' principles as gates, weak dimensions, and the ceiling they put on
readiness.

A gate looks at every answer that bears on its principle, one facet per question, so no
single answer or tick decides it: with two facets missing it fails, with any facet missing
or not known yet it is short.

A failed gate, or two weak dimensions, hold readiness in Not yet; a gate not fully met, or
one weak dimension, hold it below Ready. Every question behind them is named once, however
many rules it breaks.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from questionnaire.scoring.rubric import Facet, GateSpec, Rubric
from questionnaire.scoring.trace import (
    FAILED,
    MET,
    MISSING,
    SHORT,
    UNKNOWN,
    AnswerPoints,
    DimensionScore,
    FacetResult,
    GateResult,
    Problem,
    WeakDimension,
)


def applies(gate: GateSpec, audience: str) -> bool:
    return bool(gate.facets) and gate.audience in ("", audience)


def gate_results(
    rubric: Rubric, answers: Mapping[str, AnswerPoints], audience: str
) -> tuple[GateResult, ...]:
    """Every gate that applies to a presence talking to this audience."""
    return tuple(_judged(gate, answers) for gate in rubric.gates if applies(gate, audience))


def _judged(gate: GateSpec, answers: Mapping[str, AnswerPoints]) -> GateResult:
    facets = []
    for facet in gate.facets:
        answer = answers[facet.question]
        facets.append(FacetResult(answer.question, facet_status(facet, answer), answer))
    not_met = tuple(facet for facet in facets if facet.status != MET)
    state = gate_state(gate, [facet.status for facet in facets])
    return GateResult(gate, state, tuple(facets), not_met)


def gate_state(gate: GateSpec, statuses: Collection[str]) -> str:
    """From its facets' statuses: failed with `fail_at` missing; short with any facet
    missing or unknown."""
    if sum(status == MISSING for status in statuses) >= gate.fail_at:
        return FAILED
    return MET if all(status == MET for status in statuses) else SHORT


def facet_status(facet: Facet, answer: AnswerPoints) -> str:
    status = answer.statuses.get(facet)
    if status is None:
        status = answer.statuses[facet] = _facet_status(facet, answer)
    return status


def _facet_status(facet: Facet, answer: AnswerPoints) -> str:
    if facet.most:  # nothing chosen yet is nothing spread thin
        spread = len(answer.chosen) > facet.most or any(o.is_everywhere for o in answer.chosen)
        return MISSING if spread else MET
    if answer.gap:
        return UNKNOWN  # "I don't know" is something to find out, not a failure
    if facet.trait:
        return MET if any(option.carries(facet.trait) for option in answer.chosen) else MISSING
    if any(option.is_everywhere for option in answer.chosen):
        return MET  # every network reaches the audience too; the spread facet judges the cost
    return MET if answer.best_points >= facet.least else MISSING


def holds_down(rubric: Rubric, answer: AnswerPoints) -> bool:
    """Whether an answer is behind its dimension's weakness: not known, or a weak answer."""
    return answer.gap or answer.points < rubric.settings["partial_from"]


def weak_dimensions(
    rubric: Rubric, answers: Mapping[str, AnswerPoints], dimensions: Mapping[str, DimensionScore]
) -> tuple[WeakDimension, ...]:
    """The dimensions below the floor, each with the answers that hold it down (none, when a
    consultant's figure makes it weak while the answers are fine)."""
    floor = rubric.settings["weak_dimension"]["floor"]
    return tuple(
        WeakDimension(
            score,
            tuple(a for q in rubric.questions_in[key] if holds_down(rubric, a := answers[q.key])),
            floor,
        )
        for key, score in dimensions.items()
        if score.weak
    )


def problems(gates: tuple[GateResult, ...], weak: tuple[WeakDimension, ...]) -> tuple[Problem, ...]:
    """The questions behind every gate not met and every weak dimension, each once, failed
    gates' first."""
    found: dict[str, tuple[int, list]] = {}
    for gate in sorted(gates, key=lambda gate: gate.state != FAILED):
        for facet in gate.not_met:
            found.setdefault(facet.question.key, (facet.question.number, []))[1].append(gate)
    for dimension in weak:
        keys = [(a.question.key, a.question.number) for a in dimension.causes]
        for key, number in keys or [(f"override:{dimension.dimension.dimension}", 0)]:
            found.setdefault(key, (number, []))[1].append(dimension)
    return tuple(Problem(key, number, tuple(by)) for key, (number, by) in found.items())
