"""The rules: the seeds' principles as gates, weak dimensions, and the ceiling they put on
readiness.

A gate looks at every answer that bears on its principle, one facet per question, so no
single answer or tick decides it: with two facets missing it fails, with one it is short.
Every question behind a gate not met or a weak dimension is one problem, counted once
however many rules it breaks; one problem keeps readiness below Ready, two keep it in Not
yet, and each further problem lowers the ceiling again.
"""

from __future__ import annotations

from collections.abc import Mapping

from questionnaire.scoring.rubric import Facet, Rubric
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


def gate_results(
    rubric: Rubric, answers: Mapping[str, AnswerPoints], audience: str
) -> tuple[GateResult, ...]:
    """Every gate that applies to a presence talking to this audience."""
    results = []
    for gate in rubric.gates:
        if not gate.facets or gate.audience not in ("", audience):
            continue
        facets = tuple(
            FacetResult(
                answers[f.question].question, _status(f, answers[f.question]), answers[f.question]
            )
            for f in gate.facets
        )
        missing = sum(facet.status == MISSING for facet in facets)
        if all(facet.status == MET for facet in facets):
            state = MET
        else:
            state = FAILED if missing >= gate.fail_at else SHORT
        results.append(GateResult(gate, state, facets))
    return tuple(results)


def _status(facet: Facet, answer: AnswerPoints) -> str:
    if answer.gap:
        return UNKNOWN  # "I don't know" is something to find out, not a failure
    if facet.trait and any(option.carries(facet.trait) for option in answer.chosen):
        return MET
    return MET if answer.best_points >= facet.least else MISSING


def weak_dimensions(
    rubric: Rubric, answers: Mapping[str, AnswerPoints], dimensions: Mapping[str, DimensionScore]
) -> tuple[WeakDimension, ...]:
    """The dimensions below the floor, each with the answers that hold it there."""
    floor = rubric.settings["weak_dimension"]["floor"]
    below = rubric.settings["partial_from"]
    weak = []
    for key, dimension in dimensions.items():
        if dimension.weak:
            causes = (
                ()
                if dimension.overridden
                else tuple(
                    answers[q.key]
                    for q in rubric.questions_in[key]
                    if answers[q.key].gap or answers[q.key].points < below
                )
            )
            weak.append(WeakDimension(dimension, causes, floor))
    return tuple(weak)


def problems(gates: tuple[GateResult, ...], weak: tuple[WeakDimension, ...]) -> tuple[Problem, ...]:
    """The questions behind every gate not met and every weak dimension, each once, failed
    gates' first."""
    found: dict[str, tuple[int, list]] = {}
    ordered = sorted(gates, key=lambda gate: gate.state != FAILED)
    for gate in ordered:
        for facet in gate.not_met:
            found.setdefault(facet.question.key, (facet.question.number, []))[1].append(gate)
    for dimension in weak:
        keys = [(a.question.key, a.question.number) for a in dimension.causes]
        for key, number in keys or [(f"override:{dimension.dimension.dimension}", 0)]:
            found.setdefault(key, (number, []))[1].append(dimension)
    return tuple(Problem(key, number, tuple(by)) for key, (number, by) in found.items())
