"""Scoring: answers in; the verdict, its trace and every sentence about it out.

Pure functions over plain data: no database, no request, no randomness. The numbers, the
gates and the words come from the questionnaire edition's content (`Rubric`), so an
administrator can tune them without touching code; the rules live in this package, one
computation whose every step is kept in a trace (docs/scoring.md explains them in words):

- rubric.py    what the scoring reads: questions, options, settings, gates, the business
- points.py    what each answer earns for an audience, and the dimension scores
- gates.py     the seeds' principles as gates, weak dimensions, and the ceiling they set
- assess.py    one market's whole computation, kept as a `MarketTrace`
- plan.py      the steps, each the best safe answer to its questions, ranked by what it adds
- trace.py     the trace's entries and the result types
- wording.py   every sentence, rendered from the trace
- examples.py  worked examples: realistic businesses and what the scoring makes of them
"""

from __future__ import annotations

from collections.abc import Mapping

from questionnaire.scoring.assess import figures_of, market_trace, points_for
from questionnaire.scoring.plan import plan
from questionnaire.scoring.rubric import Answers, Profile, Rubric
from questionnaire.scoring.trace import (
    AuditResult,
    MarketTrace,
    Outcome,
    Readiness,
    Trace,
    Verdict,
)
from questionnaire.scoring.wording import Wording

NO_OVERRIDES: Mapping[str, int] = {}


def readiness_in_band(rubric: Rubric, market: str, score: int) -> Readiness:
    band = rubric.band_for(score)
    return Readiness(market, score, band["key"], band["label"])


def _markets(
    rubric: Rubric, answers: Answers, profile: Profile, overrides: Mapping[str, int]
) -> dict[str, MarketTrace]:
    return {m: market_trace(rubric, answers, profile, m, overrides) for m in profile.markets}


def _outcome(rubric: Rubric, readiness: Mapping[str, int]) -> Outcome:
    """The market to start with is the readier one (both, on a tie); the headline's word is
    its band's ("yes_both" when every market is ready)."""
    top = max(readiness.values())
    leading = tuple(m for m, figure in readiness.items() if figure == top)
    word = rubric.word_for(top)
    if word == "yes" and len(readiness) == 2 and rubric.word_for(min(readiness.values())) == "yes":
        word = "yes_both"
    months = rubric.settings["reaudit_months"]["yes" if word == "yes_both" else word]
    return Outcome(leading, word, months)


def verdict(
    rubric: Rubric, answers: Answers, profile: Profile, overrides: Mapping[str, int] = NO_OVERRIDES
) -> Verdict:
    """The figures alone (readiness per market served, dimension scores, the market to start
    with), for lists: no trace, no plan and no words."""
    figures = {
        m: figures_of(
            rubric, points_for(rubric, answers, profile, profile.audience_of(m)), m, overrides
        )
        for m in profile.markets
    }
    readiness = {m: figure[0] for m, figure in figures.items()}
    outcome = _outcome(rubric, readiness)
    return Verdict(
        {m: readiness_in_band(rubric, m, r) for m, r in readiness.items()},
        {m: figure[1] for m, figure in figures.items()},
        outcome.leading,
        outcome.word,
    )


def score(
    rubric: Rubric, answers: Answers, profile: Profile, overrides: Mapping[str, int] = NO_OVERRIDES
) -> AuditResult:
    """The verdict with its trace, plan and every sentence about it. `overrides` holds a
    consultant's figure for a dimension: it replaces the computed score everywhere."""
    markets = _markets(rubric, answers, profile, overrides)
    outcome = _outcome(rubric, {m: trace.readiness for m, trace in markets.items()})
    steps = plan(rubric, answers, profile, overrides, markets, outcome.leading)
    return Wording(rubric, Trace(markets, outcome, steps), profile).result()


__all__ = ["AuditResult", "Profile", "Rubric", "Verdict", "score", "verdict"]
