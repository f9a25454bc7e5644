"""Background jobs in the admin (Django Tasks DB › Task results): django-tasks' own read-only
list, with two actions for the jobs that failed: run them again, or delete them."""

from django.contrib import admin, messages
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class JobAdmin(DBTaskResultAdmin):
    actions = ["run_again", "delete_failed"]

    @admin.action(description="Run the selected failed jobs again")
    def run_again(self, request, queryset) -> None:
        failed = queryset.filter(status=TaskResultStatus.FAILED)
        for job in failed:
            job.task.enqueue(*job.args_kwargs["args"], **job.args_kwargs["kwargs"])
        count, _ = failed.delete()
        messages.success(request, f"{count} failed job(s) queued again.")

    @admin.action(description="Delete the selected failed jobs")
    def delete_failed(self, request, queryset) -> None:
        count, _ = queryset.filter(status=TaskResultStatus.FAILED).delete()
        messages.success(request, f"{count} failed job(s) deleted.")
