"""What the benchmark commands share: the edition they make audits of, and data made for a
measurement and rolled back after it."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db import transaction

from questionnaire.models import QuestionnaireVersion


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


def current_version() -> QuestionnaireVersion:
    version = QuestionnaireVersion.objects.current()
    if version is None:
        raise CommandError("No published questionnaire: run `manage.py load_questionnaire`.")
    return version
