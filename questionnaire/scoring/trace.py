"""The trace: every figure the scoring works out, each entry with its cause, and the result
types built from it. Everything a page says is rendered from these entries (wording.py),
and every sentence names the entries it draws on (`Line.cites`), so a sentence cannot
state a figure that the entries it cites do not hold."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from questionnaire.scoring.rubric import BandRange, GateSpec, OptionSpec, QuestionSpec

STRENGTH, PARTIAL, WEAKNESS, GAP = "strength", "partial", "weakness", "gap"
MET, SHORT, FAILED = "met", "short", "failed"  # a gate's states
MISSING, UNKNOWN = "missing", "unknown"  # a facet's, besides met


@dataclass(frozen=True, eq=False)
class Penalty:
    """Points a multiple-choice answer loses for choices beyond the limit."""

    kind: str  # "beyond_limit"
    options: tuple[OptionSpec, ...]
    points: int  # lost, in all
    limit: int = 0
    each: int = 0


@dataclass(frozen=True, eq=False)
class AnswerPoints:
    """What one answer earns (0-100) for one audience, and why."""

    question: QuestionSpec
    audience: str
    chosen: tuple[OptionSpec, ...]
    points: int
    effect: str  # strength, partial, weakness or gap
    best: OptionSpec | None = None  # the chosen option its points come from
    best_points: int = 0
    penalties: tuple[Penalty, ...] = ()
    # Each gate facet's status for this answer, judged once (`gates.facet_status`): the
    # same answers come up again and again, and the plan re-judges each many times.
    statuses: dict = field(default_factory=dict, repr=False)

    @property
    def gap(self) -> bool:
        return self.effect == GAP

    def figures(self) -> set[int]:
        found = {self.points, self.question.number, 100}
        for penalty in self.penalties:
            found |= {penalty.points, penalty.limit, penalty.each, len(self.chosen)}
        return found


@dataclass(frozen=True, eq=False)
class DimensionScore:
    dimension: str
    score: int  # what readiness adds up: the consultant's figure when there is one
    computed: int  # from the answers
    overridden: bool = False
    weak: bool = False

    def figures(self) -> set[int]:
        return {self.score, self.computed}


@dataclass(frozen=True, eq=False)
class FacetResult:
    question: QuestionSpec
    status: str  # met, missing or unknown
    answer: AnswerPoints


@dataclass(frozen=True, eq=False)
class GateResult:
    gate: GateSpec
    state: str  # met, short or failed
    facets: tuple[FacetResult, ...]
    not_met: tuple[FacetResult, ...] = ()  # the facets missing or not known yet

    def figures(self) -> set[int]:
        return {facet.question.number for facet in self.facets}


@dataclass(frozen=True, eq=False)
class WeakDimension:
    """A dimension below the floor, and the answers that hold it there (the consultant's
    figure, when that is what makes it weak)."""

    dimension: DimensionScore
    causes: tuple[AnswerPoints, ...]
    floor: int

    def figures(self) -> set[int]:
        return self.dimension.figures() | {a.question.number for a in self.causes} | {self.floor}


@dataclass(frozen=True, eq=False)
class Problem:
    """One question (or a consultant's figure) behind something that holds readiness down:
    a gate not met, a weak dimension. Each counts once, however many it is behind."""

    key: str  # the question's key, or "override:<dimension>"
    number: int  # the question's number; 0 for a consultant's figure
    found_by: tuple[GateResult | WeakDimension, ...]


@dataclass(frozen=True, eq=False)
class Ceiling:
    """The highest readiness the problems allow, when it is below what the answers add up
    to: the points lost to it are explained here, once."""

    market: str
    problems: tuple[Problem, ...]
    ceiling: int
    raw: int  # what the answers add up to

    def figures(self) -> set[int]:
        return {self.ceiling, self.raw, len(self.problems)} | {p.number for p in self.problems}


@dataclass(frozen=True, eq=False)
class MarketTrace:
    """Everything worked out for one market the business sells to."""

    market: str
    audience: str
    answers: Mapping[str, AnswerPoints]
    dimensions: Mapping[str, DimensionScore]
    gates: tuple[GateResult, ...]
    weak: tuple[WeakDimension, ...]
    problems: tuple[Problem, ...]
    raw: int
    readiness: int
    band: Mapping
    ceiling: Ceiling | None  # only when it holds readiness below `raw`

    @property
    def failed_gates(self) -> tuple[GateResult, ...]:
        return tuple(g for g in self.gates if g.state == FAILED)

    def figures(self) -> set[int]:
        return {self.readiness, self.band["min"]}


@dataclass(frozen=True, eq=False)
class Step:
    """One fix in the plan: the questions it touches, the answers it would give them, and
    what it adds to readiness once the rest of the plan is done (per market)."""

    kind: str  # "gate", "weak" or "answer"
    key: str  # the gate, the dimension or the question
    failed: bool  # it fixes a failed gate
    questions: tuple[QuestionSpec, ...]
    improved: Mapping[str, tuple[str, ...]]  # question key -> the answer it would give
    gains: Mapping[str, int]  # market -> readiness points
    limits: tuple[int, ...] = ()  # how many choices its questions' focus rules allow

    def figures(self) -> set[int]:
        return set(self.gains.values()) | {q.number for q in self.questions} | set(self.limits)


@dataclass(frozen=True, eq=False)
class Outcome:
    """The verdict: the market to start with (both, on a tie), the headline's word, and
    when to run the audit again."""

    leading: tuple[str, ...]
    word: str  # "yes", "yes_both", "nearly" or "not_yet"
    reaudit_months: int

    def figures(self) -> set[int]:
        return {self.reaudit_months}


@dataclass(frozen=True)
class Trace:
    markets: Mapping[str, MarketTrace]
    outcome: Outcome
    steps: tuple[Step, ...] = ()

    def entries(self) -> list[object]:
        found: list[object] = [self.outcome, *self.steps]
        for market in self.markets.values():
            found += [market, *market.answers.values(), *market.dimensions.values()]
            found += [*market.gates, *market.weak]
            if market.ceiling:
                found.append(market.ceiling)
        return found


@dataclass(frozen=True)
class Line:
    """A sentence of the result, with the trace entries it is drawn from."""

    text: str
    cites: tuple[object, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return self.text


# --- the result: what pages show, built from the trace by wording.py ---------------------------


@dataclass(frozen=True)
class Readiness:
    model: str  # "b2c" or "b2b"
    score: int
    band: str
    band_label: str


@dataclass(frozen=True)
class Verdict:
    """The figures alone: what lists filter and sort by, without the words."""

    readiness: Mapping[str, Readiness]  # only the markets the business sells to
    market_scores: Mapping[str, Mapping[str, int]]  # market -> dimension -> 0-100
    leading: tuple[str, ...]  # the market to start with; both on a tie
    outcome: str  # "yes", "yes_both", "nearly" or "not_yet"

    @property
    def b2c(self) -> Readiness | None:
        return self.readiness.get("b2c")

    @property
    def b2b(self) -> Readiness | None:
        return self.readiness.get("b2b")

    @property
    def scores(self) -> dict[str, int]:
        """Each dimension's score; for a business selling to both, the lower of the two."""
        markets = list(self.market_scores.values())
        return {d: min(scores[d] for scores in markets) for d in markets[0]}

    @property
    def weakest(self) -> str:
        return weakest_dimension(self.scores)


def weakest_dimension(scores: Mapping[str, int]) -> str:
    """The lowest-scoring dimension; a tie goes to the one the questionnaire lists first."""
    return min(scores, key=lambda dimension: scores[dimension])


@dataclass(frozen=True)
class MarketView:
    """One market as the report shows it: its readiness and what holds it, or why it is not
    assessed."""

    model: str
    label: str
    audience: str
    readiness: Readiness | None
    note: Line | None
    not_assessed: str
    reach: str = ""  # whom it is judged on, when not the buyers


@dataclass(frozen=True)
class Reason:
    line: Line
    effect: str  # strength, partial, weakness or gap
    question_key: str
    question_number: int

    @property
    def text(self) -> str:
        return self.line.text


@dataclass(frozen=True)
class DimensionView:
    key: str
    label: str
    scores: tuple[tuple[str, DimensionScore], ...]  # (audience words, score) per market
    reasons: tuple[Reason, ...]

    @property
    def differs(self) -> bool:
        """Whether the markets' scores differ, so the page shows each."""
        return len({score.score for _, score in self.scores}) > 1

    @property
    def score(self) -> int:
        return min(score.score for _, score in self.scores)

    @property
    def computed(self) -> int:
        return min(score.computed for _, score in self.scores)

    @property
    def overridden(self) -> bool:
        return self.scores[0][1].overridden

    @property
    def weak(self) -> bool:
        return any(score.weak for _, score in self.scores)


@dataclass(frozen=True)
class StepView:
    line: Line
    topic: str
    questions: str  # "Question 9", "Questions 6 and 7"
    gains: tuple[tuple[str, int], ...]  # (audience words, readiness points) per market
    failed: bool  # it fixes a failed gate
    step: Step

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def gain(self) -> int:
        return max(gain for _, gain in self.gains)


@dataclass(frozen=True)
class AuditResult:
    """The verdict with everything said about it: what the results page, the PDF and the
    review page show."""

    verdict: Verdict
    trace: Trace
    headline: Line
    summary: tuple[Line, ...]
    markets: tuple[MarketView, ...]
    bands: tuple[BandRange, ...]
    dimensions: tuple[DimensionView, ...]
    steps: tuple[StepView, ...]
    empty_plan: Line | None  # the one sentence when there is nothing to fix
    rerun: Line | None  # when to run the audit again, when there is a plan
    weights_note: Line | None  # how readiness weighs the dimensions, where business buyers are
    stages: Line | None
    reaudit_months: int

    @property
    def lines(self) -> list[Line]:
        """Every sentence of the result."""
        found = [self.headline, *self.summary]
        found += [m.note for m in self.markets if m.note]
        found += [r.line for d in self.dimensions for r in d.reasons]
        found += [s.line for s in self.steps]
        others = (self.empty_plan, self.rerun, self.stages, self.weights_note)
        found += [line for line in others if line]
        return found

    @property
    def summary_text(self) -> str:
        return " ".join(line.text for line in self.summary)

    @property
    def gaps(self) -> tuple[str, ...]:
        """The questions answered "I don't know"."""
        answers = next(iter(self.trace.markets.values())).answers
        return tuple(key for key, answer in answers.items() if answer.gap)

    def dimension(self, key: str) -> DimensionView:
        return next(d for d in self.dimensions if d.key == key)

    def question_points(self, key: str) -> tuple[tuple[str, int], ...]:
        """(audience words, points) per market, once when every market's is the same."""
        found = [
            (view.audience, self.trace.markets[view.model].answers[key].points)
            for view in self.markets
            if view.readiness
        ]
        return tuple(found[:1]) if len({points for _, points in found}) == 1 else tuple(found)
