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
    """An edition's scoring settings, completed with the words later editions added (the
    headline and summary texts, for example) from the current content file. Numbers are
    never borrowed: an older audit keeps its own weights, caps, bands and rules, and a rule
    added since does not apply to it (docs/scoring.md, "Audits answered on earlier
    editions")."""
    scoring = dict(scoring)
    current = _current_scoring()
    if "focus" not in scoring and "network_spread_limit" in scoring:
        # Until 2026.3 only the networks question was scored for focus, with these two
        # numbers; the pathway question added up its options.
        numbers = {
            "limit": scoring["network_spread_limit"],
            "penalty": scoring["network_spread_penalty"],
        }
        scoring["focus"] = {"networks": {**current["focus"]["networks"], **numbers}}
    if "strong_from" not in scoring:
        scoring.update(strong_from=70, partial_from=40)  # fixed in the code until 2026.3
    return _with_missing_words(scoring, current)


@cache
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
