"""The words: every sentence of the result, rendered from the trace alone. Each sentence is a
`Line` naming the trace entries it draws on, and states only figures those entries hold."""

from __future__ import annotations

from collections.abc import Sequence

from questionnaire.scoring.points import reaches_few
from questionnaire.scoring.rubric import (
    AUDIENCE_OF_MODEL,
    DIMENSIONS,
    MODELS,
    MODELS_FOR_SELLS_TO,
    OptionSpec,
    Profile,
    QuestionSpec,
    Rubric,
)
from questionnaire.scoring.trace import (
    GAP,
    STRENGTH,
    AnswerPoints,
    AuditResult,
    DimensionView,
    GateResult,
    Line,
    MarketTrace,
    MarketView,
    Problem,
    Readiness,
    Reason,
    Step,
    StepView,
    Trace,
    Verdict,
)


def join(items: Sequence[str], last: str = "and") -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def names(options: Sequence[OptionSpec]) -> str:
    """Networks by their short names: "Facebook", not "Facebook (a page or groups)"."""
    return join([option.label.split(" (")[0] for option in options])


def verb(options: Sequence[OptionSpec]) -> str:
    return "reaches" if len(options) == 1 else "reach"


def quoted(options: Sequence[OptionSpec]) -> str:
    return "; ".join(f"“{option.label}”" for option in options)


def verdict_of(trace: Trace) -> Verdict:
    readiness = {
        m: Readiness(m, t.readiness, t.band["key"], t.band["label"])
        for m, t in trace.markets.items()
    }
    scores = {
        m: {d: score.score for d, score in t.dimensions.items()} for m, t in trace.markets.items()
    }
    return Verdict(readiness, scores, trace.outcome.leading, trace.outcome.word)


