"""Scoring: answers in, dimension scores, a readiness verdict per market, reasons out.

Pure functions over plain data: no database, no request, no randomness. The numbers and
texts come from the questionnaire version's content (`Rubric`), so an administrator can tune
them without touching code; the *rules* live here. docs/scoring.md explains them in words.

Principles encoded (../shared/docs/product.md):
- Only the markets the business sells to are scored; another market is "not assessed".
- "I don't know" earns no points and is named as a gap, never scored as a real answer.
- Business buyers need more value before they engage: B2B readiness rescales value above a
  hurdle, so the same answers can be ready for B2C and not yet for B2B.
- No named person with set time caps sustainability, however good the rest is.
- A plan in which nothing listens or converses caps value and network fit.
- Networks are judged against the audience and the sector; ticking every network or every
  stage of the sales pathway never beats a focused choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from questionnaire import explain
from questionnaire.explain import Action, Reason
from questionnaire.points import (
    Tally,
    band_for,
    dimension_scores,
    readiness_points,
    rule_caps,
    tallies,
    weak_floors,
)
from questionnaire.rubric import (
    AUDIENCE_OF_MODEL,
    DIMENSIONS,
    MODELS,
    Answers,
    Profile,
    Rubric,
    chosen_options,
    is_gap,
)


@dataclass(frozen=True)
class DimensionResult:
    key: str
    label: str
    score: int
    reasons: tuple[Reason, ...]
    weak: bool = False  # below the weak-dimension floor: it holds readiness below "Ready"


@dataclass(frozen=True)
class BandRange:
    """One readiness band as the legend shows it: "Foundations (40-59)"."""

    key: str
    label: str
    low: int
    high: int


@dataclass(frozen=True)
class Readiness:
    model: str  # "b2c" or "b2b"
    score: int
    band: str
    band_label: str
    limited_by: str = ""  # the weak-dimension rule's reason, when it capped this score
    uncapped: int = 0  # the score before that cap


@dataclass(frozen=True)
class Verdict:
    """The figures alone: what lists need to filter and sort by, without the words."""

    scores: Mapping[str, int]  # dimension -> 0-100, judged against the business's own audience
    readiness: Mapping[str, Readiness]  # only the markets the business sells to
    leading: str  # the market to start with: "b2c" or "b2b"
    outcome: str  # "yes", "yes_both", "nearly" or "not_yet"

    @property
    def b2c(self) -> Readiness | None:
        return self.readiness.get("b2c")

    @property
    def b2b(self) -> Readiness | None:
        return self.readiness.get("b2b")


@dataclass(frozen=True)
class Market:
    """One market as the report shows it: its readiness, or why it is not assessed."""

    model: str
    label: str
    readiness: Readiness | None
    not_assessed: str


@dataclass(frozen=True)
class AuditResult:
    """The verdict with its reasons: what the results page and the report show."""

    verdict: Verdict
    headline: str  # "Yes: start with consumers", "Not yet: first name who will run it"
    summary: str  # one sentence naming the strongest area and the first action's topic
    markets: tuple[Market, ...]
    bands: tuple[BandRange, ...]  # the edition's bands, lowest first, for legends and charts
    dimensions: tuple[DimensionResult, ...]
    actions: tuple[Action, ...]
    stages: tuple[str, ...]  # the sales-pathway stages the owner chose, in pathway order
    stages_text: str  # those stages in a sentence that fits the verdict
    gaps: tuple[str, ...]  # keys of questions answered "I don't know"
    question_points: Mapping[str, int]  # question key -> 0-100, for the business's audience

    def dimension(self, key: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.key == key)


def _readiness(rubric: Rubric, tally: Tally, model: str) -> Readiness:
    points = readiness_points(rubric, tally, model)
    band = band_for(rubric, points.score)
    limited_by = ""
    if points.capped_by:
        rule = rubric.rule("weak_dimension")
        limited_by = rule["reason"].format(
            dimension=rubric.dimension_text(points.capped_by, "label"),
            floor=weak_floors(rubric, model)[points.capped_by],
        )
    return Readiness(model, points.score, band["key"], band["label"], limited_by, points.uncapped)


def _leading(readiness: Mapping[str, Readiness]) -> str:
    """The market to start with: the higher score; when both are capped alike, the one that
    was higher before the cap; a dead heat goes to consumers, the easier conversation."""
    return max(readiness, key=lambda m: (readiness[m].score, readiness[m].uncapped, m == "b2c"))


def _outcome(rubric: Rubric, readiness: Mapping[str, Readiness], leading: str) -> str:
    ready = rubric.band_min("ready")
    if readiness[leading].score >= ready:
        both = len(readiness) == 2 and all(r.score >= ready for r in readiness.values())
        return "yes_both" if both else "yes"
    if readiness[leading].score >= rubric.band_min("foundations"):
        return "nearly"
    return "not_yet"


def _verdict(
    rubric: Rubric, answers: Answers, profile: Profile
) -> tuple[Verdict, dict[str, Tally], Tally]:
    """The verdict, each served market's tally and the tally of the business's audience."""
    audiences = [AUDIENCE_OF_MODEL[m] for m in profile.markets] + [profile.audience]
    by_audience = tallies(rubric, answers, audiences, profile.sector)
    model_tallies = {m: by_audience[AUDIENCE_OF_MODEL[m]] for m in profile.markets}
    readiness = {m: _readiness(rubric, model_tallies[m], m) for m in profile.markets}
    leading = _leading(readiness)
    scores = dimension_scores(rubric, by_audience[profile.audience])
    return (
        Verdict(
            scores={d: round(scores[d]) for d in DIMENSIONS},
            readiness=readiness,
            leading=leading,
            outcome=_outcome(rubric, readiness, leading),
        ),
        model_tallies,
        by_audience[profile.audience],
    )


def verdict(rubric: Rubric, answers: Answers, profile: Profile) -> Verdict:
    """Dimension scores, readiness with a band for each market the business serves, and
    which market to start with.

    Dimension scores are judged against the audience the business sells to (both audiences
    averaged when it sells to both); each readiness score against its own market's audience.
    """
    return _verdict(rubric, answers, profile)[0]


def _dimension_results(
    rubric: Rubric, answers: Answers, verdict: Verdict, profile: Profile, tally: Tally
) -> tuple[DimensionResult, ...]:
    caps = rule_caps(rubric, tally.all_traits)
    floor = rubric.rule("weak_dimension")["floor"]
    results = []
    for dimension in DIMENSIONS:
        reasons: list[Reason] = []
        for question in rubric.questions_in(dimension):
            reasons += explain.answer_reasons(rubric, question, answers, profile)
        for cap in caps:
            if cap.dimension == dimension:
                reasons.append(
                    explain.limit_reason(rubric, cap, answers, profile, tally.all_traits)
                )
        label = rubric.dimension_text(dimension, "label")
        score = verdict.scores[dimension]
        results.append(DimensionResult(dimension, label, score, tuple(reasons), score < floor))
    return tuple(results)


def _band_ranges(rubric: Rubric) -> tuple[BandRange, ...]:
    bands = rubric.settings["bands"]
    tops = [band["min"] - 1 for band in bands[1:]] + [100]
    return tuple(
        BandRange(band["key"], band["label"], band["min"], top)
        for band, top in zip(bands, tops, strict=True)
    )


def _markets(rubric: Rubric, verdict: Verdict) -> tuple[Market, ...]:
    texts = rubric.settings["markets"]
    return tuple(
        Market(m, texts[m]["label"], verdict.readiness.get(m), texts[m]["not_assessed"])
        for m in MODELS
    )


def score(rubric: Rubric, answers: Answers, profile: Profile) -> AuditResult:
    """The verdict with its headline, reasons, ranked actions and one sentence saying why."""
    result, model_tallies, audience_tally = _verdict(rubric, answers, profile)
    actions = explain.actions(rubric, answers, profile, model_tallies, audience_tally.points)
    stages = explain.stages(rubric, answers)
    return AuditResult(
        verdict=result,
        headline=explain.headline(rubric, result, actions),
        summary=explain.summary(rubric, result, actions),
        markets=_markets(rubric, result),
        bands=_band_ranges(rubric),
        dimensions=_dimension_results(rubric, answers, result, profile, audience_tally),
        actions=actions,
        stages=stages,
        stages_text=explain.stages_text(rubric, result, stages),
        gaps=tuple(q.key for q in rubric.questions if is_gap(chosen_options(q, answers))),
        question_points={key: round(points) for key, points in audience_tally.points.items()},
    )
