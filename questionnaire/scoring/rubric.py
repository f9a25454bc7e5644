"""What the scoring reads, as plain data (no database): one questionnaire edition's questions,
options and `[scoring]` settings, the gates its principles are judged by, and the business
it scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

DIMENSIONS = ("customers", "value", "network_fit", "sustainability", "success")
MODELS = ("b2c", "b2b")  # the markets: selling to consumers, selling to businesses
AUDIENCES = ("consumers", "businesses")
AUDIENCE_OF_MODEL = {"b2c": "consumers", "b2b": "businesses"}
MODEL_OF_AUDIENCE = {audience: model for model, audience in AUDIENCE_OF_MODEL.items()}
MODELS_FOR_SELLS_TO = {"consumers": ("b2c",), "businesses": ("b2b",), "both": ("b2c", "b2b")}
SAME = "same"  # the business reaches on social media the people who pay it


@dataclass(frozen=True)
class Profile:
    """What the scoring needs to know of the business: whom it sells to (only those markets
    are scored), whom it means to reach on social media when that is not simply its buyers,
    its sector (networks fit sectors differently) and its size (advice for a sole trader is
    not advice for a team).

    `reach` narrows or moves the audience: a business selling to both that means to reach
    only one of them is scored for that market alone (a joiner who sells to homeowners and
    two builders but posts for homeowners); a business paid by one audience that talks to
    the other is scored for its market, judged on the audience it talks to (a recruiter paid
    by employers who talks to candidates)."""

    sells_to: str
    sector: str = "other"
    size: str = "micro"
    reach: str = SAME

    @property
    def markets(self) -> tuple[str, ...]:
        sold = MODELS_FOR_SELLS_TO[self.sells_to]
        if self.reach == SAME or len(sold) == 1:
            return sold
        return (MODEL_OF_AUDIENCE[self.reach],)

    def audience_of(self, market: str) -> str:
        """Whom a market's presence talks to: its buyers, unless the business reaches others."""
        return AUDIENCE_OF_MODEL[market] if self.reach == SAME else self.reach

    def reaches_others(self, market: str) -> bool:
        """Whether this market's presence talks to people other than its buyers."""
        return self.audience_of(market) != AUDIENCE_OF_MODEL[market]

    @cached_property
    def audiences(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.audience_of(m) for m in self.markets))


@dataclass(frozen=True)
class BandRange:
    """One readiness band as the legend shows it: "Foundations (40-59)", and what it means
    for an owner."""

    key: str
    label: str
    low: int
    high: int
    meaning: str = ""


@dataclass(frozen=True, eq=False)
class OptionSpec:
    key: str
    label: str
    score: int = 0
    dont_know: bool = False
    advice: str = ""
    traits: Mapping = field(default_factory=dict)

    def points(self, audience: str, sector: str) -> int:
        """0-100 for this audience and sector: the option's fit where it has one (networks,
        and content that suits one audience more than the other), else its score."""
        fit = self.traits.get("fit")
        if not fit:
            return self.score
        return fit.get("sectors", {}).get(sector, {}).get(audience, fit[audience])

    def carries(self, trait: str) -> bool:
        return self.traits.get(trait) is True

    def advice_for(self, size: str) -> str:
        return self.traits.get("size_advice", {}).get(size, self.advice)

    @property
    def is_everywhere(self) -> bool:
        """ "All of them": no choice at all."""
        return self.carries("everywhere")


@dataclass(frozen=True, eq=False)
class QuestionSpec:
    number: int
    key: str
    dimension: str
    text: str
    options: tuple[OptionSpec, ...]
    multiple: bool = False
    weight: float = 1.0
    memo: dict = field(default_factory=dict, repr=False)  # answers' points, per audience

    @cached_property
    def by_sector(self) -> bool:
        """Whether what an answer earns depends on the business's sector (the networks)."""
        return any("sectors" in option.traits.get("fit", {}) for option in self.options)

    @cached_property
    def options_by_key(self) -> dict[str, OptionSpec]:
        return {option.key: option for option in self.options}

    @cached_property
    def real_options(self) -> tuple[OptionSpec, ...]:
        """The options that are an answer: not "I don't know", not "all of them"."""
        return tuple(o for o in self.options if not o.dont_know and not o.is_everywhere)

    @cached_property
    def dont_know(self) -> OptionSpec | None:
        return next((o for o in self.options if o.dont_know), None)


@dataclass(frozen=True, eq=False)
class Facet:
    """One answer a gate looks at: met when a chosen option carries `trait`, or when the best
    chosen option earns at least `least` points for the market's audience (or "all of them"
    is chosen: it reaches the audience too); with `most`, met when no more than that many
    options are chosen (and not "all of them")."""

    question: str
    trait: str = ""
    least: int = 101
    most: int = 0


