"""The action plan: one step per fix (a gate not met, a weak dimension, an answer that is not
yet a strength), each giving its questions the best answer that lowers no market the
business sells to, ranked by what it adds to readiness once the rest of the plan is done."""

from __future__ import annotations

from collections.abc import Mapping

from questionnaire.scoring.assess import readiness_from
from questionnaire.scoring.gates import facet_status, gate_state
from questionnaire.scoring.points import answer_points, dimension_exact, reaches_few
from questionnaire.scoring.rubric import Answers, OptionSpec, Profile, QuestionSpec, Rubric
from questionnaire.scoring.trace import FAILED, MarketTrace, Step

KIND_ORDER = {"gate": 0, "weak": 1, "answer": 2}


def plan(
    rubric: Rubric,
    answers: Answers,
    profile: Profile,
    overrides: Mapping[str, int],
    markets: Mapping[str, MarketTrace],
    leading: tuple[str, ...],
) -> tuple[Step, ...]:
    audiences = tuple(dict.fromkeys(markets[m].audience for m in (*leading, *markets)))
    fixes = []
    for kind, key, failed, questions in _fixes(rubric, markets):
        improved = {}
        for question in questions:
            better = improve(rubric, question, answers, profile, audiences)
            if better is not None:
                improved[question.key] = better
        if improved:
            touched = tuple(q for q in questions if q.key in improved)
            fixes.append((kind, key, failed, touched, improved))
    if not fixes:
        return ()

    everything = dict(answers)
    for *_, improved in fixes:
        everything.update(improved)
    # Each market with every fix done, then with each fix's answers put back as they were:
    # what the step adds once the rest of the plan is done.
    changed = [rubric.questions_by_key[key] for *_, improved in fixes for key in improved]
    planned = {}
    for m, trace in markets.items():
        planned[m] = _Figures(rubric, trace, overrides)
        audience = trace.audience
        planned[m].apply(
            {q.key: answer_points(rubric, q, everything, audience, profile) for q in changed}
        )
    after = {m: figures.readiness for m, figures in planned.items()}
    steps = []
    for kind, key, failed, questions, improved in fixes:
        gains = {}
        for m, trace in markets.items():
            undone = {q.key: trace.answers[q.key] for q in questions}
            gains[m] = after[m] - planned[m].readiness_with(undone)
        limits = tuple(rubric.focus(q)["limit"] for q in questions if rubric.focus(q))
        if max(gains.values()) >= rubric.settings["least_gain"]:
            steps.append(Step(kind, key, failed, questions, improved, gains, limits))
    steps.sort(key=lambda step: _rank(step, leading))
    return tuple(steps)


class _Figures:
    """One market's dimension scores and gates, as its trace has them, changed answer by
    answer: with every fix done, then with each fix's answers put back as they were. Only the
    dimensions and gates the changed answers touch are worked out again, by the rules
    `market_trace` applies (the plan asks this once per step: the scoring's hottest path)."""

    def __init__(self, rubric: Rubric, trace: MarketTrace, overrides: Mapping[str, int]) -> None:
        self.rubric, self.market, self.overrides = rubric, trace.market, overrides
        self.points = dict(trace.answers)
        self.scores = {d: score.score for d, score in trace.dimensions.items()}
        self.statuses = {
            g.gate.key: {f.question.key: f.status for f in g.facets} for g in trace.gates
        }
        self.states = {g.gate.key: g.state for g in trace.gates}

    def changed(self, answers: Mapping) -> tuple[dict, dict, dict]:
        """The scores, facet statuses and gate states with these answers in place."""
        scores = dict(self.scores)
        for dimension in {a.question.dimension for a in answers.values()}:
            if dimension not in self.overrides:
                questions = self.rubric.questions_in[dimension]
                found = (answers.get(q.key) or self.points[q.key] for q in questions)
                scores[dimension] = round(dimension_exact(found))
        statuses, states = dict(self.statuses), dict(self.states)
        touched = {gate for key in answers for gate in self.rubric.gates_on[key]}
        for gate in touched:
            if gate.key in states:  # it applies to this market
                now = dict(statuses[gate.key])
                for facet in gate.facets:
                    if facet.question in answers:
                        now[facet.question] = facet_status(facet, answers[facet.question])
                statuses[gate.key] = now
                states[gate.key] = gate_state(gate, list(now.values()))
        return scores, statuses, states

    def apply(self, answers: Mapping) -> None:
        self.scores, self.statuses, self.states = self.changed(answers)
        self.points.update(answers)

    @property
    def readiness(self) -> int:
        return readiness_from(self.rubric, self.market, self.scores, self.states.values())

    def readiness_with(self, answers: Mapping) -> int:
        scores, _, states = self.changed(answers)
        return readiness_from(self.rubric, self.market, scores, states.values())


def _rank(step: Step, leading: tuple[str, ...]) -> tuple:
    """By what the step adds for the market to start with (the larger of the two on a tie),
    then for the other; a failed gate's fix before anything that adds as much."""
    first = max(step.gains[m] for m in leading)
    return (-first, -sum(step.gains.values()), not step.failed, KIND_ORDER[step.kind],
            step.questions[0].number)  # fmt: skip


