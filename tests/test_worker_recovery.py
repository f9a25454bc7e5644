"""A job whose worker died is taken back: made ready again after JOB_TIMEOUT_SECONDS, and
given up (marked failed, for the operator) once it has cost three workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from common.jobs import requeue_abandoned
from tests.factories import make_user
from tests.slow_jobs import slow_once

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def running_job(started_ago: timedelta, workers: int = 1) -> DBTaskResult:
    result = slow_once.enqueue("/nowhere")
    job = DBTaskResult.objects.get(pk=result.id)
    for n in range(workers):
        job.claim(f"worker-{n}")
    DBTaskResult.objects.filter(pk=job.pk).update(started_at=timezone.now() - started_ago)
    return job


def status(job: DBTaskResult) -> str:
    job.refresh_from_db()
    return job.status


def test_jobs_running_past_the_timeout_are_made_ready_again(settings, caplog):
    settings.JOB_TIMEOUT_SECONDS = 300
    stuck = [running_job(timedelta(seconds=301)) for _ in range(2)]
    busy = running_job(timedelta(seconds=299))
    assert requeue_abandoned() == (2, 0)
    assert [status(job) for job in [*stuck, busy]] == ["READY", "READY", "RUNNING"]
    assert "Jobs whose worker died: 2 made ready again, 0 marked failed" in caplog.text


def test_a_job_that_cost_three_workers_is_given_up_and_says_why(settings, caplog):
    settings.JOB_TIMEOUT_SECONDS = 300
    twice = running_job(timedelta(minutes=10), workers=2)
    thrice = [running_job(timedelta(minutes=10), workers=n) for n in (3, 4)]
    assert requeue_abandoned() == (1, 2)
    assert [status(job) for job in [twice, *thrice]] == ["READY", "FAILED", "FAILED"]
    assert "WorkerLost: its worker stopped 3 times" in thrice[0].traceback
    assert "Jobs whose worker died: 1 made ready again, 2 marked failed" in caplog.text


def test_a_job_given_up_alone_is_logged_too(settings, caplog):
    settings.JOB_TIMEOUT_SECONDS = 300
    running_job(timedelta(minutes=10), workers=3)
    assert requeue_abandoned() == (0, 1)
    assert "Jobs whose worker died: 0 made ready again, 1 marked failed" in caplog.text


def test_finished_and_waiting_jobs_are_left_alone(settings, caplog):
    settings.JOB_TIMEOUT_SECONDS = 1
    waiting = DBTaskResult.objects.get(pk=slow_once.enqueue("/nowhere").id)
    done = running_job(timedelta(hours=1))
    done.set_successful(None)
    assert requeue_abandoned() == (0, 0)
    assert (status(waiting), status(done)) == ("READY", "SUCCESSFUL")
    assert "Jobs whose worker died" not in caplog.text


@pytest.fixture
def admin_client(client):
    admin = make_user("admin@example.com")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    return client


JOBS = "/admin/django_tasks_database/dbtaskresult/"


def test_the_operator_lists_failed_jobs_and_runs_them_again(admin_client):
    failed = running_job(timedelta(minutes=10), workers=3)
    requeue_abandoned()
    ok = running_job(timedelta(seconds=1))
    ok.set_successful(None)
    listing = admin_client.get(JOBS, {"status__exact": "FAILED"}).content.decode()
    assert str(failed.pk) in listing and str(ok.pk) not in listing
    response = admin_client.post(
        JOBS, {"action": "run_again", "_selected_action": [failed.pk, ok.pk]}, follow=True
    )
    assert "1 failed job(s) queued again." in response.content.decode()
    again = DBTaskResult.objects.get(status="READY")
    assert again.task_path == "tests.slow_jobs.slow_once"
    assert again.args_kwargs["args"] == ["/nowhere"]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"READY", "SUCCESSFUL"}


def test_the_operator_deletes_failed_jobs_and_only_those(admin_client):
    failed = running_job(timedelta(minutes=10), workers=3)
    requeue_abandoned()
    waiting = DBTaskResult.objects.get(pk=slow_once.enqueue("/nowhere").id)
    admin_client.post(
        JOBS, {"action": "delete_failed", "_selected_action": [failed.pk, waiting.pk]}
    )
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [waiting.pk]


# A real worker process, killed in the middle of a job, and the next one that finishes it.


def manage(database_url: str, *args: str, **env: str) -> subprocess.Popen:
    environment = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1", **env}
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.fixture
def database_url(tmp_path, transactional_db) -> str:
    """A database the worker processes share with this test: the test database itself on
    PostgreSQL (its rows committed), a migrated file on SQLite (the test's is in memory)."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    url = f"sqlite:///{tmp_path / 'jobs.sqlite3'}"
    migrate = manage(url, "migrate", "--noinput")
    assert migrate.wait(120) == 0, migrate.stderr.read().decode() if migrate.stderr else ""
    return url


def test_a_job_whose_worker_was_killed_is_finished_by_the_next_worker(database_url, tmp_path):
    folder = tmp_path / "job"
    folder.mkdir()
    enqueue = manage(
        database_url,
        "shell",
        "-c",
        f"from tests.slow_jobs import slow_once; slow_once.enqueue({str(folder)!r})",
    )
    assert enqueue.wait(60) == 0
    worker = ["worker", "--interval", "0.2", "--no-startup-delay"]
    first = manage(database_url, *worker)
    until(lambda: (folder / "started").exists())
    first.send_signal(signal.SIGKILL)  # mid-job: no chance to record anything
    first.wait(10)

    second = manage(database_url, *worker, JOB_TIMEOUT_SECONDS="1")
    try:
        until(lambda: (folder / "done").exists())
    finally:
        second.terminate()
        second.wait(10)
    log = second.stderr.read().decode() if second.stderr else ""
    assert "Jobs whose worker died: 1 made ready again, 0 marked failed" in log
