"""Trying a background job again later, for failures that pass (a mail server or an object
store that is briefly down): django-tasks runs a job once and leaves retrying to the job."""

from datetime import timedelta

from django.utils import timezone


def try_again_later(task, args: tuple, attempt: int, waits: list[timedelta]) -> timedelta | None:
    """Queue `task(*args, attempt + 1)` after this attempt's wait; None once none is left."""
    if attempt > len(waits):
        return None
    wait = waits[attempt - 1]
    task.using(run_after=timezone.now() + wait).enqueue(*args, attempt + 1)
    return wait