def _fixes(rubric: Rubric, markets: Mapping[str, MarketTrace]) -> list[tuple]:
    """(kind, key, failed, questions): the gates not met in any market (failed first), then
    the weak dimensions, then every other answer that is not a strength or is not known;
    each question in one fix only."""
    claimed: set[str] = set()
    fixes = []

    def claim(kind: str, key: str, failed: bool, questions) -> None:
        fresh = tuple(dict.fromkeys(q for q in questions if q.key not in claimed))
        if fresh:
            claimed.update(q.key for q in fresh)
            fixes.append((kind, key, failed, tuple(sorted(fresh, key=lambda q: q.number))))

    gates: dict[str, tuple[bool, list[QuestionSpec]]] = {}
    for trace in markets.values():
        for gate in trace.gates:
            if gate.not_met:
                failed, questions = gates.get(gate.gate.key, (False, []))
                questions += [facet.question for facet in gate.not_met]
                gates[gate.gate.key] = (failed or gate.state == FAILED, questions)
    for key, (failed, questions) in sorted(gates.items(), key=lambda item: not item[1][0]):
        claim("gate", key, failed, questions)
    for trace in markets.values():
        for weak in trace.weak:
            claim("weak", weak.dimension.dimension, False, [a.question for a in weak.causes])
    strong = rubric.settings["strong_from"]
    for question in rubric.questions:
        answers = [trace.answers[question.key] for trace in markets.values()]
        if any(a.gap or a.points < strong for a in answers):
            claim("answer", question.key, False, [question])
    return fixes


def improve(
    rubric: Rubric,
    question: QuestionSpec,
    answers: Answers,
    profile: Profile,
    audiences: tuple[str, ...],
) -> tuple[str, ...] | None:
    """The best answer to this question that earns no fewer points for any audience the
    business reaches (the first one first); None when there is none better."""
    current = tuple(answers.get(question.key, ()))
    # The sector, and which audiences a network must reach, matter for the networks only.
    business = (profile.sector, profile.audiences) if question.by_sector else ()
    key = ("improve", current, audiences, business)
    if key not in question.memo:
        question.memo[key] = _improve(rubric, question, current, answers, profile, audiences)
    return question.memo[key]


def _improve(rubric, question, current, answers, profile, audiences):
    if question.multiple and rubric.focus(question):
        better = _best_choices(rubric, question, current, profile, audiences)
    elif question.multiple:
        better = _added_up(rubric, question, current, profile, audiences[0])
    else:
        better = _best_single(rubric, question, answers, profile, audiences)
    if better is None or set(better) == set(current):
        return None
    trial = {question.key: better}
    for audience in audiences:
        was = answer_points(rubric, question, answers, audience, profile).points
        if answer_points(rubric, question, trial, audience, profile).points < was:
            return None
    return better


def _best_single(rubric, question, answers, profile, audiences):
    was = [answer_points(rubric, question, answers, a, profile).points for a in audiences]
    safe = [
        option
        for option in question.real_options
        if all(option.points(a, profile.sector) >= w for a, w in zip(audiences, was, strict=True))
    ]
    if not safe:
        return None
    best = max(safe, key=lambda o: tuple(o.points(a, profile.sector) for a in audiences))
    return (best.key,)


def _best_choices(rubric, question, current, profile, audiences):
    """Keep what reaches someone the business sells to, add the best option for each
    audience whose best choice is not yet a strength, and keep to the limit (each
    audience's best first)."""
    focus = rubric.focus(question)
    strong, below = rubric.settings["strong_from"], rubric.settings["partial_from"]
    chosen = [question.options_by_key[k] for k in current if k in question.options_by_key]
    keep = [o for o in chosen if o in question.real_options and not reaches_few(o, profile, below)]

    def value(option: OptionSpec, audience: str) -> int:
        return option.points(audience, profile.sector)

    for audience in audiences:
        if max((value(o, audience) for o in keep), default=0) < strong:
            top = max(question.real_options, key=lambda o: value(o, audience))
            if top not in keep:
                keep.append(top)
    firsts = [max(keep, key=lambda o: value(o, a)) for a in audiences]
    rest = sorted(keep, key=lambda o: -max(value(o, a) for a in audiences))
    ordered = list(dict.fromkeys([*firsts, *rest]))[: focus["limit"]]
    return tuple(o.key for o in question.options if o in ordered)


def _added_up(rubric, question, current, profile, audience):
    """For a question whose choices add up: add the most valuable ones until it is a
    strength (no more: a step should ask for what makes the difference)."""
    chosen = [k for k in current if k in question.options_by_key]
    chosen = [k for k in chosen if question.options_by_key[k] in question.real_options]
    total = sum(question.options_by_key[k].points(audience, profile.sector) for k in chosen)
    for option in sorted(question.real_options, key=lambda o: -o.points(audience, profile.sector)):
        if total >= rubric.settings["strong_from"]:
            break
        if option.key not in chosen and option.points(audience, profile.sector) > 0:
            chosen.append(option.key)
            total += option.points(audience, profile.sector)
    return tuple(o.key for o in question.options if o.key in chosen)
