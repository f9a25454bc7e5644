"""The words: reasons behind each dimension score, ranked actions, the verdict sentence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from questionnaire.points import Tally, question_points, readiness_points
from questionnaire.rubric import (
    AUDIENCE_OF_MODEL,
    DIMENSIONS,
    MODELS,
    MODELS_FOR_SELLS_TO,
    Answers,
    OptionSpec,
    QuestionSpec,
    Rubric,
    audience_of,
    chosen_options,
    is_gap,
    offers,
)

STRONG_ANSWER, WEAK_ANSWER = 70, 40  # what counts as a strong or weak answer, in points


class Effect(StrEnum):
    STRENGTH = "strength"  # this answer raised the score
    PARTIAL = "partial"  # it counted for part of the points
    WEAKNESS = "weakness"  # it held the score down
    GAP = "gap"  # "I don't know": a named gap, no points
    LIMIT = "limit"  # a rule capped the score because of this answer


@dataclass(frozen=True)
class Reason:
    question_key: str
    question_number: int
    effect: Effect
    text: str


@dataclass(frozen=True)
class Action:
    question_key: str
    question_number: int
    dimension: str
    text: str
    gain: int  # readiness points it would add, for the model(s) this business sells to


def answer_reasons(
    rubric: Rubric, question: QuestionSpec, answers: Answers, audience: str
) -> list[Reason]:
    chosen = chosen_options(question, answers)
    if is_gap(chosen):
        text = (
            f"You don't know yet: “{question.text}” This is a gap in the plan, "
            "and it earns no points until you find out."
        )
        return [Reason(question.key, question.number, Effect.GAP, text)]
    points = question_points(rubric, question, answers, audience)
    said = "; ".join(f"“{option.label}”" for option in chosen)
    if points >= STRONG_ANSWER:
        effect, verdict = Effect.STRENGTH, "counts in your favour"
    elif points >= WEAK_ANSWER:
        effect, verdict = Effect.PARTIAL, "counts for part of the points"
    else:
        effect, verdict = Effect.WEAKNESS, "holds this score down"
    reasons = [Reason(question.key, question.number, effect, f"You said {said}: this {verdict}.")]
    if "fit" in question.trait_names:
        reasons += _network_reasons(rubric, question, chosen, audience)
    return reasons


def _network_reasons(
    rubric: Rubric, question: QuestionSpec, chosen: list[OptionSpec], audience: str
) -> list[Reason]:
    audiences = ("consumers", "businesses") if audience == "both" else (audience,)
    threshold = rubric.settings["network_fit_threshold"]
    reasons = []
    misfits = [
        option.label
        for option in chosen
        if "fit" in option.traits and all(option.traits["fit"][a] < threshold for a in audiences)
    ]
    if misfits:
        who = {"consumers": "consumers", "businesses": "business buyers"}.get(
            audience, "either of the audiences you sell to"
        )
        text = f"{_join(misfits)} {'is' if len(misfits) == 1 else 'are'} little used by {who}."
        reasons.append(Reason(question.key, question.number, Effect.WEAKNESS, text))
    if len([o for o in chosen if "fit" in o.traits]) > rubric.settings["network_spread_limit"]:
        limit = rubric.settings["network_spread_limit"]
        text = f"{len(chosen)} networks is a lot to keep up: each one beyond {limit} costs points."
        reasons.append(Reason(question.key, question.number, Effect.WEAKNESS, text))
    return reasons


def _lacking(rubric: Rubric, answers: Answers, trait: str, dimension: str) -> QuestionSpec | None:
    """The first question of the dimension that offers the trait but whose answer lacks it."""
    for question in rubric.questions:
        if question.dimension == dimension and offers(question, (trait,)):
            if not any(option.traits.get(trait) for option in chosen_options(question, answers)):
                return question
    return None


def limit_reason(rubric: Rubric, dimension: str, answers: Answers) -> Reason:
    """Why a rule capped this dimension, pointing at the answer that triggered it."""
    if dimension == "sustainability":
        rule = rubric.rule("people_and_time")
        cause = _lacking(rubric, answers, "people", dimension) or _lacking(
            rubric, answers, "time", dimension
        )
    else:
        rule = rubric.rule("no_conversation")
        cause = _lacking(rubric, answers, "engages", dimension)
    question = cause or next(q for q in rubric.questions if q.dimension == dimension)
    text = rule["reason"].format(cap=rule["cap"])
    return Reason(question.key, question.number, Effect.LIMIT, text)


def _best_answer(question: QuestionSpec, audience: str) -> tuple[str, ...]:
    return question.memoised(("best", audience), lambda: _work_out_best(question, audience))


def _work_out_best(question: QuestionSpec, audience: str) -> tuple[str, ...]:
    real = [o for o in question.options if not o.dont_know and not o.traits.get("everywhere")]
    if any("fit" in o.traits for o in real):
        return (max(real, key=lambda o: o.traits["fit"][audience]).key,)
    if question.multiple:
        return tuple(o.key for o in real if o.score > 0)
    return (max(real, key=lambda o: o.score).key,)


def _improvement(rubric: Rubric, question: QuestionSpec, audience: str) -> dict:
    """This question answered as well as it can be. A named person and set time are one
    fix (neither lifts the sustainability cap alone), so those questions improve together."""
    together = [question]
    if offers(question, ("people", "time")):
        together = [q for q in rubric.questions if offers(q, ("people", "time"))]
    return {q.key: _best_answer(q, audience) for q in together}


def _advice(rubric: Rubric, question: QuestionSpec, answers: Answers, audience: str) -> str:
    """The chosen options' advice; for a weak answer without any, the dimension's advice."""
    chosen = chosen_options(question, answers)
    advice = [option.advice for option in chosen if option.advice]
    if not advice and question_points(rubric, question, answers, audience) < WEAK_ANSWER:
        advice = [rubric.dimension_text(question.dimension, "advice")]
    return " ".join(dict.fromkeys(advice))


def actions(
    rubric: Rubric, answers: Answers, sells_to: str, tallies: Mapping[str, Tally]
) -> tuple[Action, ...]:
    """One action per answer that needs one, ranked by the readiness it would add (for the
    models this business sells to) if that question were answered as well as it can be.
    `tallies` holds each model's tally of these answers."""
    models = MODELS_FOR_SELLS_TO.get(sells_to, MODELS)
    audience = audience_of(sells_to)
    before = {m: readiness_points(rubric, tallies[m], m)[0] for m in models}
    found = []
    for question in rubric.questions:
        text = _advice(rubric, question, answers, audience)
        if not text:
            continue
        improved = _improvement(rubric, question, AUDIENCE_OF_MODEL[models[0]])
        gain = max(
            readiness_points(rubric, tallies[m].with_answers(rubric, improved), m)[0] - before[m]
            for m in models
        )
        found.append(Action(question.key, question.number, question.dimension, text, max(0, gain)))
    found.sort(key=lambda action: (-action.gain, action.question_number))
    return tuple(found)


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def summary(rubric: Rubric, fit: str, model_scores: Mapping[str, float]) -> str:
    """The verdict in one sentence, naming the strongest and the weakest dimensions."""
    weakest_first = sorted(DIMENSIONS, key=lambda d: (model_scores[d], DIMENSIONS.index(d)))
    strongest = min(DIMENSIONS, key=lambda d: (-model_scores[d], DIMENSIONS.index(d)))
    phrase = {d: rubric.dimension_text(d, "strength") for d in DIMENSIONS}
    floor = rubric.rule("weak_dimension")["floor"]
    weak = [phrase[d] for d in weakest_first if model_scores[d] < floor][:3]
    return rubric.settings["verdicts"][fit].format(
        strong=phrase[strongest],
        weak=phrase[weakest_first[0]],
        weak_list=_join(weak or [phrase[weakest_first[0]]]),
    )


def stages(rubric: Rubric, answers: Answers) -> tuple[str, ...]:
    """The sales stages social media will serve, in pathway order."""
    labels = rubric.settings["stage_labels"]
    return tuple(
        labels[option.traits["stage"]]
        for question in rubric.questions
        for option in chosen_options(question, answers)
        if "stage" in option.traits
    )
