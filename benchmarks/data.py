"""What the benchmark commands share: the edition they make audits of, random answers and
businesses to score, and data made for a measurement and rolled back after it."""

import random
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db import transaction

from questionnaire.models import Edition
from questionnaire.profile import Sector, Size
from questionnaire.scoring.rubric import Profile, Rubric

SELLS_TO = ("consumers", "businesses", "both")


def random_answers(rubric: Rubric, rng: random.Random) -> dict[str, list[str]]:
    answers = {}
    for question in rubric.questions:
        keys = [option.key for option in question.options]
        count = rng.randint(1, 3) if question.multiple else 1
        answers[question.key] = rng.sample(keys, count)
    return answers


def random_profile(rng: random.Random, sells_to_only: bool = False) -> Profile:
    if sells_to_only:
        return Profile(rng.choice(SELLS_TO))
    return Profile(rng.choice(SELLS_TO), rng.choice(Sector.values), rng.choice(Size.values))


class _Rollback(Exception):
    pass


@contextmanager
def rolled_back() -> Iterator[None]:
    """Everything made inside is undone at the end, so a benchmark leaves nothing behind."""
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


def current_edition() -> Edition:
    edition = Edition.objects.current()
    if edition is None:
        raise CommandError("No published questionnaire: run `manage.py load_questionnaire`.")
    return edition
