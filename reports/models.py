"""A consultant's request for one ZIP of several clients' PDFs, built by the worker."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ReportBundle(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for the worker"
        BUILDING = "building", "Being built"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    audit_ids = models.JSONField()  # as chosen; access is checked again as each is added
    done = models.PositiveIntegerField(default=0)  # audits handled so far: the progress
    included = models.PositiveIntegerField(default=0)  # PDFs in the ZIP
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    file_name = models.CharField(max_length=200, blank=True)  # in the default storage
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{len(self.audit_ids)} reports for {self.requested_by}"

    @property
    def total(self) -> int:
        return len(self.audit_ids)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.READY, self.State.FAILED)
