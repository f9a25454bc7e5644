"""The words: reasons behind each dimension score, ranked actions, the headline and summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from questionnaire.points import Cap, Tally, question_points, readiness_points
from questionnaire.rubric import (
    AUDIENCE_OF_MODEL,
    DIMENSIONS,
    Answers,
    OptionSpec,
    Profile,
    QuestionSpec,
    Rubric,
    audiences_in,
    chosen_options,
    is_gap,
    offers,
)

if TYPE_CHECKING:
    from questionnaire.scoring import Verdict

AUDIENCE_WORDS = {
    "consumers": "consumers",
    "businesses": "business buyers",
    "both": "either of the audiences you sell to",
}


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
    question_key: str  # the first question the fix touches
    question_number: int
    dimension: str  # the dimension the fix lifts: what the summary names as "next"
    text: str
    gain: int  # readiness points it would add, for the market(s) this business sells to
    topic: str  # what the fix is about, for the headline and the summary
    question_numbers: tuple[int, ...] = ()  # every question the fix touches

    @property
    def questions(self) -> str:
        """The questions it answers to, in words: "Question 9", "Questions 3, 4 and 8"."""
        numbers = [str(n) for n in self.question_numbers or (self.question_number,)]
        return f"Question{'s' if len(numbers) > 1 else ''} {_join(numbers)}"


# --- reasons -------------------------------------------------------------------------------


def answer_reasons(
    rubric: Rubric, question: QuestionSpec, answers: Answers, profile: Profile
) -> list[Reason]:
    chosen = chosen_options(question, answers)
    if is_gap(chosen):
        text = (
            f"You don't know yet: “{question.text}” This is a gap in the plan, "
            "and it earns no points until you find out."
        )
        return [Reason(question.key, question.number, Effect.GAP, text)]
    points = question_points(rubric, question, answers, profile)
    said = "; ".join(f"“{option.label}”" for option in chosen)
    if points >= rubric.settings["strong_from"]:
        effect, verdict = Effect.STRENGTH, "counts in your favour"
    elif points >= rubric.settings["partial_from"]:
        effect, verdict = Effect.PARTIAL, "counts for part of the points"
    else:
        effect, verdict = Effect.WEAKNESS, "holds this score down"
    reasons = [Reason(question.key, question.number, effect, f"You said {said}: this {verdict}.")]
    if "fit" in question.trait_names:
        reasons += _misfit_reasons(rubric, question, chosen, profile)
    if focus := _exceeded_focus(rubric, question, chosen):
        text = focus["reason"].format(count=len(chosen), **focus)
        reasons.append(Reason(question.key, question.number, Effect.WEAKNESS, text))
    return reasons


def _misfit_reasons(
    rubric: Rubric, question: QuestionSpec, chosen: Sequence[OptionSpec], profile: Profile
) -> list[Reason]:
    audiences = audiences_in(profile.audience)
    threshold = rubric.settings["network_fit_threshold"]
    misfits = [
        option.label
        for option in chosen
        if "fit" in option.traits
        and all(option.points(a, profile.sector) < threshold for a in audiences)
    ]
    if not misfits:
        return []
    verb = "is" if len(misfits) == 1 else "are"
    text = f"{_join(misfits)} {verb} little used by {AUDIENCE_WORDS[profile.audience]}."
    return [Reason(question.key, question.number, Effect.WEAKNESS, text)]


def _exceeded_focus(rubric: Rubric, question: QuestionSpec, chosen: Sequence) -> Mapping | None:
    """The question's focus rule, when more is ticked than it allows."""
    focus = rubric.focus(question)
    if focus and not is_gap(chosen) and len(chosen) > focus["limit"]:
        return focus
    return None


def _lacking(rubric: Rubric, answers: Answers, traits: Sequence[str]) -> list[QuestionSpec]:
    """The questions that offer one of these traits but whose answer carries none of them."""
    return [
        question
        for question in rubric.questions
        if offers(question, traits)
        and not any(o.traits.get(t) for o in chosen_options(question, answers) for t in traits)
    ]


