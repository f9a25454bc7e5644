"""`manage.py worker`: runs the background jobs (django-tasks' database worker), rides out a
database outage instead of exiting (the jobs wait in the database meanwhile), and takes
back the jobs of workers that died (common/jobs.py)."""

import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker

from common.jobs import HOUSEKEEPING_SECONDS, housekeeping, requeue_abandoned

logger = logging.getLogger(__name__)
SECONDS_BETWEEN_TRIES = 5
MOST_SECONDS_BETWEEN_SWEEPS = 60


class Command(db_worker.Command):
    help = "Run background jobs (report renders, emails) until stopped."

    def handle(self, **options) -> None:
        # Reloading runs the worker in a thread whose errors cannot be caught here.
        options["reload"] = False
        every = min(settings.JOB_TIMEOUT_SECONDS, MOST_SECONDS_BETWEEN_SWEEPS)
        threading.Thread(target=sweep, args=(every,), daemon=True, name="sweeper").start()
        while True:
            try:
                return super().handle(**options)
            except OperationalError as error:
                logger.warning(
                    "Database unavailable (%s); trying again in %s s",
                    " ".join(str(error).split()),
                    SECONDS_BETWEEN_TRIES,
                )
                connections.close_all()
                time.sleep(SECONDS_BETWEEN_TRIES)


def sweep(every: float) -> None:
    """Beside the worker's own loop (which waits on the jobs it runs): take back, every so
    often, the jobs of workers that died, this process's predecessor's included; and once
    an hour, let the apps clean up (expired drafts and sessions)."""
    last_housekeeping = None
    while True:
        last_housekeeping = sweep_once(last_housekeeping)
        time.sleep(every)


def sweep_once(last_housekeeping: float | None) -> float | None:
    """One sweep; returns when housekeeping last ran (time.monotonic())."""
    try:
        requeue_abandoned()
        now = time.monotonic()
        if last_housekeeping is None or now - last_housekeeping >= HOUSEKEEPING_SECONDS:
            housekeeping.send(sender=Command)
            return now
    except DatabaseError as error:  # down or locked: the next sweep will do
        logger.warning("Could not sweep: %s", error)
    finally:
        connections.close_all()  # this thread's own connection
    return last_housekeeping
