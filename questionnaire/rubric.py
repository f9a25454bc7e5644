"""What the scoring reads: a questionnaire version's questions, options and settings, and
the business it scores, as plain data (no database), with small helpers for reading answers
against them."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

DIMENSIONS = ("customers", "value", "network_fit", "sustainability", "success")
MODELS = ("b2c", "b2b")
AUDIENCES = ("consumers", "businesses", "both")
AUDIENCE_OF_MODEL = {"b2c": "consumers", "b2b": "businesses"}
MODELS_FOR_SELLS_TO = {"consumers": ("b2c",), "businesses": ("b2b",), "both": ("b2c", "b2b")}


@dataclass(frozen=True)
class Profile:
    """What the scoring needs to know of the business: whom it sells to (only those markets
    are scored), its sector (networks fit sectors differently) and its size (advice for a
    sole trader is not advice for a team)."""

    sells_to: str
    sector: str = "other"
    size: str = "micro"

    @property
    def markets(self) -> tuple[str, ...]:
        return MODELS_FOR_SELLS_TO[self.sells_to]

    @property
    def audience(self) -> str:
        # A business selling to both is judged on the mean of the two audiences' fit.
        return self.sells_to


def audiences_in(audience: str) -> tuple[str, ...]:
    """The audiences a network must miss to be a misfit: both, for a business selling to both."""
    return ("consumers", "businesses") if audience == "both" else (audience,)


_MISSING = object()


class Memoising:
    """Specs compare and hash by identity (eq=False): they are immutable, so what is worked
    out from one (a question's points for a given choice) can be kept on it, and goes when
    the spec does."""

    memo: dict

    def memoised(self, key: Hashable, compute: Callable[..., Any], *args: Any) -> Any:
        """`compute(*args)`, worked out once per key."""
        found = self.memo.get(key, _MISSING)
        if found is _MISSING:
            found = self.memo[key] = compute(*args)
        return found


@dataclass(frozen=True, eq=False)
class OptionSpec:
    key: str
    label: str
    score: int = 0
    dont_know: bool = False
    advice: str = ""
    traits: Mapping = field(default_factory=dict)

    def points(self, audience: str, sector: str) -> float:
        """0-100: a network's fit for this audience and sector, otherwise the option's score."""
        fit = self.traits.get("fit")
        if not fit:
            return float(self.score)
        if audience == "both":
            return (self.points("consumers", sector) + self.points("businesses", sector)) / 2
        return float(fit.get("sectors", {}).get(sector, {}).get(audience, fit[audience]))

    def advice_for(self, size: str) -> str:
        return self.traits.get("size_advice", {}).get(size, self.advice)


@dataclass(frozen=True, eq=False)
class QuestionSpec(Memoising):
    number: int
    key: str
    dimension: str
    text: str
    options: tuple[OptionSpec, ...]
    multiple: bool = False
    weight: float = 1.0
    memo: dict = field(default_factory=dict, repr=False)

    @cached_property
    def options_by_key(self) -> dict[str, OptionSpec]:
        return {option.key: option for option in self.options}

    @cached_property
    def trait_names(self) -> frozenset[str]:
        """Every trait some option of this question carries."""
        return frozenset(trait for option in self.options for trait in option.traits)

    @cached_property
    def judged_by_sector(self) -> bool:
        """Whether the points depend on the business's sector (networks fit sectors differently)."""
        return "fit" in self.trait_names

    @cached_property
    def real_options(self) -> tuple[OptionSpec, ...]:
        """The options that are an answer: not "I don't know", not "all of them"."""
        return tuple(o for o in self.options if not o.dont_know and not o.traits.get("everywhere"))


@dataclass(frozen=True, eq=False)
class Rubric(Memoising):
    """One questionnaire version's questions plus its `[scoring]` settings."""

    questions: tuple[QuestionSpec, ...]
    settings: Mapping
    memo: dict = field(default_factory=dict, repr=False)

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

    def rule(self, name: str) -> Mapping:
        return self.settings["rules"][name]

    def dimension_text(self, dimension: str, key: str) -> str:
        return self.settings["dimensions"][dimension][key]

    def band_min(self, key: str) -> int:
        return next(band["min"] for band in self.settings["bands"] if band["key"] == key)

    def focus(self, question: QuestionSpec) -> Mapping | None:
        """The focus rule for a multiple-choice question, if it has one."""
        return self.settings.get("focus", {}).get(question.key)

    @cached_property
    def questions_by_key(self) -> dict[str, QuestionSpec]:
        return {question.key: question for question in self.questions}

    def questions_in(self, dimension: str) -> tuple[QuestionSpec, ...]:
        return self._questions_by_dimension[dimension]

    @cached_property
    def _questions_by_dimension(self) -> dict[str, tuple[QuestionSpec, ...]]:
        return {d: tuple(q for q in self.questions if q.dimension == d) for d in DIMENSIONS}

    @cached_property
    def dimension_weights(self) -> dict[str, float]:
        """The sum of the question weights in each dimension."""
        return {d: sum(q.weight for q in self.questions if q.dimension == d) for d in DIMENSIONS}


Answers = Mapping[str, Sequence[str]]  # question key -> chosen option keys


def chosen_options(question: QuestionSpec, answers: Answers) -> tuple[OptionSpec, ...]:
    """The options chosen for this question; unknown keys (from an older edit) are ignored."""
    keys = tuple(answers.get(question.key, ()))
    # The hottest path in the scoring: the memo is read inline rather than through memoised().
    found = question.memo.get(("chosen", keys))
    if found is None:
        found = question.memo[("chosen", keys)] = _options_for(question, keys)
    return found


def _options_for(question: QuestionSpec, keys: tuple[str, ...]) -> tuple[OptionSpec, ...]:
    return tuple(question.options_by_key[k] for k in keys if k in question.options_by_key)


def is_gap(chosen: Sequence[OptionSpec]) -> bool:
    """Nothing chosen, or "I don't know" among the choices."""
    for option in chosen:
        if option.dont_know:
            return True
    return not chosen


def offers(question: QuestionSpec, traits: Sequence[str]) -> bool:
    return not question.trait_names.isdisjoint(traits)


def true_traits(chosen: tuple[OptionSpec, ...]) -> frozenset[str]:
    return frozenset(t for option in chosen for t, value in option.traits.items() if value is True)
