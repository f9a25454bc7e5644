"""A job for the worker tests: the first run takes a minute (time enough to kill its
worker), a later one finishes at once."""

import time
from pathlib import Path

from django_tasks import task


@task()
def slow_once(folder: str) -> None:
    started = Path(folder) / "started"
    if not started.exists():
        started.touch()
        time.sleep(60)
    (Path(folder) / "done").touch()
