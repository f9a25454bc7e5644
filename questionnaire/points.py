"""The numbers: points per question, dimension scores with the rules' caps, readiness.

Everything starts from a `Tally`: each question's points for one audience and the traits its
answer carries. The actions re-score an audit with one or two answers improved, many times,
so a tally can swap answers without re-reading the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from questionnaire.rubric import (
    AUDIENCE_OF_MODEL,
    AUDIENCES,
    DIMENSIONS,
    Answers,
    OptionSpec,
    Profile,
    QuestionSpec,
    Rubric,
    audiences_in,
    chosen_options,
    is_gap,
    true_traits,
)


def _points(
    rubric: Rubric,
    question: QuestionSpec,
    chosen: tuple[OptionSpec, ...],
    audience: str,
    sector: str,
) -> float:
    """0-100 for one question's chosen options. A gap ("I don't know") earns nothing."""
    if is_gap(chosen) or any(option.traits.get("everywhere") for option in chosen):
        return 0.0
    values = [option.points(audience, sector) for option in chosen]
    focus = rubric.focus(question)
    if focus:
        # The mean of the chosen options, less a cost for each one beyond the limit: a small
        # business spread over every stage or network keeps up none of them well.
        extra = max(0, len(values) - focus["limit"])
        return max(0.0, sum(values) / len(values) - extra * focus["penalty"])
    return float(min(100, sum(values)))


@dataclass(frozen=True)
class AnswerFacts:
    """What one answer is worth to each audience, and the traits it carries for each."""

    points: Mapping[str, float]  # audience -> 0-100
    traits: Mapping[str, frozenset[str]]  # audience -> traits


def answer_facts(
    rubric: Rubric, question: QuestionSpec, answers: Answers, sector: str
) -> AnswerFacts:
    # The same few answers come up again and again: work each out once per question (and per
    # sector, for the one question whose points depend on it).
    sector = sector if question.judged_by_sector else ""
    key = ("facts", sector, tuple(answers.get(question.key, ())))
    found = question.memo.get(key)  # read inline: a hot path, like chosen_options
    if found is None:
        found = question.memo[key] = _facts(rubric, question, answers, sector)
    return found


def _facts(rubric: Rubric, question: QuestionSpec, answers: Answers, sector: str) -> AnswerFacts:
    chosen = chosen_options(question, answers)
    points = {a: _points(rubric, question, chosen, a, sector) for a in AUDIENCES}
    traits = true_traits(chosen)
    misfits = {a: _misfit(rubric, chosen, a, sector) for a in AUDIENCES}
    return AnswerFacts(points, {a: traits | misfits[a] for a in AUDIENCES})


def _misfit(
    rubric: Rubric, chosen: tuple[OptionSpec, ...], audience: str, sector: str
) -> frozenset[str]:
    """The trait "misfit" when real networks were chosen and their mean fit is below the
    threshold for the audience (for a business selling to both: for each of them). Having too
    many is a different problem, so the focus penalty plays no part here."""
    if is_gap(chosen) or not all("fit" in option.traits for option in chosen):
        return frozenset()
    threshold = rubric.settings["network_fit_threshold"]
    fits = [sum(o.points(a, sector) for o in chosen) / len(chosen) for a in audiences_in(audience)]
    return frozenset({"misfit"} if all(fit < threshold for fit in fits) else ())


def question_points(
    rubric: Rubric, question: QuestionSpec, answers: Answers, profile: Profile
) -> float:
    return answer_facts(rubric, question, answers, profile.sector).points[profile.audience]


@dataclass(frozen=True)
class Tally:
    """Each question's points for one audience ("consumers", "businesses" or "both"), the
    traits its answer carries, and the weighted points summed per dimension."""

    audience: str
    sector: str
    points: Mapping[str, float]
    traits: Mapping[str, frozenset[str]]
    totals: Mapping[str, float]

    @property
    def all_traits(self) -> frozenset[str]:
        return frozenset().union(*self.traits.values())

    def with_answers(self, rubric: Rubric, answers: Answers) -> Tally:
        """This tally with the given questions' answers replaced; the rest are not re-read."""
        points, traits, totals = dict(self.points), dict(self.traits), dict(self.totals)
        for key in answers:
            question = rubric.questions_by_key[key]
            facts = answer_facts(rubric, question, answers, self.sector)
            new = facts.points[self.audience]
            totals[question.dimension] += question.weight * (new - points.get(key, 0.0))
            points[key] = new
            traits[key] = facts.traits[self.audience]
        return Tally(self.audience, self.sector, points, traits, totals)