class Wording:
    """Renders one trace: built once per result, holding what every sentence needs."""

    def __init__(self, rubric: Rubric, trace: Trace, profile: Profile) -> None:
        self.rubric, self.trace, self.profile = rubric, trace, profile
        self.words = rubric.settings["words"]
        self.first = trace.markets[trace.outcome.leading[0]]
        self.audiences = {m: self._audience(t) for m, t in trace.markets.items()}

    def audience(self, market: MarketTrace) -> str:
        return self.audiences[market.market]

    def _audience(self, market: MarketTrace) -> str:
        """Whom the market's presence talks to, in words: "consumers", "business buyers";
        "the public" for a business paid by businesses that talks to the public."""
        if self.profile.reaches_others(market.market):
            return self.rubric.words("audiences", "reached", market.audience)
        return self.rubric.words("audiences", market.audience)

    # --- the whole result -------------------------------------------------------------------

    def result(self) -> AuditResult:
        steps = tuple(self.step_view(step) for step in self.trace.steps)
        return AuditResult(
            verdict=verdict_of(self.trace),
            trace=self.trace,
            headline=self.headline(steps),
            summary=self.summary(steps),
            markets=self.markets(),
            bands=self.rubric.band_ranges,
            dimensions=tuple(self.dimension_view(d) for d in DIMENSIONS),
            steps=steps,
            empty_plan=None if steps else self.empty_plan(),
            rerun=self.rerun() if steps else None,
            weights_note=self.weights_note(),
            stages=self.stages(),
            reaudit_months=self.trace.outcome.reaudit_months,
        )

    # --- the headline and the summary -----------------------------------------------------

    def headline(self, steps: Sequence[StepView]) -> Line:
        """The band's word for the market to start with; for a business selling to both, the
        other market's word too when it differs ("Yes with consumers; not yet with business
        buyers"), and both named alike on a tie. "Nearly" and "Not yet" name the plan's first
        step."""
        outcome = self.trace.outcome
        texts = self.rubric.settings["headlines"]
        first_market = self.trace.markets[outcome.leading[0]]
        others = [t for m, t in self.trace.markets.items() if m != first_market.market]
        next_topic, first = self.next_topic(steps)
        cites: tuple[object, ...] = (outcome, *self.trace.markets.values())
        if first is not None and outcome.word in ("nearly", "not_yet"):
            cites += (first,)
        key, other_word = outcome.word, ""
        if others:
            other = self.rubric.word_for(others[0].readiness)
            if outcome.word == "yes":
                key, other_word = "yes_split", texts["words"][other]
            elif outcome.word == "nearly":
                key = "nearly_both" if other == "nearly" else "nearly_split"
        text = texts[key].format(
            market=self.audience(first_market),
            other=self.audience(others[0]) if others else "",
            other_word=other_word,
            next=next_topic,
        )
        return Line(text, cites)

    def next_topic(self, steps: Sequence[StepView]) -> tuple[str, Step | None]:
        """What the plan's first step is about; with nothing left to fix in the answers (a
        consultant's figure holds readiness down), the weakest dimension's topic."""
        if steps:
            return steps[0].topic, steps[0].step
        scores = self.first.dimensions
        weakest = min(DIMENSIONS, key=lambda d: (scores[d].score, DIMENSIONS.index(d)))
        return self.rubric.words("dimensions", weakest, "next"), None

    def summary(self, steps: Sequence[StepView]) -> tuple[Line, ...]:
        texts = self.rubric.settings["summaries"]
        lines = []
        failed: dict[str, list[tuple[GateResult, MarketTrace]]] = {}
        for trace in self.trace.markets.values():
            for gate in trace.failed_gates:
                failed.setdefault(gate.gate.key, []).append((gate, trace))
        if failed:
            phrases = [self.gate_words(*found[0], "failed") for found in failed.values()]
            cites = tuple(gate for found in failed.values() for gate, _ in found)
            lines.append(Line(texts["failed"].format(gates=join(phrases, "and")), cites))
        lines.append(self.main_sentence(steps))
        for dimension in self.first.dimensions.values():
            if dimension.overridden:
                label = self.rubric.words("dimensions", dimension.dimension, "label")
                text = texts["override"].format(
                    dimension=label, score=dimension.score, computed=dimension.computed
                )
                lines.append(Line(text, (dimension,)))
        return tuple(lines)

    def main_sentence(self, steps: Sequence[StepView]) -> Line:
        texts = self.rubric.settings["summaries"]
        scores = self.first.dimensions
        strong = self.rubric.settings["strong_from"]
        all_strong = all(score.score >= strong for score in scores.values())
        if not steps and all_strong:
            return Line(texts["all_strong"], tuple(scores.values()))
        next_topic, first = self.next_topic(steps)
        cites = (*scores.values(), *((first,) if first else ()))
        if all_strong:
            held = self.first.ceiling is not None
            key = "strong_but_held" if held else "across_the_board"
            return Line(texts[key].format(next=next_topic), cites)
        best = self.strongest()
        if scores[best].score < strong:
            return Line(texts["no_strength"].format(next=next_topic), cites)
        phrase = self.rubric.words("dimensions", best, "strength")
        return Line(texts["usual"].format(strongest=phrase, next=next_topic), cites)

    def strongest(self) -> str:
        """The strongest dimension for the market to start with; a tie goes to the one that
        counts most for it, then to the earlier question."""
        weights = self.rubric.settings["weights"][self.first.market]
        scores = self.first.dimensions
        return min(DIMENSIONS, key=lambda d: (-scores[d].score, -weights[d], DIMENSIONS.index(d)))

    # --- the markets ------------------------------------------------------------------------

    def markets(self) -> tuple[MarketView, ...]:
        views = []
        for model in MODELS:
            texts = self.rubric.settings["markets"][model]
            audience = self.rubric.words("audiences", AUDIENCE_OF_MODEL[model])
            trace = self.trace.markets.get(model)
            if trace is None:
                sold = model in MODELS_FOR_SELLS_TO[self.profile.sells_to]
                reached = any(
                    t.audience == AUDIENCE_OF_MODEL[model] for t in self.trace.markets.values()
                )
                why = texts[
                    "not_reached" if sold else "reached_beside" if reached else "not_assessed"
                ]
                views.append(MarketView(model, texts["label"], audience, None, None, why))
                continue
            readiness = Readiness(model, trace.readiness, trace.band["key"], trace.band["label"])
            label = texts["reach_label" if self.profile.reaches_others(model) else "label"]
            views.append(
                MarketView(model, label, self.audience(trace), readiness, self.note(trace), "")
            )
        return tuple(views)

    def note(self, trace: MarketTrace) -> Line | None:
        """What holds readiness down, when it holds it below what the answers are worth."""
        ceiling = trace.ceiling
        if ceiling is None:
            return None
        causes = "; ".join(self.problem_words(problem, trace) for problem in ceiling.problems)
        failed = ceiling.ceiling < self.rubric.band_min("foundations")
        template = self.words["note_failed" if failed else "note_short"]
        cites = (ceiling, trace, *(by for p in ceiling.problems for by in p.found_by))
        return Line(template.format(ceiling=ceiling.ceiling, causes=causes), cites)

    def problem_words(self, problem: Problem, trace: MarketTrace) -> str:
        """One problem in a few words: what the answer lacks for the gate it fails, "you
        don't know yet …" for an unknown, or the weak dimension it holds down."""
        found = problem.found_by[0]
        answer = trace.answers.get(problem.key)
        audience = self.audience(trace)
        if answer is not None and answer.gap:
            text = self.rubric.words("topics", problem.key, "unknown").format(audience=audience)
        elif isinstance(found, GateResult):
            missing = self.rubric.words("gates_words", found.gate.key, "missing", problem.key)
            text = missing.format(audience=audience)
        else:
            label = self.rubric.words("dimensions", found.dimension.dimension, "label")
            if not problem.number:
                return self.words["weak_override"].format(
                    dimension=label, score=found.dimension.score
                )
            text = self.words["weak_cause"].format(dimension=label, score=found.dimension.score)
        return self.words["cause"].format(text=text, number=problem.number)

    def gate_words(self, gate: GateResult, trace: MarketTrace, key: str) -> str:
        return self.rubric.words("gates_words", gate.gate.key, key).format(
            audience=self.audience(trace)
        )

    # --- the dimensions and the reasons behind them ---------------------------------------

    def dimension_view(self, dimension: str) -> DimensionView:
        scores = tuple(
            (self.audience(t), t.dimensions[dimension]) for t in self.trace.markets.values()
        )
        reasons: list[Reason] = []
        for question in self.rubric.questions_in[dimension]:
            reasons += self.answer_reasons(question.key)
        label = self.rubric.words("dimensions", dimension, "label")
        return DimensionView(dimension, label, scores, tuple(reasons))

    def answer_reasons(self, key: str) -> list[Reason]:
        """One answer's reasons: once, or for each market when they say different things.
        (The same answers come up again and again: each set is put in words once.)"""
        markets = self.trace.markets.values()
        memo_key = ("reasons", *(t.answers[key] for t in markets))
        found = self.rubric.memo.get(memo_key)
        if found is None:
            found = self.rubric.memo[memo_key] = self._answer_reasons(key)
        return found

    def _answer_reasons(self, key: str) -> list[Reason]:
        per_market = [(t, self.reasons_for(t.answers[key], t)) for t in self.trace.markets.values()]
        if len({tuple(r.text for r in reasons) for _, reasons in per_market}) == 1:
            return per_market[0][1]
        found = []
        for trace, reasons in per_market:
            for reason in reasons:
                text = self.words["for_audience"].format(
                    audience=self.audience(trace), text=reason.text
                )
                line = Line(text, reason.line.cites)
                found.append(Reason(line, reason.effect, key, reason.question_number))
        return found

    def reasons_for(self, answer: AnswerPoints, trace: MarketTrace) -> list[Reason]:
        question = answer.question
        words = self.words
        cites = (answer,)

        def reason(text: str, effect: str) -> Reason:
            return Reason(Line(text, cites), effect, question.key, question.number)

        if answer.effect == GAP:
            return [reason(words["gap"].format(question=question.text), GAP)]
        lead = words["chose" if question.multiple else "said"].format(said=quoted(answer.chosen))
        if answer.effect == STRENGTH:
            several = question.multiple and self.rubric.focus(question) and len(answer.chosen) > 1
            text = words["strength_best" if several else "strength"].format(said=lead)
        else:
            text = words[answer.effect].format(said=lead, points=answer.points)
        found = [reason(text, answer.effect)]
        for penalty in answer.penalties:
            text = words["beyond_limit"].format(
                count=len(answer.chosen),
                limit=penalty.limit,
                each=penalty.each,
                lost=penalty.points,
            )
            found.append(reason(text, "weakness"))
        return found

    # --- the plan ------------------------------------------------------------------------------

    def step_view(self, step: Step) -> StepView:
        gains = tuple((self.audiences[m], gain) for m, gain in step.gains.items())
        helped = _helped_most(step)
        # The same fixes come up again and again: each is put in words once.
        key = (
            "step",
            step.kind,
            step.key,
            *(self.first.answers[q.key] for q in step.questions),
            *step.improved.items(),
            self.audiences[helped],
            tuple(self.audiences.values()),
            self.profile.size,
        )
        found = self.rubric.memo.get(key)
        if found is None:
            numbers = [str(q.number) for q in step.questions]
            questions = f"Question{'s' if len(numbers) > 1 else ''} {join(numbers)}"
            said = (self.fix_words(step, q) for q in step.questions)
            text = " ".join(dict.fromkeys(filter(None, said)))
            found = self.rubric.memo[key] = (text, self.topic(step), questions)
        text, topic, questions = found
        return StepView(Line(text, (step,)), topic, questions, gains, step.failed, step)

    def topic(self, step: Step) -> str:
        """What the step is about, for the audience it helps most; "find out" when every
        answer it touches is "I don't know"."""
        audience = self.audience(self.trace.markets[_helped_most(step)])
        answers = self.first.answers  # "I don't know" is the same for every market
        unknown = all(answers[q.key].gap for q in step.questions)
        verb = "find_out" if unknown else "next"
        key = step.questions[0].key
        fixes = self.rubric.settings["gates_words"].get(step.key, {}).get("fix", {})
        if step.kind == "gate" and self.whole_gate(step):
            topic = self.rubric.words("gates_words", step.key, verb)
        elif step.kind == "gate" and key in fixes and not unknown:
            topic = fixes[key]
        else:  # each question's own topic, "find out" for those not known
            topics = self.rubric.settings["topics"]
            topic = join(
                [
                    topics[q.key]["find_out" if answers[q.key].gap else "next"]
                    for q in step.questions
                ]
            )
        return topic.format(audience=audience)

    def whole_gate(self, step: Step) -> bool:
        """Whether a gate step fixes every facet of its gate (its topic is the gate's then)."""
        if len(step.questions) < 2:
            return False
        gate = next(g for g in self.rubric.gates if g.key == step.key)
        return len(gate.facets) == len(step.questions)

    def fix_words(self, step: Step, question: QuestionSpec) -> str:
        """What to do about one question of the step: for a question whose choices add up,
        the advice of those it adds; for the stages and the networks, which to add, keep and
        let go; otherwise the chosen option's advice. "I don't know" first says to find out."""
        answer = self.first.answers[question.key]
        audiences = tuple(t.audience for t in self.trace.markets.values())
        key = ("fix", answer, step.improved[question.key], self.profile.size, audiences)
        found = self.rubric.memo.get(key)
        if found is None:
            found = self.rubric.memo[key] = self._fix_words(step, question, answer)
        return found

    def _fix_words(self, step: Step, question: QuestionSpec, answer: AnswerPoints) -> str:
        size = self.profile.size
        improved = [question.options_by_key[key] for key in step.improved[question.key]]
        found = []
        if answer.gap and question.dont_know:
            found.append(question.dont_know.advice_for(size))
        if question.multiple and not self.rubric.focus(question):
            found += [o.advice_for(size) for o in improved if o not in answer.chosen]
        elif question.multiple:
            found += self.choice_changes(question, answer, improved)
        elif not answer.gap:
            found += [option.advice_for(size) for option in answer.chosen]
        return " ".join(filter(None, found)) or self.rubric.words(
            "dimensions", question.dimension, "advice"
        )

    def choice_changes(
        self, question: QuestionSpec, answer: AnswerPoints, improved: list[OptionSpec]
    ) -> list[str]:
        words, focus, size = self.words, self.rubric.focus(question), self.profile.size
        chosen = [o for o in answer.chosen if not o.dont_know]
        added = [o for o in improved if o not in chosen]
        dropped = [o for o in chosen if o not in improved and not o.is_everywhere]
        advice = [o.advice_for(size) for o in chosen if o.advice]
        if "fit" not in question.options[0].traits:  # the stages
            found = [words["stage_add"].format(stage=o.label) for o in added]
            if dropped:
                labels = join([self.stage_label(o) for o in dropped])
                found.append(words["stage_trim"].format(limit=focus["limit"], stages=labels))
            return found + advice
        below = self.rubric.settings["partial_from"]
        few = [o for o in dropped if reaches_few(o, self.profile, below)]
        found = advice
        if few:
            text = words["network_drop"].format(
                networks=names(few), verb=verb(few), them="it" if len(few) == 1 else "them"
            )
            found.append(text)
        if len(dropped) > len(few):  # trimmed to the limit
            kept = [o for o in chosen if o in improved]
            found.append(words["network_keep"].format(networks=names(kept), limit=focus["limit"]))
        for option in added:
            text = words["network_add"].format(
                network=names([option]), audience=self.audience(self.added_for(question, option))
            )
            found.append(text)
        if added and not answer.gap:  # "I don't know" was told to ask already
            found.append(words["network_check"])
        return found

    def added_for(self, question: QuestionSpec, option: OptionSpec) -> MarketTrace:
        """The market a network is added for, as the plan adds it: the first whose chosen
        networks are not yet a strength and for whose audience it fits best."""
        sector, strong = self.profile.sector, self.rubric.settings["strong_from"]

        def top(trace: MarketTrace) -> OptionSpec:
            return max(question.real_options, key=lambda o: o.points(trace.audience, sector))

        return next(
            trace
            for trace in self.trace.markets.values()
            if trace.answers[question.key].best_points < strong and top(trace) is option
        )

    def stage_label(self, option: OptionSpec) -> str:
        return self.rubric.settings["stages"]["labels"].get(
            option.traits.get("stage"), option.label
        )

    def weights_note(self) -> Line | None:
        """Said wherever business buyers are judged: their weights differ from consumers'."""
        judged = [t for t in self.trace.markets.values() if t.audience == "businesses"]
        return Line(self.words["weights_note"], tuple(judged)) if judged else None

    def rerun(self) -> Line:
        months = self.trace.outcome.reaudit_months
        return Line(self.words["rerun"].format(months=months), (self.trace.outcome,))

    def empty_plan(self) -> Line:
        """Nothing in the answers to fix: keep going; or, when a consultant's figure holds
        readiness down, say so."""
        months = self.trace.outcome.reaudit_months
        held = [d for d in self.first.dimensions.values() if d.overridden and d.weak]
        if not held:
            return Line(self.words["empty_plan"].format(months=months), (self.trace.outcome,))
        labels = join([self.rubric.words("dimensions", d.dimension, "label") for d in held])
        text = self.words["empty_plan_override"].format(dimensions=labels, months=months)
        return Line(text, (self.trace.outcome, *held))

    def stages(self) -> Line | None:
        """The sales stages the owner wants social media to serve, in pathway order."""
        answer = next(
            (a for a in self.first.answers.values() if any("stage" in o.traits for o in a.chosen)),
            None,
        )
        if answer is None:
            return None
        labels = [self.stage_label(o) for o in answer.question.options if o in answer.chosen]
        text = self.rubric.settings["stages"]["chosen"].format(stages=join(labels))
        return Line(text, (answer,))


def _helped_most(step: Step) -> str:
    """The market a step adds most to."""
    return max(step.gains, key=lambda market: step.gains[market])
