"""Running the background jobs in a test, as the worker would (without its signal handlers)."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_background_jobs() -> None:
    """Run every job that is due, then return."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def queued(task_path: str):
    return DBTaskResult.objects.filter(task_path=task_path, status="READY")