def tallies(
    rubric: Rubric, answers: Answers, audiences: Iterable[str], sector: str
) -> dict[str, Tally]:
    """One tally per audience, reading each answer once."""
    audiences = tuple(dict.fromkeys(audiences))
    points: dict[str, dict[str, float]] = {audience: {} for audience in audiences}
    totals = {audience: dict.fromkeys(DIMENSIONS, 0.0) for audience in audiences}
    traits: dict[str, dict[str, frozenset[str]]] = {audience: {} for audience in audiences}
    for question in rubric.questions:
        facts = answer_facts(rubric, question, answers, sector)
        for audience in audiences:
            value = facts.points[audience]
            points[audience][question.key] = value
            traits[audience][question.key] = facts.traits[audience]
            totals[audience][question.dimension] += question.weight * value
    return {a: Tally(a, sector, points[a], traits[a], totals[a]) for a in audiences}


class Cap(NamedTuple):
    rule: str
    dimension: str
    cap: int


def rule_caps(rubric: Rubric, traits: frozenset[str]) -> tuple[Cap, ...]:
    """The caps the rules impose, given the traits the chosen answers carry."""
    return rubric.memoised(("caps", traits), _rule_caps, rubric, traits)


def _rule_caps(rubric: Rubric, traits: frozenset[str]) -> tuple[Cap, ...]:
    caps = []
    if not {"people", "time"} <= traits:
        caps.append(Cap("people_and_time", "sustainability", rubric.rule("people_and_time")["cap"]))
    if "engages" not in traits:
        cap = rubric.rule("no_conversation")["cap"]
        caps += [Cap("no_conversation", "value", cap), Cap("no_conversation", "network_fit", cap)]
    if "misfit" in traits and "misfit_networks" in rubric.settings["rules"]:
        caps.append(Cap("misfit_networks", "network_fit", rubric.rule("misfit_networks")["cap"]))
    return tuple(caps)


def dimension_scores(rubric: Rubric, tally: Tally) -> dict[str, float]:
    """Weighted mean of each dimension's question points, with the rules' caps applied."""
    weights = rubric.dimension_weights
    scores = {d: tally.totals[d] / weights[d] if weights[d] else 0.0 for d in DIMENSIONS}
    for rule in rule_caps(rubric, tally.all_traits):
        scores[rule.dimension] = min(scores[rule.dimension], rule.cap)
    return scores


def band_for(rubric: Rubric, score: int) -> dict:
    return [band for band in rubric.settings["bands"] if score >= band["min"]][-1]


def _as_market_weighs_them(rubric: Rubric, value: float, model: str) -> float:
    """The value score as this market weighs it: for B2B, value counts only above the
    hurdle business buyers set."""
    if model != "b2b":
        return value
    hurdle = rubric.settings["b2b_value_hurdle"]
    return max(0.0, (value - hurdle) * 100 / (100 - hurdle))


def weak_floors(rubric: Rubric, model: str) -> dict[str, int]:
    """Below its floor a dimension is weak for this market: the same floor everywhere, except
    where the market sets its own (business buyers need value to be a real strength)."""
    rule = rubric.rule("weak_dimension")
    return rubric.memoised(
        ("floors", model),
        lambda: {
            **dict.fromkeys(DIMENSIONS, rule["floor"]),
            **rule.get("floors", {}).get(model, {}),
        },
    )


class ReadinessPoints(NamedTuple):
    score: int  # 0-100, after the weak-dimension cap
    uncapped: int  # before it: which market fits better when both are capped
    capped_by: str | None  # the weak dimension that capped it, if any


def readiness_points(rubric: Rubric, tally: Tally, model: str) -> ReadinessPoints:
    """Readiness 0-100 for one market (pass the tally of its audience), and the weak
    dimension that capped it, if any."""
    assert tally.audience == AUDIENCE_OF_MODEL[model]
    scores = dimension_scores(rubric, tally)
    weights = rubric.settings["weights"][model]
    weighed_value = _as_market_weighs_them(rubric, scores["value"], model)
    total = round(
        sum(weights[d] * scores[d] for d in DIMENSIONS)
        + weights["value"] * (weighed_value - scores["value"])
    )
    floors = weak_floors(rubric, model)
    weak = [d for d in DIMENSIONS if scores[d] < floors[d]]
    cap = rubric.rule("weak_dimension")["readiness_cap"]
    if weak and total > cap:
        return ReadinessPoints(cap, total, min(weak, key=lambda d: scores[d] - floors[d]))
    return ReadinessPoints(total, total, None)