@dataclass(frozen=True, eq=False)
class GateSpec:
    """A principle of the seeds, judged from every answer that bears on it (one facet per
    question), never from one tick: met when every facet is, failed when `fail_at` or more
    are missing, short otherwise."""

    key: str
    facets: tuple[Facet, ...]
    fail_at: int = 2
    audience: str = ""  # judged only for markets whose presence talks to this audience


@dataclass(frozen=True, eq=False)
class Rubric:
    """One questionnaire edition's questions plus its `[scoring]` settings."""

    questions: tuple[QuestionSpec, ...]
    settings: Mapping
    memo: dict = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        # Short: a failing test reports its rubric, and the settings would run to pages.
        return f"<Rubric: {len(self.questions)} questions>"

    @classmethod
    def from_content(cls, data: Mapping) -> Rubric:
        """From content in the data file's shape (questionnaire/content/questionnaire.toml)."""
        questions = tuple(
            QuestionSpec(
                number=question.get("number", position),
                key=question["key"],
                dimension=question["dimension"],
                text=question["text"],
                multiple=question.get("kind") == "multiple",
                weight=question.get("weight", 1.0),
                options=tuple(
                    OptionSpec(
                        key=option["key"],
                        label=option["label"],
                        score=option.get("score", 0),
                        dont_know=option.get("dont_know", False),
                        advice=option.get("advice", ""),
                        traits=option.get("traits", {}),
                    )
                    for option in question["options"]
                ),
            )
            for position, question in enumerate(data["questions"], start=1)
        )
        return cls(questions=questions, settings=data["scoring"])

    @cached_property
    def questions_by_key(self) -> dict[str, QuestionSpec]:
        return {question.key: question for question in self.questions}

    @cached_property
    def questions_in(self) -> dict[str, tuple[QuestionSpec, ...]]:
        return {d: tuple(q for q in self.questions if q.dimension == d) for d in DIMENSIONS}

    @cached_property
    def gates(self) -> tuple[GateSpec, ...]:
        """The edition's gates, leaving out facets on questions it does not have."""
        gates = []
        for key, gate in self.settings["gates"].items():
            facets = tuple(
                Facet(
                    facet["question"],
                    facet.get("trait", ""),
                    facet.get("least", 101),
                    facet.get("most", 0),
                )
                for facet in gate["facets"]
                if facet["question"] in self.questions_by_key
            )
            gates.append(GateSpec(key, facets, gate.get("fail_at", 2), gate.get("audience", "")))
        return tuple(gates)

    @cached_property
    def gates_on(self) -> dict[str, tuple[GateSpec, ...]]:
        """The gates with a facet on each question."""
        return {
            q.key: tuple(g for g in self.gates if any(f.question == q.key for f in g.facets))
            for q in self.questions
        }

    def focus(self, question: QuestionSpec) -> Mapping:
        """The focus rule of a multiple-choice question scored by its best choice (empty for
        any other question)."""
        return self.settings.get("focus", {}).get(question.key, {})

    def words(self, *path: str) -> str:
        found = self.settings
        for key in path:
            found = found[key]
        return found  # type: ignore[return-value]

    @cached_property
    def band_ranges(self) -> tuple[BandRange, ...]:
        bands = self.settings["bands"]
        tops = [band["min"] - 1 for band in bands[1:]] + [100]
        return tuple(
            BandRange(band["key"], band["label"], band["min"], top, band.get("meaning", ""))
            for band, top in zip(bands, tops, strict=True)
        )

    def band_for(self, score: int) -> Mapping:
        return [band for band in self.settings["bands"] if score >= band["min"]][-1]

    def band_min(self, key: str) -> int:
        return next(band["min"] for band in self.settings["bands"] if band["key"] == key)

    def word_for(self, readiness: int) -> str:
        """The headline's word for a readiness: Ready or Advanced is "yes", Foundations
        "nearly", Not yet "not_yet"."""
        if readiness >= self.band_min("ready"):
            return "yes"
        return "nearly" if readiness >= self.band_min("foundations") else "not_yet"

    def ceiling(self, failed: bool, short: bool) -> int:
        """The highest readiness allowed: Not yet's top with a failed gate or two weak
        dimensions, below Ready with a gate not fully met or one weak dimension."""
        rule = self.settings["ceilings"]
        if failed:
            return rule["failed"]
        return rule["short"] if short else 100


Answers = Mapping[str, Sequence[str]]  # question key -> chosen option keys


def chosen_options(question: QuestionSpec, answers: Answers) -> tuple[OptionSpec, ...]:
    """The options chosen for this question; unknown keys (from an older edit) are ignored."""
    options = question.options_by_key
    return tuple(options[key] for key in answers.get(question.key, ()) if key in options)


def is_gap(chosen: Sequence[OptionSpec]) -> bool:
    """Nothing chosen, or "I don't know" among the choices: an unknown, not an answer."""
    return not chosen or any(option.dont_know for option in chosen)
