"""The words: every sentence of the result, rendered from the trace alone. Each sentence is a
`Line` naming the trace entries it draws on, and states only figures those entries hold."""

from __future__ import annotations

from collections.abc import Sequence

from questionnaire.scoring.points import reaches_none
from questionnaire.scoring.rubric import (
    DIMENSIONS,
    MODELS,
    OptionSpec,
    Profile,
    QuestionSpec,
    Rubric,
)
from questionnaire.scoring.trace import (
    GAP,
    PARTIAL,
    STRENGTH,
    AnswerPoints,
    AuditResult,
    BandRange,
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
    WeakDimension,
)

WELL, SOME = 70, 50  # how well a network reaches an audience, in the reasons' words


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

    def audience(self, market: MarketTrace) -> str:
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
            bands=self.bands(),
            dimensions=tuple(self.dimension_view(d) for d in DIMENSIONS),
            steps=steps,
            total=self.total(),
            empty_plan=None if steps else self.empty_plan(),
            rerun=self.rerun() if steps else None,
            stages=self.stages(),
            reaudit_months=self.trace.outcome.reaudit_months,
        )

    def bands(self) -> tuple[BandRange, ...]:
        bands = self.rubric.settings["bands"]
        tops = [band["min"] - 1 for band in bands[1:]] + [100]
        return tuple(
            BandRange(band["key"], band["label"], band["min"], top)
            for band, top in zip(bands, tops, strict=True)
        )

    # --- the headline and the summary -----------------------------------------------------

    def headline(self, steps: Sequence[StepView]) -> Line:
        outcome = self.trace.outcome
        texts = self.rubric.settings["headlines"]
        if len(outcome.leading) > 1:
            market = texts["both_markets"]
        else:
            market = self.rubric.words("markets", outcome.leading[0], "audience")
        cites: tuple[object, ...] = (outcome, *(self.trace.markets[m] for m in outcome.leading))
        next_topic, first = self.next_topic(steps)
        if first is not None and outcome.word in ("nearly", "not_yet"):
            cites += (first,)
        return Line(texts[outcome.word].format(market=market, next=next_topic), cites)

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
        failed = {g.gate.key: (g, t) for t in self.trace.markets.values() for g in t.failed_gates}
        if failed:
            phrases = [self.gate_words(g, t, "failed") for g, t in failed.values()]
            cites = tuple(g for g, _ in failed.values())
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
            return Line(texts["across_the_board"].format(next=next_topic), cites)
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
            trace = self.trace.markets.get(model)
            audience = texts["audience"]
            if trace is None:
                views.append(
                    MarketView(model, texts["label"], audience, None, None, texts["not_assessed"])
                )
                continue
            readiness = Readiness(model, trace.readiness, trace.band["key"], trace.band["label"])
            views.append(
                MarketView(model, texts["label"], audience, readiness, self.note(trace), "")
            )
        return tuple(views)

    def note(self, trace: MarketTrace) -> Line | None:
        """What holds readiness below what the answers add up to, when something does."""
        ceiling = trace.ceiling
        if ceiling is None:
            return None
        words = self.words
        count = len(ceiling.problems)
        problems = words["problem_one"] if count == 1 else words["problem_many"].format(count=count)
        causes = "; ".join(self.problem_words(problem, trace) for problem in ceiling.problems)
        text = words["note"].format(
            raw=ceiling.raw, ceiling=ceiling.ceiling, problems=problems, causes=causes
        )
        cites = (ceiling, trace, *(by for p in ceiling.problems for by in p.found_by))
        return Line(text, cites)

    def problem_words(self, problem: Problem, trace: MarketTrace) -> str:
        found = problem.found_by[0]
        if isinstance(found, WeakDimension):
            label = self.rubric.words("dimensions", found.dimension.dimension, "label")
            if not problem.number:
                return self.words["weak_override"].format(
                    dimension=label, score=found.dimension.score
                )
            text = self.words["weak_cause"].format(dimension=label, score=found.dimension.score)
        else:
            facet = next(f for f in found.facets if f.question.key == problem.key)
            phrases = self.rubric.words("gates_words", found.gate.key, facet.status)
            text = phrases[problem.key].format(audience=self.audience(trace))
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
        """One answer's reasons: once, or for each market when they say different things."""
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
        label = self.rubric.words("dimensions", question.dimension, "label").lower()
        if answer.effect == STRENGTH:
            several = question.multiple and self.rubric.focus(question) and len(answer.chosen) > 1
            text = words["strength_best" if several else "strength"].format(said=lead)
        elif answer.effect == PARTIAL:
            text = words["partial"].format(said=lead, points=answer.points)
        else:
            text = words["weakness"].format(said=lead, points=answer.points, dimension=label)
        found = [reason(text, answer.effect)]
        found += [reason(line, answer.effect) for line in self.reach_lines(answer, trace)]
        for penalty in answer.penalties:
            if penalty.kind == "beyond_limit":
                text = words["beyond_limit"].format(
                    count=len(answer.chosen), limit=penalty.limit, lost=penalty.points
                )
                found.append(reason(text, "weakness"))
        return found

    def reach_lines(self, answer: AnswerPoints, trace: MarketTrace) -> list[str]:
        """For networks: which reach this market's audience well, some of it or few of it;
        those that reach none of the business's audiences, with the points they cost."""
        networks = [o for o in answer.chosen if "fit" in o.traits and answer.question.multiple]
        nowhere = next((p for p in answer.penalties if p.kind == "reaches_none"), None)
        groups: dict[str, list[OptionSpec]] = {
            "reaches_well": [],
            "reaches_some": [],
            "reaches_few": [],
        }
        for option in networks:
            if nowhere and option in nowhere.options:
                continue
            fit = option.points(trace.audience, self.profile.sector)
            key = (
                "reaches_well" if fit >= WELL else "reaches_some" if fit >= SOME else "reaches_few"
            )
            groups[key].append(option)
        lines = [
            self.words[key].format(
                options=names(options), verb=verb(options), audience=self.audience(trace)
            )
            + "."
            for key, options in groups.items()
            if options
        ]
        if nowhere:
            lines.append(
                self.words["reaches_none"].format(
                    options=names(nowhere.options), verb=verb(nowhere.options), lost=nowhere.points
                )
            )
        return lines

    # --- the plan ------------------------------------------------------------------------------

    def step_view(self, step: Step) -> StepView:
        numbers = [str(q.number) for q in step.questions]
        questions = f"Question{'s' if len(numbers) > 1 else ''} {join(numbers)}"
        gains = tuple((self.audience(self.trace.markets[m]), g) for m, g in step.gains.items())
        text = " ".join(
            dict.fromkeys(filter(None, (self.fix_words(step, q) for q in step.questions)))
        )
        return StepView(Line(text, (step,)), self.topic(step), questions, gains, step.failed, step)

    def topic(self, step: Step) -> str:
        """What the step is about, for the audience it helps most; "find out" when every
        answer it touches is "I don't know"."""
        helped = max(step.gains, key=lambda m: step.gains[m])
        audience = self.audience(self.trace.markets[helped])
        unknown = all(
            t.answers[q.key].gap for q in step.questions for t in self.trace.markets.values()
        )
        verb = "find_out" if unknown else "next"
        if len(step.questions) > 1 and step.kind == "gate":
            topic = self.rubric.words("gates_words", step.key, verb)
        elif len(step.questions) > 1:
            topic = self.rubric.words("dimensions", step.key, "next")
        else:
            topic = self.rubric.words("topics", step.questions[0].key, verb)
        return topic.format(audience=audience)

    def fix_words(self, step: Step, question: QuestionSpec) -> str:
        """What to do about one question of the step: for a question whose choices add up,
        the advice of those it adds; for the stages and the networks, which to add, keep and
        let go; otherwise the chosen option's advice. "I don't know" first says to find out."""
        answer = self.first.answers[question.key]
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
        if "fit_threshold" not in focus:  # the stages
            found = [words["stage_add"].format(stage=o.label) for o in added]
            if dropped:
                labels = join([self.stage_label(o) for o in dropped])
                found.append(words["stage_trim"].format(limit=focus["limit"], stages=labels))
            return found + advice
        kept = [o for o in chosen if o in improved]
        nowhere = [o for o in dropped if reaches_none(o, focus["fit_threshold"], self.profile)]
        trimmed = [o for o in dropped if o not in nowhere]
        found = advice
        if kept:
            found.append(words["network_keep"].format(networks=names(kept)))
        if nowhere:
            verb = "it reaches" if len(nowhere) == 1 else "they reach"
            found.append(words["network_drop"].format(networks=names(nowhere), verb=verb))
        if trimmed:
            text = words["network_trim"].format(networks=names(trimmed), limit=focus["limit"])
            found.append(text)
        for option in added:
            best_for = max(
                self.trace.markets.values(),
                key=lambda t: option.points(t.audience, self.profile.sector),
            )
            text = words["network_add"].format(
                network=names([option]), audience=self.audience(best_for)
            )
            found.append(text)
        return found

    def stage_label(self, option: OptionSpec) -> str:
        return self.rubric.settings["stages"]["labels"].get(
            option.traits.get("stage"), option.label
        )

    def total(self) -> Line | None:
        total = self.trace.total
        if total is None:
            return None
        changes = [
            self.words["total_change"].format(
                audience=self.audience(self.trace.markets[m]),
                now=total.now[m],
                after=total.after[m],
            )
            for m in self.trace.markets
            if total.after[m] != total.now[m]
        ]
        if not changes:
            return None
        return Line(self.words["total"].format(changes=join(changes)), (total,))

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
        """The sales stages chosen, in a sentence that promises only what the verdict supports."""
        answer = next(
            (a for a in self.first.answers.values() if any("stage" in o.traits for o in a.chosen)),
            None,
        )
        if answer is None:
            return None
        texts = self.rubric.settings["stages"]
        labels = [
            texts["labels"][o.traits["stage"]]
            for o in answer.question.options
            if o in answer.chosen and "stage" in o.traits
        ]
        ready = self.trace.outcome.word in ("yes", "yes_both")
        template = texts["ready"] if ready else texts["not_yet"]
        return Line(template.format(stages=join(labels)), (answer, self.trace.outcome))