def limit_reason(
    rubric: Rubric, cap: Cap, answers: Answers, profile: Profile, traits: frozenset[str]
) -> Reason:
    """Why a rule capped this dimension, pointing at the answer that triggered it and saying
    only what the owner's answers show (`traits`: every trait the answers carry)."""
    rule = rubric.rule(cap.rule)
    if cap.rule == "people_and_time":
        missing = [rule["missing"][t] for t in ("people", "time") if t not in traits]
        text = rule["reason"].format(missing=_join(missing), cap=cap.cap)
        causes = _lacking(rubric, answers, ("people", "time"))
    elif cap.rule == "no_conversation":
        said = "reason_broadcast" if "broadcast" in traits else "reason_silent"
        text = rule[said].format(cap=cap.cap)
        causes = _lacking(rubric, answers, ("engages",))
    else:
        text = rule["reason"].format(audience=AUDIENCE_WORDS[profile.audience], cap=cap.cap)
        causes = [q for q in rubric.questions if "fit" in q.trait_names]
    question = ([q for q in causes if q.dimension == cap.dimension] or causes)[0]
    return Reason(question.key, question.number, Effect.LIMIT, text)


# --- actions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fix:
    questions: tuple[QuestionSpec, ...]
    dimension: str
    topic: str
    foundation: bool  # a rule's fix: people and time, or conversation; these come first


def _foundation_fixes(rubric: Rubric, answers: Answers, traits: frozenset[str]) -> list[_Fix]:
    """The fixes the two rules ask for, each one action however many questions it touches:
    a named person and set time are one fix (neither lifts the cap alone), and so is turning
    a plan that only broadcasts into one that converses."""
    fixes = []
    rule = rubric.rule("people_and_time")
    missing = [t for t in ("people", "time") if t not in traits]
    if missing:
        topic = " and ".join(rule["next"][t] for t in missing)
        questions = tuple(_lacking(rubric, answers, ("people", "time")))
        fixes.append(_Fix(questions, "sustainability", topic, True))
    if "engages" not in traits and "broadcast" in traits:
        topic = rubric.rule("no_conversation")["next"]
        questions = tuple(_lacking(rubric, answers, ("engages",)))
        fixes.append(_Fix(questions, "value", topic, True))
    return [fix for fix in fixes if fix.questions]


def _fixes(
    rubric: Rubric, answers: Answers, traits: frozenset[str], needs: Mapping[str, bool]
) -> list[_Fix]:
    fixes = _foundation_fixes(rubric, answers, traits)
    covered = {q.key for fix in fixes for q in fix.questions}
    for question in rubric.questions:
        if question.key not in covered and needs[question.key]:
            topic = rubric.dimension_text(question.dimension, "next")
            fixes.append(_Fix((question,), question.dimension, topic, False))
    return fixes


def _advice(rubric: Rubric, question: QuestionSpec, answers: Answers, profile: Profile) -> str:
    """What to do about this answer: the chosen options' advice for this size of business,
    the focus advice when too much is ticked, else the dimension's advice."""
    chosen = chosen_options(question, answers)
    advice = [option.advice_for(profile.size) for option in chosen]
    if focus := _exceeded_focus(rubric, question, chosen):
        advice.append(focus["advice"])
    advice = [text for text in advice if text]
    return " ".join(dict.fromkeys(advice)) or rubric.dimension_text(question.dimension, "advice")


def _best_answer(rubric: Rubric, question: QuestionSpec, profile: Profile) -> tuple[str, ...]:
    key = ("best", profile.audience, profile.sector)
    return question.memoised(key, _work_out_best, rubric, question, profile)


def _work_out_best(rubric: Rubric, question: QuestionSpec, profile: Profile) -> tuple[str, ...]:
    """The best answer for this business: the top option; for a focus question every option
    that ties for the top, up to the limit (a mean cannot beat its best member)."""
    real = question.real_options
    points = {o.key: o.points(profile.audience, profile.sector) for o in real}
    top = max(points.values())
    focus = rubric.focus(question)
    if question.multiple and focus:
        return tuple(key for key in points if points[key] == top)[: focus["limit"]]
    if question.multiple:
        return tuple(key for key in points if points[key] > 0)
    return (next(key for key in points if points[key] == top),)


def _readiness_after(rubric: Rubric, fix: _Fix, market: Profile, model: str, tally: Tally) -> int:
    """This market's readiness with the fix's questions answered as well as they can be for
    the market's own audience (`market`)."""
    improved = {q.key: _best_answer(rubric, q, market) for q in fix.questions}
    return readiness_points(rubric, tally.with_answers(rubric, improved), model).score


