"""Questionnaire content: loading the data file, and the draft → published life cycle.

A published edition is frozen. Editing content means `copy_as_draft`, changing the copy
(in the admin) and `publish`-ing it; audits already answered keep pointing at their own
edition, so their reports render exactly as before.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from questionnaire.models import Edition, Option, Question
from questionnaire.profile import Reach, Sector, SellsTo, Size
from questionnaire.scoring import score
from questionnaire.scoring.rubric import Profile, Rubric

CONTENT_FILE = Path(__file__).parent / "content" / "questionnaire.toml"

# The one map between the data file's names and the models' fields, used both ways: to
# load the file and to give a edition (loaded or edited in the admin) back in its shape,
# which is what questionnaire.rubric.Rubric.from_content reads.
QUESTION_FIELDS = {
    name: name
    for name in ("key", "dimension", "kind", "text", "help_text", "note_prompt", "weight", "advice")
}
OPTION_FIELDS = {
    "key": "key",
    "label": "label",
    "score": "score",
    "dont_know": "is_dont_know",
    "advice": "advice",
    "traits": "traits",
}
# The numbers a draft copy must set itself to be published: an edition published before
# 2026.5 borrows these from the current content, and any edition borrows words it lacks.
EDITION_OWN = ("bands", "weights", "reaudit_months", "weak_dimension", "ceilings", "gates")
# What the scoring reads from an edition's settings (after older editions borrow words).
SCORING_SECTIONS = (
    "bands",
    "strong_from",
    "partial_from",
    "weights",
    "reaudit_months",
    "weak_dimension",
    "ceilings",
    "gates",
    "markets",
    "audiences",
    "gates_words",
    "dimensions",
    "topics",
    "headlines",
    "summaries",
    "words",
    "stages",
)


class ContentError(ValueError):
    """The content file or a draft is not a usable questionnaire."""


def read_content_file(path: Path = CONTENT_FILE) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


@transaction.atomic
def load_content_file(path: Path = CONTENT_FILE) -> Edition | None:
    """Publish the file's edition as a new edition, or return None if it is loaded already."""
    data = read_content_file(path)
    source = f"{path.name}@{data['edition']}"
    if Edition.objects.filter(source=source).exists():
        return None
    edition = Edition.objects.create(
        number=Edition.next_number(),
        name=data["edition"],
        title=data["title"],
        changelog=data.get("changelog", ""),
        scoring=data.get("scoring", {}),
        source=source,
    )
    for number, question_data in enumerate(data["questions"], start=1):
        _create_question(edition, number, question_data)
    return publish(edition)


def _create_question(edition: Edition, number: int, data: dict) -> None:
    question = Question.objects.create(
        edition=edition, number=number, **_model_fields(Question, QUESTION_FIELDS, data)
    )
    Option.objects.bulk_create(
        Option(question=question, position=position, **_model_fields(Option, OPTION_FIELDS, item))
        for position, item in enumerate(data["options"])
    )


def _model_fields(model, fields: dict[str, str], data: dict) -> dict:
    """The model's field values from the file's names; what the file leaves out takes the
    model's default."""
    return {
        field: data[name] if name in data else model._meta.get_field(field).get_default()
        for name, field in fields.items()
    }


def _file_fields(obj, fields: dict[str, str]) -> dict:
    return {name: getattr(obj, field) for name, field in fields.items()}


def complete_scoring_settings(scoring: dict) -> dict:
    """An edition's scoring settings as today's rules read them, completed with the words
    later editions added (from the current content file).

    Editions before 2026.5 held readiness down with caps, not gates: an audit answered on
    one is judged by the current edition's gates, ceilings and words, with its own
    questions, option scores, weights and bands (docs/scoring.md, "Audits answered on
    earlier editions")."""
    current = _current_scoring()
    if "gates" in scoring:
        return _with_band_meanings(_with_missing_words(scoring, current), current)
    own = {key: scoring[key] for key in ("bands", "weights") if key in scoring}
    # fixed in the code until 2026.3
    own.update(
        strong_from=scoring.get("strong_from", 70), partial_from=scoring.get("partial_from", 40)
    )
    focus = dict(scoring.get("focus", {}))
    if "network_spread_limit" in scoring:
        # Until 2026.3 only the networks question was scored for focus, with these two
        # numbers; the pathway question added up its options.
        numbers = {
            "limit": scoring["network_spread_limit"],
            "penalty": scoring["network_spread_penalty"],
        }
        focus = {"networks": numbers}
    own["focus"] = {key: {**current["focus"].get(key, {}), **rule} for key, rule in focus.items()}
    return _with_band_meanings({**current, **own}, current)


def _current_scoring() -> dict:
    return read_content_file()["scoring"]


