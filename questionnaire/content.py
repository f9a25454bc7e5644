"""Questionnaire content: loading the data file, and the draft → published life cycle.

A published version is frozen. Editing content means `copy_as_draft`, changing the copy
(in the admin) and `publish`-ing it; audits already answered keep pointing at their own
version, so their reports render exactly as before.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from questionnaire.models import Option, Question, QuestionnaireVersion

CONTENT_FILE = Path(__file__).parent / "content" / "questionnaire.toml"


class ContentError(ValueError):
    """The content file or a draft is not a usable questionnaire."""


def read_content_file(path: Path = CONTENT_FILE) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


@transaction.atomic
def load_content_file(path: Path = CONTENT_FILE) -> QuestionnaireVersion | None:
    """Publish the file's edition as a new version, or return None if it is loaded already."""
    data = read_content_file(path)
    source = f"{path.name}@{data['edition']}"
    if QuestionnaireVersion.objects.filter(source=source).exists():
        return None
    version = QuestionnaireVersion.objects.create(
        number=QuestionnaireVersion.next_number(),
        title=data["title"],
        changelog=data.get("changelog", ""),
        scoring=data.get("scoring", {}),
        source=source,
    )
    for number, question_data in enumerate(data["questions"], start=1):
        _create_question(version, number, question_data)
    return publish(version)


def _create_question(version: QuestionnaireVersion, number: int, data: dict) -> None:
    question = Question.objects.create(
        version=version,
        number=number,
        key=data["key"],
        dimension=data["dimension"],
        kind=data.get("kind", Question.Kind.SINGLE),
        text=data["text"],
        help_text=data.get("help_text", ""),
        note_prompt=data.get("note_prompt", ""),
        weight=data.get("weight", 1.0),
        advice=data.get("advice", ""),
    )
    Option.objects.bulk_create(
        Option(
            question=question,
            position=position,
            key=option["key"],
            label=option["label"],
            score=option.get("score", 0),
            is_dont_know=option.get("dont_know", False),
            advice=option.get("advice", ""),
            traits=option.get("traits", {}),
        )
        for position, option in enumerate(data["options"])
    )


def complete_scoring_settings(scoring: dict) -> dict:
    """An edition's scoring settings, with whatever later editions added and it lacks taken
    from the current content file. Its own numbers and texts always win, so an older audit
    keeps its weights, caps and bands; it gains only the words and rules added since (see
    docs/scoring.md, "Audits answered on earlier editions")."""
    scoring = dict(scoring)
    if "focus" not in scoring and "network_spread_limit" in scoring:
        # Until 2026.3 only the networks question was scored for focus; its other
        # multiple-choice question still adds up its options.
        current = _current_scoring()["focus"]["networks"]
        limit, penalty = scoring["network_spread_limit"], scoring["network_spread_penalty"]
        scoring["focus"] = {"networks": {**current, "limit": limit, "penalty": penalty}}
    return _merged(_current_scoring(), scoring)


@cache
def _current_scoring() -> dict:
    return read_content_file()["scoring"]


def _merged(base: dict, override: dict) -> dict:
    """`override` laid over `base`, table by table."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merged(base[key], value)
        else:
            merged[key] = value
    return merged


def version_as_content(version: QuestionnaireVersion) -> dict:
    """The version in the data file's shape: what the scoring reads, whether the content
    came from the file or was edited in the admin."""
    questions = [
        {
            "number": question.number,
            "key": question.key,
            "dimension": question.dimension,
            "kind": question.kind,
            "text": question.text,
            "weight": question.weight,
            "options": [
                {
                    "key": option.key,
                    "label": option.label,
                    "score": option.score,
                    "dont_know": option.is_dont_know,
                    "advice": option.advice,
                    "traits": option.traits,
                }
                for option in question.options.all()
            ],
        }
        for question in version.questions.prefetch_related("options")
    ]
    return {"title": version.title, "scoring": version.scoring, "questions": questions}


@transaction.atomic
def copy_as_draft(version: QuestionnaireVersion) -> QuestionnaireVersion:
    """A new, unpublished version with the same content, ready to edit."""
    draft = QuestionnaireVersion.objects.create(
        number=QuestionnaireVersion.next_number(),
        title=version.title,
        scoring=version.scoring,
        based_on=version,
    )
    for question in version.questions.prefetch_related("options"):
        options = list(question.options.all())
        question.pk, question.version = None, draft
        question.save()
        for option in options:
            option.pk, option.question = None, question
        Option.objects.bulk_create(options)
    return draft


def publish(version: QuestionnaireVersion) -> QuestionnaireVersion:
    problems = validate(version)
    if problems:
        raise ContentError("; ".join(problems))
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    return version


def validate(version: QuestionnaireVersion) -> list[str]:
    """What stops a version from being answered; an empty list means it is fine."""
    problems = []
    questions = list(version.questions.prefetch_related("options"))
    if not questions:
        problems.append("it has no questions")
    for question in questions:
        options = list(question.options.all())
        if len([o for o in options if not o.is_dont_know]) < 2:
            problems.append(f"question {question.number} needs at least two real options")
        if any(not 0 <= o.score <= 100 for o in options):
            problems.append(f"question {question.number} has a score outside 0-100")
    return problems