def actions(
    rubric: Rubric,
    answers: Answers,
    profile: Profile,
    tallies: Mapping[str, Tally],
    points: Mapping[str, float],
) -> tuple[Action, ...]:
    """One action per fix, ranked: the rules' foundation fixes first, then by the readiness
    each would add (for the markets this business sells to) if its questions were answered
    as well as they can be. `tallies` holds each served market's tally of these answers;
    `points` each answer's points for the business's own audience."""
    before = {m: readiness_points(rubric, tallies[m], m).score for m in profile.markets}
    markets = {m: Profile(AUDIENCE_OF_MODEL[m], profile.sector, profile.size) for m in before}
    traits = tallies[profile.markets[0]].all_traits
    # Every answer that is not already a strength needs an action (a gap earns no points).
    needs = {key: value < rubric.settings["strong_from"] for key, value in points.items()}
    found = []
    for fix in _fixes(rubric, answers, traits, needs):
        gain = max(
            _readiness_after(rubric, fix, markets[m], m, tallies[m]) - before[m] for m in markets
        )
        # A strong answer inside a foundation fix (it lacks what the rule needs) adds no words.
        advice = (_advice(rubric, q, answers, profile) for q in fix.questions if needs[q.key])
        text = " ".join(dict.fromkeys(filter(None, advice)))
        first = fix.questions[0]
        numbers = tuple(q.number for q in fix.questions)
        action = Action(
            first.key, first.number, fix.dimension, text, max(0, gain), fix.topic, numbers
        )
        found.append((not fix.foundation, -action.gain, first.number, action))
    return tuple(item[-1] for item in sorted(found, key=lambda item: item[:3]))


# --- the verdict in words ------------------------------------------------------------------


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _next_topic(rubric: Rubric, verdict: Verdict, actions: Sequence[Action]) -> str:
    if actions:
        return actions[0].topic
    weakest = min(DIMENSIONS, key=lambda d: (verdict.scores[d], DIMENSIONS.index(d)))
    return rubric.dimension_text(weakest, "next")


def headline(rubric: Rubric, verdict: Verdict, actions: Sequence[Action]) -> str:
    """The verdict in a few plain words: "Yes: start with consumers", "Not yet: first …"."""
    template = rubric.settings["headlines"][verdict.outcome]
    return template.format(
        market=rubric.settings["markets"][verdict.leading]["audience"],
        next=_next_topic(rubric, verdict, actions),
    )


def strongest(rubric: Rubric, verdict: Verdict) -> str:
    """The strongest dimension; a tie goes to the one that counts most for the market to
    start with, then to the earlier question."""
    weights = rubric.settings["weights"][verdict.leading]
    return min(DIMENSIONS, key=lambda d: (-verdict.scores[d], -weights[d], DIMENSIONS.index(d)))


def summary(rubric: Rubric, verdict: Verdict, actions: Sequence[Action]) -> str:
    """One sentence: this business's strongest area and what its first action fixes, or,
    when every area is strong, what to keep doing."""
    texts = rubric.settings["summaries"]
    strong_from = rubric.settings["strong_from"]
    next_topic = _next_topic(rubric, verdict, actions)
    if all(verdict.scores[d] >= strong_from for d in DIMENSIONS):
        return texts["across_the_board"].format(next=next_topic) if actions else texts["keep_going"]
    best = strongest(rubric, verdict)
    if verdict.scores[best] < strong_from:
        return texts["no_strength"].format(next=next_topic)
    return texts["usual"].format(strongest=rubric.dimension_text(best, "strength"), next=next_topic)


def stages(rubric: Rubric, answers: Answers) -> tuple[str, ...]:
    """The sales stages the owner wants social media to serve, in pathway order."""
    labels = rubric.settings["stages"]["labels"]
    return tuple(
        labels[option.traits["stage"]]
        for question in rubric.questions
        for option in chosen_options(question, answers)
        if "stage" in option.traits
    )


def stages_text(rubric: Rubric, verdict: Verdict, chosen: Sequence[str]) -> str:
    """The stages in a sentence that promises only what the verdict supports."""
    if not chosen:
        return ""
    texts = rubric.settings["stages"]
    template = texts["ready"] if verdict.outcome in ("yes", "yes_both") else texts["not_yet"]
    return template.format(stages=_join(chosen))