def _words_only(value) -> bool:
    if isinstance(value, dict):
        return all(_words_only(item) for item in value.values())
    return isinstance(value, str)


def _with_missing_words(own: dict, current: dict) -> dict:
    """`own`, plus the texts (and tables of nothing but texts) that `current` has and it lacks."""
    merged = dict(own)
    for key, value in current.items():
        if key not in own:
            if _words_only(value):
                merged[key] = value
        elif isinstance(value, dict) and isinstance(own[key], dict):
            merged[key] = _with_missing_words(own[key], value)
    return merged


def _with_band_meanings(settings: dict, current: dict) -> dict:
    """Each band with what it means for an owner: its own words, else the current file's for
    the band of that key (editions before 2026.5 had none)."""
    meanings = {band["key"]: band.get("meaning", "") for band in current["bands"]}
    bands = [{"meaning": meanings.get(band["key"], ""), **band} for band in settings["bands"]]
    return {**settings, "bands": bands}


def rubric_of(edition: Edition, questions: Iterable[Question] | None = None) -> Rubric:
    """What the scoring reads of the edition (given its questions, if already read)."""
    content = edition_as_content(edition, questions)
    return Rubric.from_content(
        {**content, "scoring": complete_scoring_settings(content["scoring"])}
    )


def edition_as_content(edition: Edition, questions: Iterable[Question] | None = None) -> dict:
    """The edition in the data file's shape: what the scoring reads, whether the content
    came from the file or was edited in the admin."""
    if questions is None:
        questions = edition.questions.prefetch_related("options")
    in_file_shape = [
        {
            "number": question.number,
            **_file_fields(question, QUESTION_FIELDS),
            "options": [_file_fields(option, OPTION_FIELDS) for option in question.options.all()],
        }
        for question in questions
    ]
    return {"title": edition.title, "scoring": edition.scoring, "questions": in_file_shape}


@transaction.atomic
def copy_as_draft(edition: Edition) -> Edition:
    """A new, unpublished edition with the same content, ready to edit."""
    draft = Edition.objects.create(
        number=Edition.next_number(),
        name=f"{edition.name}, edited",
        title=edition.title,
        scoring=edition.scoring,
        based_on=edition,
    )
    for question in edition.questions.prefetch_related("options"):
        options = list(question.options.all())
        question.pk, question.edition = None, draft
        question.save()
        for option in options:
            option.pk, option.question = None, question
        Option.objects.bulk_create(options)
    return draft


def publish(edition: Edition) -> Edition:
    problems = validate(edition)
    if problems:
        raise ContentError("; ".join(problems))
    edition.published_at = timezone.now()
    edition.save(update_fields=["published_at"])
    return edition


def validate(edition: Edition) -> list[str]:
    """What stops a edition from being answered; an empty list means it is fine."""
    problems = []
    questions = list(edition.questions.prefetch_related("options"))
    if not questions:
        problems.append("it has no questions")
    for question in questions:
        options = list(question.options.all())
        if len([o for o in options if not o.is_dont_know]) < 2:
            problems.append(f"question {question.number} needs at least two real options")
        if any(not 0 <= o.score <= 100 for o in options):
            problems.append(f"question {question.number} has a score outside 0-100")
    return problems or _scoring_problems(edition)


def _scoring_problems(edition: Edition) -> list[str]:
    """Whether the scoring settings can score this edition's audits: every section is
    there, and a trial audit for each kind of business scores without an error."""
    content = edition_as_content(edition)
    settings = complete_scoring_settings(content["scoring"])
    # An edited copy must set its numbers itself; a content file may be an edition from
    # before 2026.5 (the tests load some), which borrows them.
    own = [s for s in EDITION_OWN if s not in content["scoring"]] if edition.based_on_id else []
    missing = own + [section for section in SCORING_SECTIONS if section not in settings]
    if missing:
        return [f"the scoring settings lack {', '.join(missing)}"]
    rubric = Rubric.from_content({**content, "scoring": settings})
    try:
        for answers in _trial_answers(rubric):
            for sells_to in SellsTo.values:
                for reach in Reach.values:
                    score(rubric, answers, Profile(sells_to, Sector.OTHER, Size.MICRO, reach))
    except (KeyError, IndexError, TypeError, ValueError, StopIteration, ZeroDivisionError) as error:
        return [f"the scoring settings cannot score an audit ({type(error).__name__}: {error})"]
    return []


def _trial_answers(rubric: Rubric) -> list[dict[str, list[str]]]:
    """The first real option of every question, then the last one."""
    real = {q.key: [o.key for o in q.options if not o.dont_know] for q in rubric.questions}
    return [{key: keys[:1] for key, keys in real.items()}, {k: v[-1:] for k, v in real.items()}]
