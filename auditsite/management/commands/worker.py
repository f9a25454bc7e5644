"""`manage.py worker`: runs the background jobs (django-tasks' database worker), and rides
out a database outage instead of exiting: the jobs wait in the database meanwhile."""

import logging
import time

from django.db import connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)
SECONDS_BETWEEN_TRIES = 5


class Command(db_worker.Command):
    help = "Run background jobs (report renders, emails) until stopped."

    def handle(self, **options) -> None:
        # Reloading runs the worker in a thread whose errors cannot be caught here.
        options["reload"] = False
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
