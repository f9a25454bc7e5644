"""Jobs whose worker died. django-tasks marks a job RUNNING when a worker takes it and
finished when it ends; a worker killed in between (out of memory, SIGKILL, the machine
lost) leaves it RUNNING for ever. No job of this site runs for more than a few seconds (a
PDF takes about one; an email gives up on its mail server after EMAIL_TIMEOUT), so one
still running after JOB_TIMEOUT_SECONDS has lost its worker: it is made ready again for
any worker to take. Every job here may safely run twice (a render or a recount gives the
same result; an email may, rarely, arrive twice).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# A job that has taken down its worker this many times is not tried again: it would take
# down the next one too. It is marked failed, for the operator to see in the admin.
MOST_WORKERS_LOST = 3


# Sent by the worker once an hour, for the apps' own clean-ups (privacy/expiry.py): a hook
# here, so this lower layer need not know the apps above it.
housekeeping = Signal()
HOUSEKEEPING_SECONDS = 60 * 60


class WorkerLost(Exception):
    """Recorded as the failure of a job whose workers kept dying while running it."""


def requeue_abandoned() -> tuple[int, int]:
    """Make jobs whose worker died ready again; returns (made ready, given up on)."""
    cutoff = timezone.now() - timedelta(seconds=settings.JOB_TIMEOUT_SECONDS)
    ready = given_up = 0
    with transaction.atomic():
        stuck = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
        for job in stuck.select_for_update(skip_locked=True):
            if len(job.worker_ids) >= MOST_WORKERS_LOST:
                job.set_failed(WorkerLost(f"its worker stopped {len(job.worker_ids)} times"))
                given_up += 1
            else:
                job.status = TaskResultStatus.READY
                job.save(update_fields=["status"])
                ready += 1
    if ready or given_up:
        logger.warning(
            "Jobs whose worker died: %s made ready again, %s marked failed", ready, given_up
        )
    return ready, given_up
